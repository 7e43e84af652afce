// The controller of `passerelle serve` (serve/rebuilds.h) on a copy of the small fixture: the
// first build, an edit shown at once and then by the complete build, a broken edit shown as
// the error page, and files the build does not read.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <mutex>
#include <vector>

#include "serve/live_site.h"
#include "test_support.h"
#include "serve/rebuilds.h"
#include "test_folder.h"

namespace fs = std::filesystem;
using namespace passerelle;

namespace {

const std::string kPage = "/fr/lignes-directrices/preparer-le-retour/";

/// The fixture copied to a folder of its own, served by a controller whose lines are kept.
struct Served {
  TestFolder test{"controller"};
  fs::path folder = test.path;
  LiveSite live{"run"};
  std::mutex mutex;  // the complete builds report from their own thread
  std::vector<std::string> lines;
  int errors_reported = 0;
  std::unique_ptr<ServeRebuilds> rebuilds;

  Served() {
    fs::copy(std::string(PASSERELLE_FIXTURES) + "/site-small", folder, fs::copy_options::recursive);
    RebuildConsole console;
    console.line = [this](const std::string& line) {
      std::lock_guard lock(mutex);
      lines.push_back(line);
    };
    console.diagnostics = [this](const SourceTree&, const Diagnostics& diagnostics) {
      std::lock_guard lock(mutex);
      errors_reported += diagnostics.error_count();
    };
    rebuilds = std::make_unique<ServeRebuilds>(folder.string(), PASSERELLE_BUNDLED_THEMES,
                                               BuildOptions{}, live, console);
  }
  ~Served() {
    rebuilds.reset();  // its thread stops before the folder goes
  }
  /// Writes `text` over the source at `path` and tells the controller.
  void edit(const std::string& path, const std::string& text) {
    std::ofstream(folder / path, std::ios::binary) << text;
    rebuilds->changed({path}, ServeRebuilds::Clock::now());
  }
  std::string last_line() {
    std::lock_guard lock(mutex);
    return lines.empty() ? "" : lines.back();
  }
  size_t line_count() {
    std::lock_guard lock(mutex);
    return lines.size();
  }
};

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("serve's first build publishes the whole site and says what it built") {
  Served served;
  served.rebuilds->first_build();
  REQUIRE(served.line_count() == 1);
  CHECK(served.last_line().rfind("Built ", 0) == 0);
  CHECK(contains(served.last_line(), " pages (fr "));
  CHECK(contains(served.last_line(), " actors, 0 warning(s) in "));
  CHECK(served.live.respond(kPage).status == 200);
  CHECK(served.live.respond("/").status == 200);
}

TEST_CASE("an edited guideline is published at once, then by the complete build") {
  Served served;
  served.rebuilds->first_build();
  std::string text = file_bytes(served.folder / test_support::kSmallSiteGuideline);
  served.edit(test_support::kSmallSiteGuideline, text + "\nUne phrase ajoutée pendant la prévisualisation.\n");
  // Published before the complete build ends: the page rendered alone.
  CHECK(
      contains(served.live.respond(kPage).body, "Une phrase ajoutée pendant la prévisualisation."));
  served.rebuilds->wait_idle();
  std::vector<std::string> lines;
  {
    std::lock_guard lock(served.mutex);
    lines = served.lines;
  }
  REQUIRE(lines.size() == 3);
  CHECK(contains(lines[1], "] " + test_support::kSmallSiteGuideline + " changed: 1 page(s) updated in "));
  CHECK(contains(lines[1], "; rebuilding the whole site"));
  CHECK(contains(lines[2], "] " + test_support::kSmallSiteGuideline + " changed: rebuilt "));
  CHECK(contains(lines[2], " page(s) changed"));
  CHECK(
      contains(served.live.respond(kPage).body, "Une phrase ajoutée pendant la prévisualisation."));
}

TEST_CASE("a broken edit shows its errors until it is fixed, then every tab reloads") {
  Served served;
  served.rebuilds->first_build();
  std::string text = file_bytes(served.folder / test_support::kSmallSiteGuideline);
  served.edit(test_support::kSmallSiteGuideline, "+++\ntitle = \n+++\n");
  served.rebuilds->wait_idle();
  CHECK(contains(served.last_line(), test_support::kSmallSiteGuideline + " changed: build failed with 1 error(s) in "));
  CHECK(contains(served.last_line(), "; the browser shows them until they are fixed"));
  CHECK(served.errors_reported == 1);
  CHECK(contains(served.live.respond(kPage).body, test_support::kSmallSiteGuideline));  // the error page names the file

  served.edit(test_support::kSmallSiteGuideline, text);
  served.rebuilds->wait_idle();
  CHECK(contains(served.last_line(), test_support::kSmallSiteGuideline + " changed: rebuilt "));
  CHECK(contains(served.last_line(), "; every open tab reloads"));
  CHECK(served.live.respond(kPage).status == 200);
}

TEST_CASE("a picture replaced while serving is published with the next build") {
  Served served;
  served.rebuilds->first_build();
  served.rebuilds->wait_idle();
  const std::string picture = kPage + "etapes.svg";
  REQUIRE(served.live.respond(picture).status == 200);
  CHECK(contains(served.live.respond(picture).body, "Idée"));
  served.edit("content/fr/guidelines/etapes.svg",
              "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>Nouveau</text></svg>");
  served.rebuilds->wait_idle();
  CHECK(contains(served.live.respond(picture).body, "Nouveau"));
  // A file that no page links to yet is read, and published once a page names it.
  served.edit("content/media/liste.csv", "etape;duree\n");
  served.rebuilds->wait_idle();
  CHECK(served.live.respond("/media/liste.csv").status == 404);
  std::ifstream in(served.folder / "content/fr/guidelines/retour.md", std::ios::binary);
  std::string page((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  served.edit("content/fr/guidelines/retour.md", page + "\nLa [liste](../../media/liste.csv).\n");
  served.rebuilds->wait_idle();
  CHECK(served.live.respond("/media/liste.csv").status == 200);
  CHECK(contains(served.live.respond(kPage).body, "(CSV, 1\u00a0Ko)"));
}

TEST_CASE("files the build does not read change nothing") {
  Served served;
  served.rebuilds->first_build();
  served.rebuilds->wait_idle();  // the dashboard's first check publishes too
  auto generation = served.live.generation();
  // An editor's swap file and sed -i's temporary file; notes.txt would be a download.
  served.edit("content/fr/guidelines/.retour.md.swp", "not a page");
  served.edit("content/fr/guidelines/sedAb12Cd", "not a page");
  served.rebuilds->wait_idle();
  CHECK(served.line_count() == 1);
  CHECK(served.live.generation() == generation);
}

TEST_CASE("the dashboard follows the builds: a broken edit's error is listed, then gone") {
  Served served;
  served.rebuilds->first_build();
  served.rebuilds->wait_idle();
  auto clean = served.live.respond("/_passerelle/");
  CHECK(clean.status == 200);
  CHECK(contains(clean.body, "Checked at "));
  CHECK(contains(clean.body, ": 0 errors"));
  std::string text = file_bytes(served.folder / test_support::kSmallSiteGuideline);
  served.edit(test_support::kSmallSiteGuideline, "+++\ntitle = \n+++\n");
  served.rebuilds->wait_idle();
  auto broken = served.live.respond("/_passerelle/");
  CHECK(broken.status == 200);  // while every page shows the error page
  CHECK(contains(broken.body, "<code class=\"where\">" + test_support::kSmallSiteGuideline + ":2:"));
  served.edit(test_support::kSmallSiteGuideline, text);
  served.rebuilds->wait_idle();
  CHECK_FALSE(contains(served.live.respond("/_passerelle/").body, "class=\"where\">" + test_support::kSmallSiteGuideline));
}
