#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include "output/writer.h"

namespace fs = std::filesystem;
using namespace passerelle;

namespace {

std::string slurp(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

fs::path fresh_folder() {
  auto folder = fs::temp_directory_path() / ("passerelle-writer-" + std::to_string(::getpid()));
  fs::remove_all(folder);
  fs::create_directories(folder / "src");
  return folder;
}

}  // namespace

TEST_CASE("publish writes the plan and replaces the previous output whole") {
  auto folder = fresh_folder();
  std::string error;
  REQUIRE(publish({{"index.html", "one"}, {"fr/index.html", "un"}}, (folder / "out").string(),
                  (folder / "src").string(), &error));
  CHECK(slurp(folder / "out/fr/index.html") == "un");
  REQUIRE(publish({{"index.html", "two"}}, (folder / "out").string(), (folder / "src").string(), &error));
  CHECK(slurp(folder / "out/index.html") == "two");
  CHECK_FALSE(fs::exists(folder / "out/fr"));  // nothing stale is left behind
  int entries = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(folder)) ++entries;
  CHECK(entries == 2);  // src and out: no staging folder left
  fs::remove_all(folder);
}

TEST_CASE("a plan that escapes the output folder is refused and nothing changes") {
  auto folder = fresh_folder();
  std::string error;
  REQUIRE(publish({{"index.html", "good"}}, (folder / "out").string(), (folder / "src").string(), &error));
  CHECK_FALSE(publish({{"../evil.html", "x"}}, (folder / "out").string(), (folder / "src").string(), &error));
  CHECK_THAT(error, Catch::Contains("outside the output folder"));
  CHECK_FALSE(publish({{"a.html", "x"}, {"a.html", "y"}}, (folder / "out").string(),
                      (folder / "src").string(), &error));
  CHECK(slurp(folder / "out/index.html") == "good");
  fs::remove_all(folder);
}

TEST_CASE("the output may not replace the sources") {
  auto folder = fresh_folder();
  std::string error;
  CHECK_FALSE(publish({{"index.html", "x"}}, folder.string(), (folder / "src").string(), &error));
  CHECK_FALSE(publish({{"index.html", "x"}}, (folder / "src").string(), (folder / "src").string(), &error));
  CHECK(fs::exists(folder / "src"));
  fs::remove_all(folder);
}
