// Notices edits to a site's sources by polling: a snapshot of every watched file's
// modification time, size and inode, compared with the previous one. Polling works the same on
// every file system (network mounts, containers) and with editors that save by renaming.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace passerelle {

struct FileStamp {
  int64_t modified_ns = 0;
  uint64_t size = 0;
  uint64_t inode = 0;
  bool operator==(const FileStamp&) const = default;
};

/// Relative path → stamp of every file under the watched entries.
using SourceSnapshot = std::map<std::string, FileStamp>;

/// What `passerelle serve` watches in a site folder.
const std::vector<std::string>& watched_site_paths();

/// Stamps of the files under `root`/`watched` (folders recursively, or single files). Hidden
/// files and editors' backup files (".x.swp", "x~", "#x#") are left out.
SourceSnapshot take_snapshot(const std::string& root, const std::vector<std::string>& watched);

/// Whether a file of that name is left out of the watch: hidden files and editors' backup
/// files (".x.swp", "x~", "#x#"). The polling watcher and the inotify notifier agree on it.
bool is_ignored_file_name(const std::string& name);

/// Paths added, removed or changed from `before` to `after`, sorted.
std::vector<std::string> changed_paths(const SourceSnapshot& before, const SourceSnapshot& after);

}  // namespace passerelle
