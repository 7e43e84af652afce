// Helpers shared by the unit tests: the fixture sites, reading a file whole, and a fresh
// temporary folder for tests that need a disk.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace test_support {

/// The folder of fixture site `name` ("site-small", "site-rtl") in tests/fixtures.
inline std::string fixture_path(const std::string& name) {
  return std::string(PASSERELLE_FIXTURES) + "/" + name;
}

/// The small fixture site most tests read, and its guideline the edit tests change.
inline const std::string kSmallSite = fixture_path("site-small");
inline const std::string kSmallSiteGuideline = "content/fr/guidelines/retour.md";

/// The bytes of a file; empty when it cannot be read.
inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

/// An empty folder of this test process under the system's temporary folder
/// ("passerelle-<name>-<pid>"), emptied first if an earlier run left it behind.
inline std::filesystem::path fresh_folder(const std::string& name) {
  auto folder = std::filesystem::temp_directory_path() /
                ("passerelle-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(folder);
  std::filesystem::create_directories(folder);
  return folder;
}

}  // namespace test_support
