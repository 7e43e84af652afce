#include "output/update_folder.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "output/output_folder.h"
#include "base/parallel.h"

namespace fs = std::filesystem;

namespace passerelle {

namespace {

/// What a fresh write gives.
struct Fresh {
  mode_t file;
  mode_t folder;
  uid_t owner;
};

/// umask() can only be read by setting it; no other thread creates files while a site is
/// published.
Fresh fresh() {
  mode_t mask = ::umask(0);
  ::umask(mask);
  return {static_cast<mode_t>(0644 & ~mask), static_cast<mode_t>(0755 & ~mask), ::geteuid()};
}

bool fail(const std::string& what, const fs::path& path, std::string* error) {
  *error = what + " " + path.string() + ": " + std::strerror(errno);
  return false;
}

/// What the plan holds, for the walk of an existing folder.
struct Wanted {
  std::set<std::string> folders;                       // sorted: "a" comes before "a/b"
  std::unordered_map<std::string_view, size_t> files;  // path → index in the plan
};

void want(Wanted& wanted, const std::string& path, size_t index) {
  wanted.files.emplace(path, index);
  for (size_t slash = path.find('/'); slash != std::string::npos;
       slash = path.find('/', slash + 1)) {
    wanted.folders.insert(path.substr(0, slash));
  }
}

Wanted wanted_of(const OutputPlan& plan) {
  Wanted wanted;
  wanted.files.reserve(plan.size());
  for (size_t i = 0; i < plan.size(); ++i) want(wanted, plan[i].path, i);
  return wanted;
}

struct Walk {
  const Wanted& wanted;
  const fs::path& root;
  Fresh fresh;
  std::vector<char>& present;  // by plan index: a regular file is there already
};

bool remove_entry(const Walk& walk, int dir, const std::string& name, bool folder,
                  const std::string& relative, std::string* error) {
  if (folder) {
    std::error_code ec;
    fs::remove_all(walk.root / relative, ec);
    if (!ec) return true;
    errno = ec.value();
  } else if (::unlinkat(dir, name.c_str(), 0) == 0) {
    return true;
  }
  return fail("cannot remove", walk.root / relative, error);
}

/// The mode mkdir gives, on a folder open as `dir` (a user may have changed it).
bool reset_mode(int dir, mode_t mode) {
  struct stat info {};
  return ::fstat(dir, &info) == 0 && ((info.st_mode & 07777) == mode || ::fchmod(dir, mode) == 0);
}

/// Removes from the folder open as `dir` (`prefix` is its path in the output, "" or ending in
/// '/') what the plan does not hold there: a folder, regular file or anything else at a path
/// the plan gives no such thing. Planned regular files are only noted; their bytes are compared
/// later, in parallel. The planned folders found there are added to `inside`, to be pruned
/// in their turn.
bool prune(const Walk& walk, int dir, const std::string& prefix, std::vector<std::string>& inside,
           std::string* error) {
  // Listed first, changed after: removing entries while reading a folder may skip others.
  std::vector<std::pair<std::string, unsigned char>> entries;
  DIR* stream = ::fdopendir(::dup(dir));
  if (!stream) return fail("cannot read", walk.root / prefix, error);
  while (const dirent* entry = ::readdir(stream)) {
    std::string_view name = entry->d_name;
    if (name != "." && name != "..") entries.emplace_back(name, entry->d_type);
  }
  ::closedir(stream);
  for (auto& [name, type] : entries) {
    if (prefix.empty() && name == kOutputMarker) continue;  // the writer's, kept as it is
    std::string relative = prefix + name;
    if (type == DT_UNKNOWN) {  // file systems that do not say in the listing
      struct stat info {};
      if (::fstatat(dir, name.c_str(), &info, AT_SYMLINK_NOFOLLOW) != 0) {
        return fail("cannot read", walk.root / relative, error);
      }
      type = IFTODT(info.st_mode);
    }
    if (walk.wanted.folders.count(relative)) {
      if (type == DT_DIR) {
        inside.push_back(std::move(relative));
        continue;
      }
    } else if (auto file = walk.wanted.files.find(relative);
               file != walk.wanted.files.end() && type == DT_REG) {
      walk.present[file->second] = 1;
      continue;
    }
    if (!remove_entry(walk, dir, name, type == DT_DIR, relative, error)) return false;
  }
  return true;
}

/// A planned folder that exists (`relative` to the root open as `root_dir`): its mode reset,
/// then pruned.
bool enter(const Walk& walk, int root_dir, const std::string& relative,
           std::vector<std::string>& inside, std::string* error) {
  int dir = ::openat(root_dir, relative.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (dir < 0) return fail("cannot open", walk.root / relative, error);
  bool ok = reset_mode(dir, walk.fresh.folder) ||
            fail("cannot set the mode of", walk.root / relative, error);
  ok = ok && prune(walk, dir, relative + "/", inside, error);
  ::close(dir);
  return ok;
}

/// Prunes the root open as `root_dir`, then its planned folders a depth at a time, each
/// depth's folders on every core (a large site has tens of thousands: the walk is system
/// calls, which run in parallel). Reports the first error in path order.
bool prune_tree(const Walk& walk, int root_dir, std::string* error) {
  std::vector<std::string> level;
  if (!prune(walk, root_dir, "", level, error)) return false;
  while (!level.empty()) {
    std::sort(level.begin(), level.end());
    std::vector<std::vector<std::string>> inside(level.size());
    std::vector<std::string> errors(level.size());
    std::atomic<bool> failed{false};
    for_each_index(level.size(), worker_count(), [&](size_t, size_t i) {
      if (!enter(walk, root_dir, level[i], inside[i], &errors[i])) failed = true;
    }, &failed);
    for (const auto& problem : errors) {
      if (!problem.empty()) {
        *error = problem;
        return false;
      }
    }
    std::vector<std::string> next;
    for (auto& folders : inside) {
      for (auto& folder : folders) next.push_back(std::move(folder));
    }
    level = std::move(next);
  }
  return true;
}

/// Every folder of the plan that is missing, parents first, before any file is written.
bool make_folders(const Wanted& wanted, const fs::path& root, mode_t mode, std::string* error) {
  for (const auto& relative : wanted.folders) {
    fs::path path = root / relative;
    if (::mkdir(path.c_str(), mode) != 0 && errno != EEXIST)
      return fail("cannot create", path, error);
  }
  return true;
}

bool write_at(int fd, const std::string& bytes) {
  for (size_t done = 0; done < bytes.size();) {
    ssize_t n = ::pwrite(fd, bytes.data() + done, bytes.size() - done, static_cast<off_t>(done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

/// One open, write and close: creating files is most of what writing a new site costs.
bool write_new(const fs::path& path, const std::string& bytes, std::string* error) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  bool ok = fd >= 0 && write_at(fd, bytes);
  if (fd >= 0 && ::close(fd) != 0) ok = false;
  return ok || fail("cannot write", path, error);
}

/// Whether the file open as `fd`, of the same size, holds `bytes`; read in chunks of `buffer`.
bool same_bytes(int fd, const std::string& bytes, std::string& buffer) {
  for (size_t done = 0; done < bytes.size();) {
    size_t want = std::min(buffer.size(), bytes.size() - done);
    ssize_t n = ::pread(fd, buffer.data(), want, static_cast<off_t>(done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0 || std::memcmp(buffer.data(), bytes.data() + done, static_cast<size_t>(n)) != 0) {
      return false;
    }
    done += static_cast<size_t>(n);
  }
  return true;
}

/// A file left by an earlier generation: kept when its bytes are the plan's, else overwritten
/// in place. Overwriting, then cutting the rest, rather than O_TRUNC: ext4 starts writing a file
/// truncated to nothing to disk when it is closed. A file a fresh write would not give as it is
/// (another mode or owner), or one linked elsewhere too (`cp -al`, `rsync --link-dest`), whose
/// other names must not change, is replaced by a new file.
bool update_file(const fs::path& path, const std::string& bytes, const Fresh& fresh,
                 std::string& buffer, std::string* error) {
  // O_NOATIME: comparing would otherwise change the access time of every file read, which
  // makes the kernel write each inode back. Only a file's owner may ask; others are replaced.
  int fd = ::open(path.c_str(), O_RDWR | O_NOFOLLOW | O_CLOEXEC | O_NOATIME);
  struct stat info {};
  bool fits = fd >= 0 && ::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) &&
              (info.st_mode & 07777) == fresh.file && info.st_uid == fresh.owner;
  if (fits && static_cast<size_t>(info.st_size) == bytes.size() && same_bytes(fd, bytes, buffer)) {
    return ::close(fd) == 0 || fail("cannot read", path, error);
  }
  if (fits && info.st_nlink == 1) {
    bool ok = write_at(fd, bytes) && (static_cast<size_t>(info.st_size) <= bytes.size() ||
                                      ::ftruncate(fd, static_cast<off_t>(bytes.size())) == 0);
    if (::close(fd) != 0) ok = false;
    return ok || fail("cannot write", path, error);
  }
  if (fd >= 0) ::close(fd);
  if (::unlink(path.c_str()) != 0 && errno != ENOENT) return fail("cannot replace", path, error);
  return write_new(path, bytes, error);
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

/// Writes the plan's files, on up to four threads: creating files is mostly time in the
/// kernel, which two threads overlap well when they work in different folders, and comparing
/// is reading.
bool write_files(const OutputPlan& plan, const fs::path& root, const std::vector<char>& present,
                 const Fresh& fresh, std::string* error) {
  auto folders = files_by_folder(plan);
  size_t workers = std::min<size_t>(worker_count(), 4);
  std::vector<std::string> buffers(workers, std::string(64 * 1024, '\0'));
  std::atomic<bool> failed{false};
  std::mutex error_mutex;
  for_each_index(folders.size(), workers, [&](size_t worker, size_t group) {
    std::string my_error;
    for (size_t i : folders[group]) {
      if (failed) return;
      fs::path path = root / plan[i].path;
      bool ok = present[i] ? update_file(path, plan[i].bytes, fresh, buffers[worker], &my_error)
                           : write_new(path, plan[i].bytes, &my_error);
      if (!ok) {
        std::lock_guard<std::mutex> lock(error_mutex);
        if (!failed.exchange(true)) *error = my_error;
      }
    }
  }, &failed);
  return !failed;
}

Fresh fresh_of(const FreshModes& modes) {
  return {static_cast<mode_t>(modes.file), static_cast<mode_t>(modes.folder),
          static_cast<uid_t>(modes.owner)};
}

/// Whatever stands at `path` that is not a real folder (a file, a link) is removed.
bool clear_for_folder(const fs::path& path, std::string* error) {
  struct stat info {};
  if (::lstat(path.c_str(), &info) != 0) return errno == ENOENT || fail("cannot read", path, error);
  if (S_ISDIR(info.st_mode)) return true;
  // ENOENT, EISDIR: another thread writing into the same folder made way for it first.
  return ::unlink(path.c_str()) == 0 || errno == ENOENT || errno == EISDIR ||
         fail("cannot remove", path, error);
}

/// The folders `relative` needs below `root`. In a recycled folder each one is checked: an
/// older generation may hold a file or a link where this one has a folder.
bool make_parents(const fs::path& root, const std::string& relative, mode_t mode, bool recycled,
                  std::string* error) {
  for (size_t slash = relative.find('/'); slash != std::string::npos;
       slash = relative.find('/', slash + 1)) {
    fs::path path = root / relative.substr(0, slash);
    if (recycled && !clear_for_folder(path, error)) return false;
    if (::mkdir(path.c_str(), mode) != 0 && errno != EEXIST) return fail("cannot create", path, error);
  }
  return true;
}

}  // namespace

FreshModes fresh_modes() {
  Fresh modes = fresh();
  return {modes.file, modes.folder, modes.owner};
}

bool write_site_file(const std::string& folder, const std::string& relative,
                     const std::string& bytes, const FreshModes& modes, bool recycled,
                     std::string* error) {
  Fresh like_new = fresh_of(modes);
  fs::path root(folder);
  fs::path path = root / relative;
  if (!recycled) {
    // A new folder: the file's folders are made the first time one of them is missing.
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0 && errno == ENOENT) {
      if (!make_parents(root, relative, like_new.folder, false, error)) return false;
      fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    }
    bool ok = fd >= 0 && write_at(fd, bytes);
    if (fd >= 0 && ::close(fd) != 0) ok = false;
    return ok || fail("cannot write", path, error);
  }
  if (!make_parents(root, relative, like_new.folder, true, error)) return false;
  struct stat info {};
  if (::lstat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode)) {
    std::error_code ec;
    fs::remove_all(path, ec);
    if (ec) {
      errno = ec.value();
      return fail("cannot remove", path, error);
    }
  }
  std::string buffer(std::min<size_t>(std::max<size_t>(bytes.size(), 1), 64 * 1024), '\0');
  return update_file(path, bytes, like_new, buffer, error);
}

namespace {

/// Removes what `root` holds beyond `wanted` and marks in `present` the wanted files that are
/// there already; the folder's own mode is reset to a new one's.
bool prune_folder(const Wanted& wanted, const fs::path& root, const Fresh& like_new,
                  std::vector<char>& present, std::string* error) {
  int dir = ::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir < 0) return fail("cannot open", root, error);
  Walk walk{wanted, root, like_new, present};
  bool ok = reset_mode(dir, like_new.folder) || fail("cannot set the mode of", root, error);
  ok = ok && prune_tree(walk, dir, error);
  ::close(dir);
  return ok;
}

}  // namespace

bool remove_unplanned(const std::vector<std::string>& paths, const std::string& folder,
                      const FreshModes& modes, std::string* error) {
  Fresh like_new = fresh_of(modes);
  Wanted wanted;
  wanted.files.reserve(paths.size());
  for (size_t i = 0; i < paths.size(); ++i) want(wanted, paths[i], i);
  std::vector<char> present(paths.size(), 0);
  return prune_folder(wanted, fs::path(folder), like_new, present, error);
}

bool update_folder(const OutputPlan& plan, const std::string& folder, std::string* error) {
  Fresh like_new = fresh();
  Wanted wanted = wanted_of(plan);
  fs::path root(folder);
  std::vector<char> present(plan.size(), 0);
  return prune_folder(wanted, root, like_new, present, error) &&
         make_folders(wanted, root, like_new.folder, error) &&
         write_files(plan, root, present, like_new, error);
}

}  // namespace passerelle
