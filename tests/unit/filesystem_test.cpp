// Reading files whole: what the caches and the sources are read with.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "base/filesystem.h"
#include "test_folder.h"

using namespace passerelle;

TEST_CASE("read_whole_file gives a file's bytes, and nothing for a folder or a missing path") {
  TestFolder folder("read-whole-file");
  auto file = folder.path / "cache";
  std::ofstream(file, std::ios::binary) << std::string("a\0b", 3);
  CHECK(read_whole_file(file.string()) == std::string("a\0b", 3));
  // A folder where a cache file is expected opened as a stream of an impossible size, and
  // the build died of it (std::bad_alloc).
  std::filesystem::create_directory(folder.path / "folder");
  CHECK_FALSE(read_whole_file((folder.path / "folder").string()));
  CHECK_FALSE(read_whole_file((folder.path / "missing").string()));
}

TEST_CASE("write_cache_file replaces a file whole, and fails without a trace where it cannot") {
  TestFolder folder("write-cache-file");
  auto path = (folder.path / "search" / "fr").string();
  CHECK(write_cache_file(path, "first"));
  CHECK(write_cache_file(path, "second"));
  CHECK(read_whole_file(path) == "second");
  std::filesystem::create_directories(folder.path / "taken" / "fr");
  CHECK_FALSE(write_cache_file((folder.path / "taken" / "fr").string(), "bytes"));
  size_t entries = 0;
  for (const auto& entry : std::filesystem::directory_iterator(folder.path / "taken")) {
    (void)entry;
    ++entries;
  }
  CHECK(entries == 1);  // no temporary file left beside it
}
