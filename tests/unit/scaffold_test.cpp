// `passerelle new`: scaffolds that load as they are, translations pre-filled from the other
// language, and refusals (bad names, existing files).
#include "base/escaping.h"
#include "test_support.h"
#include "scaffold/scaffold.h"

#include <unistd.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "pipeline/build.h"
#include "content/directory.h"
#include "content/pages.h"
#include "output/new_file.h"

namespace fs = std::filesystem;
using namespace passerelle;

namespace {


SiteConfig fixture_config() {
  DiskSourceTree tree(test_support::kSmallSite);
  Diagnostics diagnostics;
  auto text = read_text_file(tree, "site.toml", diagnostics);
  auto config = parse_site_config(*text, "site.toml", diagnostics);
  REQUIRE(config);
  return *config;
}

std::string errors_of(const Diagnostics& diagnostics) {
  std::string all;
  for (const auto& d : diagnostics.sorted()) all += format_diagnostic(d) + "\n";
  return all;
}

/// The fixture site with the new file, built with its drafts.
std::optional<BuildResult> build_with(const SourceTree& fixture, const Scaffold& scaffold,
                                      Diagnostics& diagnostics) {
  MemorySourceTree added;
  added.add(scaffold.path, scaffold.text);
  LayeredSourceTree tree(added, "", fixture, "");
  DiskSourceTree bundled(PASSERELLE_BUNDLED_THEMES);
  BuildOptions options;
  options.include_drafts = true;
  return build_site(tree, bundled, options, diagnostics);
}

}  // namespace

TEST_CASE("A new guideline is a draft that loads as it is, with every field present") {
  DiskSourceTree fixture(test_support::kSmallSite);
  auto config = fixture_config();
  Diagnostics diagnostics;
  auto scaffold =
      scaffold_guideline(fixture, config, "aide-au-logement", "fr", "2026-12-01", diagnostics);
  REQUIRE(scaffold);
  CHECK(scaffold->path == "content/fr/guidelines/aide-au-logement.md");
  CHECK(scaffold->translated_from.empty());
  for (const char* field : {"title =", "summary =", "date =", "# updated =", "weight =", "tags =",
                            "draft = true", "# slug =", "# translation_key ="}) {
    INFO(field);
    CHECK(scaffold->text.find(field) != std::string::npos);
  }
  Diagnostics parsed;
  auto page =
      parse_page(scaffold->text, scaffold->path, "fr", "guidelines/aide-au-logement.md", parsed);
  INFO(errors_of(parsed));
  REQUIRE(page);
  CHECK(page->title == "Aide au logement");
  CHECK(page->draft);
  CHECK(page->date == "2026-12-01");
  CHECK(page->weight == 30);  // after the fixture's guidelines (10, 20)
  CHECK(page->body.find("## Première partie") != std::string::npos);
  // It offers the other language's version.
  CHECK(scaffold->notes.front().find("'passerelle new guideline aide-au-logement --lang it'") !=
        std::string::npos);

  // The whole site still builds with it, drafts included.
  Diagnostics built;
  auto result = build_with(fixture, *scaffold, built);
  INFO(errors_of(built));
  CHECK(result);
}

TEST_CASE("A new page is a draft of content/<lang>/ that builds and lands in the menu") {
  DiskSourceTree fixture(test_support::kSmallSite);
  auto config = fixture_config();
  Diagnostics diagnostics;
  auto scaffold = scaffold_page(fixture, config, PageKind::kPage, "contact", "it", "2026-12-01",
                                diagnostics);
  REQUIRE(scaffold);
  CHECK(scaffold->path == "content/it/contact.md");
  CHECK(scaffold->text.find("/it/contact/") != std::string::npos);
  CHECK(scaffold->text.find("# aliases =") != std::string::npos);
  Diagnostics parsed;
  auto page = parse_page(scaffold->text, scaffold->path, "it", "contact.md", parsed);
  INFO(errors_of(parsed));
  REQUIRE(page);
  CHECK(page->kind == PageKind::kPage);
  CHECK(page->translation_key == "contact");
  CHECK(page->draft);
  // Never over an existing page: the fixture has content/it/about.md.
  Diagnostics exists;
  CHECK_FALSE(scaffold_page(fixture, config, PageKind::kPage, "about", "it", "2026-12-01", exists));
  CHECK(exists.has_errors());

  Diagnostics built;
  auto result = build_with(fixture, *scaffold, built);
  INFO(errors_of(built));
  REQUIRE(result);
  bool listed = false;
  for (const auto& file : result->plan) {
    if (file.path == "it/contact/index.html") listed = true;
  }
  CHECK(listed);
}

TEST_CASE("A new guideline whose translation exists is pre-filled from it") {
  DiskSourceTree fixture(test_support::kSmallSite);
  auto config = fixture_config();
  Diagnostics diagnostics;
  auto scaffold = scaffold_guideline(fixture, config, "credit", "it", "2026-12-01", diagnostics);
  REQUIRE(scaffold);
  CHECK(scaffold->path == "content/it/guidelines/credit.md");
  CHECK(scaffold->translated_from == "content/fr/guidelines/credit.md");
  CHECK(scaffold->text.find("# Translation of content/fr/guidelines/credit.md") !=
        std::string::npos);
  Diagnostics parsed;
  auto page = parse_page(scaffold->text, scaffold->path, "it", "guidelines/credit.md", parsed);
  INFO(errors_of(parsed));
  REQUIRE(page);
  CHECK(page->title == "Le crédit");
  CHECK(page->summary == "Emprunter sans se mettre en danger.");
  CHECK(page->weight == 20);
  CHECK(page->translation_key == "guidelines/credit");
  CHECK(page->body.find("## Le budget") != std::string::npos);
  CHECK(page->draft);
}

TEST_CASE("new guideline refuses bad slugs, unknown languages and existing files") {
  DiskSourceTree fixture(test_support::kSmallSite);
  auto config = fixture_config();
  Diagnostics bad_slug, bad_language, existing, taken_slug;
  CHECK_FALSE(scaffold_guideline(fixture, config, "Aide Logement", "fr", "2026-12-01", bad_slug));
  CHECK(errors_of(bad_slug).find("not a valid slug") != std::string::npos);
  CHECK(errors_of(bad_slug).find("'aide-logement'") != std::string::npos);
  CHECK_FALSE(scaffold_guideline(fixture, config, "x", "de", "2026-12-01", bad_language));
  CHECK(errors_of(bad_language).find("'de' is not a language of site.toml (fr, it)") !=
        std::string::npos);
  CHECK_FALSE(scaffold_guideline(fixture, config, "retour", "fr", "2026-12-01", existing));
  CHECK(errors_of(existing).find(
            "content/fr/guidelines/retour.md: error: this file exists already") !=
        std::string::npos);
  // credit.md's slug is "credit"; retour.md's is "preparer-le-retour".
  CHECK_FALSE(
      scaffold_guideline(fixture, config, "preparer-le-retour", "fr", "2026-12-01", taken_slug));
  CHECK(errors_of(taken_slug).find("already has the slug") != std::string::npos);
}

TEST_CASE("new guideline --folder makes <slug>/index.md and refuses a slug taken in either form") {
  DiskSourceTree fixture(test_support::kSmallSite);
  auto config = fixture_config();
  Diagnostics diagnostics, existing;
  auto folder = scaffold_guideline(fixture, config, "aide-au-logement", "fr", "2026-12-01",
                                   diagnostics, true);
  REQUIRE(folder);
  CHECK(folder->path == "content/fr/guidelines/aide-au-logement/index.md");
  CHECK(std::any_of(folder->notes.begin(), folder->notes.end(), [](const std::string& note) {
    return note.find("beside it, in content/fr/guidelines/aide-au-logement/") != std::string::npos;
  }));
  CHECK_FALSE(scaffold_guideline(fixture, config, "retour", "fr", "2026-12-01", existing, true));
  CHECK(errors_of(existing).find("content/fr/guidelines/retour.md: error: this file exists "
                                 "already") != std::string::npos);
}

TEST_CASE(
    "A new actor record lists the allowed values and warns of its required fields until filled") {
  DiskSourceTree fixture(test_support::kSmallSite);
  auto config = fixture_config();
  Diagnostics diagnostics;
  auto scaffold = scaffold_actor(fixture, config, "nouvelle-ong", config.default_language, "2026-12-01", diagnostics);
  REQUIRE(scaffold);
  CHECK(scaffold->path == "directory-data/actors/nouvelle-ong.toml");
  CHECK(scaffold->text.find("# Country (required), one of: IT (Italie), MA (Maroc).") !=
        std::string::npos);
  CHECK(scaffold->text.find("finance (Financement), training (Formation).") != std::string::npos);
  CHECK(scaffold->text.find("lazio (Latium, IT)") != std::string::npos);

  auto vocabulary_text = fixture.read("directory-data/vocabulary.toml");
  Diagnostics ignored;
  auto vocabulary =
      parse_vocabulary(*vocabulary_text, "directory-data/vocabulary.toml", config, ignored);
  REQUIRE(vocabulary);
  // A draft: its empty fields are warnings, and it is incomplete until they are filled.
  Diagnostics empty;
  auto draft = parse_actor(scaffold->text, scaffold->path, "nouvelle-ong", config, *vocabulary, empty);
  REQUIRE(draft);
  CHECK(draft->draft_problems == 5);
  CHECK_FALSE(empty.has_errors());
  std::string reported = errors_of(empty);
  for (const char* field :
       {"'name' must not be empty", "'country' must not be empty", "'kind' must not be empty",
        "'sectors' must not be empty", "[description] needs a text"}) {
    INFO(reported);
    CHECK(reported.find(field) != std::string::npos);
  }

  // Filling the required fields is enough.
  std::string filled = scaffold->text;
  auto set = [&](const std::string& from, const std::string& to) {
    auto at = filled.find(from);
    REQUIRE(at != std::string::npos);
    filled.replace(at, from.size(), to);
  };
  set("name = \"\"", "name = \"Nouvelle ONG\"");
  set("country = \"\"", "country = \"MA\"");
  set("kind = \"\"", "kind = \"ngo\"");
  set("sectors = []", "sectors = [\"training\"]");
  set("fr = \"\"\"\n\"\"\"", "fr = \"\"\"\nUne nouvelle ONG.\n\"\"\"");
  Diagnostics complete;
  auto actor = parse_actor(filled, scaffold->path, "nouvelle-ong", config, *vocabulary, complete);
  INFO(errors_of(complete));
  REQUIRE(actor);
  CHECK(actor->draft);
  CHECK(actor->draft_problems == 0);
  CHECK(complete.items().empty());
  CHECK(actor->descriptions.count("fr"));
  CHECK_FALSE(actor->descriptions.count("it"));  // left blank: shown as not translated
  CHECK(actor->last_reviewed == "2026-12-01");
}

TEST_CASE("new actor refuses bad ids, section names and existing records") {
  DiskSourceTree fixture(test_support::kSmallSite);
  auto config = fixture_config();
  Diagnostics bad, section, existing;
  CHECK_FALSE(scaffold_actor(fixture, config, "Nouvelle_ONG", config.default_language, "2026-12-01", bad));
  CHECK(errors_of(bad).find("not a valid actor id") != std::string::npos);
  CHECK_FALSE(scaffold_actor(fixture, config, "pays", config.default_language, "2026-12-01", section));
  CHECK(errors_of(section).find("name of a directory section") != std::string::npos);
  CHECK_FALSE(scaffold_actor(fixture, config, "ong-atlas", config.default_language, "2026-12-01", existing));
  CHECK(errors_of(existing).find("exists already") != std::string::npos);
}

TEST_CASE("toml_string escapes quotes, backslashes and control characters") {
  CHECK(toml_string("a \"b\" \\ c\n\x01") == "\"a \\\"b\\\" \\\\ c\\n\\u0001\"");
}

TEST_CASE("create_new_file creates folders and never overwrites") {
  auto folder = fs::temp_directory_path() / ("passerelle-new-" + std::to_string(::getpid()));
  fs::remove_all(folder);
  std::string error;
  auto path = (folder / "content/fr/guidelines/x.md").string();
  REQUIRE(create_new_file(path, "first", &error));
  CHECK_FALSE(create_new_file(path, "second", &error));
  CHECK(error.find("exists already") != std::string::npos);
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  CHECK(text.str() == "first");
  fs::remove_all(folder);
}
