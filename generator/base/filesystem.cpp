#include "base/filesystem.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

#include <algorithm>
#include <cstdint>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace fs = std::filesystem;

namespace passerelle {

std::optional<std::string> read_whole_file(const std::string& absolute) {
  // A folder opens as a stream too, and says it is of an impossible size.
  std::error_code ec;
  if (!fs::is_regular_file(absolute, ec)) return std::nullopt;
  std::ifstream in(absolute, std::ios::binary | std::ios::ate);
  if (!in) return std::nullopt;
  std::streamoff size = in.tellg();
  if (size < 0) return std::nullopt;
  std::string bytes(static_cast<size_t>(size), '\0');
  in.seekg(0);
  if (!in.read(bytes.data(), size)) return std::nullopt;
  if (in.peek() != std::char_traits<char>::eof()) {  // it grew while it was read
    std::ostringstream rest;
    rest << in.rdbuf();
    bytes += rest.str();
  }
  return bytes;
}

bool write_cache_file(const std::string& path, const std::string& bytes) {
  std::error_code error;
  fs::create_directories(fs::path(path).parent_path(), error);
  std::string temporary = path + ".tmp" + std::to_string(::getpid()) + "-" +
                          std::to_string(reinterpret_cast<uintptr_t>(&bytes));
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) return false;
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) return false;
  }
  fs::rename(temporary, path, error);
  if (!error) return true;
  std::error_code ignored;  // `error` must still say the rename failed
  fs::remove(temporary, ignored);
  return false;
}

bool append_cache_file(const std::string& path, std::string_view bytes) {
  int descriptor = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
  if (descriptor < 0) return false;
  bool ok = true;
  while (ok && !bytes.empty()) {
    ssize_t n = ::write(descriptor, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) bytes.remove_prefix(static_cast<size_t>(n));
  }
  return ::close(descriptor) == 0 && ok;
}

DiskSourceTree::DiskSourceTree(std::string root) : root_(std::move(root)) {
  std::error_code ec;
  auto canonical = fs::weakly_canonical(root_, ec);
  canonical_root_ = ec ? root_ : canonical.string();
}

bool DiskSourceTree::inside_root(const std::string& absolute) const {
  std::error_code ec;
  auto canonical = fs::weakly_canonical(absolute, ec).string();
  if (ec) return false;
  return canonical == canonical_root_ || canonical.rfind(canonical_root_ + "/", 0) == 0;
}

std::optional<std::string> DiskSourceTree::read(const std::string& path) const {
  std::string absolute = root_ + "/" + path;
  if (!is_file(path)) return std::nullopt;
  return read_whole_file(absolute);
}

std::string DiskSourceTree::stamp(const std::string& path) const {
  std::error_code ec;
  std::string absolute = root_ + "/" + path;
  if (!is_file(path)) return "";
  auto size = fs::file_size(absolute, ec);
  if (ec) return "";
  auto time = fs::last_write_time(absolute, ec);
  if (ec) return "";
  auto nanoseconds = std::chrono::duration_cast<std::chrono::nanoseconds>(time.time_since_epoch());
  return std::to_string(size) + ":" + std::to_string(nanoseconds.count());
}

bool DiskSourceTree::is_file(const std::string& path) const {
  std::error_code ec;
  std::string absolute = root_ + "/" + path;
  return fs::is_regular_file(absolute, ec) && inside_root(absolute);
}

std::vector<std::string> DiskSourceTree::list_files(const std::string& dir) const {
  std::vector<std::string> files;
  std::error_code ec;
  // Paths are made relative lexically: fs::relative would resolve a link inside the tree to
  // its target's name, listing that file twice.
  fs::path root = fs::path(root_).lexically_normal();
  if (!root.has_filename()) root = root.parent_path();
  fs::path base = dir.empty() ? root : root / dir;
  if (!fs::is_directory(base, ec)) return files;
  for (auto it = fs::recursive_directory_iterator(base, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    if (it->is_symlink(ec) && !inside_root(it->path().string())) continue;
    files.push_back(it->path().lexically_relative(root).generic_string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::optional<std::string> MemorySourceTree::read(const std::string& path) const {
  auto it = files_.find(path);
  if (it == files_.end()) return std::nullopt;
  return it->second;
}

bool MemorySourceTree::is_file(const std::string& path) const { return files_.count(path) > 0; }

std::vector<std::string> MemorySourceTree::list_files(const std::string& dir) const {
  std::vector<std::string> files;
  std::string prefix = dir.empty() ? "" : dir + "/";
  for (const auto& [path, contents] : files_) {
    if (path.rfind(prefix, 0) == 0) files.push_back(path);
  }
  return files;  // std::map keeps them sorted
}

LayeredSourceTree::LayeredSourceTree(const SourceTree& primary, std::string primary_prefix,
                                     const SourceTree& fallback, std::string fallback_prefix)
    : primary_(primary),
      primary_prefix_(std::move(primary_prefix)),
      fallback_(fallback),
      fallback_prefix_(std::move(fallback_prefix)) {}

std::optional<std::string> LayeredSourceTree::read(const std::string& path) const {
  if (auto text = primary_.read(primary_prefix_ + path)) return text;
  return fallback_.read(fallback_prefix_ + path);
}

bool LayeredSourceTree::is_file(const std::string& path) const {
  return primary_.is_file(primary_prefix_ + path) || fallback_.is_file(fallback_prefix_ + path);
}

std::vector<std::string> LayeredSourceTree::list_files(const std::string& dir) const {
  std::set<std::string> merged;
  for (const auto& [tree, prefix] : {std::pair{&primary_, primary_prefix_},
                                     std::pair{&fallback_, fallback_prefix_}}) {
    for (const auto& path : tree->list_files(prefix + dir)) merged.insert(path.substr(prefix.size()));
  }
  return {merged.begin(), merged.end()};
}

std::string LayeredSourceTree::stamp(const std::string& path) const {
  if (primary_.is_file(primary_prefix_ + path)) return primary_.stamp(primary_prefix_ + path);
  return fallback_.stamp(fallback_prefix_ + path);
}

std::string LayeredSourceTree::origin_of(const std::string& path) const {
  if (primary_.is_file(primary_prefix_ + path)) return primary_prefix_ + path;
  return fallback_prefix_ + path;
}

}  // namespace passerelle
