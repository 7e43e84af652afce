// What `passerelle serve` does after an edit: the cache of parsed sources, the pages of the
// edited files rendered alone (which must be the very pages the complete build makes), and
// the background job that a newer edit cancels.
#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include "pipeline/build.h"
#include "test_support.h"
#include "render/views.h"
#include "serve/latest_job.h"
#include "pipeline/source_cache.h"

using namespace passerelle;
using namespace std::chrono_literals;

namespace {

const std::string kRecord = "directory-data/actors/ong-atlas.toml";

/// The fixture with `overlay` files over it (an empty text removes nothing: see `removed`).
struct EditedFixture {
  DiskSourceTree fixture{test_support::kSmallSite};
  MemorySourceTree changes;
  LayeredSourceTree tree{changes, "", fixture, ""};
};

/// The fixture as serve holds it before an edit: built once, and its sources in the cache.
struct ServedFixture : EditedFixture {
  DiskSourceTree bundled{PASSERELLE_BUNDLED_THEMES};
  std::optional<BuildResult> previous;
  SourceCache cache{BuildOptions{}};
  ServedFixture() {
    Diagnostics diagnostics;
    previous = build_site(tree, bundled, {}, diagnostics);
    REQUIRE(previous);
    cache.load_all(tree);
  }
};

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

std::string fixture_file(const std::string& path) {
  DiskSourceTree fixture(test_support::kSmallSite);
  return *fixture.read(path);
}

const OutputFile* find_file(const OutputPlan& plan, const std::string& path) {
  for (const auto& file : plan) {
    if (file.path == path) return &file;
  }
  return nullptr;
}

/// The quick step as serve runs it: the edited files' pages over the last complete build.
std::optional<OutputPlan> quick_pages(const BuildResult& previous, const SourceCache& cache,
                                      const std::set<std::string>& paths) {
  std::vector<const PageSource*> pages;
  std::vector<const ActorRecord*> records;
  for (const auto& path : paths) {
    if (const auto* page = cache.page(path)) pages.push_back(page);
    if (const auto* record = cache.record(path)) records.push_back(record);
  }
  Diagnostics diagnostics;
  auto part = assemble_part(previous.site, pages, records, diagnostics);
  if (!part) return std::nullopt;
  auto plan = render_pages_of(*part, *previous.theme, paths, diagnostics);
  if (diagnostics.has_errors()) return std::nullopt;
  return plan;
}

}  // namespace

TEST_CASE("SourceCache reads again only what changed, and keeps each file's diagnostics") {
  EditedFixture site;
  SourceCache cache({});
  cache.load_all(site.tree);
  REQUIRE(cache.ok());
  REQUIRE(cache.page(test_support::kSmallSiteGuideline) != nullptr);
  size_t pages = cache.sources().pages.size();
  size_t records = cache.sources().records.size();
  CHECK(records == 3);

  site.changes.add(test_support::kSmallSiteGuideline, replaced(fixture_file(test_support::kSmallSiteGuideline), "Réfléchir.", "Réfléchir vite."));
  REQUIRE(cache.update(site.tree, {test_support::kSmallSiteGuideline}));
  CHECK(cache.page(test_support::kSmallSiteGuideline)->body.find("Réfléchir vite.") != std::string::npos);
  CHECK(cache.sources().pages.size() == pages);

  // A broken record: the error is kept until the file is fixed, with the other files loaded.
  site.changes.add(kRecord, replaced(fixture_file(kRecord), "city = \"Oujda\"", "city = \"Oujda"));
  REQUIRE(cache.update(site.tree, {kRecord}));
  CHECK_FALSE(cache.ok());
  CHECK(cache.record(kRecord) == nullptr);
  auto diagnostics = cache.diagnostics();
  REQUIRE(diagnostics.error_count() == 1);
  CHECK(diagnostics.items()[0].location.path == kRecord);
  CHECK(cache.sources().records.size() == records - 1);
  site.changes.add(kRecord, fixture_file(kRecord));
  REQUIRE(cache.update(site.tree, {kRecord}));
  CHECK(cache.ok());
  CHECK(cache.diagnostics().items().empty());
  CHECK(cache.sources().records.size() == records);

  // A new page is added; what the build does not read is not a source.
  site.changes.add("content/fr/nouvelle.md", "+++\ntitle = \"Nouvelle\"\nsummary = \"s\"\ndate = 2026-11-01\n+++\nTexte.\n");
  REQUIRE(cache.update(site.tree, {"content/fr/nouvelle.md"}));
  CHECK(cache.sources().pages.size() == pages + 1);
  CHECK_FALSE(SourceCache::is_read("content/fr/guidelines/sedAb12Cd"));
  CHECK(SourceCache::is_read("content/fr/guidelines/x.md"));
  // The configuration or the vocabulary: every file is read again.
  CHECK_FALSE(cache.update(site.tree, {"site.toml"}));
  CHECK_FALSE(cache.update(site.tree, {"directory-data/vocabulary.toml"}));
  CHECK_FALSE(cache.update(site.tree, {"content/fr/guidelines/"}));
}

TEST_CASE("The quick step renders the edited pages exactly as the complete build does") {
  ServedFixture site;
  auto& previous = site.previous;
  auto& cache = site.cache;

  site.changes.add(test_support::kSmallSiteGuideline, replaced(fixture_file(test_support::kSmallSiteGuideline), "Réfléchir.", "Réfléchir vite."));
  site.changes.add(kRecord, replaced(fixture_file(kRecord), "Une ONG fictive", "Une petite ONG fictive"));
  std::set<std::string> paths = {test_support::kSmallSiteGuideline, kRecord};
  REQUIRE(cache.update(site.tree, {paths.begin(), paths.end()}));
  auto quick = quick_pages(*previous, cache, paths);
  REQUIRE(quick);
  Diagnostics diagnostics;
  auto complete = build_site(site.tree, site.bundled, {}, diagnostics);
  REQUIRE(complete);

  std::set<std::string> rendered;
  for (const auto& file : *quick) {
    rendered.insert(file.path);
    const OutputFile* same = find_file(complete->plan, file.path);
    REQUIRE(same != nullptr);
    CHECK(file.bytes == same->bytes);  // the tab does not reload again for the complete build
  }
  // The guideline in its language; the actor in both (Italian has its own description).
  CHECK(rendered == std::set<std::string>{"fr/lignes-directrices/preparer-le-retour/index.html",
                                          "fr/annuaire/ong-atlas/index.html",
                                          "it/elenco/ong-atlas/index.html"});
  CHECK(find_file(*quick, "fr/lignes-directrices/preparer-le-retour/index.html")->bytes.find("Réfléchir vite.") !=
        std::string::npos);
}

TEST_CASE("The quick step leaves to the complete build an edit that moves or removes a page") {
  ServedFixture site;
  auto& previous = site.previous;
  auto& cache = site.cache;

  site.changes.add(test_support::kSmallSiteGuideline, replaced(fixture_file(test_support::kSmallSiteGuideline), "slug = \"preparer-le-retour\"", "slug = \"retour\""));
  REQUIRE(cache.update(site.tree, {test_support::kSmallSiteGuideline}));
  CHECK_FALSE(quick_pages(*previous, cache, {test_support::kSmallSiteGuideline}));

  // A link to a page that does not exist: an error, left for the complete build to report.
  site.changes.add(test_support::kSmallSiteGuideline, replaced(fixture_file(test_support::kSmallSiteGuideline), "@/guidelines/credit.md", "@/guidelines/nulle-part.md"));
  REQUIRE(cache.update(site.tree, {test_support::kSmallSiteGuideline}));
  CHECK_FALSE(quick_pages(*previous, cache, {test_support::kSmallSiteGuideline}));

  // A new actor is not on the last build's pages.
  site.changes.add("directory-data/actors/ong-nouvelle.toml", fixture_file(kRecord));
  REQUIRE(cache.update(site.tree, {"directory-data/actors/ong-nouvelle.toml"}));
  CHECK_FALSE(quick_pages(*previous, cache, {"directory-data/actors/ong-nouvelle.toml"}));
}

namespace {

/// What LatestJob's jobs did, in order, noted from its thread.
struct JobLog {
  std::vector<std::string> lines;
  std::mutex mutex;
  void note(const std::string& line) {
    std::lock_guard lock(mutex);
    lines.push_back(line);
  }
};

}  // namespace

TEST_CASE("LatestJob cancels the running job for a newer one and drops the ones in between") {
  JobLog job_log;
  auto note = [&](const std::string& line) { job_log.note(line); };
  const auto& log = job_log.lines;
  {
    LatestJob jobs;
    std::atomic<bool> first_started{false};
    jobs.post([&](const std::atomic<bool>& cancelled) {
      first_started = true;
      auto until = std::chrono::steady_clock::now() + 10s;
      while (!cancelled && std::chrono::steady_clock::now() < until) std::this_thread::sleep_for(1ms);
      note(cancelled ? "first cancelled" : "first timed out");
    });
    while (!first_started) std::this_thread::sleep_for(1ms);
    jobs.post([&](const std::atomic<bool>&) { note("second"); });
    jobs.post([&](const std::atomic<bool>& cancelled) { note(cancelled ? "third cancelled" : "third"); });
    jobs.wait_idle();
  }
  // The second was still waiting when the third came: it never ran.
  CHECK(log == std::vector<std::string>{"first cancelled", "third"});
}

TEST_CASE("LatestJob::cancel stops the running job and drops the waiting one; later posts run") {
  JobLog job_log;
  auto note = [&](const std::string& line) { job_log.note(line); };
  const auto& log = job_log.lines;
  LatestJob jobs;
  auto long_job = [&](const std::string& name, std::atomic<bool>& started) {
    return [&, name](const std::atomic<bool>& cancelled) {
      started = true;
      auto until = std::chrono::steady_clock::now() + 10s;
      while (!cancelled && std::chrono::steady_clock::now() < until) std::this_thread::sleep_for(1ms);
      note(name + (cancelled ? " cancelled" : " timed out"));
    };
  };
  std::atomic<bool> first_started{false}, second_started{false};
  jobs.post(long_job("first", first_started));
  while (!first_started) std::this_thread::sleep_for(1ms);
  jobs.cancel();  // nothing newer posted: the running job alone is stopped
  jobs.wait_idle();
  jobs.post(long_job("second", second_started));
  while (!second_started) std::this_thread::sleep_for(1ms);
  jobs.post([&](const std::atomic<bool>&) { note("waiting"); });
  jobs.cancel();  // the waiting job is dropped
  jobs.wait_idle();
  jobs.post([&](const std::atomic<bool>& cancelled) { note(cancelled ? "next cancelled" : "next"); });
  jobs.wait_idle();
  CHECK(log == std::vector<std::string>{"first cancelled", "second cancelled", "next"});
}
