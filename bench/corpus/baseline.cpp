#include "baseline.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <set>

namespace fs = std::filesystem;

namespace corpus {

namespace {

double elapsed_ms(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - since).count();
}

bool read_all(const fs::path& path, std::vector<char>& buffer, uint64_t& bytes) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  ssize_t got;
  while ((got = ::read(fd, buffer.data(), buffer.size())) > 0) bytes += static_cast<uint64_t>(got);
  ::close(fd);
  return got == 0;
}

bool write_all(const fs::path& path, const char* data, size_t size) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return false;
  size_t done = 0;
  while (done < size) {
    ssize_t put = ::write(fd, data + done, size - done);
    if (put <= 0) break;
    done += static_cast<size_t>(put);
  }
  return ::close(fd) == 0 && done == size;
}

}  // namespace

BaselineResult run_baseline(const std::vector<std::string>& inputs, const std::string& like,
                            const std::string& out) {
  BaselineResult result;
  std::error_code ec;
  if (fs::exists(out, ec)) {
    result.error = out + " exists: the baseline writes into a fresh folder";
    return result;
  }
  struct Planned {
    std::string path;
    size_t size;
  };
  std::vector<Planned> plan;
  size_t largest = 0;
  for (auto it = fs::recursive_directory_iterator(like, ec); it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (ec) break;
    if (!it->is_regular_file(ec)) continue;
    size_t size = it->file_size(ec);
    plan.push_back({fs::relative(it->path(), like, ec).string(), size});
    largest = std::max(largest, size);
  }
  if (ec || plan.empty()) {
    result.error = "cannot list " + like;
    return result;
  }
  std::sort(plan.begin(), plan.end(), [](const Planned& a, const Planned& b) { return a.path < b.path; });
  std::string filler(largest, 'x');

  // Read: every file, whole, as a generator must.
  auto started = std::chrono::steady_clock::now();
  std::vector<char> buffer(1 << 20);
  for (const auto& input : inputs) {
    if (fs::is_regular_file(input, ec)) {
      if (read_all(input, buffer, result.read_bytes)) ++result.read_files;
      continue;
    }
    for (auto it = fs::recursive_directory_iterator(input, ec); it != fs::recursive_directory_iterator();
         it.increment(ec)) {
      if (ec) break;
      if (it->is_regular_file(ec) && read_all(it->path(), buffer, result.read_bytes)) ++result.read_files;
    }
  }
  result.read_ms = elapsed_ms(started);

  // Write: same paths and sizes, folders created once each.
  started = std::chrono::steady_clock::now();
  fs::path root(out);
  std::set<fs::path> folders;
  for (const auto& file : plan) {
    fs::path path = root / file.path;
    if (folders.insert(path.parent_path()).second) fs::create_directories(path.parent_path(), ec);
    if (!write_all(path, filler.data(), file.size)) {
      result.error = "cannot write " + path.string();
      return result;
    }
    ++result.written_files;
    result.written_bytes += file.size;
  }
  result.write_ms = elapsed_ms(started);
  return result;
}

}  // namespace corpus
