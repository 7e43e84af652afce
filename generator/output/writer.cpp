#include "output/writer.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <map>
#include <string_view>
#include <mutex>
#include <vector>
#include <cerrno>
#include <cstring>
#include <set>

#include "parallel.h"

namespace fs = std::filesystem;

namespace passerelle {

std::string check_plan(const OutputPlan& plan) {
  std::set<std::string> seen;
  for (const auto& file : plan) {
    const auto& p = file.path;
    if (p.empty() || p.front() == '/' || p.find("..") != std::string::npos ||
        p.find('\\') != std::string::npos || p.find("//") != std::string::npos) {
      return "refusing to write outside the output folder: '" + p + "'";
    }
    if (!seen.insert(p).second) return "two outputs would be written to the same file: " + p;
  }
  return "";
}

namespace {

/// One open, write and close: creating files is most of what writing a big site costs.
bool write_file(const fs::path& path, const std::string& bytes, std::string* error) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  bool ok = fd >= 0;
  for (size_t done = 0; ok && done < bytes.size();) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) done += static_cast<size_t>(n);
  }
  if (fd >= 0 && ::close(fd) != 0) ok = false;
  if (!ok) *error = "cannot write " + path.string() + ": " + std::strerror(errno);
  return ok;
}

/// Every folder of the plan, made once each, parents first, before any file is written.
bool make_folders(const OutputPlan& plan, const fs::path& folder, std::string* error) {
  std::set<std::string> folders;
  for (const auto& file : plan) {
    for (size_t slash = file.path.find('/'); slash != std::string::npos; slash = file.path.find('/', slash + 1)) {
      folders.insert(file.path.substr(0, slash));
    }
  }
  for (const auto& relative : folders) {  // sorted: "a" comes before "a/b"
    fs::path path = folder / relative;
    if (::mkdir(path.c_str(), 0755) != 0 && errno != EEXIST) {
      *error = "cannot create " + path.string() + ": " + std::strerror(errno);
      return false;
    }
  }
  return true;
}

/// The plan's files grouped by folder, largest group first. Creating a file locks its folder,
/// so two threads writing into one folder mostly wait for each other (a search index folder
/// holds 12,000 files); each thread takes whole folders instead.
std::vector<std::vector<size_t>> files_by_folder(const OutputPlan& plan) {
  std::map<std::string_view, std::vector<size_t>> groups;
  for (size_t i = 0; i < plan.size(); ++i) {
    std::string_view path = plan[i].path;
    size_t slash = path.rfind('/');
    groups[slash == std::string_view::npos ? std::string_view() : path.substr(0, slash)].push_back(i);
  }
  std::vector<std::vector<size_t>> folders;
  for (auto& [name, files] : groups) folders.push_back(std::move(files));
  std::stable_sort(folders.begin(), folders.end(),
                   [](const auto& a, const auto& b) { return a.size() > b.size(); });
  return folders;
}

/// Writes every file of the plan below `folder`, on one thread per core: most of the time is
/// spent in the kernel creating files, which two threads overlap well when they work in
/// different folders.
bool write_all(const OutputPlan& plan, const fs::path& folder, std::string* error) {
  if (!make_folders(plan, folder, error)) return false;
  auto folders = files_by_folder(plan);
  std::atomic<bool> failed{false};
  std::mutex error_mutex;
  for_each_index(folders.size(), std::min<size_t>(worker_count(), 4), [&](size_t, size_t group) {
    std::string my_error;
    for (size_t i : folders[group]) {
      if (failed) return;
      if (!write_file(folder / plan[i].path, plan[i].bytes, &my_error)) {
        std::lock_guard<std::mutex> lock(error_mutex);
        if (!failed.exchange(true)) *error = my_error;
      }
    }
  }, &failed);
  return !failed;
}

/// Staging folders left by builds that were killed before they could clean up: only our own
/// names (".<output>.staging-<pid>") and only when that process is gone, so that a build
/// running at the same time keeps its own.
void remove_stale_staging(const fs::path& out) {
  std::string prefix = "." + out.filename().string() + ".staging-";
  std::error_code ec;
  std::vector<fs::path> stale;
  for (const auto& entry : fs::directory_iterator(out.parent_path(), ec)) {
    std::string name = entry.path().filename().string();
    if (name.compare(0, prefix.size(), prefix) != 0) continue;
    std::string digits = name.substr(prefix.size());
    if (digits.empty() || digits.size() > 9 ||
        digits.find_first_not_of("0123456789") != std::string::npos) {
      continue;
    }
    pid_t pid = static_cast<pid_t>(std::stol(digits));
    if (pid == getpid() || kill(pid, 0) == 0 || errno != ESRCH) continue;  // alive, or not ours
    if (entry.is_symlink(ec) || !entry.is_directory(ec)) continue;
    stale.push_back(entry.path());
  }
  for (const auto& path : stale) fs::remove_all(path, ec);
}

bool is_inside(const fs::path& inner, const fs::path& outer) {
  auto i = inner.begin(), o = outer.begin();
  for (; o != outer.end(); ++i, ++o) {
    if (i == inner.end() || *i != *o) return false;
  }
  return true;
}

}  // namespace

bool publish(const OutputPlan& plan, const std::string& out_dir, const std::string& source_dir,
             std::string* error) {
  if (auto problem = check_plan(plan); !problem.empty()) {
    *error = problem;
    return false;
  }
  std::error_code ec;
  fs::path out = fs::weakly_canonical(fs::absolute(out_dir), ec);
  fs::path source = fs::weakly_canonical(fs::absolute(source_dir), ec);
  // "public/" names the folder "public": without this its name would be empty, and the
  // staging folder would be made inside it.
  if (!out.has_filename()) out = out.parent_path();
  if (is_inside(source, out)) {
    *error = "the output folder " + out.string() + " would replace the site's sources";
    return false;
  }
  if (fs::exists(out, ec) && !fs::is_directory(out, ec)) {
    *error = out.string() + " exists and is not a folder";
    return false;
  }
  fs::create_directories(out.parent_path(), ec);
  remove_stale_staging(out);
  fs::path staging = out.parent_path() / ("." + out.filename().string() + ".staging-" +
                                          std::to_string(getpid()));
  fs::remove_all(staging, ec);
  if (!fs::create_directory(staging, ec)) {
    *error = "cannot create " + staging.string() + ": " + ec.message();
    return false;
  }
  if (!write_all(plan, staging, error)) {
    fs::remove_all(staging, ec);
    return false;
  }
  // Swap in one step: the old output ends up in the staging folder and is removed after.
  if (fs::exists(out, ec)) {
    if (renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, out.c_str(), RENAME_EXCHANGE) != 0) {
      *error = "cannot replace " + out.string() + ": " + std::strerror(errno);
      fs::remove_all(staging, ec);
      return false;
    }
  } else if (std::rename(staging.c_str(), out.c_str()) != 0) {
    *error = "cannot create " + out.string() + ": " + std::strerror(errno);
    fs::remove_all(staging, ec);
    return false;
  }
  fs::remove_all(staging, ec);
  return true;
}

}  // namespace passerelle
