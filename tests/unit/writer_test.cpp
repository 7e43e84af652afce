#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utime.h>

#include "output/output_folder.h"
#include "output/writer.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace passerelle;
using test_support::read_file;

namespace {

/// Every entry below `root`, links not followed: "d path", "f path = bytes", "l path", ...
std::string tree_of(const fs::path& root) {
  std::map<std::string, std::string> lines;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    std::string path = entry.path().lexically_relative(root).generic_string();
    if (path == kOutputMarker) continue;  // checked by tests of its own
    if (entry.is_symlink()) lines[path] = "l " + path;
    else if (entry.is_directory()) lines[path] = "d " + path;
    else if (entry.is_regular_file()) lines[path] = "f " + path + " = " + read_file(entry.path());
    else lines[path] = "? " + path;
  }
  std::string tree;
  for (const auto& [path, line] : lines) tree += line + "\n";
  return tree;
}

/// The tree a plan gives: what tree_of must find in the output.
std::string tree_of(const OutputPlan& plan) {
  std::map<std::string, std::string> lines;
  for (const auto& file : plan) {
    lines[file.path] = "f " + file.path + " = " + file.bytes;
    for (size_t slash = file.path.find('/'); slash != std::string::npos;
         slash = file.path.find('/', slash + 1)) {
      lines[file.path.substr(0, slash)] = "d " + file.path.substr(0, slash);
    }
  }
  std::string tree;
  for (const auto& [path, line] : lines) tree += line + "\n";
  return tree;
}

struct stat info_of(const fs::path& path) {
  struct stat info {};
  REQUIRE(::lstat(path.c_str(), &info) == 0);
  return info;
}

int entries_in(const fs::path& folder) {
  int entries = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(folder)) ++entries;
  return entries;
}

mode_t umask_now() {
  mode_t mask = ::umask(0);
  ::umask(mask);
  return mask;
}

/// What a build leaves in every folder it fills.
void mark(const fs::path& folder) { std::ofstream(folder / kOutputMarker) << output_marker_text(); }

fs::path fresh_folder() {
  auto folder = test_support::fresh_folder("writer");
  fs::create_directories(folder / "src");
  return folder;
}

}  // namespace

TEST_CASE("publish writes the plan and replaces the previous output whole") {
  auto folder = fresh_folder();
  std::string error;
  REQUIRE(publish({{"index.html", "one"}, {"fr/index.html", "un"}}, (folder / "out").string(),
                  (folder / "src").string(), &error));
  CHECK(read_file(folder / "out/fr/index.html") == "un");
  REQUIRE(publish({{"index.html", "two"}}, (folder / "out").string(), (folder / "src").string(), &error));
  CHECK(read_file(folder / "out/index.html") == "two");
  CHECK_FALSE(fs::exists(folder / "out/fr"));  // nothing stale is left behind
  CHECK(tree_of(folder / ".out.previous") == "d fr\nf fr/index.html = un\nf index.html = one\n");
  CHECK(entries_in(folder) == 3);  // src, out and .out.previous: no staging folder left
  fs::remove_all(folder);
}

TEST_CASE("a publish updates the previous generation: unchanged files are kept, not written") {
  auto folder = fresh_folder();
  auto out = (folder / "out").string(), src = (folder / "src").string();
  std::string error;
  OutputPlan a = {{"index.html", "one"},      {"fr/index.html", "un"}, {"fr/same.html", "pareil"},
                  {"gone/x/y.html", "gone"}, {"size.html", "aaaa"},  {"css/site.css", "body{}"}};
  OutputPlan b = {{"index.html", "b"}};
  REQUIRE(publish(a, out, src, &error));
  REQUIRE(publish(b, out, src, &error));
  REQUIRE(tree_of(folder / ".out.previous") == tree_of(a));
  // Files that are not written keep this date; the inode numbers say which files were reused.
  std::map<std::string, ino_t> inodes;
  for (const auto& file : a) {
    fs::path path = folder / ".out.previous" / file.path;
    struct utimbuf old_date {1000000000, 1000000000};
    REQUIRE(::utime(path.c_str(), &old_date) == 0);
    inodes[file.path] = info_of(path).st_ino;
  }
  OutputPlan c = {{"index.html", "three"},     // changed, longer
                  {"fr/index.html", "u"},       // changed, shorter
                  {"fr/same.html", "pareil"},   // unchanged
                  {"size.html", "bbbb"},        // same size, other bytes
                  {"css/site.css", "body{}"},   // unchanged
                  {"new/z.html", "new"}};
  REQUIRE(publish(c, out, src, &error));
  for (const auto& path : {"fr/same.html", "css/site.css"}) {
    CAPTURE(path);
    CHECK(info_of(folder / "out" / path).st_ino == inodes[path]);
    CHECK(info_of(folder / "out" / path).st_mtime == 1000000000);
    CHECK(info_of(folder / "out" / path).st_atime == 1000000000);  // comparing changed nothing
  }
  for (const auto& path : {"index.html", "fr/index.html", "size.html"}) {
    CAPTURE(path);
    CHECK(info_of(folder / "out" / path).st_ino == inodes[path]);  // rewritten in place
    CHECK(info_of(folder / "out" / path).st_mtime > 1000000000);
  }
  CHECK(tree_of(folder / "out") == tree_of(c));
  CHECK(tree_of(folder / ".out.previous") == tree_of(b));
  CHECK(entries_in(folder) == 3);
  fs::remove_all(folder);
}

TEST_CASE("whatever the previous generation holds, the output is exactly the plan") {
  auto folder = fresh_folder();
  auto out = (folder / "out").string(), src = (folder / "src").string();
  std::string error;
  OutputPlan plan = {{"index.html", "home"}, {"fr/index.html", "accueil"},
                     {"fr/a/index.html", "a"}, {"it/index.html", "casa"},
                     {"css/site.css", "body{}"}, {"robots.txt", "User-agent: *"}};
  REQUIRE(publish(plan, out, src, &error));
  REQUIRE(publish(plan, out, src, &error));
  fs::path previous = folder / ".out.previous";
  REQUIRE(tree_of(previous) == tree_of(plan));
  // Things outside that links in the previous generation lead to: they must not change.
  std::ofstream(folder / "outside.txt") << "keep me";
  fs::create_directories(folder / "elsewhere");
  std::ofstream(folder / "elsewhere/index.html") << "keep me too";
  // A file and a folder the plan does not have.
  std::ofstream(previous / "extra.html") << "extra";
  fs::create_directories(previous / "old/deep/er");
  std::ofstream(previous / "old/deep/er/x.html") << "x";
  // Links where the plan has a file and a folder, and a link to nothing.
  fs::remove(previous / "index.html");
  fs::create_symlink(folder / "outside.txt", previous / "index.html");
  fs::remove_all(previous / "it");
  fs::create_directory_symlink(folder / "elsewhere", previous / "it");
  fs::create_symlink("nowhere", previous / "dangling");
  // A file where the plan has a folder, and a folder where it has a file.
  fs::remove_all(previous / "fr/a");
  std::ofstream(previous / "fr/a") << "not a folder";
  fs::remove(previous / "robots.txt");
  fs::create_directories(previous / "robots.txt/inner");
  std::ofstream(previous / "robots.txt/inner/f") << "f";
  // Other modes (the file's bytes are the plan's), a second name, neither file nor folder.
  ::chmod((previous / "css/site.css").c_str(), 0600);
  ::chmod((previous / "fr").c_str(), 0700);
  fs::create_hard_link(previous / "fr/index.html", folder / "linked.html");
  ::mkfifo((previous / "fifo").c_str(), 0644);

  OutputPlan next = plan;
  next[1].bytes = "accueil, nouveau";  // fr/index.html, whose other name must not change
  REQUIRE(publish(next, out, src, &error));
  CHECK(tree_of(folder / "out") == tree_of(next));
  CHECK(read_file(folder / "outside.txt") == "keep me");
  CHECK(read_file(folder / "elsewhere/index.html") == "keep me too");
  CHECK(read_file(folder / "linked.html") == "accueil");
  mode_t mask = umask_now();
  for (const auto& entry : fs::recursive_directory_iterator(folder / "out")) {
    CAPTURE(entry.path().string());
    mode_t mode = info_of(entry.path()).st_mode & 07777;
    CHECK(mode == ((entry.is_directory() ? 0755 : 0644) & ~mask));
  }
  CHECK((info_of(folder / "out").st_mode & 07777) == (0755 & ~mask));
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
  CHECK(read_file(folder / "out/index.html") == "good");
  fs::remove_all(folder);
}

TEST_CASE("the output may not replace the sources") {
  auto folder = fresh_folder();
  std::string error;
  CHECK_FALSE(publish({{"index.html", "x"}}, folder.string(), (folder / "src").string(), &error));
  CHECK_FALSE(publish({{"index.html", "x"}}, (folder / "src").string(), (folder / "src").string(), &error));
  fs::create_directories(folder / ".out.previous/src");
  CHECK_FALSE(publish({{"index.html", "x"}}, (folder / "out").string(),
                      (folder / ".out.previous/src").string(), &error));
  CHECK_THAT(error, Catch::Contains("where builds keep the output before last"));
  CHECK(fs::exists(folder / ".out.previous/src"));
  CHECK(fs::exists(folder / "src"));
  fs::remove_all(folder);
}

TEST_CASE("a build that fails while writing leaves the previous output and no staging folder") {
  auto folder = fresh_folder();
  std::string error;
  bool recycled = GENERATE(false, true);
  for (int i = 0; i < (recycled ? 2 : 1); ++i) {  // twice: a previous generation is recycled
    REQUIRE(publish({{"index.html", "good"}}, (folder / "out").string(),
                    (folder / "src").string(), &error));
  }
  // "a" is both a file and a folder: the write fails half-way.
  CHECK_FALSE(publish({{"a", "x"}, {"a/b.html", "y"}, {"index.html", "new"}},
                      (folder / "out").string(), (folder / "src").string(), &error));
  CHECK_THAT(error, Catch::Contains("cannot write"));
  CHECK(tree_of(folder / "out") == "f index.html = good\n");
  CHECK(entries_in(folder) == 2);  // src and out
  REQUIRE(publish({{"index.html", "next"}}, (folder / "out").string(), (folder / "src").string(),
                  &error));
  CHECK(tree_of(folder / "out") == "f index.html = next\n");
  fs::remove_all(folder);
}

TEST_CASE("a killed build's staging folder is recycled, others are kept") {
  auto folder = fresh_folder();
  pid_t dead = fork();
  if (dead == 0) _exit(0);
  REQUIRE(dead > 0);
  waitpid(dead, nullptr, 0);  // its pid now names no process
  std::string alive = std::to_string(getppid());
  auto make = [&](const std::string& name) {
    fs::create_directories(folder / name / "fr");
    std::ofstream(folder / name / "fr/index.html") << "left over";
    mark(folder / name);
  };
  make(".out.staging-" + std::to_string(dead));  // a killed build's: recycled
  make(".out.staging-" + alive);                 // a running build's: kept
  make(".out.staging-12x");                       // not a pid: kept
  make(".other.staging-" + std::to_string(dead)); // another output's: kept
  fs::path killed = folder / (".out.staging-" + std::to_string(dead));
  std::ofstream(killed / "index.html") << "half written";
  ino_t inode = info_of(killed / "index.html").st_ino;
  std::string error;
  REQUIRE(publish({{"index.html", "new"}}, (folder / "out").string(), (folder / "src").string(),
                  &error));
  CHECK_FALSE(fs::exists(killed));
  CHECK(info_of(folder / "out/index.html").st_ino == inode);
  CHECK(fs::exists(folder / (".out.staging-" + alive)));
  CHECK(fs::exists(folder / ".out.staging-12x"));
  CHECK(fs::exists(folder / (".other.staging-" + std::to_string(dead))));
  CHECK(tree_of(folder / "out") == "f index.html = new\n");  // its fr/ is gone
  fs::remove_all(folder);
}

TEST_CASE("with a previous generation, staging folders of killed builds are removed") {
  auto folder = fresh_folder();
  auto out = (folder / "out").string(), src = (folder / "src").string();
  std::string error;
  REQUIRE(publish({{"index.html", "one"}}, out, src, &error));
  REQUIRE(publish({{"index.html", "two"}}, out, src, &error));
  ino_t previous = info_of(folder / ".out.previous/index.html").st_ino;
  std::vector<std::string> stale;
  for (int i = 0; i < 2; ++i) {
    pid_t dead = fork();
    if (dead == 0) _exit(0);
    REQUIRE(dead > 0);
    waitpid(dead, nullptr, 0);
    stale.push_back(".out.staging-" + std::to_string(dead));
    fs::create_directories(folder / stale.back() / "fr");
    std::ofstream(folder / stale.back() / "index.html") << "one";
    mark(folder / stale.back());
  }
  REQUIRE(publish({{"index.html", "one"}}, out, src, &error));
  CHECK(info_of(folder / "out/index.html").st_ino == previous);  // the previous one was used
  CHECK(tree_of(folder / "out") == "f index.html = one\n");
  CHECK(tree_of(folder / ".out.previous") == "f index.html = two\n");
  CHECK(entries_in(folder) == 3);  // src, out, .out.previous
  fs::remove_all(folder);
}

TEST_CASE("an output folder written with a trailing slash is that folder") {
  auto folder = fresh_folder();
  std::string error;
  std::string out = (folder / "out").string() + "/";
  REQUIRE(publish({{"index.html", "one"}}, out, (folder / "src").string(), &error));
  REQUIRE(publish({{"index.html", "two"}}, out, (folder / "src").string(), &error));
  CHECK(read_file(folder / "out/index.html") == "two");
  CHECK(read_file(folder / ".out.previous/index.html") == "one");
  CHECK(entries_in(folder) == 3);  // src, out and .out.previous
  fs::remove_all(folder);
}

TEST_CASE("every output folder carries the marker, kept through rebuilds") {
  auto folder = fresh_folder();
  auto out = (folder / "out").string(), src = (folder / "src").string();
  std::string error;
  for (int i = 0; i < 3; ++i) {  // new folder, swap, then a recycled previous generation
    REQUIRE(publish({{"index.html", std::to_string(i)}}, out, src, &error));
    CHECK(read_file(folder / "out" / kOutputMarker) == output_marker_text());
    CHECK(has_output_marker(folder / "out"));
  }
  CHECK(has_output_marker(folder / ".out.previous"));
  CHECK_FALSE(publish({{std::string(kOutputMarker), "x"}}, out, src, &error));
  CHECK_THAT(error, Catch::Contains("marker"));
  fs::remove_all(folder);
}

TEST_CASE("a folder of the user's is never replaced, moved or emptied") {
  auto folder = fresh_folder();
  auto src = (folder / "src").string();
  fs::create_directories(folder / "notes/sub");
  std::ofstream(folder / "notes/a.md") << "mine";
  std::ofstream(folder / "notes/sub/b.md") << "mine too";
  std::string before = tree_of(folder / "notes");
  std::string error;
  for (int i = 0; i < 2; ++i) {  // the second attempt would have emptied it before
    CHECK_FALSE(publish({{"index.html", "x"}}, (folder / "notes").string(), src, &error));
    CHECK_THAT(error, Catch::Contains("holds files that Passerelle did not write"));
  }
  CHECK(tree_of(folder / "notes") == before);
  CHECK_FALSE(fs::exists(folder / ".notes.previous"));
  // An empty folder is fine, and gets the marker.
  fs::create_directories(folder / "empty");
  REQUIRE(publish({{"index.html", "x"}}, (folder / "empty").string(), src, &error));
  CHECK(has_output_marker(folder / "empty"));
  fs::remove_all(folder);
}

TEST_CASE("an older generation beside the output that the writer did not make is left alone") {
  auto folder = fresh_folder();
  auto out = (folder / "out").string(), src = (folder / "src").string();
  std::string error;
  REQUIRE(publish({{"index.html", "one"}}, out, src, &error));
  fs::create_directories(folder / ".out.previous");
  std::ofstream(folder / ".out.previous/keep.txt") << "mine";
  CHECK_FALSE(publish({{"index.html", "two"}}, out, src, &error));
  CHECK_THAT(error, Catch::Contains("keep the output before last"));
  CHECK(read_file(folder / ".out.previous/keep.txt") == "mine");
  CHECK(read_file(folder / "out/index.html") == "one");
  fs::remove_all(folder);
}

TEST_CASE("unmarked staging folders of killed builds are kept") {
  auto folder = fresh_folder();
  pid_t dead = fork();
  if (dead == 0) _exit(0);
  REQUIRE(dead > 0);
  waitpid(dead, nullptr, 0);
  fs::path unmarked = folder / (".out.staging-" + std::to_string(dead));
  fs::create_directories(unmarked);
  std::ofstream(unmarked / "mine.txt") << "mine";
  std::string error;
  REQUIRE(publish({{"index.html", "new"}}, (folder / "out").string(), (folder / "src").string(),
                  &error));
  CHECK(read_file(unmarked / "mine.txt") == "mine");
  fs::remove_all(folder);
}

TEST_CASE("where an output may not go") {
  auto folder = fresh_folder();
  fs::path src = folder / "src";
  std::ofstream(src / "site.toml") << "title = 'x'";
  for (const char* inside : {"content", "content/fr", "directory-data", "themes/default"}) {
    CAPTURE(inside);
    CHECK_THAT(refuse_output_folder((src / inside).string(), src.string()),
               Catch::Contains("inside the site's sources"));
  }
  CHECK(refuse_output_folder((src / "public").string(), src.string()).empty());
  CHECK(refuse_output_folder((src / "public/").string(), src.string()).empty());
  CHECK_THAT(refuse_output_folder(src.string(), src.string()), Catch::Contains("the site's folder"));
  CHECK_THAT(refuse_output_folder(folder.string(), src.string()), Catch::Contains("holds the site's sources"));
  CHECK_THAT(refuse_output_folder("/", src.string()), Catch::Contains("root of the file system"));
  fs::create_directories(folder / "other-site");
  std::ofstream(folder / "other-site/site.toml") << "";
  CHECK_THAT(refuse_output_folder((folder / "other-site").string(), src.string()),
             Catch::Contains("site.toml"));
  std::ofstream(folder / "file") << "";
  CHECK_THAT(refuse_output_folder((folder / "file").string(), src.string()),
             Catch::Contains("not a folder"));
  // The home folder, and any folder holding it.
  const char* home = std::getenv("HOME");
  std::string saved = home ? home : "";
  fs::create_directories(folder / "home/me");
  ::setenv("HOME", (folder / "home/me").c_str(), 1);
  CHECK_THAT(refuse_output_folder((folder / "home/me").string(), src.string()),
             Catch::Contains("your home folder"));
  CHECK_THAT(refuse_output_folder((folder / "home").string(), src.string()),
             Catch::Contains("holds your home folder"));
  CHECK(refuse_output_folder((folder / "home/me/site-out").string(), src.string()).empty());
  if (home) ::setenv("HOME", saved.c_str(), 1); else ::unsetenv("HOME");
  fs::remove_all(folder);
}

namespace {

/// Writes `plan` through a StagedOutput, in the plan's order, and commits it.
bool stage_and_commit(const OutputPlan& plan, const std::string& out, const std::string& src,
                      std::string* error) {
  StagedOutput staging;
  if (!staging.open(out, src, error)) return false;
  std::vector<std::string> paths;
  for (const auto& file : plan) {
    if (!staging.write(file, error)) return false;
    paths.push_back(file.path);
  }
  return staging.commit(paths, error);
}

}  // namespace

TEST_CASE("a staged output written file by file gives what publish gives") {
  auto folder = fresh_folder();
  auto out = (folder / "out").string(), src = (folder / "src").string();
  std::string error;
  OutputPlan first = {{"index.html", "one"}, {"fr/a/index.html", "a"}, {"fr/b.html", "b"}};
  REQUIRE(stage_and_commit(first, out, src, &error));
  CHECK(tree_of(folder / "out") == tree_of(first));
  CHECK(fs::exists(folder / "out" / kOutputMarker));
  OutputPlan second = {{"index.html", "one"}, {"it/index.html", "uno"}};
  REQUIRE(stage_and_commit(second, out, src, &error));
  CHECK(tree_of(folder / "out") == tree_of(second));
  // The third recycles the first generation: what it no longer holds is removed, a file where
  // a folder now is (and the reverse) gives way, an unchanged file keeps its inode.
  OutputPlan third = {{"index.html", "one"}, {"fr/b.html/index.html", "now a folder"},
                      {"fr/a", "now a file"}};
  ino_t kept = info_of(folder / ".out.previous/index.html").st_ino;
  REQUIRE(stage_and_commit(third, out, src, &error));
  CHECK(tree_of(folder / "out") == tree_of(third));
  CHECK(info_of(folder / "out/index.html").st_ino == kept);
  CHECK(entries_in(folder) == 3);  // src, out and .out.previous: no staging folder left
  fs::remove_all(folder);
}

TEST_CASE("a staged output that is not committed leaves the output as it was") {
  auto folder = fresh_folder();
  auto out = (folder / "out").string(), src = (folder / "src").string();
  std::string error;
  REQUIRE(stage_and_commit({{"index.html", "good"}}, out, src, &error));
  {
    StagedOutput staging;
    REQUIRE(staging.open(out, src, &error));
    REQUIRE(staging.write({"index.html", "half"}, &error));
    CHECK_FALSE(staging.write({"../evil.html", "x"}, &error));
    CHECK(error.find("outside the output folder") != std::string::npos);
    CHECK_FALSE(staging.write({std::string(kOutputMarker), "x"}, &error));
  }  // destroyed without commit(): abandoned
  CHECK(read_file(folder / "out/index.html") == "good");
  CHECK(entries_in(folder) == 2);  // src and out: the new staging folder was removed
  // With a previous generation, the half-written one is kept to be recycled, and the next
  // build still publishes exactly its own files.
  REQUIRE(stage_and_commit({{"index.html", "second"}}, out, src, &error));
  {
    StagedOutput staging;
    REQUIRE(staging.open(out, src, &error));
    REQUIRE(staging.write({"stale.html", "half"}, &error));
    staging.abandon();
  }
  CHECK(read_file(folder / "out/index.html") == "second");
  REQUIRE(stage_and_commit({{"index.html", "third"}}, out, src, &error));
  CHECK(tree_of(folder / "out") == "f index.html = third\n");
  fs::remove_all(folder);
}

TEST_CASE("a staged output refuses the folders publish refuses") {
  auto folder = fresh_folder();
  std::string error;
  StagedOutput staging;
  CHECK_FALSE(staging.open((folder / "src").string(), (folder / "src").string(), &error));
  CHECK_FALSE(error.empty());
  CHECK_FALSE(staging.write({"index.html", "x"}, &error));
  fs::remove_all(folder);
}
