#include "files.h"

#include <fstream>

namespace fs = std::filesystem;

namespace corpus {

bool write_file(const fs::path& path, const std::string& bytes, std::string& error) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) error = "cannot write " + path.string();
  return static_cast<bool>(out);
}

std::string prepare_folder(const fs::path& folder, const std::string& marker) {
  std::error_code ec;
  if (!fs::exists(folder, ec)) return "";
  if (!fs::is_directory(folder, ec)) return folder.string() + " exists and is not a folder";
  if (fs::is_empty(folder, ec)) return "";
  if (!fs::exists(folder / marker, ec)) {
    return folder.string() + " is not empty and was not written by passerelle-corpus; refusing to replace it";
  }
  for (const auto& entry : fs::directory_iterator(folder, ec)) fs::remove_all(entry.path(), ec);
  if (ec) return "cannot empty " + folder.string() + ": " + ec.message();
  return "";
}

}  // namespace corpus
