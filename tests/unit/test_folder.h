// A folder of its own for a test that writes files, removed when the test ends, and the bytes
// of a file written there.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>

namespace passerelle {

struct TestFolder {
  std::filesystem::path path;
  explicit TestFolder(const std::string& name)
      : path(std::filesystem::temp_directory_path() /
             ("passerelle-" + name + "-" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~TestFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
    // A folder published to keeps its previous generation and manifests beside it.
    for (const char* sibling : {".previous", ".manifests"}) {
      std::filesystem::remove_all(path.parent_path() / ("." + path.filename().string() + sibling), ignored);
    }
  }
};

/// The bytes of the file at `path`; empty when there is none.
inline std::string file_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace passerelle
