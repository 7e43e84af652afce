#include "output/new_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace passerelle {

namespace {

/// Writes `bytes` to `fd` and closes it; on failure removes `path` and sets `error`.
bool write_and_close(int fd, const std::string& path, const std::string& bytes, std::string* error) {
  size_t written = 0;
  while (written < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      *error = path + ": " + std::strerror(errno);
      ::close(fd);
      ::unlink(path.c_str());
      return false;
    }
    written += static_cast<size_t>(n);
  }
  if (::close(fd) != 0) {
    *error = path + ": " + std::strerror(errno);
    ::unlink(path.c_str());
    return false;
  }
  return true;
}

void create_parent(const std::string& path) {
  std::error_code ec;
  std::filesystem::path target(path);
  if (target.has_parent_path()) std::filesystem::create_directories(target.parent_path(), ec);
}

}  // namespace

bool create_new_file(const std::string& path, const std::string& bytes, std::string* error) {
  create_parent(path);
  // O_EXCL: refuse to overwrite, with no window between a check and the write.
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) {
    *error = path + ": " +
             (errno == EEXIST ? "exists already; nothing was overwritten"
                              : std::string(std::strerror(errno)));
    return false;
  }
  return write_and_close(fd, path, bytes, error);
}

bool replace_files(const std::vector<FileWrite>& files, std::string* error) {
  std::vector<std::string> temporaries;
  auto remove_temporaries = [&] {
    for (const auto& temporary : temporaries) ::unlink(temporary.c_str());
  };
  for (const auto& file : files) {
    create_parent(file.path);
    std::string temporary = file.path + ".passerelle-XXXXXX";
    int fd = ::mkstemp(temporary.data());
    if (fd < 0) {
      *error = file.path + ": " + std::strerror(errno);
      remove_temporaries();
      return false;
    }
    ::fchmod(fd, 0644);  // mkstemp makes it 0600; a record is an ordinary file of the site
    if (!write_and_close(fd, temporary, file.bytes, error)) {
      remove_temporaries();
      return false;
    }
    temporaries.push_back(temporary);
  }
  for (size_t i = 0; i < files.size(); ++i) {
    if (std::rename(temporaries[i].c_str(), files[i].path.c_str()) != 0) {
      *error = files[i].path + ": " + std::strerror(errno);
      for (size_t j = i; j < temporaries.size(); ++j) ::unlink(temporaries[j].c_str());
      return false;
    }
  }
  return true;
}

}  // namespace passerelle
