// Notices edits to a site's sources through Linux inotify: the kernel names each file as it
// changes, within a millisecond, and nothing is looked at while nothing changes (polling a
// site of 14,000 files costs a tenth of a second each time). Only folders are watched, so a
// large site needs a few dozen watches. When inotify is not available (another system, a
// network file system, too many watches), `passerelle serve` polls (serve/watcher.h).
#pragma once

#include <map>
#include <string>
#include <vector>

namespace passerelle {

class ChangeNotifier {
 public:
  /// Watches `root`/`watched` (folders recursively, or single files at the root).
  ChangeNotifier(std::string root, const std::vector<std::string>& watched);
  ~ChangeNotifier();
  ChangeNotifier(const ChangeNotifier&) = delete;
  ChangeNotifier& operator=(const ChangeNotifier&) = delete;

  /// False when inotify could not watch every folder: poll instead.
  bool ok() const { return ok_; }
  /// The descriptor to wait on (readable when changes are pending).
  int fd() const { return fd_; }

  /// The relative paths named by the pending events, without waiting: files changed, added or
  /// removed, and folders ("path/", with every file in a folder that arrived). Hidden files
  /// and editors' backups are left out. `lost` is set when the kernel dropped events.
  std::vector<std::string> read_changes(bool& lost);

 private:
  void watch_folder(const std::string& relative, std::vector<std::string>* found);

  std::string root_;
  std::vector<std::string> watched_;
  int fd_ = -1;
  bool ok_ = false;
  std::map<int, std::string> folders_;  // watch descriptor → relative folder ("" for root)
};

}  // namespace passerelle
