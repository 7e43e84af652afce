#include "serve/notifier.h"
#include "serve/watcher.h"

#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>

namespace fs = std::filesystem;

namespace passerelle {

namespace {

constexpr uint32_t kFolderEvents = IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_CREATE | IN_DELETE |
                                   IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_ONLYDIR;

std::string joined(const std::string& folder, const std::string& name) {
  return folder.empty() ? name : folder + "/" + name;
}

}  // namespace

ChangeNotifier::ChangeNotifier(std::string root, const std::vector<std::string>& watched)
    : root_(std::move(root)), watched_(watched) {
  fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd_ < 0) return;
  ok_ = true;
  watch_folder("", nullptr);  // for the watched files at the root, and folders made later
  for (const auto& entry : watched_) {
    std::error_code ec;
    if (fs::is_directory(fs::path(root_) / entry, ec)) watch_folder(entry, nullptr);
  }
}

ChangeNotifier::~ChangeNotifier() {
  if (fd_ >= 0) ::close(fd_);
}

void ChangeNotifier::watch_folder(const std::string& relative, std::vector<std::string>* found) {
  fs::path folder = relative.empty() ? fs::path(root_) : fs::path(root_) / relative;
  int wd = inotify_add_watch(fd_, folder.c_str(), kFolderEvents);
  if (wd < 0) {
    // ENOENT: removed meanwhile; anything else (ENOSPC: the user's limit) means blind spots.
    if (errno != ENOENT) ok_ = false;
    return;
  }
  folders_[wd] = relative;
  if (relative.empty()) return;  // the root's subfolders are watched only when listed
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (is_ignored_file_name(name)) continue;
    std::error_code type_error;
    if (it->is_directory(type_error)) {
      watch_folder(joined(relative, name), found);
    } else if (found) {
      found->push_back(joined(relative, name));
    }
  }
}

std::vector<std::string> ChangeNotifier::read_changes(bool& lost) {
  std::vector<std::string> changed;
  alignas(inotify_event) char buffer[64 * 1024];
  while (true) {
    ssize_t length = ::read(fd_, buffer, sizeof buffer);
    if (length <= 0) break;  // EAGAIN: nothing more pending
    for (char* at = buffer; at < buffer + length;) {
      const auto* event = reinterpret_cast<const inotify_event*>(at);
      at += sizeof(inotify_event) + event->len;
      if (event->mask & IN_Q_OVERFLOW) lost = true;
      auto folder = folders_.find(event->wd);
      if (folder == folders_.end()) continue;
      if (event->mask & IN_IGNORED) {
        folders_.erase(folder);
        continue;
      }
      std::string name = event->len ? event->name : "";
      if (is_ignored_file_name(name)) continue;
      std::string path = joined(folder->second, name);
      // At the root, only the watched entries matter (site.toml, content/…).
      if (folder->second.empty() &&
          std::find(watched_.begin(), watched_.end(), name) == watched_.end()) {
        continue;
      }
      if (event->mask & IN_ISDIR) {
        changed.push_back(path + "/");
        if (event->mask & (IN_CREATE | IN_MOVED_TO)) watch_folder(path, &changed);
      } else {
        changed.push_back(path);
      }
    }
  }
  std::sort(changed.begin(), changed.end());
  changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
  return changed;
}

}  // namespace passerelle
