#include "serve/watcher.h"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>

#include "base/text.h"

namespace fs = std::filesystem;

namespace passerelle {

namespace {

void stamp(const fs::path& file, const std::string& relative, SourceSnapshot& snapshot) {
  struct stat info {};
  if (::stat(file.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return;
  snapshot[relative] = {
      static_cast<int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec,
      static_cast<uint64_t>(info.st_size), static_cast<uint64_t>(info.st_ino)};
}

}  // namespace

const std::vector<std::string>& watched_site_paths() {
  static const std::vector<std::string> paths = {"site.toml", "content", "directory-data",
                                                 "themes"};
  return paths;
}

SourceSnapshot take_snapshot(const std::string& root, const std::vector<std::string>& watched) {
  SourceSnapshot snapshot;
  for (const auto& entry : watched) {
    fs::path top = fs::path(root) / entry;
    std::error_code ec;
    if (!fs::is_directory(top, ec)) {
      stamp(top, entry, snapshot);
      continue;
    }
    // Files may vanish while the folder is read (an editor's temporary file): skip errors.
    fs::recursive_directory_iterator it(top, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      std::string name = it->path().filename().string();
      if (is_ignored_file_name(name)) {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (!it->is_regular_file(ec)) continue;
      std::string relative = entry + "/" + fs::relative(it->path(), top, ec).generic_string();
      stamp(it->path(), relative, snapshot);
    }
  }
  return snapshot;
}

bool is_ignored_file_name(const std::string& name) {
  return name.empty() || name.front() == '.' || name.front() == '#' || name.back() == '~';
}

std::vector<std::string> changed_paths(const SourceSnapshot& before, const SourceSnapshot& after) {
  std::vector<std::string> changed;
  for (const auto& [path, stamp] : after) {
    auto old = before.find(path);
    if (old == before.end() || !(old->second == stamp)) changed.push_back(path);
  }
  for (const auto& [path, stamp] : before) {
    if (!after.count(path)) changed.push_back(path);
  }
  std::sort(changed.begin(), changed.end());
  return changed;
}

}  // namespace passerelle
