#include "base/cache_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <functional>

namespace passerelle {

namespace {

constexpr size_t kKeyLength = 32;  // KeyHash::hex()

/// What an entry's bytes are checked against: a damaged entry could otherwise read as
/// another's. Only this program reads its files, so std::hash will do.
uint64_t checksum_of(std::string_view bytes) { return std::hash<std::string_view>{}(bytes); }

}  // namespace

void put_number(std::string& out, uint64_t value) {
  do {
    unsigned char byte = value & 0x7F;
    value >>= 7;
    out += static_cast<char>(value ? byte | 0x80 : byte);
  } while (value);
}

void put_text(std::string& out, std::string_view text) {
  put_number(out, text.size());
  out += text;
}

uint64_t ByteReader::number() {
  uint64_t value = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (at >= bytes.size()) break;
    auto byte = static_cast<unsigned char>(bytes[at++]);
    value |= static_cast<uint64_t>(byte & 0x7F) << shift;
    if (!(byte & 0x80)) return value;
  }
  ok = false;
  return 0;
}

std::string_view ByteReader::text() {
  uint64_t size = number();
  if (!ok || size > bytes.size() - at) {
    ok = false;
    return {};
  }
  auto text = bytes.substr(at, size);
  at += size;
  return text;
}

size_t ByteReader::count() {
  uint64_t n = number();
  if (n > bytes.size() - at) ok = false;
  return ok ? n : 0;
}

std::string cache_header(std::string_view format, std::string_view stamp) {
  return std::string(format) + " " + std::string(stamp) + "\n";
}

void put_cache_entry(std::string& out, std::string_view key, std::string_view bytes) {
  out += key;
  put_raw(out, checksum_of(bytes));
  put_text(out, bytes);
}

CacheEntries CacheEntries::parse(std::string bytes, std::string_view header) {
  auto owned = std::make_shared<const std::string>(std::move(bytes));
  std::string_view all = *owned;
  return parse_view(std::move(owned), all, header);
}

CacheEntries CacheEntries::read(const std::string& path, std::string_view header) {
  int descriptor = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (descriptor < 0) return {};
  struct stat status;
  void* mapped = MAP_FAILED;
  if (::fstat(descriptor, &status) == 0 && S_ISREG(status.st_mode) && status.st_size > 0) {
    mapped = ::mmap(nullptr, static_cast<size_t>(status.st_size), PROT_READ,
                    MAP_PRIVATE | MAP_POPULATE, descriptor, 0);
  }
  ::close(descriptor);
  if (mapped == MAP_FAILED) return {};
  auto size = static_cast<size_t>(status.st_size);
  std::shared_ptr<const void> owner(mapped, [size](const void* at) {
    ::munmap(const_cast<void*>(at), size);
  });
  return parse_view(std::move(owner), std::string_view(static_cast<const char*>(mapped), size), header);
}

CacheEntries CacheEntries::parse_view(std::shared_ptr<const void> owner, std::string_view all,
                                      std::string_view header) {
  CacheEntries cache;
  if (all.compare(0, header.size(), header) != 0) return cache;
  cache.bytes_ = std::move(owner);
  ByteReader in{all, header.size()};
  while (in.at < all.size()) {
    if (all.size() - in.at < kKeyLength) return cache;  // cut
    auto key = all.substr(in.at, kKeyLength);
    in.at += key.size();
    auto checksum = in.raw<uint64_t>();
    auto entry = in.text();
    if (!in.ok) return cache;  // cut
    cache.entries_.insert_or_assign(key, Entry{entry, checksum});
    cache.entry_bytes_ = in.at - header.size();
  }
  cache.whole_ = true;
  return cache;
}

const std::string_view* CacheEntries::find(std::string_view key) const {
  auto found = entries_.find(key);
  if (found == entries_.end() || checksum_of(found->second.bytes) != found->second.checksum) return nullptr;
  return &found->second.bytes;
}

}  // namespace passerelle
