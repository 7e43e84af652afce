#include <catch2/catch.hpp>

#include "fixture_site.h"
#include "model/site.h"
#include "model/tags.h"

using namespace passerelle;

namespace {

Page tagged(const std::string& language, const std::string& path, std::vector<std::string> tags,
            int line = 6) {
  Page page;
  page.language = language;
  page.source_path = path;
  page.tags = std::move(tags);
  page.tags_line = line;
  return page;
}

Term paired(const std::string& key, TermLabel fr, TermLabel it) {
  Term term;
  term.key = key;
  term.by_language = {{"fr", std::move(fr)}, {"it", std::move(it)}};
  return term;
}

}  // namespace

TEST_CASE("a tag is matched by its slug: case, accents and punctuation do not matter") {
  CHECK(tag_slug("Microcrédit") == "microcredit");
  CHECK(tag_slug("création d'entreprise") == "creation-d-entreprise");
  CHECK(tag_slug(std::string(5000, 'a')) == std::string(80, 'a'));  // a folder name, not a wall
  std::string arabic;
  for (int i = 0; i < 100; ++i) arabic += "ع";
  CHECK(tag_slug(arabic).size() == 80);  // 40 two-byte letters, none cut in half
  std::vector<Page> pages{tagged("fr", "content/fr/a.md", {"Microcrédit", "épargne"}),
                          tagged("fr", "content/fr/b.md", {"microcredit"})};
  Diagnostics diagnostics;
  SiteTags tags = collect_tags(pages, "tags", {}, diagnostics);
  REQUIRE(tags.by_language.at("fr").size() == 2);
  const TagTerm* term = tags.find("fr", "MICROCRÉDIT");
  REQUIRE(term);
  CHECK(term->label == "Microcrédit");  // the first spelling met
  CHECK(term->pages == std::vector<size_t>{0, 1});
  CHECK(tags.by_language.at("fr")[0].slug == "epargne");  // sorted by label, accents ignored
  CHECK(tags.find("it", "microcredit") == nullptr);
  CHECK(diagnostics.items().empty());
}

TEST_CASE("the vocabulary sets a tag's label and slug and pairs its translations") {
  std::map<std::string, Term> vocabulary{
      {"training", paired("training", {"formation", "formation"}, {"formazione", "formazione"})},
      {"business", paired("business", {"création d'entreprise", "creer-entreprise"},
                          {"creazione d'impresa", "creare-impresa"})}};
  std::vector<Page> pages{tagged("fr", "content/fr/a.md", {"Création d'entreprise", "formation"}),
                          tagged("it", "content/it/a.md", {"creazione d'impresa"}),
                          tagged("it", "content/it/b.md", {"creare-impresa", "lingue"})};
  Diagnostics diagnostics;
  SiteTags tags = collect_tags(pages, "tags", vocabulary, diagnostics);
  const TagTerm* fr = tags.find("fr", "création d'entreprise");
  REQUIRE(fr);
  CHECK(fr->slug == "creer-entreprise");
  CHECK(fr->label == "création d'entreprise");
  const TagTerm* it = tags.find_translation("it", fr->vocabulary_key);
  REQUIRE(it);
  CHECK(it->slug == "creare-impresa");
  CHECK(it->pages == std::vector<size_t>{1, 2});  // written as its label or as its slug
  CHECK(tags.find_translation("it", "training") == nullptr);  // no Italian page has it
  const TagTerm* own = tags.find("it", "lingue");
  REQUIRE(own);
  CHECK(own->vocabulary_key.empty());
}

TEST_CASE("near-duplicate tags of a language are a warning at the second page's tags line") {
  CHECK(are_near_duplicate_tags("formation", "formations"));
  CHECK(are_near_duplicate_tags("reseaux", "reseau"));
  CHECK(are_near_duplicate_tags("impresa", "imprese"));
  CHECK_FALSE(are_near_duplicate_tags("formation", "formation"));
  CHECK_FALSE(are_near_duplicate_tags("rete", "reti-sociali"));
  CHECK_FALSE(are_near_duplicate_tags("femmes", "ferme"));
  CHECK_FALSE(are_near_duplicate_tags("art", "arts-et-metiers"));
  std::vector<Page> pages{tagged("fr", "content/fr/a.md", {"formation"}, 7),
                          tagged("fr", "content/fr/b.md", {"Formations"}, 9),
                          tagged("it", "content/it/a.md", {"formazione", "formazioni"}, 5)};
  Diagnostics diagnostics;
  collect_tags(pages, "tags", {}, diagnostics);
  REQUIRE(diagnostics.items().size() == 2);
  CHECK(diagnostics.error_count() == 0);
  auto sorted = diagnostics.sorted();
  CHECK(sorted[0].location.path == "content/fr/b.md");
  CHECK(sorted[0].location.line == 9);
  CHECK(sorted[0].message.find("Formations") != std::string::npos);
  CHECK(sorted[0].message.find("content/fr/a.md") != std::string::npos);
  CHECK(sorted[1].location.path == "content/it/a.md");
}

TEST_CASE("a declared taxonomy collects its own terms, apart from the tags") {
  Page page = tagged("fr", "content/fr/a.md", {"retour"});
  page.taxonomy_terms["audiences"] = {"Familles", "familles", "Jeunes"};
  page.taxonomy_lines["audiences"] = 8;
  Page other = tagged("fr", "content/fr/b.md", {});
  other.taxonomy_terms["audiences"] = {"Famille"};
  other.taxonomy_lines["audiences"] = 4;
  std::vector<Page> pages{page, other};
  Diagnostics diagnostics;
  SiteTags audiences = collect_tags(pages, "audiences", {}, diagnostics);
  REQUIRE(audiences.by_language.at("fr").size() == 3);
  CHECK(audiences.find("fr", "FAMILLES")->pages == std::vector<size_t>{0});
  CHECK(audiences.find("fr", "retour") == nullptr);  // a tag, not an audience
  // famille / familles: a warning at the audiences line of the page that brings the second.
  REQUIRE(diagnostics.items().size() == 1);
  CHECK(diagnostics.items()[0].location.path == "content/fr/b.md");
  CHECK(diagnostics.items()[0].location.line == 4);
  CHECK(page.terms_of("tags") == std::vector<std::string>{"retour"});
  CHECK(page.terms_of("sectors").empty());
}

TEST_CASE("a declared taxonomy may not take the key of a front-matter field") {
  std::string config = test_support::read_file(test_support::fixture_path("site-small") + "/site.toml");
  auto built = test_support::build_fixture(
      {{"site.toml", config + "[[taxonomies]]\nkey = \"summary\"\ntitle = \"Résumé\"\n"}});
  CHECK_FALSE(built.result);
  CHECK_THAT(built.errors(), Catch::Contains("error: taxonomy key 'summary' is already a front-matter field"));
}
