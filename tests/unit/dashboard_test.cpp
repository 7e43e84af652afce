// The dashboard `passerelle serve` shows at /_passerelle/: its page made from check/'s data
// (every value escaped), its data collected by check/ on the fixture site, and how LiveSite
// serves it beside the site, working or broken.
#include "serve/dashboard.h"

#include <catch2/catch.hpp>
#include <chrono>

#include "serve/live_site.h"
#include "test_support.h"

using namespace passerelle;
using namespace std::chrono_literals;

namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

/// The data-since value a served page carries.
std::string since_of(const ServedResponse& response) {
  auto at = response.body.find("data-since=\"");
  REQUIRE(at != std::string::npos);
  at += 12;
  return response.body.substr(at, response.body.find('"', at) - at);
}

DashboardData hostile_data() {
  DashboardData data;
  data.checked_at = "09:15:00";
  data.check.rendered = true;
  data.check.diagnostics.error({"content/fr/a.md", 2, 7}, "no page <b>x</b> & co");
  data.check.diagnostics.warning({"site.toml", 0, 0}, "a \"warning\"");
  data.listed = true;
  data.drafts = {{"content/fr/b.md", "fr", "Brouillon <i>", "draft: shown by serve"}};
  data.stale = {{"directory-data/actors/x.toml", "", "ONG & Cie", "last_reviewed (2012-01-01)"}};
  TranslationReport report;
  report.source_language = "fr";
  report.languages = {"fr", "it"};
  Coverage pages;
  pages.total = 3;
  pages.present = {{"fr", 3}, {"it", 2}};
  report.coverage = {{"pages", pages}};
  report.missing = {{"page", "guide<1>", "it", {"content/fr/guide.md", 0, 0}}};
  report.stale = {{"retour", "it", {"content/it/retour.md", 4, 1}, "2026-01-01",
                   "content/fr/retour.md", "2026-05-01"}};
  data.check.translations = report;
  return data;
}

}  // namespace

TEST_CASE("The dashboard lists the diagnostics, the listings and the translation report, escaped") {
  MemorySourceTree tree;
  tree.add("content/fr/a.md", "+++\nlien <\"x\"> ici\n");
  std::string html = dashboard_html(hostile_data(), tree);
  CHECK(contains(html, "<!DOCTYPE html>\n<html lang=\"en\">"));
  CHECK(contains(html, "Checked at 09:15:00: 1 error, 1 warning."));
  CHECK(contains(html, "<code class=\"where\">content/fr/a.md:2:7</code>"));
  CHECK(contains(html, "no page &lt;b&gt;x&lt;/b&gt; &amp; co"));
  CHECK(contains(html, "lien &lt;&quot;x&quot;&gt; ici\n      ^"));  // the line and its caret
  CHECK(contains(html, "a &quot;warning&quot;"));
  CHECK(contains(html, "<h2 id=\"drafts\">Drafts (1)</h2>"));
  CHECK(contains(html, "fr · <span lang=\"fr\">Brouillon &lt;i&gt;</span>"));
  CHECK(contains(html, "<h2 id=\"future\">Future pages (0)</h2>\n<p>None.</p>"));
  CHECK(contains(html, "ONG &amp; Cie"));
  CHECK(contains(html, "<th scope=\"row\">Pages</th><td>3/3</td><td>2/3</td>"));
  CHECK(contains(html, "it · page · guide&lt;1&gt;"));
  CHECK(contains(html, "<code class=\"where\">content/it/retour.md:4:1</code>"));
  CHECK(contains(html, "Dated 2026-01-01; its source content/fr/retour.md is dated 2026-05-01."));
  CHECK_FALSE(contains(html, "<script"));  // the server adds the only script
  CHECK_FALSE(contains(html, "<b>"));
}

TEST_CASE("The dashboard of a clean site says so, and without site.toml says what is missing") {
  MemorySourceTree tree;
  DashboardData clean;
  clean.checked_at = "10:00:00";
  clean.check.rendered = true;
  clean.listed = true;
  clean.check.translations = TranslationReport{"fr", {"fr", "it"}, {}, {}, {}};
  std::string html = dashboard_html(clean, tree);
  CHECK(contains(html, "Checked at 10:00:00: 0 errors."));
  CHECK(contains(html, "<h2 id=\"problems\">Errors and warnings (0)</h2>\n<p>None.</p>"));
  CHECK_FALSE(contains(html, "class=\"problems\""));

  DashboardData broken;
  std::string without = dashboard_html(broken, tree);
  CHECK(contains(without, "so its pages were not checked"));
  CHECK(contains(without, "listed once site.toml and the vocabulary load"));
  CHECK(contains(without, "The translation report needs a usable site.toml."));
  CHECK_FALSE(contains(without, "href=\"#drafts\""));  // no link to a section not there
}

TEST_CASE("The dashboard's data is what check and list find on the site") {
  DiskSourceTree fixture(test_support::fixture_path("site-small"));
  DiskSourceTree bundled(PASSERELLE_BUNDLED_THEMES);
  auto record = fixture.read("directory-data/actors/ong-atlas.toml");
  REQUIRE(record);
  std::string stale = *record;
  stale.replace(stale.find("last_reviewed = 2026-11-01"), 26, "last_reviewed = 2012-01-01");
  MemorySourceTree changes({
      {"directory-data/actors/ong-atlas.toml", stale},
      {"content/fr/brouillon.md", "+++\ntitle = \"Brouillon\"\nsummary = \"En cours.\"\ndate = 2026-11-01\ndraft = true\n+++\nTexte.\n"},
      {"content/fr/erreur.md", "+++\ntitle = \"Erreur\"\nsummary = \"Une erreur.\"\ndate = 2026-13-01\n+++\nTexte.\n"},
  });
  LayeredSourceTree tree(changes, "", fixture, "");
  CheckOptions options;
  options.include_drafts = true;
  options.today = "2026-12-06";
  auto data = collect_dashboard(tree, bundled, options);
  CHECK(data.check.diagnostics.has_errors());
  bool error_seen = false;
  for (const auto& d : data.check.diagnostics.items()) {
    error_seen = error_seen || (d.location.path == "content/fr/erreur.md" &&
                                d.severity == Severity::kError);
  }
  CHECK(error_seen);
  REQUIRE(data.listed);
  REQUIRE(data.drafts.size() == 1);
  CHECK(data.drafts[0].path == "content/fr/brouillon.md");
  REQUIRE(data.stale.size() == 1);
  CHECK(data.stale[0].path == "directory-data/actors/ong-atlas.toml");
  CHECK(data.check.translations);
}

TEST_CASE("LiveSite serves the dashboard beside the site, and while the build is broken") {
  LiveSite site("run");
  site.publish({{"index.html", "<html><head></head><body>root</body></html>"}});
  CHECK(site.respond(LiveSite::kDashboardPath).status == 404);  // none yet
  site.publish_dashboard("<html><head></head><body>checks 1</body></html>");
  auto first = site.respond("/_passerelle/");
  CHECK(first.status == 200);
  CHECK(contains(first.body, "checks 1"));
  CHECK(contains(first.body, "/_passerelle/live.js"));  // a tab on it reloads by itself
  CHECK(site.respond("/_passerelle/index.html").body == first.body);
  auto moved = site.respond("/_passerelle");
  CHECK(moved.status == 301);
  CHECK(moved.location == "/_passerelle/");

  // The same bytes again: no reload. Other pages do not reload for the dashboard.
  std::string since = since_of(first);
  std::string since_root = since_of(site.respond("/"));
  CHECK(site.publish_dashboard("<html><head></head><body>checks 1</body></html>").generation == 0);
  CHECK(site.wait_for_change("/_passerelle/", since, 0ms) == LiveSite::Wait::kTimeout);
  site.publish_dashboard("<html><head></head><body>checks 2</body></html>");
  CHECK(site.wait_for_change("/_passerelle/", since, 0ms) == LiveSite::Wait::kChanged);
  CHECK(site.wait_for_change("/", since_root, 0ms) == LiveSite::Wait::kTimeout);

  // A failed build: every page shows the error page, the dashboard stays.
  site.publish_error("<html><head></head><body>broken</body></html>");
  CHECK(site.respond("/").status == 500);
  auto during = site.respond("/_passerelle/");
  CHECK(during.status == 200);
  CHECK(contains(during.body, "checks 2"));
  // A later successful build keeps it too.
  site.publish({{"index.html", "<html><head></head><body>root</body></html>"}});
  CHECK(contains(site.respond("/_passerelle/").body, "checks 2"));
}
