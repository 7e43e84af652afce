// The layout of the build's cache files (.passerelle-cache/): a first line naming the format
// and the program that wrote the file, then entries, each a key, a checksum and its bytes.
// Another program's file, a damaged entry or a cut file only cost computing again: a reader
// stops where the file is cut, and an entry whose bytes do not match its checksum is never
// found (checked when it is looked up: a build uses an entry once, on any thread, and the
// Markdown renders are a large file that a check of every entry on reading held up).
#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace passerelle {

/// A number in 7-bit groups, the lowest first (1 byte under 128).
void put_number(std::string& out, uint64_t value);
/// A length, then the bytes.
void put_text(std::string& out, std::string_view text);
/// `value` byte for byte: a double exactly as computed, a checksum.
template <typename T>
void put_raw(std::string& out, T value) {
  char bytes[sizeof value];
  std::memcpy(bytes, &value, sizeof value);
  out.append(bytes, sizeof bytes);
}

/// Reads what the put_ functions wrote; once anything is out of bounds, `ok` is false and
/// every read gives zero or nothing.
struct ByteReader {
  std::string_view bytes;
  size_t at = 0;
  bool ok = true;

  uint64_t number();
  std::string_view text();
  /// A count of items of at least one byte each: never more than the bytes left.
  size_t count();
  template <typename T>
  T raw() {
    T value{};
    if (bytes.size() - at < sizeof value) {
      ok = false;
      return value;
    }
    std::memcpy(&value, bytes.data() + at, sizeof value);
    at += sizeof value;
    return value;
  }
};

/// The first line of a cache file of `format` ("passerelle-search-counts-1") written by the
/// program `stamp` (program_stamp()).
std::string cache_header(std::string_view format, std::string_view stamp);

/// One entry as a file holds it; `key` is KeyHash::hex() (32 characters).
void put_cache_entry(std::string& out, std::string_view key, std::string_view bytes);

/// The entries of a cache file, by key.
class CacheEntries {
 public:
  /// The entries of `bytes` (a file's contents) when its first line is `header`; none
  /// otherwise. The entries up to the first that is cut are read.
  static CacheEntries parse(std::string bytes, std::string_view header);
  /// The same from the file at `path`, mapped rather than read: a large cache is then never
  /// copied (the program's own files are replaced by renaming, never cut in place). None
  /// when it cannot be read.
  static CacheEntries read(const std::string& path, std::string_view header);
  /// The bytes of `key`'s entry; nullopt when there is none, or they are not those written.
  const std::string_view* find(std::string_view key) const;
  size_t size() const { return entries_.size(); }
  /// Whether the file was read to its end (not another program's, not cut; an entry may still
  /// be damaged, and is then never found).
  bool whole() const { return whole_; }
  /// The bytes of the file that its entries take (the header left out).
  size_t entry_bytes() const { return entry_bytes_; }

 private:
  /// Parses `all`, kept alive by `owner`.
  static CacheEntries parse_view(std::shared_ptr<const void> owner, std::string_view all,
                                 std::string_view header);

  struct Entry {
    std::string_view bytes;  // a view into bytes_
    uint64_t checksum = 0;   // checked when the entry is found, not when the file is read
  };
  std::shared_ptr<const void> bytes_;  // what the views point into; not moved with the entries
  std::unordered_map<std::string_view, Entry> entries_;
  bool whole_ = false;
  size_t entry_bytes_ = 0;
};

}  // namespace passerelle
