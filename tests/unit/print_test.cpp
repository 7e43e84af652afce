// The print edition of the guidelines, built from the fixture site through the whole pipeline:
// its chapters, ids and links, its date, the annex, and the links to its PDF.
#include <catch2/catch.hpp>

#include <regex>
#include <set>

#include "pipeline/build.h"
#include "markdown/markdown.h"
#include "fixture_site.h"
#include "test_support.h"

using namespace passerelle;

namespace {

const std::string kFrenchEdition = "fr/lignes-directrices/print/index.html";

using test_support::Built;
using test_support::build_fixture;

std::vector<std::string> all_matches(const std::string& text, const std::string& pattern) {
  std::vector<std::string> found;
  std::regex re(pattern);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it) {
    found.push_back((*it)[1].str());
  }
  return found;
}

/// The fixture's site.toml with `extra` appended to the French sections and `print` table.
std::string site_toml(const std::string& french_sections_extra, const std::string& print_table = "") {
  return "base_url = \"https://example.org/guide/\"\n" + print_table +
         "[[languages]]\ncode = \"fr\"\nname = \"Français\"\ntitle = \"Guide de test\"\n"
         "[languages.sections]\nguidelines = \"lignes-directrices\"\ndirectory = \"annuaire\"\n" +
         french_sections_extra +
         "[[languages]]\ncode = \"it\"\nname = \"Italiano\"\ntitle = \"Guida di prova\"\n"
         "[languages.sections]\nguidelines = \"linee-guida\"\ndirectory = \"elenco\"\n"
         // The fixture's pages use this taxonomy.
         "[[taxonomies]]\nkey = \"audiences\"\ntitle = { fr = \"Publics\", it = \"Destinatari\" }\n";
}

const char* kLowWeight =
    "+++\ntitle = \"Zêta d'abord\"\nsummary = \"Premier par le poids.\"\ndate = 2026-09-01\n"
    "weight = 5\n+++\n## Le budget\n\nMême titre qu'un chapitre suivant. Voir "
    "[la page](@/about.md) et [le crédit](credit.md).\n";

}  // namespace

TEST_CASE("the print edition has every guideline in weight order, with ids unique across them") {
  auto built = build_fixture({{"content/fr/guidelines/zeta.md", kLowWeight}});
  REQUIRE(built.errors() == "");
  const auto& html = built.file(kFrenchEdition);
  auto chapters = all_matches(html, "class=\"chapter-title\" id=\"([^\"]+)\"");
  CHECK(chapters == std::vector<std::string>{"zeta", "preparer-le-retour", "credit"});
  auto toc = all_matches(html, "<li><a href=\"#([^\"]+)\"><span class=\"toc-number\">");
  CHECK(toc == chapters);

  auto ids = all_matches(html, "\\sid=\"([^\"]+)\"");
  std::set<std::string> unique(ids.begin(), ids.end());
  CHECK(unique.size() == ids.size());
  // The same heading in two guidelines, and twice in one, gets distinct ids.
  CHECK(unique.count("zeta--le-budget"));
  CHECK(unique.count("credit--le-budget"));
  CHECK(unique.count("preparer-le-retour--les-etapes"));
  CHECK(unique.count("preparer-le-retour--les-etapes-2"));
  for (const auto& target : all_matches(html, "href=\"#([^\"]+)\"")) {
    INFO("link to #" << target);
    CHECK(unique.count(target));
  }
}

TEST_CASE("links in the print edition stay inside it, or become absolute") {
  auto built = build_fixture({{"content/fr/guidelines/zeta.md", kLowWeight}});
  REQUIRE(built.errors() == "");
  const auto& html = built.file(kFrenchEdition);
  CHECK(html.find("<a href=\"#credit--le-budget\">le budget</a>") != std::string::npos);
  CHECK(html.find("<a href=\"#credit\">le crédit</a>") != std::string::npos);
  CHECK(html.find("<a href=\"#preparer-le-retour--les-etapes\">retour en haut</a>") != std::string::npos);
  CHECK(html.find("<a href=\"#actor_ong-atlas\">l&#39;ONG Atlas</a>") != std::string::npos);
  CHECK(html.find("<li id=\"actor_ong-atlas\">") != std::string::npos);
  CHECK(html.find("<a href=\"https://example.org/guide/fr/a-propos/\">la page</a>") != std::string::npos);
  // The web pages keep their relative links and their own ids.
  const auto& page = built.file("fr/lignes-directrices/preparer-le-retour/index.html");
  CHECK(page.find("href=\"../credit/#le-budget\"") != std::string::npos);
  CHECK(page.find("<h2 id=\"les-etapes\">") != std::string::npos);
}

TEST_CASE("headings of a guideline go one level down in the print edition") {
  auto built = build_fixture();
  REQUIRE(built.errors() == "");
  const auto& html = built.file(kFrenchEdition);
  CHECK(html.find("<h3 id=\"preparer-le-retour--les-etapes\">Les étapes</h3>") != std::string::npos);
  CHECK(html.find("<h4 id=\"preparer-le-retour--le-calendrier\">Le calendrier</h4>") != std::string::npos);
  CHECK(html.find("<h2") != std::string::npos);
  CHECK(all_matches(html, "<h1[ >]()").size() == 1);
}

TEST_CASE("the edition's date is the latest date or update of its guidelines") {
  auto built = build_fixture();
  REQUIRE(built.errors() == "");
  CHECK(built.file(kFrenchEdition).find("<time datetime=\"2026-11-02\">2 novembre 2026</time>") != std::string::npos);
  CHECK(built.file("it/linee-guida/print/index.html").find("<time datetime=\"2026-10-03\">3 ottobre 2026</time>") != std::string::npos);
  REQUIRE(built.result->print_editions.size() == 2);
  CHECK(built.result->print_editions[0].date == "2026-11-02");
  CHECK(built.result->print_editions[1].date == "2026-10-03");

  auto updated = build_fixture({{"content/fr/guidelines/credit.md",
                                 "+++\ntitle = \"Le crédit\"\nsummary = \"S.\"\ndate = 2026-10-05\n"
                                 "updated = 2027-01-15\n+++\n## Le budget\n\nTexte.\n"},
                                // Drafts are not in the build, nor in the edition's date.
                                {"content/fr/guidelines/brouillon.md",
                                 "+++\ntitle = \"Brouillon\"\nsummary = \"S.\"\ndate = 2028-01-01\n"
                                 "draft = true\n+++\nTexte.\n"}});
  REQUIRE(updated.errors() == "");
  CHECK(updated.file(kFrenchEdition).find("<time datetime=\"2027-01-15\">15 janvier 2027</time>") != std::string::npos);
  CHECK(updated.file(kFrenchEdition).find("Brouillon") == std::string::npos);
}

TEST_CASE("the annex lists the directory by country, unless [print] annex = false") {
  auto built = build_fixture();
  REQUIRE(built.errors() == "");
  const auto& html = built.file(kFrenchEdition);
  auto countries = all_matches(html, "<h3 id=\"(country_[^\"]+)\">");
  CHECK(countries == std::vector<std::string>{"country_italie", "country_maroc"});
  CHECK(html.find("href=\"#print_annex\"") != std::string::npos);

  auto without = build_fixture({{"site.toml", site_toml("", "[print]\nannex = false\n")}});
  REQUIRE(without.errors() == "");
  const auto& plain = without.file(kFrenchEdition);
  CHECK(plain.find("print_annex") == std::string::npos);
  CHECK(plain.find("actor_") == std::string::npos);
  CHECK(plain.find("href=\"https://example.org/guide/fr/annuaire/ong-atlas/\"") != std::string::npos);

  auto unknown = build_fixture({{"site.toml", site_toml("", "[print]\nannexe = true\n")}});
  CHECK_FALSE(unknown.result);
  CHECK(unknown.errors().find("annexe") != std::string::npos);
}

TEST_CASE("the cover names the publisher of [print.publisher] and the footer's funder, escaped") {
  auto built = build_fixture(
      {{"site.toml", site_toml("", "[print.publisher]\nfr = \"Éditions <Passerelle> & Co\"\n"
                                   "it = \"Edizioni Passerelle\"\n[footer.funder]\n"
                                   "fr = \"Cofinancé par « Fonds »\"\nit = \"Cofinanziato\"\n")}});
  REQUIRE(built.errors() == "");
  const auto& html = built.file(kFrenchEdition);
  auto cover = html.substr(0, html.find("</header>"));
  CHECK(cover.find("<p class=\"cover-publisher\">Éditeur\u00a0: Éditions &lt;Passerelle&gt; &amp; "
                   "Co</p>") != std::string::npos);
  CHECK(cover.find("<p class=\"cover-funder\">Cofinancé par « Fonds »</p>") != std::string::npos);

  auto plain = build_fixture();
  REQUIRE(plain.errors() == "");
  CHECK(plain.file(kFrenchEdition).find("cover-publisher") == std::string::npos);
  CHECK(plain.file(kFrenchEdition).find("cover-funder") == std::string::npos);
}

TEST_CASE("the print edition's folder is configurable and may not be a guideline's slug") {
  auto renamed = build_fixture({{"site.toml", site_toml("print = \"edition-papier\"\n")}});
  REQUIRE(renamed.errors() == "");
  CHECK(renamed.has("fr/lignes-directrices/edition-papier/index.html"));
  CHECK(renamed.file("fr/lignes-directrices/index.html").find("href=\"edition-papier/\"") != std::string::npos);

  auto clash = build_fixture({{"content/fr/guidelines/print.md",
                               "+++\ntitle = \"Imprimer\"\nsummary = \"S.\"\ndate = 2026-10-01\n+++\nTexte.\n"}});
  CHECK_FALSE(clash.result);
  CHECK(clash.errors() ==
        "content/fr/guidelines/print.md: error: slug 'print' is the folder of the print edition "
        "(sections.print of language 'fr' in site.toml); choose another slug, or set "
        "[languages.sections] print\n");
}

TEST_CASE("PDFs are linked only by the build that makes them") {
  auto plain = build_fixture();
  REQUIRE(plain.errors() == "");
  for (const auto& file : plain.result->plan) {
    INFO(file.path);
    // The fixture's own download (content/media/formulaire.pdf) is linked by every build.
    CHECK(file.bytes.find("-fr.pdf\"") == std::string::npos);
    CHECK(file.bytes.find("-it.pdf\"") == std::string::npos);
  }
  CHECK(plain.file("fr/lignes-directrices/index.html").find("<a href=\"print/\">") != std::string::npos);
  CHECK(plain.file("fr/lignes-directrices/credit/index.html").find("<a href=\"../print/#credit\">") != std::string::npos);

  BuildOptions options;
  options.pdf_links = true;
  auto linked = build_fixture({}, options);
  REQUIRE(linked.errors() == "");
  const auto& editions = linked.result->print_editions;
  REQUIRE(editions.size() == 2);
  CHECK(editions[0].language == "fr");
  CHECK(editions[0].html_file == kFrenchEdition);
  CHECK(editions[0].pdf_file == "fr/lignes-directrices/lignes-directrices-fr.pdf");
  CHECK(editions[1].pdf_file == "it/linee-guida/linee-guida-it.pdf");
  CHECK(linked.file("fr/lignes-directrices/index.html").find("href=\"lignes-directrices-fr.pdf\" type=\"application/pdf\"") != std::string::npos);
  CHECK(linked.file("fr/lignes-directrices/credit/index.html").find("href=\"../lignes-directrices-fr.pdf\"") != std::string::npos);
  CHECK(linked.file(kFrenchEdition).find("href=\"../lignes-directrices-fr.pdf\"") != std::string::npos);
}

TEST_CASE("an edition longer than [print] volume_guidelines is split in volumes") {
  BuildOptions options;
  options.pdf_links = true;
  auto built = build_fixture({{"content/fr/guidelines/zeta.md", kLowWeight},
                              {"site.toml", site_toml("", "[print]\nvolume_guidelines = 1\n")}},
                             options);
  REQUIRE(built.errors() == "");
  const std::string folder = "fr/lignes-directrices/print/";
  // Three chapters, one a volume, then the annex's volume.
  const std::vector<std::vector<std::string>> expected = {
      {"zeta"}, {"preparer-le-retour"}, {"credit"}, {}};
  for (size_t v = 0; v < expected.size(); ++v) {
    std::string file = folder + "volume-" + std::to_string(v + 1) + "/index.html";
    INFO(file);
    const auto& html = built.file(file);
    CHECK(all_matches(html, "class=\"chapter-title\" id=\"([^\"]+)\"") == expected[v]);
    CHECK(all_matches(html, "<li><a href=\"#([^\"]+)\"><span class=\"toc-number\">") == expected[v]);
    CHECK(html.find("<p class=\"cover-volume\">Volume " + std::to_string(v + 1) + " sur 4</p>") !=
          std::string::npos);
    CHECK(html.find("<a href=\"../\">Tous les volumes de l&#39;édition imprimable</a>") != std::string::npos);
    CHECK(html.find("href=\"../../lignes-directrices-fr-volume-" + std::to_string(v + 1) + ".pdf\"") !=
          std::string::npos);
    bool annex = v + 1 == expected.size();
    CHECK((html.find("id=\"print_annex\"") != std::string::npos) == annex);
    // Every in-page link has its target in this volume; a link to another volume names one
    // of its ids.
    auto ids = all_matches(html, "\\sid=\"([^\"]+)\"");
    std::set<std::string> unique(ids.begin(), ids.end());
    for (const auto& target : all_matches(html, "href=\"#([^\"]+)\"")) {
      INFO("link to #" << target);
      CHECK(unique.count(target));
    }
    for (const auto& link : all_matches(html, "<a (?:data-volume=\"[^\"]+\" )?href=\"https://example.org/guide/(" + folder + "[^\"]+)\"")) {
      INFO("link to " << link);
      size_t hash = link.find('#');
      REQUIRE(hash != std::string::npos);
      const auto& other = built.file(link.substr(0, hash) + "index.html");
      CHECK(other.find(" id=\"" + link.substr(hash + 1) + "\"") != std::string::npos);
      CHECK(link.substr(0, hash) + "index.html" != file);
    }
  }
  // Links to a chapter, a heading and an actor of other volumes.
  CHECK(built.file(folder + "volume-1/index.html")
            .find("<a data-volume=\"volume 3\" href=\"https://example.org/guide/fr/lignes-directrices/print/volume-3/#credit\">le crédit</a>") !=
        std::string::npos);
  const auto& second = built.file(folder + "volume-2/index.html");
  CHECK(second.find("<a data-volume=\"volume 3\" href=\"https://example.org/guide/fr/lignes-directrices/print/volume-3/#credit--le-budget\">") !=
        std::string::npos);
  CHECK(second.find("<a data-volume=\"volume 4\" href=\"https://example.org/guide/fr/lignes-directrices/print/volume-4/#actor_ong-atlas\">") !=
        std::string::npos);
  CHECK_FALSE(built.has(folder + "volume-5/index.html"));
  // Files are one folder further than from the edition's own page.
  CHECK(second.find("<img src=\"../../preparer-le-retour/etapes.svg\"") != std::string::npos);
  CHECK(second.find("<a href=\"../../../../media/formulaire.pdf\">") != std::string::npos);

  // The edition's own page lists the volumes and their PDFs.
  const auto& list = built.file(folder + "index.html");
  CHECK(all_matches(list, "<h2><a href=\"(volume-[0-9]/)\">") ==
        std::vector<std::string>{"volume-1/", "volume-2/", "volume-3/", "volume-4/"});
  CHECK(list.find("<h2><a href=\"volume-3/\">Volume 3 sur 4</a></h2>\n<p>Chapitre 3</p>") != std::string::npos);
  CHECK(list.find("<p>Annexe\u00a0: annuaire des acteurs</p>") != std::string::npos);
  CHECK(list.find("<a href=\"../lignes-directrices-fr-volume-4.pdf\" type=\"application/pdf\">Télécharger le volume 4 en PDF</a>") !=
        std::string::npos);

  // A guideline links to its chapter in its volume, and to that volume's PDF; the index to the
  // list, with no PDF of its own.
  const auto& credit = built.file("fr/lignes-directrices/credit/index.html");
  CHECK(credit.find("<a href=\"../print/volume-3/#credit\">Version imprimable (volume 3 sur 4)</a>") !=
        std::string::npos);
  CHECK(credit.find("<a href=\"../lignes-directrices-fr-volume-3.pdf\" type=\"application/pdf\">Télécharger le volume 3 en PDF</a>") !=
        std::string::npos);
  const auto& index = built.file("fr/lignes-directrices/index.html");
  CHECK(index.find("<a href=\"print/\">") != std::string::npos);
  CHECK(index.find("-fr-volume") == std::string::npos);
  CHECK(index.find("-fr.pdf") == std::string::npos);

  // `passerelle pdf` makes one PDF a volume; Italian, with one guideline, keeps one edition.
  const auto& editions = built.result->print_editions;
  REQUIRE(editions.size() == 5);
  CHECK(editions[0].html_file == folder + "volume-1/index.html");
  CHECK(editions[3].pdf_file == "fr/lignes-directrices/lignes-directrices-fr-volume-4.pdf");
  CHECK(editions[4].html_file == "it/linee-guida/print/index.html");
  CHECK(editions[4].pdf_file == "it/linee-guida/linee-guida-it.pdf");
  const auto& italian = built.file("it/linee-guida/print/index.html");
  CHECK(italian.find("cover-volume") == std::string::npos);
  CHECK(italian.find("id=\"print_annex\"") != std::string::npos);
}

TEST_CASE("volumes share the chapters out evenly, the annex last") {
  auto built = build_fixture();
  REQUIRE(built.errors() == "");
  const auto& config = built.result->site.config;
  const auto& french = config.languages.front();
  auto sizes = [&](int64_t per_volume, size_t guidelines, size_t actors) {
    SiteConfig changed = config;
    changed.print.volume_guidelines = per_volume;
    std::vector<std::string> found;
    auto volumes = print_volumes(changed, french, guidelines, actors);
    for (const auto& v : volumes) {
      found.push_back(v.first == v.end ? "a" + std::to_string(v.actors_first) + "-" + std::to_string(v.actors_end)
                                       : std::to_string(v.first) + "-" + std::to_string(v.end) +
                                             (v.annex() ? "+" : ""));
      CHECK(v.count == volumes.size());
    }
    return found;
  };
  CHECK(sizes(150, 150, 3000) == std::vector<std::string>{"0-150+"});
  CHECK(sizes(0, 2000, 10000) == std::vector<std::string>{"0-2000+"});
  CHECK(sizes(150, 151, 0) == std::vector<std::string>{"0-75", "75-151"});
  CHECK(sizes(2, 3, 25) == std::vector<std::string>{"0-1", "1-3", "a0-12", "a12-25"});
  // The large benchmark corpus, by default: 20 volumes of 100 chapters, 10 of the annex's 10,000.
  CHECK(SiteConfig{}.print.volume_guidelines == 100);
  auto large = sizes(100, 2000, 10000);
  REQUIRE(large.size() == 30);
  CHECK(large[19] == "1900-2000");
  CHECK(large[20] == "a0-1000");
  CHECK(large[29] == "a9000-10000");
  CHECK(sizes(150, 2000, 10000).size() == 14 + 7);
  CHECK(sizes(1, 0, 3).empty());

  auto negative = build_fixture({{"site.toml", site_toml("", "[print]\nvolume_guidelines = -1\n")}});
  CHECK_FALSE(negative.result);
  CHECK(negative.errors().find("print.volume_guidelines must be 0") != std::string::npos);
}

TEST_CASE("Markdown headings take a prefix and a level shift for combined documents") {
  Diagnostics diagnostics;
  MarkdownOptions options;
  options.reserved_ids = {"toc"};
  options.id_prefix = "guide--";
  options.heading_shift = 1;
  auto resolve = [](const std::string& href) { return LinkResolution{href, "", "", ""}; };
  auto rendered = render_markdown({"## Toc\n\n## Toc\n\n###### Six\n\n| a |\n|---|\n| b |\n", "x.md", 1},
                                  options, resolve, diagnostics);
  CHECK(rendered.html.find("<h3 id=\"guide--toc-2\">Toc</h3>") != std::string::npos);
  CHECK(rendered.html.find("<h3 id=\"guide--toc-3\">Toc</h3>") != std::string::npos);
  CHECK(rendered.html.find("<h6 id=\"guide--six\">Six</h6>") != std::string::npos);
  CHECK(rendered.html.find("aria-labelledby=\"guide--six\"") != std::string::npos);
  REQUIRE(rendered.headings.size() == 3);
  CHECK(rendered.headings[0].level == 2);
}
