// Site-level tests: the fixture site is built in memory through the whole pipeline and the
// output compared with golden files (refresh: tests/refresh-golden.sh) or inspected.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "pipeline/build.h"
#include "fixture_site.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace passerelle;

namespace {

using test_support::read_file;


using test_support::Built;
using test_support::build_fixture;

std::string first_difference(const std::string& expected, const std::string& actual) {
  std::istringstream e(expected), a(actual);
  std::string el, al;
  for (int line = 1;; ++line) {
    bool more_e = static_cast<bool>(std::getline(e, el));
    bool more_a = static_cast<bool>(std::getline(a, al));
    if (!more_e && !more_a) return "";
    if (el != al || more_e != more_a) {
      return "line " + std::to_string(line) + "\n  golden: " + el + "\n  actual: " + al;
    }
  }
}

}  // namespace

TEST_CASE("the fixture site matches its golden files") {
  auto built = build_fixture();
  REQUIRE(built.errors() == "");
  REQUIRE(built.result);
  const fs::path golden = std::string(PASSERELLE_GOLDEN) + "/site-small";
  std::set<std::string> produced;
  for (const auto& file : built.result->plan) {
    produced.insert(file.path);
    INFO("golden file " << file.path << " (refresh with tests/refresh-golden.sh)");
    REQUIRE(fs::exists(golden / file.path));
    std::string expected = read_file(golden / file.path);
    INFO(first_difference(expected, file.bytes));
    CHECK(expected == file.bytes);
  }
  for (const auto& entry : fs::recursive_directory_iterator(golden)) {
    if (!entry.is_regular_file()) continue;
    auto path = fs::relative(entry.path(), golden).generic_string();
    INFO("golden file no longer produced: " << path);
    CHECK(produced.count(path) == 1);
  }
}

TEST_CASE("building twice gives byte-identical output") {
  auto first = build_fixture();
  auto second = build_fixture();
  REQUIRE(first.result);
  REQUIRE(second.result);
  REQUIRE(first.result->plan.size() == second.result->plan.size());
  for (size_t i = 0; i < first.result->plan.size(); ++i) {
    CHECK(first.result->plan[i].path == second.result->plan[i].path);
    CHECK(first.result->plan[i].bytes == second.result->plan[i].bytes);
  }
}

TEST_CASE("hostile record values are inert in every HTML page") {
  auto built = build_fixture();
  REQUIRE(built.result);
  for (const auto& file : built.result->plan) {
    if (file.path.size() < 5 || file.path.substr(file.path.size() - 5) != ".html") continue;
    INFO(file.path);
    CHECK(file.bytes.find("<script>alert") == std::string::npos);
    CHECK(file.bytes.find("<img src=x") == std::string::npos);
    CHECK(file.bytes.find("<iframe") == std::string::npos);
    CHECK(file.bytes.find("<b>S</b>") == std::string::npos);
    CHECK(file.bytes.find("javascript:") == std::string::npos);
  }
  const auto& page = built.file("fr/annuaire/script-test/index.html");
  CHECK_THAT(page, Catch::Contains("&lt;script&gt;alert(&#39;nom&#39;)&lt;/script&gt; &amp; &quot;Cie&quot;"));
  CHECK_THAT(page, Catch::Contains("href=\"https://example.org/?a=1&amp;b=&#39;2&#39;\""));
  CHECK_THAT(page, Catch::Contains("\"name\":\"\\u003cscript\\u003ealert('nom')\\u003c/script\\u003e"));
}

TEST_CASE("the language switcher leads to the translation or says it is missing") {
  auto built = build_fixture();
  REQUIRE(built.result);
  const auto& translated = built.file("fr/lignes-directrices/preparer-le-retour/index.html");
  CHECK_THAT(translated, Catch::Contains("<a href=\"../../../it/linee-guida/preparare-il-rientro/\" lang=\"it\""));
  CHECK_THAT(translated, Catch::Contains("hreflang=\"it\" href=\"https://example.org/guide/it/linee-guida/preparare-il-rientro/\""));
  const auto& untranslated = built.file("fr/lignes-directrices/credit/index.html");
  CHECK_THAT(untranslated, Catch::Contains("<a href=\"../../../it/linee-guida/\" lang=\"it\" hreflang=\"it\" dir=\"ltr\">Italiano <span class=\"missing\">(non ancora tradotto)</span></a>"));
}

TEST_CASE("an actor without a text in one language shows the other with a notice") {
  auto built = build_fixture();
  REQUIRE(built.result);
  const auto& page = built.file("fr/annuaire/comune-prova/index.html");
  CHECK_THAT(page, Catch::Contains("Ce texte n&#39;est pas encore traduit en français. Version originale\u00A0: italien"));
  CHECK_THAT(page, Catch::Contains("<div class=\"prose\" lang=\"it\" dir=\"ltr\">"));
  CHECK_THAT(built.file("it/elenco/comune-prova/index.html"), !Catch::Contains("untranslated"));
}

TEST_CASE("facet pages narrow the directory and link each other with counts") {
  auto built = build_fixture();
  REQUIRE(built.result);
  const auto& maroc = built.file("fr/annuaire/pays/maroc/index.html");
  CHECK_THAT(maroc, Catch::Contains("<p class=\"result-count\">2 acteurs"));
  CHECK_THAT(maroc, Catch::Contains("<a class=\"facet\" href=\"financement/\" data-value=\"finance\"><span class=\"facet-label\">Financement</span> <span class=\"count\" aria-hidden=\"true\">2</span>"));
  const auto& narrowed = built.file("fr/annuaire/pays/maroc/formation/index.html");
  CHECK_THAT(narrowed, Catch::Contains("<p class=\"result-count\">1 acteur"));
  // On a combined page every link keeps the other filters and counts within them.
  auto link = [](const std::string& href, const std::string& value, const std::string& label, int n,
                 bool current = false) {
    return "<a class=\"facet\" href=\"" + href + "\" data-value=\"" + value + "\"" +
           (current ? " aria-current=\"page\"" : "") + "><span class=\"facet-label\">" + label +
           "</span> <span class=\"count\" aria-hidden=\"true\">" + std::to_string(n) + "</span>";
  };
  CHECK_THAT(narrowed, Catch::Contains(link("../../../secteur/formation/", "", "Tous les pays", 2)));
  CHECK_THAT(narrowed, Catch::Contains(link("../../italie/formation/", "IT", "Italie", 1)));
  CHECK_THAT(narrowed, Catch::Contains(link("./", "MA", "Maroc", 1, true)));
  CHECK_THAT(narrowed, Catch::Contains(link("./", "", "Tous les types", 1, true)));
  CHECK_THAT(narrowed, Catch::Contains(link("../type/ong/formation/", "ngo", "ONG", 1)));
  CHECK_THAT(narrowed, Catch::Contains(link("../", "", "Tous les secteurs", 2)));
  CHECK_THAT(narrowed, Catch::Contains(link("../financement/", "finance", "Financement", 2)));
  CHECK_THAT(narrowed, !Catch::Contains("data-value=\"public-body\""));  // no one left there
  // Every combination that lists someone has its page, with the breadcrumb of its country.
  const auto& three = built.file("fr/annuaire/pays/maroc/type/ong/formation/index.html");
  CHECK_THAT(three, Catch::Contains("<h1>Maroc — ONG — Formation</h1>"));
  CHECK_THAT(three, Catch::Contains(link("../../../../../type/ong/formation/", "", "Tous les pays", 1)));
  CHECK_THAT(built.file("it/elenco/tipo/ong/finanziamento/index.html"), Catch::Contains("2 attori"));
  CHECK_FALSE(built.has("fr/annuaire/pays/italie/type/ong/index.html"));  // no Italian NGO
  CHECK_THAT(built.file("it/elenco/settore/formazione/index.html"), Catch::Contains("2 attori"));
  CHECK_THAT(built.file("fr/annuaire/type/organisme-public/index.html"), Catch::Contains("Comune di Prova"));
}

TEST_CASE("broken links name the file, the line and a likely fix") {
  auto built = build_fixture({{"content/fr/guidelines/credit.md",
                               "+++\ntitle = \"C\"\nsummary = \"S\"\ndate = 2026-10-05\n+++\n"
                               "Voir [Atlas](@/actors/ong-atlass), [x](@/guidelines/nope.md)\n"
                               "et [y](retour.md#les-etape).\n"}});
  CHECK_FALSE(built.result);
  CHECK(built.errors() ==
        "content/fr/guidelines/credit.md:6:14: error: no actor 'ong-atlass' (expected "
        "directory-data/actors/ong-atlass.toml); did you mean '@/actors/ong-atlas'?\n"
        "content/fr/guidelines/credit.md:6:40: error: link to '@/guidelines/nope.md': no page "
        "content/fr/guidelines/nope.md\n"
        "content/fr/guidelines/credit.md:7:8: error: no heading with id 'les-etape' in the linked "
        "page; did you mean '#les-etapes' or '#les-etapes-2'?\n"
        "content/fr/guidelines/retour.md:11:48: error: no heading with id 'le-budget' in the linked "
        "page\n"
        // The same link in a footnote, at its place in the note's definition.
        "content/fr/guidelines/retour.md:40:56: error: no heading with id 'le-budget' in the linked "
        "page\n");
}

TEST_CASE("a composed file name and its decomposed twin are translations of each other") {
  auto page = [](const std::string& title) {
    return "+++\ntitle = \"" + title +
           "\"\nsummary = \"S\"\ndate = 2026-10-05\nslug = \"cafe\"\n+++\nTexte.\n";
  };
  const std::string composed = "caf\u00E9.md", decomposed = "cafe\u0301.md";
  for (const auto& [fr, it] : {std::pair{composed, decomposed}, std::pair{decomposed, composed}}) {
    auto built = build_fixture({{"content/fr/guidelines/" + fr, page("Café")},
                                {"content/it/guidelines/" + it, page("Caffè")}});
    INFO(built.errors());
    REQUIRE(built.result);
    CHECK_THAT(built.file("fr/lignes-directrices/cafe/index.html"),
               Catch::Contains("<a href=\"../../../it/linee-guida/cafe/\" lang=\"it\""));
    CHECK_THAT(built.file("it/linee-guida/cafe/index.html"),
               Catch::Contains("<a href=\"../../../fr/lignes-directrices/cafe/\" lang=\"fr\""));
  }
}

TEST_CASE("actors.csv neutralises formulas in every item of a list, not only the first") {
  auto built = build_fixture({{"directory-data/actors/script-test.toml",
                               "name = \"Test\"\ncountry = \"MA\"\nkind = \"ngo\"\n"
                               "sectors = [\"finance\"]\nlast_reviewed = 2026-11-01\n"
                               "other_names = [{ name = \"Atlas\", lang = \"fr\" }, "
                               "{ name = \"=cmd|' /C calc'!A0\", lang = \"en\" }]\n"
                               "[services]\nfr = [\"Conseil\", \"@SUM(1+1)\", \"+x\", \"-y\", "
                               "\"a;=b\", \"-1.5\"]\n"
                               "[description]\nfr = \"Texte.\"\nit = \"Testo.\"\n"}});
  INFO(built.errors());
  REQUIRE(built.result);
  const auto& csv = built.file("actors.csv");
  // Other names keep their language: "en:=cmd…" is no formula, even alone in a cell.
  CHECK_THAT(csv, Catch::Contains(",fr:Atlas;en:=cmd|' /C calc'!A0,"));
  CHECK_THAT(csv, Catch::Contains(",Conseil;'@SUM(1+1);'+x;'-y;a;'=b;-1.5,"));
  CHECK_THAT(csv, !Catch::Contains(";="));
  CHECK_THAT(csv, !Catch::Contains(";@"));
}

TEST_CASE("duplicate slugs and translation keys name both files") {
  auto built = build_fixture({{"content/fr/guidelines/copie.md",
                               "+++\ntitle = \"C\"\nsummary = \"S\"\ndate = 2026-10-05\n"
                               "slug = \"credit\"\ntranslation_key = \"guidelines/retour\"\n+++\n"}});
  CHECK_FALSE(built.result);
  std::string errors = built.errors();
  CHECK_THAT(errors, Catch::Contains("this page has the same URL /fr/lignes-directrices/credit/ as content/fr/guidelines/c"));
  CHECK_THAT(errors, Catch::Contains("translation key 'guidelines/retour' is also used by content/fr/guidelines/"));
}

TEST_CASE("every error of a run is reported, from pages and records alike") {
  auto built = build_fixture({
      {"content/it/guidelines/retour.md", "+++\ntitle = \n+++\n"},
      {"directory-data/actors/comune-prova.toml", "name = \"X\"\ncountry = \"FR\"\n"},
      {"content/fr/about.md", "no front matter\n"},
  });
  CHECK_FALSE(built.result);
  std::string errors = built.errors();
  CHECK_THAT(errors, Catch::Contains("content/fr/about.md:1:1: error: missing front matter"));
  CHECK_THAT(errors, Catch::Contains("content/it/guidelines/retour.md:2:9: error:"));
  CHECK_THAT(errors, Catch::Contains("directory-data/actors/comune-prova.toml:2:11: error: unknown country 'FR'"));
}

TEST_CASE("a site overrides a template of the bundled theme") {
  auto built = build_fixture({{"themes/default/templates/page.mustache",
                               "{{> head}}<body><main id=\"main\"><h1>OVERRIDE {{title}}</h1></main></body></html>"}});
  REQUIRE(built.result);
  CHECK_THAT(built.file("fr/a-propos/index.html"), Catch::Contains("<h1>OVERRIDE À propos</h1>"));
}

TEST_CASE("a template using a UI string a language lacks is an error") {
  auto built = build_fixture({{"themes/default/templates/page.mustache", "<p>{{t.no_such_string}}</p>"}});
  CHECK_FALSE(built.result);
  CHECK_THAT(built.errors(), Catch::Contains("themes/default/templates/page.mustache:1:4: error: UI string 't.no_such_string' is missing from i18n/fr.toml"));
}

TEST_CASE("a template syntax error is reported at its line") {
  auto built = build_fixture({{"themes/default/templates/page.mustache", "<p>\n{{#title}}\n</p>"}});
  CHECK_FALSE(built.result);
  CHECK_THAT(built.errors(), Catch::Contains("themes/default/templates/page.mustache:2:1: error: template: Unclosed section"));
}

TEST_CASE("drafts are left out unless asked for") {
  std::map<std::string, std::string> overlay = {
      {"content/fr/guidelines/brouillon.md",
       "+++\ntitle = \"Brouillon\"\nsummary = \"S\"\ndate = 2026-10-05\ndraft = true\n+++\n"}};
  auto built = build_fixture(overlay);
  REQUIRE(built.result);
  for (const auto& file : built.result->plan) CHECK(file.path.find("brouillon") == std::string::npos);
}

TEST_CASE("a UI string the generator needs is checked in every language") {
  auto built = build_fixture({{"themes/default/i18n/it.toml", "home = \"Home\"\n"}});
  CHECK_FALSE(built.result);
  CHECK_THAT(built.errors(), Catch::Contains("i18n/it.toml: error: UI string 'list_separator' is missing"));
  CHECK_THAT(built.errors(), Catch::Contains("i18n/it.toml: error: 'months' must list the 12 month names"));
}

TEST_CASE("a right-to-left language is added by a site without code changes") {
  static DiskSourceTree fixture(test_support::fixture_path("site-rtl"));
  static DiskSourceTree bundled(PASSERELLE_BUNDLED_THEMES);
  Built built;
  built.result = build_site(fixture, bundled, {}, built.diagnostics);
  REQUIRE(built.errors() == "");
  REQUIRE(built.result);
  const auto& guideline = built.file("ar/irshadat/tahdir-al-awda/index.html");
  CHECK_THAT(guideline, Catch::StartsWith("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">"));
  CHECK_THAT(guideline, Catch::Contains("<h2 id=\"الخطوات\">الخطوات</h2>"));
  CHECK_THAT(guideline, Catch::Contains("<a href=\"#الخطوات\">"));
  CHECK_THAT(guideline, Catch::Contains("hreflang=\"fr\" href=\"https://example.org/guide/fr/lignes-directrices/preparer-le-retour/\""));
  // The switcher of a French page offers Arabic, right to left, labelled in Arabic.
  CHECK_THAT(built.file("fr/lignes-directrices/preparer-le-retour/index.html"),
             Catch::Contains("<a href=\"../../../ar/irshadat/tahdir-al-awda/\" lang=\"ar\" hreflang=\"ar\" dir=\"rtl\">العربية</a>"));
  const auto& actor = built.file("ar/dalil/comune-prova/index.html");
  CHECK_THAT(actor, Catch::Contains("هذا النص غير مترجم إلى العربية بعد. النسخة الأصلية: الإيطالية"));
  CHECK_THAT(actor, Catch::Contains("<span class=\"actor-place\">Roma، لاتسيو، إيطاليا</span>"));
  CHECK_THAT(built.file("index.html"), Catch::Contains("<li lang=\"ar\" dir=\"rtl\">"));
}

TEST_CASE("budgets in site.toml fail the build when the search index or a page is too heavy") {
  std::string config = read_file(test_support::kSmallSite + "/site.toml");
  auto built = build_fixture({{"site.toml", config + "\n[budgets]\nsearch_index_bytes = 1000\n"
                                                      "search_query_bytes = 50\npage_bytes = 1000000\n"}});
  CHECK_FALSE(built.result);
  std::string errors = built.errors();
  CHECK_THAT(errors, Catch::Contains("site.toml:36:22: error: the search index of 'fr' is "));
  CHECK_THAT(errors, Catch::Contains("over the budget of 1000 (search_index_bytes)"));
  CHECK_THAT(errors, Catch::Contains("site.toml:37:22: error: the most a query fetches from the search index of 'it' is"));
  CHECK_THAT(errors, !Catch::Contains("page_bytes"));

  auto roomy = build_fixture({{"site.toml", config + "\n[budgets]\nsearch_index_bytes = 10000000\npage_bytes = 1000000\n"}});
  REQUIRE(roomy.result);
  CHECK(roomy.result->sizes.languages.size() == 2);
  CHECK(roomy.result->sizes.heaviest_page_bytes > 0);

  auto invalid = build_fixture({{"site.toml", config + "\n[budgets]\npage_bytes = -1\nindex = 3\n"}});
  CHECK_FALSE(invalid.result);
  CHECK_THAT(invalid.errors(), Catch::Contains("budget 'page_bytes' must be a positive number of bytes"));
  CHECK_THAT(invalid.errors(), Catch::Contains("budgets.index"));
}

TEST_CASE("the feed lists the 30 most recently changed guidelines") {
  std::map<std::string, std::string> extra;
  for (int i = 1; i <= 35; ++i) {
    char date[16];
    std::snprintf(date, sizeof date, "2025-%02d-%02d", 1 + i % 12, 1 + i % 28);
    extra["content/fr/guidelines/extra-" + std::to_string(i) + ".md"] =
        "+++\ntitle = \"Extra " + std::to_string(i) + "\"\nsummary = \"Résumé.\"\ndate = " + date +
        "\n+++\nTexte.\n";
  }
  auto built = build_fixture(extra);
  INFO(built.errors());
  REQUIRE(built.result);
  const auto& feed = built.file("fr/atom.xml");
  size_t entries = 0;
  for (size_t at = feed.find("<entry>"); at != std::string::npos; at = feed.find("<entry>", at + 1)) ++entries;
  CHECK(entries == 30);
  // The fixture's own guidelines (2026) are newer than every extra one (2025): they are kept.
  CHECK_THAT(feed, Catch::Contains("<title>Préparer le retour</title>"));
  // The oldest extras are left out: extra-12 is dated 2025-01-13, before every other one.
  CHECK_THAT(feed, !Catch::Contains("<title>Extra 12</title>"));
}

TEST_CASE("feed values arrive escaped for XML, and a language without guidelines has an empty feed") {
  auto built = build_fixture({
      {"content/fr/guidelines/hostile.md",
       "+++\ntitle = \"<script> & \\\"q\\\" 'a'\"\nsummary = \"a < b\"\ndate = 2027-01-01\n+++\n"
       "Texte <b>gras</b>.\n"},
      {"content/it/guidelines/retour.md",
       "+++\ntitle = \"Ritorno\"\nsummary = \"S\"\ndate = 2026-10-05\ndraft = true\n+++\n"},
      {"content/it/_index.md", "+++\ntitle = \"Benvenuti\"\nsummary = \"S\"\n+++\n"}});
  INFO(built.errors());
  REQUIRE(built.result);
  const auto& feed = built.file("fr/atom.xml");
  CHECK_THAT(feed, Catch::Contains("<title>&lt;script&gt; &amp; &quot;q&quot; &#39;a&#39;</title>"));
  CHECK_THAT(feed, Catch::Contains("<summary>a &lt; b</summary>"));
  CHECK_THAT(feed, Catch::Contains("<updated>2027-01-01T00:00:00Z</updated>\n  <entry>"));
  CHECK_THAT(feed, !Catch::Contains("<script>"));
  CHECK_THAT(built.file("it/atom.xml"),
             Catch::EndsWith("<updated>1970-01-01T00:00:00Z</updated>\n</feed>\n"));
}

TEST_CASE("a site overrides the feed and sitemap templates") {
  auto built = build_fixture({
      {"themes/default/templates/atom.mustache", "<feed>{{#entries}}[{{title}}]{{/entries}}</feed>\n"},
      {"themes/default/templates/sitemap.mustache", "{{#urls}}{{loc}}\n{{/urls}}"}});
  INFO(built.errors());
  REQUIRE(built.result);
  CHECK(built.file("it/atom.xml") == "<feed>[Preparare il rientro]</feed>\n");
  CHECK_THAT(built.file("sitemap.xml"),
             Catch::StartsWith("https://example.org/guide/\nhttps://example.org/guide/fr/\n"));
}

TEST_CASE("drafts are built only when asked, with a banner; future pages likewise") {
  static DiskSourceTree fixture(test_support::kSmallSite);
  static DiskSourceTree bundled(PASSERELLE_BUNDLED_THEMES);
  MemorySourceTree changes({{"content/fr/guidelines/brouillon.md",
                             "+++\ntitle = \"Brouillon\"\nsummary = \"R.\"\ndate = 2026-10-01\n"
                             "draft = true\n+++\nTexte.\n"},
                            {"content/fr/guidelines/plus-tard.md",
                             "+++\ntitle = \"Plus tard\"\nsummary = \"R.\"\ndate = 2035-01-01\n"
                             "+++\nTexte.\n"}});
  LayeredSourceTree tree(changes, "", fixture, "");
  auto build = [&](bool drafts, bool future) {
    BuildOptions options;
    options.include_drafts = drafts;
    options.include_future = future;
    options.today = "2026-12-06";
    Built built;
    built.result = build_site(tree, bundled, options, built.diagnostics);
    return built;
  };
  auto published = build(false, false);
  REQUIRE(published.result);
  CHECK(published.diagnostics.warning_count() == 1);  // the future date
  for (const auto& file : published.result->plan) {
    INFO(file.path);
    CHECK(file.path.find("brouillon") == std::string::npos);
    CHECK(file.path.find("plus-tard") == std::string::npos);
    if (file.path.size() > 5 && file.path.substr(file.path.size() - 5) == ".html") {
      CHECK(file.bytes.find("draft-banner") == std::string::npos);
    }
  }
  auto previewed = build(true, true);
  REQUIRE(previewed.result);
  CHECK_THAT(previewed.file("fr/lignes-directrices/brouillon/index.html"),
             Catch::Contains("<aside class=\"draft-banner wrap\" aria-label=\"Brouillon\"><p><strong>Brouillon</strong> — cette page"));
  CHECK_THAT(previewed.file("fr/lignes-directrices/plus-tard/index.html"),
             !Catch::Contains("draft-banner"));
}

TEST_CASE("a build that streams its files into a staging folder writes what it would plan") {
  auto planned = build_fixture();
  REQUIRE(planned.result);
  auto folder = test_support::fresh_folder("streamed-build");
  fs::create_directories(folder / "src");
  StagedOutput staging;
  std::string error;
  REQUIRE(staging.open((folder / "out").string(), (folder / "src").string(), &error));
  BuildOptions options;
  options.staging = &staging;
  auto streamed = build_fixture({}, options);
  INFO(streamed.errors());
  REQUIRE(streamed.result);
  CHECK(streamed.result->plan.empty());  // nothing held: every file went to the folder
  std::vector<std::string> paths;
  for (const auto& file : streamed.result->files) paths.push_back(file.path);
  REQUIRE(staging.commit(paths, &error));
  REQUIRE(streamed.result->files.size() == planned.result->plan.size());
  for (size_t i = 0; i < paths.size(); ++i) {
    const auto& file = planned.result->plan[i];
    REQUIRE(paths[i] == file.path);
    CHECK(streamed.result->files[i].size == file.bytes.size());
    CHECK(read_file(folder / "out" / file.path) == file.bytes);
  }
  CHECK(streamed.result->sizes.heaviest_page == planned.result->sizes.heaviest_page);
  fs::remove_all(folder);
}

TEST_CASE("a build with errors leaves a streamed output untouched") {
  auto folder = test_support::fresh_folder("streamed-errors");
  fs::create_directories(folder / "src");
  std::string error;
  {
    StagedOutput first;
    REQUIRE(first.open((folder / "out").string(), (folder / "src").string(), &error));
    REQUIRE(first.write({"index.html", "before"}, &error));
    REQUIRE(first.commit({"index.html"}, &error));
  }
  StagedOutput staging;
  REQUIRE(staging.open((folder / "out").string(), (folder / "src").string(), &error));
  BuildOptions options;
  options.staging = &staging;
  // Two files at one path are found once both were written to the staging folder.
  auto broken = build_fixture({
      {"content/fr/guidelines/dossier/index.md",
       "+++\ntitle = \"Un dossier\"\nsummary = \"x\"\ndate = 2026-10-03\n+++\n"
       "La [version web](index.html).\n"},
      {"content/fr/guidelines/dossier/index.html", "<p>une autre page</p>"},
  }, options);
  CHECK_FALSE(broken.result);
  CHECK_THAT(broken.errors(), Catch::Contains("two files of the site would be written to "
                                              "fr/lignes-directrices/dossier/index.html, from "));
  staging.abandon();
  CHECK(read_file(folder / "out/index.html") == "before");
  fs::remove_all(folder);
}

TEST_CASE("the directory's index and facet pages are split in pages of [listings] page_size") {
  std::string config = read_file(test_support::kSmallSite + "/site.toml");
  auto built = build_fixture({{"site.toml", config + "\n[listings]\npage_size = 1\n"}});
  INFO(built.errors());
  REQUIRE(built.result);
  // Three actors, one a page: Italie (1) then Maroc (2), countries by label.
  const auto& first = built.file("fr/annuaire/index.html");
  CHECK_THAT(first, Catch::Contains("<h1>Annuaire des acteurs</h1>"));
  CHECK_THAT(first, Catch::Contains("<p class=\"result-count\" data-result-count>3 acteurs</p>"));
  CHECK_THAT(first, Catch::Contains("data-page-size=\"1\""));
  CHECK_THAT(first, Catch::Contains("data-actor=\"comune-prova\""));
  CHECK_THAT(first, !Catch::Contains("data-actor=\"ong-atlas\""));
  CHECK_THAT(first, Catch::Contains("<a href=\"page/2/\" rel=\"next\">Page suivante</a>"));
  const auto& second = built.file("fr/annuaire/page/2/index.html");
  CHECK_THAT(second, Catch::Contains("<h1>Annuaire des acteurs (page 2 sur 3)</h1>"));
  CHECK_THAT(second, Catch::Contains("<a href=\"../../pays/maroc/\">Maroc</a> <span class=\"group-count\">2 acteurs</span>"));
  CHECK_THAT(second, Catch::Contains("<a href=\"../../\" rel=\"prev\">Page précédente</a>"));
  CHECK_THAT(second, Catch::Contains("<a href=\"../3/\" rel=\"next\">Page suivante</a>"));
  // The filter links and the script's index are the same from every page.
  CHECK_THAT(second, Catch::Contains("data-index=\"../../\""));
  CHECK_THAT(second, Catch::Contains("href=\"../../pays/maroc/\" data-value=\"MA\""));
  CHECK_THAT(built.file("fr/annuaire/page/3/index.html"), Catch::Contains("<p class=\"pagination-status\">Page 3 sur 3</p>"));
  CHECK_FALSE(built.has("fr/annuaire/page/4/index.html"));
  // The same page in the other language.
  CHECK_THAT(second, Catch::Contains("hreflang=\"it\" href=\"https://example.org/guide/it/elenco/page/2/\""));
  // A facet page: the current filter is marked on each of its pages.
  const auto& morocco = built.file("fr/annuaire/pays/maroc/page/2/index.html");
  CHECK_THAT(morocco, Catch::Contains("<h1>Maroc (page 2 sur 2)</h1>"));
  CHECK_THAT(morocco, Catch::Contains("<p class=\"result-count\">2 acteurs"));
  CHECK_THAT(morocco, Catch::Contains("href=\"../../\" data-value=\"MA\" aria-current=\"page\""));
  CHECK_THAT(morocco, Catch::Contains("<a href=\"../../\" rel=\"prev\">Page précédente</a>"));
  CHECK_THAT(morocco, Catch::Contains("<a href=\"../../../../\">Annuaire des acteurs</a>"));
  size_t cards = 0;
  for (size_t at = morocco.find("class=\"actor-card\""); at != std::string::npos;
       at = morocco.find("class=\"actor-card\"", at + 1)) {
    ++cards;
  }
  CHECK(cards == 1);
  CHECK_FALSE(built.has("fr/annuaire/pays/italie/page/2/index.html"));
  CHECK_THAT(built.file("sitemap.xml"), Catch::Contains("annuaire/pays/maroc/page/2/"));
  // The facet data carries what directory.js draws cards with.
  const auto& facets = built.file("search/fr/facets.js");
  CHECK_THAT(facets, Catch::Contains("\"page\":\"fr/annuaire/{id}/\""));
  CHECK_THAT(facets, Catch::Contains("\"ONG Atlas (fictive)\",\"ATLAS\",\"Oujda\",\"https://atlas.example.org/\""));
  CHECK_THAT(facets, !Catch::Contains("<script>"));

  BuildOptions offline;
  offline.offline = true;
  auto from_disk = build_fixture({{"site.toml", config + "\n[listings]\npage_size = 1\n"}}, offline);
  REQUIRE(from_disk.result);
  CHECK_THAT(from_disk.file("fr/annuaire/page/2/index.html"),
             Catch::Contains("<a href=\"../../index.html\" rel=\"prev\">"));
  CHECK_THAT(from_disk.file("search/fr/facets.js"), Catch::Contains("\"page\":\"fr/annuaire/{id}/index.html\""));
}

TEST_CASE("the guidelines index and term pages are split in pages of [listings] page_size") {
  std::string config = read_file(test_support::kSmallSite + "/site.toml");
  auto built = build_fixture({{"site.toml", config + "\n[listings]\npage_size = 1\n"}});
  INFO(built.errors());
  REQUIRE(built.result);
  const auto& first = built.file("fr/lignes-directrices/index.html");
  CHECK_THAT(first, Catch::Contains("<nav class=\"pagination\" aria-label=\"Pages de la liste\">"));
  CHECK_THAT(first, Catch::Contains("<li><a href=\"./\" aria-label=\"Page 1\" aria-current=\"page\">1</a></li>"));
  CHECK_THAT(first, Catch::Contains("<a href=\"page/2/\" rel=\"next\">Page suivante</a>"));
  CHECK_THAT(first, !Catch::Contains("rel=\"prev\""));
  const auto& second = built.file("fr/lignes-directrices/page/2/index.html");
  CHECK_THAT(second, Catch::Contains("<h1>Lignes directrices (page 2 sur 2)</h1>"));
  CHECK_THAT(second, Catch::Contains("<p class=\"pagination-status\">Page 2 sur 2</p>"));
  // The count goes on from page 1, without an inline style (refused by a strict CSP).
  CHECK_THAT(second, Catch::Contains("<ol class=\"guideline-list\" start=\"2\">\n<li class=\"guideline-item\" data-number=\"02\">"));
  CHECK_THAT(second, !Catch::Contains("style="));
  CHECK_THAT(second, Catch::Contains("<a href=\"../../\" rel=\"prev\">Page précédente</a>"));
  CHECK_THAT(second, Catch::Contains("aria-label=\"Page 2\" aria-current=\"page\">2</a>"));
  CHECK_THAT(second, !Catch::Contains("rel=\"next\""));
  // Italian has one guideline: one page, no pagination.
  CHECK_THAT(built.file("it/linee-guida/index.html"), !Catch::Contains("class=\"pagination\""));
  CHECK_FALSE(built.has("it/linee-guida/page/2/index.html"));
  // The term of both French guidelines ("jeunes diplômés") has a second page.
  bool term_page_two = false;
  for (const auto& file : built.result->plan) {
    if (file.path.rfind("fr/publics/jeunes-diplomes/", 0) == 0 &&
        file.path.find("/page/2/index.html") != std::string::npos) {
      term_page_two = true;
      CHECK_THAT(file.bytes, Catch::Contains("aria-label=\"Pages de la liste\""));
    }
  }
  CHECK(term_page_two);
  CHECK_THAT(built.file("sitemap.xml"), Catch::Contains("lignes-directrices/page/2/"));

  BuildOptions offline;
  offline.offline = true;
  auto from_disk = build_fixture({{"site.toml", config + "\n[listings]\npage_size = 1\n"}}, offline);
  REQUIRE(from_disk.result);
  CHECK_THAT(from_disk.file("fr/lignes-directrices/page/2/index.html"),
             Catch::Contains("<a href=\"../../index.html\" rel=\"prev\">"));

  auto invalid = build_fixture({{"site.toml", config + "\n[listings]\npage_size = 0\n"}});
  CHECK_FALSE(invalid.result);
  CHECK_THAT(invalid.errors(), Catch::Contains("listings.page_size must be a number of entries from 1 to 1000"));
}
