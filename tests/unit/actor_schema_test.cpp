// The table of actor fields (content/actor_schema.h) against what is written by hand beside it:
// the documentation of the record, and the scaffold of `passerelle new actor`.
#include "content/actor_schema.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include "base/filesystem.h"
#include "scaffold/scaffold.h"
#include "test_folder.h"

using namespace passerelle;

namespace {


/// Whether a line of `text` starts with `prefix`.
bool has_line(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0 || text.find("\n" + prefix) != std::string::npos;
}

/// How a field is written in a record: `name =` or `[name]` for a per-language table.
std::string written(const ActorField& field) {
  return is_per_language(field.type) ? "[" + std::string(field.name) + "]"
                                     : std::string(field.name) + " = ";
}

}  // namespace

TEST_CASE("every actor field is documented in docs/content-model.md", "[schema]") {
  std::string docs = file_bytes(std::string(PASSERELLE_FIXTURES) + "/../../docs/content-model.md");
  auto begin = docs.find("## Actor records");
  REQUIRE(begin != std::string::npos);
  std::string section = docs.substr(begin, docs.find("\n## ", begin + 1) - begin);
  for (const auto& field : kActorFields) {
    INFO(field.name);
    CHECK(has_line(section, written(field)));
  }
}

TEST_CASE("`new actor` writes every field of the table, in its order", "[schema]") {
  DiskSourceTree fixture(test_support::kSmallSite);
  SiteConfig config;
  config.languages.push_back({"fr", "Français", "ltr", "T", "", {}});
  config.languages.push_back({"it", "Italiano", "ltr", "T", "", {}});
  config.default_language = "fr";
  Diagnostics diagnostics;
  auto scaffold = scaffold_actor(fixture, config, "nouvelle", config.default_language, "2026-12-01", diagnostics);
  REQUIRE(scaffold);
  // The record's own fields, then its per-language tables (TOML puts tables last).
  size_t previous = 0;
  for (bool tables : {false, true}) {
    for (const auto& field : kActorFields) {
      if (is_per_language(field.type) != tables) continue;
      INFO(field.name);
      std::string line = (field.example ? "# " : "") + written(field);
      size_t at = scaffold->text.find("\n" + line);
      REQUIRE(at != std::string::npos);
      CHECK(at > previous);
      previous = at;
    }
  }
}

TEST_CASE("per-language fields: the required ones first", "[schema]") {
  auto fields = per_language_fields();
  REQUIRE(fields.size() == 2);
  CHECK(std::string(fields[0]->name) == "description");
  CHECK(std::string(fields[1]->name) == "services");
  CHECK(find_actor_field("services") == fields[1]);
  CHECK(find_actor_field("colour") == nullptr);
}

TEST_CASE("`new actor` writes a draft whose empty fields are warnings, not errors", "[schema]") {
  DiskSourceTree fixture(test_support::kSmallSite);
  Diagnostics diagnostics;
  auto config_text = fixture.read("site.toml");
  REQUIRE(config_text);
  auto config = parse_site_config(*config_text, "site.toml", diagnostics);
  REQUIRE(config);
  auto vocabulary_text = fixture.read("directory-data/vocabulary.toml");
  REQUIRE(vocabulary_text);
  auto vocabulary = parse_vocabulary(*vocabulary_text, "v.toml", *config, diagnostics);
  REQUIRE(vocabulary);
  auto scaffold = scaffold_actor(fixture, *config, "nouvelle", config->default_language, "2026-12-01", diagnostics);
  REQUIRE(scaffold);
  CHECK(has_line(scaffold->text, "draft = true\n"));
  auto record = parse_actor(scaffold->text, scaffold->path, "nouvelle", *config, *vocabulary,
                            diagnostics);
  REQUIRE(record);
  CHECK(record->draft);
  CHECK(record->draft_problems > 0);
  CHECK_FALSE(diagnostics.has_errors());
  CHECK(diagnostics.warning_count() == record->draft_problems + 1);
}
