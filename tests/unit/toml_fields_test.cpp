#include "base/toml_fields.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "content/pages.h"

using namespace passerelle;

TEST_CASE("TOML nested deeper than 64 levels is refused before toml++ parses it") {
  // A few tens of thousands of dotted keys overflow toml++'s stack: this must be an error.
  std::string dotted;
  for (int i = 0; i < 100000; ++i) dotted += "a.";
  dotted += "b = 1\n";
  std::string header = "x = 1\n[" + dotted.substr(0, dotted.size() - 6) + "]\n";
  std::string arrays = "x = " + std::string(70, '[') + std::string(70, ']') + "\n";
  std::string mixed = "y = ";  // 6 inline tables, each under a key of 11 parts: 67 levels
  for (char key : std::string("abcdef")) {
    mixed += "{ ";
    for (int i = 0; i < 11; ++i) mixed += std::string(i ? "." : "") + key;
    mixed += " = ";
  }
  mixed += "1" + std::string(6, '}') + "\n";
  for (const auto* text : {&dotted, &header, &arrays, &mixed}) {
    Diagnostics diagnostics;
    CHECK_FALSE(parse_toml(*text, "deep.toml", diagnostics, 3));
    REQUIRE(diagnostics.error_count() == 1);
    CHECK_THAT(
        format_diagnostic(diagnostics.items()[0]),
        Catch::Contains("error: tables, keys and lists are nested more than 64 levels deep here"));
  }
  Diagnostics diagnostics;
  parse_toml(header, "deep.toml", diagnostics, 3);
  CHECK_THAT(format_diagnostic(diagnostics.items()[0]), Catch::StartsWith("deep.toml:5:"));
}

TEST_CASE("ordinary TOML is not mistaken for deep nesting") {
  std::string text =
      "a.b.c = 1.5\n[t.u]\nv = [1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5, 10.5, "
      "11.5, 12.5, 13.5, 14.5, 15.5, 16.5, 17.5, 18.5, 19.5, 20.5, 21.5, 22.5, 23.5, "
      "24.5, 25.5, 26.5, 27.5, 28.5, 29.5, 30.5, 31.5, 32.5, 33.5, 34.5, 35.5, 36.5, "
      "37.5, 38.5, 39.5, 40.5, 41.5, 42.5, 43.5, 44.5, 45.5, 46.5, 47.5, 48.5, 49.5, "
      "50.5, 51.5, 52.5, 53.5, 54.5, 55.5, 56.5, 57.5, 58.5, 59.5, 60.5, 61.5, 62.5, "
      "63.5, 64.5, 65.5]\n"
      "s = \"" +
      std::string(200, '.') +
      "[[[{{{\" # ....... [[[[\n"
      "m = '''\n" +
      std::string(200, '.') + "\n'''\n";
  Diagnostics diagnostics;
  CHECK(parse_toml(text, "ok.toml", diagnostics));
  CHECK(diagnostics.error_count() == 0);
}

TEST_CASE("string fields may not hide control or bidi characters in escapes") {
  Diagnostics diagnostics;
  auto table = parse_toml("name = \"Evil \\u202Eexe.pdf\"\ntags = [\"ok\", \"\\u0007\"]\n",
                          "a.toml", diagnostics);
  REQUIRE(table);
  TomlReader reader(*table, "a.toml", diagnostics);
  CHECK_FALSE(reader.string("name", true));
  CHECK(reader.string_list("tags", false) == std::vector<std::string>{"ok"});
  auto sorted = diagnostics.sorted();
  REQUIRE(sorted.size() == 2);
  CHECK_THAT(format_diagnostic(sorted[0]),
             Catch::StartsWith("a.toml:1:8: error: field 'name' contains a bidirectional control "
                               "character U+202E"));
  CHECK(format_diagnostic(sorted[1]) ==
        "a.toml:2:15: error: field 'tags' contains a control character U+0007: remove it");
}

namespace {

std::vector<std::string> page_errors(const std::string& front_matter) {
  Diagnostics diagnostics;
  parse_page("+++\n" + front_matter + "\n+++\nTexte\n", "content/fr/guidelines/a.md", "fr",
             "guidelines/a.md", diagnostics);
  std::vector<std::string> errors;
  for (const auto& d : diagnostics.sorted()) errors.push_back(format_diagnostic(d));
  return errors;
}

}  // namespace

TEST_CASE("a required text of only invisible characters is empty, in pages too", "[fields]") {
  CHECK(page_errors("title = \"T\"\nsummary = \"S\"\ndate = 2026-10-01").empty());
  auto errors = page_errors("title = \"\\u200B \\u2060\"\nsummary = \"S\"\ndate = 2026-10-01");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] == "content/fr/guidelines/a.md:2:9: error: field 'title' must not be empty "
                     "(it has only spaces or invisible characters)");
}

TEST_CASE("dates are between 1990 and 2100, in pages too", "[fields]") {
  auto errors = page_errors("title = \"T\"\nsummary = \"S\"\ndate = 0001-01-01T10:00:00Z");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] == "content/fr/guidelines/a.md:4:8: error: field 'date' must be a date between "
                     "1990-01-01 and 2100-12-31 (it is 0001-01-01)");
}

TEST_CASE("TomlReader::string refuses blank required text but keeps optional text as is", "[fields]") {
  Diagnostics diagnostics;
  auto table = parse_toml("a = \"\\u00A0\"\nb = \" \"\n", "t.toml", diagnostics);
  REQUIRE(table);
  TomlReader reader(*table, "t.toml", diagnostics);
  CHECK_FALSE(reader.string("a", true));
  CHECK(reader.string("b", false) == " ");
  CHECK(diagnostics.error_count() == 1);
}

TEST_CASE("an unknown field points at its key and suggests the field meant, not also missing") {
  Diagnostics diagnostics;
  auto table = parse_toml("titre = \"x\"\n  colour = 1\n", "p.md", diagnostics, 1);
  REQUIRE(table);
  TomlReader reader(*table, "p.md", diagnostics, "", 1);
  reader.reject_unknown({"title", "summary", "date"});
  reader.string("title", true);
  std::vector<std::string> messages;
  for (const auto& d : diagnostics.sorted()) messages.push_back(format_diagnostic(d));
  REQUIRE(messages.size() == 2);  // no "missing required field 'title'"
  CHECK(messages[0] == "p.md:2:1: error: unknown field 'titre'; did you mean 'title'?");
  CHECK(messages[1] ==
        "p.md:3:3: error: unknown field 'colour' (the fields are: title, summary, date)");
}
