// The layout of the build's cache files (base/cache_file.h).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "base/cache_file.h"
#include "test_folder.h"

using namespace passerelle;

namespace {

const std::string kKeyA(32, 'a');
const std::string kKeyB(32, 'b');

std::string two_entries(const std::string& header) {
  std::string file = header;
  put_cache_entry(file, kKeyA, "premier");
  put_cache_entry(file, kKeyB, std::string(5000, 'x'));
  return file;
}

}  // namespace

TEST_CASE("a cache file is read back entry by entry, from bytes or mapped from disk") {
  TestFolder folder("cache-file");
  std::string header = cache_header("passerelle-test-1", "program-1");
  CHECK(header == "passerelle-test-1 program-1\n");
  std::string bytes = two_entries(header);
  std::string path = (folder.path / "cache").string();
  std::ofstream(path, std::ios::binary) << bytes;
  for (const auto& entries : {CacheEntries::parse(bytes, header), CacheEntries::read(path, header)}) {
    CHECK(entries.whole());
    CHECK(entries.size() == 2);
    REQUIRE(entries.find(kKeyA));
    CHECK(*entries.find(kKeyA) == "premier");
    CHECK(entries.find(kKeyB)->size() == 5000);
    CHECK_FALSE(entries.find(std::string(32, 'c')));
    CHECK(entries.entry_bytes() == bytes.size() - header.size());
  }
  // Another program's, a folder, nothing: no entries, never an error.
  CHECK(CacheEntries::read(path, cache_header("passerelle-test-1", "program-2")).size() == 0);
  CHECK_FALSE(CacheEntries::read(folder.path.string(), header).whole());
  CHECK(CacheEntries::read((folder.path / "none").string(), header).size() == 0);
}

TEST_CASE("a cache file is read up to where it is cut; a changed entry is never found") {
  std::string header = cache_header("passerelle-test-1", "program-1");
  std::string bytes = two_entries(header);
  auto cut = CacheEntries::parse(bytes.substr(0, bytes.size() - 1), header);
  CHECK_FALSE(cut.whole());
  CHECK(cut.size() == 1);  // the first entry is whole
  CHECK(*cut.find(kKeyA) == "premier");
  std::string changed = bytes;
  changed[changed.size() - 10] ^= 0x20;
  auto damaged = CacheEntries::parse(changed, header);
  CHECK_FALSE(damaged.find(kKeyB));
  CHECK(*damaged.find(kKeyA) == "premier");
  std::string first_changed = bytes;
  first_changed[header.size() + 32 + 8 + 2] ^= 0x20;  // a byte of "premier"
  auto first_damaged = CacheEntries::parse(first_changed, header);
  CHECK_FALSE(first_damaged.find(kKeyA));
  CHECK(first_damaged.find(kKeyB)->size() == 5000);
  // An entry added again later replaces the earlier one (a file that builds append to).
  std::string appended = bytes;
  put_cache_entry(appended, kKeyA, "second");
  CHECK(*CacheEntries::parse(appended, header).find(kKeyA) == "second");
}
