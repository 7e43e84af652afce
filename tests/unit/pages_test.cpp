#include <catch2/catch.hpp>

#include "content/front_matter.h"
#include "content/pages.h"

using namespace passerelle;

TEST_CASE("front matter is split from the body with the body's first line") {
  Diagnostics diagnostics;
  auto split = split_front_matter("+++\ntitle = \"x\"\n+++\nBody\n", "a.md", diagnostics);
  REQUIRE(split);
  CHECK(split->front_matter == "title = \"x\"\n");
  CHECK(split->body == "Body\n");
  CHECK(split->body_line == 4);
}

TEST_CASE("missing or unclosed front matter is an error at line 1") {
  Diagnostics diagnostics;
  CHECK_FALSE(split_front_matter("# Title\n", "a.md", diagnostics));
  CHECK_FALSE(split_front_matter("+++\ntitle = \"x\"\n", "b.md", diagnostics));
  REQUIRE(diagnostics.error_count() == 2);
  CHECK(format_diagnostic(diagnostics.items()[1]) ==
        "b.md:1:1: error: front matter is not closed: add a line '+++' after its fields");
}

TEST_CASE("a guideline's fields are read, with defaults from its path") {
  Diagnostics diagnostics;
  auto page = parse_page(
      "+++\ntitle = \"Préparer\"\nsummary = \"S\"\ndate = 2026-10-01\nweight = 10\n"
      "tags = [\"retour\"]\n+++\nTexte\n",
      "content/fr/guidelines/prep.md", "fr", "guidelines/prep.md", diagnostics);
  REQUIRE(page);
  CHECK(page->kind == PageKind::kGuideline);
  CHECK(page->slug == "prep");
  CHECK(page->translation_key == "guidelines/prep");
  CHECK(page->date == "2026-10-01");
  CHECK(page->weight == 10);
  CHECK(page->tags == std::vector<std::string>{"retour"});
  CHECK(page->body_line == 8);
}

TEST_CASE("front matter errors are reported at their line in the file") {
  Diagnostics diagnostics;
  auto page = parse_page("+++\ntitle = \"T\"\nsummary = \"S\"\ndate = \"2026-10-01\"\n+++\n",
                         "content/fr/x.md", "fr", "x.md", diagnostics);
  CHECK_FALSE(page);
  REQUIRE(diagnostics.error_count() == 1);
  CHECK(format_diagnostic(diagnostics.items()[0]) ==
        "content/fr/x.md:4:8: error: field 'date' is a date: write it without quotes, such as "
        "date = 2026-11-20");
}

TEST_CASE("a TOML syntax error in front matter points into the file, not the fragment") {
  Diagnostics diagnostics;
  CHECK_FALSE(parse_page("+++\ntitle = \"T\"\nsummary = = 1\n+++\n", "content/fr/x.md", "fr",
                         "x.md", diagnostics));
  REQUIRE(diagnostics.error_count() == 1);
  CHECK(diagnostics.items()[0].location.line == 3);
}

TEST_CASE("index files are the home and guidelines introductions") {
  Diagnostics diagnostics;
  auto home = parse_page("+++\ntitle = \"Accueil\"\n+++\nIntro\n", "content/fr/_index.md", "fr",
                         "_index.md", diagnostics);
  REQUIRE(home);
  CHECK(home->kind == PageKind::kHome);
}

TEST_CASE("load_pages reads every language, skips drafts and rejects unknown folders") {
  MemorySourceTree tree({
      {"content/fr/guidelines/a.md", "+++\ntitle = \"A\"\nsummary = \"S\"\ndate = 2026-01-01\n+++\n"},
      {"content/fr/guidelines/b.md",
       "+++\ntitle = \"B\"\nsummary = \"S\"\ndate = 2026-01-01\ndraft = true\n+++\n"},
      {"content/en/x.md", "+++\ntitle = \"X\"\n+++\n"},
      {"content/fr/bad.md", "+++\ntitle = \"\xC3\x28\"\n+++\n"},
  });
  SiteConfig config;
  config.languages.push_back({"fr", "Français", "ltr", "T", "", {}});
  Diagnostics diagnostics;
  auto pages = load_pages(tree, config, false, diagnostics);
  REQUIRE(pages.size() == 1);
  CHECK(pages[0].title == "A");
  REQUIRE(diagnostics.error_count() == 2);
  auto sorted = diagnostics.sorted();
  CHECK(sorted[0].location.path == "content/en/x.md");
  CHECK(format_diagnostic(sorted[1]) ==
        "content/fr/bad.md:2:10: error: invalid UTF-8 byte sequence: save the file as UTF-8");
  Diagnostics with_drafts;
  CHECK(load_pages(tree, config, true, with_drafts).size() == 2);
}

TEST_CASE("text files that are too large or hold control characters are errors") {
  MemorySourceTree tree({{"big.md", std::string(kMaxSourceBytes + 1, 'a')},
                         {"bell.md", "+++\ntitle = \"a\x07\"\n+++\n"},
                         {"rlo.toml", "name = \"x\"\n# \u202E\n"},
                         {"fine.md", "\xEF\xBB\xBF+++\r\ntitle = \"x\"\r\n+++\r\n"}});
  Diagnostics diagnostics;
  CHECK_FALSE(read_text_file(tree, "big.md", diagnostics));
  CHECK_FALSE(read_text_file(tree, "bell.md", diagnostics));
  CHECK_FALSE(read_text_file(tree, "rlo.toml", diagnostics));
  CHECK(read_text_file(tree, "fine.md", diagnostics) == "+++\ntitle = \"x\"\n+++\n");
  auto sorted = diagnostics.sorted();
  REQUIRE(sorted.size() == 3);
  CHECK(format_diagnostic(sorted[0]) == "bell.md:2:11: error: control character U+0007 is not "
                                        "allowed in text: remove it");
  CHECK(format_diagnostic(sorted[1]) == "big.md: error: this file is too large to be a page or a "
                                        "record (10.0 MB; the limit is 10 MB): split it");
  CHECK_THAT(format_diagnostic(sorted[2]), Catch::StartsWith("rlo.toml:2:3: error: bidirectional"));
}

TEST_CASE("an incomplete draft page gives warnings, not errors, and is left out") {
  Diagnostics diagnostics;
  auto page = parse_page("+++\ntitle = \"Brouillon\"\ndraft = true\n+++\nTexte.\n",
                         "content/fr/guidelines/b.md", "fr", "guidelines/b.md", diagnostics);
  CHECK_FALSE(page);
  CHECK_FALSE(diagnostics.has_errors());
  // date and summary missing, then the line that says why they are warnings.
  REQUIRE(diagnostics.warning_count() == 3);
  CHECK(format_diagnostic(diagnostics.items().back()) ==
        "content/fr/guidelines/b.md:3:9: warning: this page is a draft with 2 problems, warnings "
        "while it is a draft: it is left out until they are fixed");
}
