// `passerelle check`'s library: the HTML scanner, the links of rendered pages, the translation
// report and the whole run on the fixture site with planted problems.
#include "check/check.h"

#include <algorithm>
#include <catch2/catch.hpp>

#include "check/html_scan.h"
#include "check/rendered_links.h"
#include "check/report_json.h"
#include "check/translations.h"
#include "test_support.h"
#include "fixture_site.h"

using namespace passerelle;

namespace {


bool has(const std::vector<std::string>& lines, const std::string& text) {
  return std::any_of(lines.begin(), lines.end(),
                     [&](const std::string& line) { return line.find(text) != std::string::npos; });
}

CheckReport check_fixture(std::map<std::string, std::string> overlay = {}) {
  static DiskSourceTree fixture(test_support::kSmallSite);
  static DiskSourceTree bundled(PASSERELLE_BUNDLED_THEMES);
  MemorySourceTree changes(std::move(overlay));
  LayeredSourceTree tree(changes, "", fixture, "");
  return run_check(tree, bundled, {});
}

}  // namespace

TEST_CASE("The HTML scanner reads attributes, decodes entities and skips scripts and comments") {
  auto attributes = scan_attributes(
      "<!DOCTYPE html><p id=intro class='a b'>x</p><!-- <a href=\"no\"> -->\n"
      "<A HREF=\"x/?a=1&amp;b=2#s\">y</A><script>var s = '<a href=\"nope\">';</script>"
      "<img src=\"i.png\" alt=\"&lt;&#233;&#x41;\"><input disabled>");
  REQUIRE(attributes.size() == 6);
  CHECK(attributes[0].tag == "p");
  CHECK(attributes[0].name == "id");
  CHECK(attributes[0].value == "intro");
  CHECK(attributes[1].value == "a b");
  CHECK(attributes[2].tag == "a");
  CHECK(attributes[2].name == "href");
  CHECK(attributes[2].value == "x/?a=1&b=2#s");  // not the commented-out link, nor the script's
  CHECK(attributes[3].value == "i.png");
  CHECK(attributes[4].value == "<éA");
  CHECK(attributes[5].name == "disabled");
  CHECK(attributes[5].value.empty());
}

TEST_CASE("Rendered links must lead to a file of the build and fragments to an id") {
  OutputPlan plan = {
      {"index.html",
       "<a href=\"fr/\">fr</a> <a href=\"https://example.org/site/fr/a/#top\">abs</a>"},
      {"fr/index.html",
       "<h2 id=\"intro\">x</h2>\n<a href=\"a/\">ok</a> <a href=\"a/#part\">ok</a> <a "
       "href=\"#intro\">ok</a>\n"
       "<a href=\"b/\">missing</a> <a href=\"a/#nope\">bad fragment</a> <a href=\"a\">no "
       "slash</a>\n"
       "<a href=\"../../x/\">above</a> <a href=\"mailto:x@example.org\">mail</a> "
       "<a href=\"https://other.example.net/\">other</a> <link rel=\"stylesheet\" "
       "href=\"../css/s.css\">"
       "<img src=\"../img/none.png\" alt=\"\"> <a href=\"/fr/\">root-relative</a>",
       {"content/fr/_index.md"}},
      {"fr/a/index.html",
       "<section id=\"part\"></section><a href=\"../\">up</a><a href=\"./#part\">self</a>"},
      // The same text in a print edition: its link's problem is the same one.
      {"fr/print/index.html", "<img src=\"../img/none.png\" alt=\"\">",
       {"content/fr/x.md", "content/fr/_index.md"}},
      {"css/s.css", "body{}"},
  };
  Diagnostics diagnostics;
  LinkPlaces places = {{"content/fr/_index.md", {{"../img/none.png", {"content/fr/_index.md", 9, 4}}}}};
  auto stats = check_rendered_links(plan, "https://example.org/site/", places, diagnostics);
  CHECK(stats.pages == 4);
  auto lines = test_support::messages(diagnostics);
  CHECK(lines.size() == 6);
  CHECK(has(lines,
            "fr/index.html:3:1: error: link 'b/' leads to no file of the built site (page built "
            "from content/fr/_index.md)"));
  CHECK(has(lines, "link 'a/#nope': no element with id 'nope' in fr/a/index.html"));
  CHECK(has(lines, "link 'a' leads to a folder: add the trailing slash ('a/')"));
  CHECK(has(lines, "link '../../x/' climbs above the site's root"));
  // Where the source writes it, once, although two pages show it.
  CHECK(has(lines,
            "content/fr/_index.md:9:4: error: link '../img/none.png' leads to no file of the "
            "built site"));
  CHECK(has(lines, "link '/fr/' starts at the host's root"));
}

TEST_CASE("External links of a page are its absolute http(s) links outside the site") {
  auto links = external_links_in(
      "<a href=\"https://a.example/x?y=1&amp;z=2\">a</a> <a "
      "href=\"https://site.example/fr/\">self</a> "
      "<a href=\"mailto:x@y.z\">m</a> <a href=\"https://a.example/x?y=1&z=2\">again</a> <a "
      "href=\"http://b.example\">b</a>",
      "https://site.example/");
  CHECK(links == std::vector<std::string>{"https://a.example/x?y=1&z=2", "http://b.example"});
}

TEST_CASE("The translation report lists what each language lacks and stale translations") {
  auto report = check_fixture();
  REQUIRE(report.translations);
  const auto& translations = *report.translations;
  CHECK(translations.source_language == "fr");
  auto gap = [&](const std::string& what, const std::string& item, const std::string& language) {
    return std::any_of(translations.missing.begin(), translations.missing.end(),
                       [&](const TranslationGap& g) {
                         return g.what == what && g.item == item && g.language == language;
                       });
  };
  CHECK(gap("page", "guidelines/credit", "it"));
  CHECK(gap("actor description", "comune-prova", "fr"));
  CHECK(gap("actor services", "comune-prova", "fr"));
  CHECK_FALSE(gap("page", "guidelines/retour", "it"));
  CHECK_FALSE(gap("UI string", "first_day", "it"));  // optional in the theme
  REQUIRE(translations.stale.size() == 1);
  CHECK(translations.stale[0].key == "guidelines/retour");
  CHECK(translations.stale[0].where.path == "content/it/guidelines/retour.md");
  CHECK(translations.stale[0].where.line == 4);  // its date line: it has no `updated`
  CHECK(translations.stale[0].source_date == "2026-11-02");
  auto lines = test_support::messages(report.diagnostics);
  CHECK(has(lines,
            "content/it/guidelines/retour.md:4:1: warning: translation older than its source: "
            "2026-10-03 here, 2026-11-02 in content/fr/guidelines/retour.md"));
  CHECK(has(
      lines,
      "content/fr/guidelines/credit.md: warning: no translation in Italiano (it) of this page"));
  CHECK(report.diagnostics.error_count() == 0);
  CHECK(report.rendered);
}

TEST_CASE("The translation report finds UI strings and vocabulary labels missing in a language") {
  auto report = check_fixture({
      {"themes/default/i18n/it.toml", "language_name = \"Italiano\"\n"},
      {"directory-data/vocabulary.toml",
       "[countries.MA]\nfr = { label = \"Maroc\", slug = \"maroc\" }\n"},
  });
  REQUIRE(report.translations);
  bool ui = false, vocabulary = false;
  for (const auto& g : report.translations->missing) {
    ui = ui || (g.what == "UI string" && g.item == "home" && g.language == "it" &&
                g.where.path == "themes/default/i18n/it.toml");
    vocabulary = vocabulary ||
                 (g.what == "vocabulary label" && g.item == "countries.MA" && g.language == "it");
  }
  CHECK(ui);
  CHECK(vocabulary);
  CHECK_FALSE(report.rendered);
}

TEST_CASE("check finds link problems even when the build stops at a broken record") {
  auto report = check_fixture({
      {"content/fr/about.md",
       "+++\ntitle = \"À propos\"\nsummary = \"x\"\ndate = 2026-10-01\nslug = \"a-propos\"\n+++\n"
       "[perdu](guidelines/nulle-part.md) [budget](guidelines/credit.md#le-budjet) "
       "[atlas](@/actors/ong-atlas)\n"},
      {"directory-data/actors/ong-atlas.toml",
       "name = \"Atlas\"\ncountry = \"MA\"\nkind = \"ngo\"\nsectors = [\"cooking\"]\nlast_reviewed "
       "= 2026-11-01\n"
       "[description]\nfr = \"x\"\n"},
  });
  auto lines = test_support::messages(report.diagnostics);
  CHECK(has(lines, "directory-data/actors/ong-atlas.toml:4:12: error: unknown sector 'cooking'"));
  CHECK(has(lines, "content/fr/about.md:7:9: error: link to 'guidelines/nulle-part.md': no page"));
  CHECK(
      has(lines,
          "error: no heading with id 'le-budjet' in the linked page; did you mean '#le-budget'?"));
  // The broken record stands in as a link target: no false "no actor" error.
  CHECK_FALSE(has(lines, "no actor 'ong-atlas'"));
  CHECK(report.diagnostics.error_count() == 3);
}

TEST_CASE("check reports a source error and a problem only the built pages show in one run") {
  auto report = check_fixture({
      {"content/fr/guidelines/credit.md",
       "+++\ntitle = \"Le crédit\"\nsummary = \"x\"\ndate = 2026-10-05\n+++\n## Le budget\n\n"
       "Voir [le site](exemple/site) et [le plan](plans).\n"},
      {"directory-data/actors/ong-atlas.toml", "name = \"Atlas\"\ncountry = \"XX\"\n"},
  });
  auto lines = test_support::messages(report.diagnostics);
  CHECK(has(lines, "directory-data/actors/ong-atlas.toml:2:11: error: unknown country"));
  CHECK(report.rendered);
  // At the Markdown line, once: not in the guideline's page and again in the print edition.
  CHECK(has(lines, "content/fr/guidelines/credit.md:8:16: error: link 'exemple/site' leads to "
                   "no file of the built site"));
  CHECK(has(lines, "content/fr/guidelines/credit.md:8:43: error: link 'plans' leads to no file"));
  auto mentions = std::count_if(lines.begin(), lines.end(), [](const std::string& line) {
    return line.find("exemple/site") != std::string::npos;
  });
  CHECK(mentions == 1);
  // Links to the broken record still lead to its page.
  CHECK_FALSE(has(lines, "ong-atlas/' leads to no file"));
}

TEST_CASE("check lists external links with where the sources write them, and reports JSON") {
  auto report = check_fixture();
  auto atlas =
      std::find_if(report.external_links.begin(), report.external_links.end(),
                   [](const ExternalLink& l) { return l.url == "https://atlas.example.org/"; });
  REQUIRE(atlas != report.external_links.end());
  REQUIRE(atlas->places.size() == 1);
  CHECK(atlas->places[0].path == "directory-data/actors/ong-atlas.toml");
  CHECK(atlas->places[0].line == 9);
  CHECK_FALSE(atlas->fetched);
  std::string json = check_report_json(report, false);
  CHECK(json.find("\"ok\": true") != std::string::npos);
  CHECK(json.find("\"status\": \"not fetched\"") != std::string::npos);
  CHECK(json.find("\"item\": \"guidelines/credit\"") != std::string::npos);
  std::string strict = check_report_json(report, true);
  CHECK(strict.find("\"ok\": false") != std::string::npos);
}

TEST_CASE("a check whose caller cancelled it stops after the build, without rendering or checking links") {
  DiskSourceTree fixture(test_support::kSmallSite);
  DiskSourceTree bundled(PASSERELLE_BUNDLED_THEMES);
  std::atomic<bool> cancelled{true};
  CheckOptions options;
  options.cancelled = &cancelled;
  std::vector<std::string> stages;
  options.on_stage = [&](std::string_view stage) { stages.emplace_back(stage); };
  auto report = run_check(fixture, bundled, options);
  CHECK_FALSE(report.rendered);
  CHECK(report.pages == 0);
  CHECK(std::find(stages.begin(), stages.end(), "links") == stages.end());
  CHECK(std::find(stages.begin(), stages.end(), "translations") == stages.end());
  cancelled = false;
  auto whole = run_check(fixture, bundled, options);
  CHECK(whole.rendered);
  CHECK(whole.pages > 10);
}
