// Writing source files for the commands that edit a site: `passerelle new`, which creates one
// and never replaces an existing one, and `passerelle import`, which replaces records whole.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace passerelle {

/// Writes `bytes` to a new file at `path`, creating its folders. Fails (false, `error` set)
/// when the file exists already, even if it appeared a moment ago.
bool create_new_file(const std::string& path, const std::string& bytes, std::string* error);

/// A file to write: its path and its whole new content.
struct FileWrite {
  std::string path;
  std::string bytes;
};

/// Writes every file atomically: each goes to a temporary file beside it first, then all are
/// renamed over their targets, so a reader never sees a file half written. When a temporary
/// file cannot be written, nothing is renamed (false, `error` set, temporary files removed).
bool replace_files(const std::vector<FileWrite>& files, std::string* error);

}  // namespace passerelle
