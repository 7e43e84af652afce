// The table of front-matter fields (content/page_schema.h) against what is written by hand
// beside it: the documentation of pages, the parser's errors, the scaffold of `passerelle new
// guideline` and the dates the translation report compares.
#include "content/page_schema.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include "base/filesystem.h"
#include "scaffold/scaffold.h"
#include "test_folder.h"
#include "fixture_site.h"

using namespace passerelle;

namespace {


SiteConfig with_guideline_sections() {
  SiteConfig config = test_support::french_and_italian();
  config.languages[0].sections.guidelines = "lignes-directrices";
  config.languages[1].sections.guidelines = "linee-guida";
  return config;
}

std::optional<PageSource> parse(const std::string& front_matter, Diagnostics& diagnostics,
                                const std::string& relative = "guidelines/x.md") {
  return parse_page("+++\n" + front_matter + "+++\nText\n", "content/fr/" + relative, "fr",
                    relative, diagnostics);
}

std::string messages(const Diagnostics& diagnostics) {
  std::string all;
  for (const auto& item : diagnostics.items()) all += format_diagnostic(item) + "\n";
  return all;
}

}  // namespace

TEST_CASE("every front-matter field is documented in docs/content-model.md", "[schema]") {
  std::string docs = file_bytes(std::string(PASSERELLE_FIXTURES) + "/../../docs/content-model.md");
  auto begin = docs.find("## Guidelines and pages");
  REQUIRE(begin != std::string::npos);
  std::string section = docs.substr(begin, docs.find("\n## ", begin + 1) - begin);
  for (const auto& field : kPageFields) {
    INFO(field.name);
    CHECK(section.find("\n" + std::string(field.name) + " = ") != std::string::npos);
  }
}

TEST_CASE("an unknown front-matter field is an error suggesting a field of the table",
          "[schema]") {
  Diagnostics diagnostics;
  CHECK_FALSE(parse("title = \"T\"\nsumary = \"S\"\ndate = 2026-10-01\n", diagnostics));
  std::string all = messages(diagnostics);
  INFO(all);
  CHECK(all.find("content/fr/guidelines/x.md:3:1: error:") != std::string::npos);
  CHECK(all.find("'sumary'") != std::string::npos);
  CHECK(all.find("'summary'") != std::string::npos);
  // The misspelled required field is not reported missing as well: one root cause, one error.
  CHECK(diagnostics.error_count() == 1);
}

TEST_CASE("required fields: all of them in a page, only the title in an index file",
          "[schema]") {
  Diagnostics page_errors;
  CHECK_FALSE(parse("weight = 1\n", page_errors));
  std::string all = messages(page_errors);
  for (const auto& field : kPageFields) {
    INFO(field.name);
    bool required = field.required != Required::kNo;
    CHECK((all.find("'" + std::string(field.name) + "'") != std::string::npos) == required);
  }
  Diagnostics index_errors;
  CHECK_FALSE(parse("weight = 1\n", index_errors, "guidelines/_index.md"));
  CHECK(index_errors.error_count() == 1);
  CHECK(messages(index_errors).find("'title'") != std::string::npos);
}

TEST_CASE("defaults, checks and lines come from the table", "[schema]") {
  Diagnostics diagnostics;
  auto page = parse("title = \"T\"\nsummary = \"S\"\ndate = 2026-10-01\nupdated = 2026-11-02\n",
                    diagnostics, "guidelines/cafe\xCC\x81.md");  // "café", decomposed
  INFO(messages(diagnostics));
  // The stem is no slug (an accent), so the default slug is refused with its advice.
  CHECK_FALSE(page);
  CHECK(messages(diagnostics).find("must use only a-z, 0-9 and single hyphens") !=
        std::string::npos);

  Diagnostics fine;
  page = parse("title = \"T\"\nsummary = \"S\"\ndate = 2026-10-01\nupdated = 2026-11-02\n"
               "slug = \"cafe\"\n",
               fine, "guidelines/cafe\xCC\x81.md");
  INFO(messages(fine));
  REQUIRE(page);
  CHECK(page->slug == "cafe");
  CHECK(page->translation_key == "guidelines/caf\xC3\xA9");  // composed (NFC)
  CHECK(page->date_line == 4);
  CHECK(page->updated_line == 5);
  CHECK(page->draft == false);
  CHECK(page->tags.empty());

  Diagnostics earlier;
  CHECK_FALSE(parse("title = \"T\"\nsummary = \"S\"\ndate = 2026-10-01\nupdated = 2026-09-02\n",
                    earlier));
  CHECK(messages(earlier) ==
        "content/fr/guidelines/x.md:5:11: error: 'updated' (2026-09-02) is earlier than 'date' "
        "(2026-10-01)\n");
}

TEST_CASE("a version's date is its revised date, else its published one", "[schema]") {
  PageSource page;
  CHECK(version_date(page).first == nullptr);
  page.date = "2026-10-01";
  CHECK(version_date(page).first == find_page_field("date"));
  CHECK(version_date(page).second == "2026-10-01");
  page.updated = "2026-11-02";
  CHECK(version_date(page).first == find_page_field("updated"));
  CHECK(version_date(page).second == "2026-11-02");
}

TEST_CASE("`new guideline` writes every field of the table, in its order, as it loads",
          "[schema]") {
  DiskSourceTree fixture(test_support::kSmallSite);
  Diagnostics diagnostics;
  auto scaffold =
      scaffold_guideline(fixture, with_guideline_sections(), "neuve", "fr", "2026-12-01", diagnostics);
  REQUIRE(scaffold);
  size_t previous = 0;
  for (const auto& field : kPageFields) {
    INFO(field.name);
    std::string prefix = field.scaffolded == Scaffolded::kCommentedOut ? "\n# " : "\n";
    size_t at = scaffold->text.find(prefix + field.name + " = ");
    REQUIRE(at != std::string::npos);
    CHECK(at > previous);
    previous = at;
  }
  Diagnostics parsed;
  auto page = parse_page(scaffold->text, scaffold->path, "fr", "guidelines/neuve.md", parsed);
  REQUIRE(page);
  CHECK(page->slug == "neuve");
}

TEST_CASE("a new translation takes the fields to translate and the shared ones from its source",
          "[schema]") {
  PageSource source, page;
  source.title = "Le crédit";
  source.tags = {"budget"};
  source.weight = 20;
  source.date = "2026-10-01";
  source.draft = true;
  copy_fields(source, Translation::kTranslated, page);
  CHECK(page.title == "Le crédit");
  CHECK(page.tags == std::vector<std::string>{"budget"});
  CHECK(page.weight == 0);
  copy_fields(source, Translation::kShared, page);
  CHECK(page.weight == 20);
  CHECK(page.date.empty());  // a version's own
  CHECK_FALSE(page.draft);
}
