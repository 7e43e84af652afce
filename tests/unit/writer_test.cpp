#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <sys/wait.h>
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

TEST_CASE("a build that fails while writing leaves the previous output and no staging folder") {
  auto folder = fresh_folder();
  std::string error;
  REQUIRE(publish({{"index.html", "good"}}, (folder / "out").string(), (folder / "src").string(),
                  &error));
  // "a" is written as a file, so the folder "a/" cannot be created: the write fails half-way.
  CHECK_FALSE(publish({{"a", "x"}, {"a/b.html", "y"}, {"index.html", "new"}},
                      (folder / "out").string(), (folder / "src").string(), &error));
  CHECK_THAT(error, Catch::Contains("cannot write"));
  CHECK(slurp(folder / "out/index.html") == "good");
  CHECK_FALSE(fs::exists(folder / "out/a"));
  int entries = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(folder)) ++entries;
  CHECK(entries == 2);  // src and out
  fs::remove_all(folder);
}

TEST_CASE("staging folders of killed builds are removed, others are kept") {
  auto folder = fresh_folder();
  pid_t dead = fork();
  if (dead == 0) _exit(0);
  REQUIRE(dead > 0);
  waitpid(dead, nullptr, 0);  // its pid now names no process
  std::string alive = std::to_string(getppid());
  auto make = [&](const std::string& name) {
    fs::create_directories(folder / name / "fr");
    std::ofstream(folder / name / "fr/index.html") << "left over";
  };
  make(".out.staging-" + std::to_string(dead));  // a killed build's: removed
  make(".out.staging-" + alive);                 // a running build's: kept
  make(".out.staging-12x");                       // not a pid: kept
  make(".other.staging-" + std::to_string(dead)); // another output's: kept
  std::string error;
  REQUIRE(publish({{"index.html", "new"}}, (folder / "out").string(), (folder / "src").string(),
                  &error));
  CHECK_FALSE(fs::exists(folder / (".out.staging-" + std::to_string(dead))));
  CHECK(fs::exists(folder / (".out.staging-" + alive)));
  CHECK(fs::exists(folder / ".out.staging-12x"));
  CHECK(fs::exists(folder / (".other.staging-" + std::to_string(dead))));
  CHECK(slurp(folder / "out/index.html") == "new");
  fs::remove_all(folder);
}

TEST_CASE("an output folder written with a trailing slash is that folder") {
  auto folder = fresh_folder();
  std::string error;
  std::string out = (folder / "out").string() + "/";
  REQUIRE(publish({{"index.html", "one"}}, out, (folder / "src").string(), &error));
  REQUIRE(publish({{"index.html", "two"}}, out, (folder / "src").string(), &error));
  CHECK(slurp(folder / "out/index.html") == "two");
  int entries = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(folder)) ++entries;
  CHECK(entries == 2);  // src and out
  fs::remove_all(folder);
}
