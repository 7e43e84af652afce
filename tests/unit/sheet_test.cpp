// The import of a sheet of actors (generator/sheet/): reading the sheet (encodings,
// separators, limits), its headers, its cells as record values, the splicing of values into
// a record that keeps its comments, the matching of rows to records, and the plan on the
// fixture site.
#include <catch2/catch.hpp>

#include "base/escaping.h"
#include "config/config.h"
#include "sheet/cell_values.h"
#include "sheet/import_actors.h"
#include "sheet/line_diff.h"
#include "sheet/matching.h"
#include "sheet/sheet_columns.h"
#include "sheet/sheet_csv.h"
#include "sheet/toml_splice.h"
#include "test_support.h"
#include "fixture_site.h"

using namespace passerelle;

namespace {

Term term(const std::string& key, const std::string& fr, const std::string& it) {
  Term t;
  t.key = key;
  t.by_language["fr"] = {fr, ""};
  t.by_language["it"] = {it, ""};
  return t;
}

Vocabulary small_vocabulary() {
  Vocabulary vocabulary;
  vocabulary.countries["MA"] = term("MA", "Maroc", "Marocco");
  vocabulary.countries["IT"] = term("IT", "Italie", "Italia");
  vocabulary.sectors["training"] = term("training", "Formation", "Formazione");
  vocabulary.sectors["health"] = term("health", "Santé", "Salute");
  return vocabulary;
}

std::string splice(const std::string& text, const std::vector<ValueEdit>& edits) {
  std::string error;
  auto out = splice_values(text, edits, &error);
  INFO(error);
  REQUIRE(out);
  return *out;
}

std::vector<std::vector<std::string>> parse(const std::string& text, char separator = 0) {
  Diagnostics diagnostics;
  auto rows = parse_sheet(text, separator ? separator : detect_separator(text), "s.csv", diagnostics);
  REQUIRE(rows);
  return *rows;
}

}  // namespace

TEST_CASE("sheet: the separator is the one the header line has most of") {
  // A comma inside quotes does not count; a single column is read as comma-separated.
  const std::pair<std::string, char> headers[] = {{"id,name,country\r\n", ','},
                                                  {"id;name;\"a,b,c,d\"\n1;2;3", ';'},
                                                  {"id\tname\tcountry\n", '\t'},
                                                  {"name\n", ','}};
  for (const auto& [header, separator] : headers) {
    INFO(header);
    CHECK(detect_separator(header) == separator);
  }
}

TEST_CASE("sheet: UTF-8 with or without a byte-order mark, UTF-16 LE and BE converted") {
  Diagnostics diagnostics;
  CHECK(decode_sheet("\xEF\xBB\xBFnom", "s.csv", diagnostics) == "nom");
  CHECK(decode_sheet("nom", "s.csv", diagnostics) == "nom");
  // "Né" in UTF-16: N = 4E 00, é = E9 00 (little-endian).
  CHECK(decode_sheet(std::string("\xFF\xFEN\0\xE9\0", 6), "s.csv", diagnostics) == "N\xC3\xA9");
  CHECK(decode_sheet(std::string("\xFE\xFF\0N\0\xE9", 6), "s.csv", diagnostics) == "N\xC3\xA9");
  CHECK_FALSE(diagnostics.has_errors());
  // An odd byte count is no UTF-16.
  CHECK_FALSE(decode_sheet(std::string("\xFF\xFEN\0\xE9", 5), "s.csv", diagnostics));
  CHECK(diagnostics.error_count() == 1);
}

TEST_CASE("sheet: a file over the size limit is refused before it is read") {
  Diagnostics diagnostics;
  CHECK_FALSE(decode_sheet(std::string(kMaxSheetBytes + 1, 'a'), "big.csv", diagnostics));
  REQUIRE(diagnostics.error_count() == 1);
  CHECK(diagnostics.items()[0].message.find("more than the 10 MB") != std::string::npos);
}

TEST_CASE("sheet: libcsv reads quoted cells with separators, quotes and line breaks") {
  auto rows = parse("name,city\r\n\"A, \"\"B\"\"\",\"two\r\nlines\"\r\n,\r\n");
  REQUIRE(rows.size() == 3);
  CHECK(rows[1] == std::vector<std::string>{"A, \"B\"", "two\nlines"});
  CHECK(rows[2] == std::vector<std::string>{"", ""});
  // Blanks around a cell are its own, also with tabs as the separator.
  CHECK(parse("a\tb\n x \t y\n")[1] == std::vector<std::string>{" x ", " y"});
}

TEST_CASE("sheet: invalid UTF-8 is reported at its row and column") {
  Diagnostics diagnostics;
  CHECK_FALSE(parse_sheet("name,city\nAtlas,F\xE8s\n", ',', "s.csv", diagnostics));
  REQUIRE(diagnostics.error_count() == 1);
  CHECK(format_location(diagnostics.items()[0].location) == "s.csv:2:2");
}

TEST_CASE("sheet: a row wider than the column limit is refused") {
  Diagnostics diagnostics;
  std::string wide = "name\n" + std::string(5000, ',') + "\n";
  CHECK_FALSE(parse_sheet(wide, ',', "s.csv", diagnostics));
  REQUIRE(diagnostics.error_count() == 1);
  CHECK(diagnostics.items()[0].location.line == 2);
}

TEST_CASE("sheet: headers are the export's names or their French and Italian names") {
  auto config = test_support::french_and_italian();
  CHECK(column_named("name", config)->field->name == std::string("name"));
  CHECK(column_named("Nom", config)->name == "name");
  CHECK(column_named("PAYS", config)->name == "country");
  CHECK(column_named("Secteurs", config)->name == "sectors");
  CHECK(column_named("Settori", config)->name == "sectors");
  CHECK(column_named("Città", config)->name == "city");
  CHECK(column_named("Short name", config)->name == "short_name");
  auto description = column_named("Description (it)", config);
  REQUIRE(description);
  CHECK(description->name == "description_it");
  CHECK(description->language == "it");
  CHECK(column_named("descrizione_fr", config)->name == "description_fr");
  CHECK(column_named("url_fr", config)->field == nullptr);
  CHECK(column_named("latitude", config)->field->name == std::string("coordinates"));
  CHECK_FALSE(column_named("colour", config));
}

TEST_CASE("sheet: unknown and duplicate headers are errors at their column") {
  Diagnostics diagnostics;
  CHECK_FALSE(map_columns({"name", "contry", "Nom"}, test_support::french_and_italian(), "s.csv", diagnostics));
  auto items = diagnostics.sorted();
  REQUIRE(items.size() == 2);
  CHECK(format_location(items[0].location) == "s.csv:1:2");
  CHECK(items[0].message.find("did you mean 'country'?") != std::string::npos);
  CHECK(format_location(items[1].location) == "s.csv:1:3");
  CHECK(items[1].message.find("given twice") != std::string::npos);
  Diagnostics none;
  CHECK_FALSE(map_columns({"city"}, test_support::french_and_italian(), "s.csv", none));
  CHECK(none.items()[0].message.find("neither an 'id' nor a 'name'") != std::string::npos);
}

TEST_CASE("sheet: cells become TOML values, labels taken for keys") {
  auto vocabulary = small_vocabulary();
  const auto& country = *find_actor_field("country");
  const auto& sectors = *find_actor_field("sectors");
  CHECK(cell_value(country, "Maroc", vocabulary).toml == "\"MA\"");
  CHECK(cell_value(country, " marocco ", vocabulary).toml == "\"MA\"");
  CHECK(cell_value(country, "MA", vocabulary).toml == "\"MA\"");
  CHECK(cell_value(sectors, "Formation; SANTE", vocabulary).toml == "[\"training\", \"health\"]");
  auto unknown = cell_value(country, "Marok", vocabulary);
  CHECK(unknown.error.find("did you mean 'MA'?") != std::string::npos);
  CHECK(cell_value(*find_actor_field("last_reviewed"), "20/11/2026", vocabulary).toml ==
        "2026-11-20");
  CHECK_FALSE(cell_value(*find_actor_field("last_reviewed"), "soon", vocabulary).error.empty());
  CHECK(cell_value(*find_actor_field("founded"), "1990", vocabulary).toml == "1990");
  CHECK_FALSE(cell_value(*find_actor_field("founded"), "1990a", vocabulary).error.empty());
  CHECK(cell_value(*find_actor_field("other_names"), "ar:وكالة; en:IOM", vocabulary).toml ==
        "[{ name = \"وكالة\", lang = \"ar\" }, { name = \"IOM\", lang = \"en\" }]");
  CHECK_FALSE(cell_value(*find_actor_field("other_names"), "IOM", vocabulary).error.empty());
  CHECK(cell_value(*find_actor_field("city"), "Say \"hi\"\n", vocabulary).toml == "\"Say \\\"hi\\\"\"");
  CHECK(coordinates_value("34,02", "-6.83").toml == "{ lat = 34.02, lon = -6.83 }");
  CHECK_FALSE(coordinates_value("34.02", "").error.empty());
}

TEST_CASE("sheet: the export's neutralised formulas come back; a live formula is an error") {
  auto vocabulary = small_vocabulary();
  const auto& city = *find_actor_field("city");
  CHECK(cell_value(city, "'=1+1", vocabulary).toml == "\"=1+1\"");
  CHECK(cell_value(city, "'-dash", vocabulary).toml == "\"-dash\"");
  CHECK(cell_value(city, "'quoted", vocabulary).toml == "\"'quoted\"");  // not the export's '
  CHECK(cell_value(city, "+212 5 22", vocabulary).toml == "\"+212 5 22\"");
  CHECK_FALSE(cell_value(city, "=HYPERLINK(\"http://x\")", vocabulary).error.empty());
  CHECK_FALSE(cell_value(city, "=cmd|' /C calc'!A0", vocabulary).error.empty());
  CHECK_FALSE(cell_value(city, "@SUM(A1)", vocabulary).error.empty());
  const auto& services = *find_actor_field("services");
  CHECK(cell_value(services, "a;'=b", vocabulary).toml == "[\"a\", \"=b\"]");
  CHECK_FALSE(cell_value(services, "a;=b", vocabulary).error.empty());
  // What the export writes is read back as it was.
  for (std::string text : {"=x", "-y", "@z", "+a b", "plain", "'q"}) {
    CHECK(restore_formula_text(neutralise_formula(text)) == text);
  }
}

TEST_CASE("sheet: splicing keeps comments, order and untouched lines") {
  std::string record =
      "# Checked by phone.\n"
      "name = \"Atlas\"  # official\n"
      "city = \"Fès\"\n"
      "sectors = [\n  \"training\",\n]\n"
      "\n"
      "# Their services\n"
      "[services]\n"
      "fr = [\"Cours\"]\n"
      "\n"
      "[description]\n"
      "fr = \"\"\"\nDeux\nlignes.\n\"\"\"\n";
  // A value replaced in place; its comment stays.
  CHECK(splice(record, {{"", "name", "\"Atlas ONG\""}}) ==
        std::string(record).replace(record.find("\"Atlas\""), 7, "\"Atlas ONG\""));
  // A multi-line value replaced whole.
  auto sectors = splice(record, {{"", "sectors", "[\"health\"]"}});
  CHECK(sectors.find("sectors = [\"health\"]\n\n# Their services") != std::string::npos);
  auto description = splice(record, {{"description", "fr", "\"Une ligne.\""}});
  CHECK(description.ends_with("[description]\nfr = \"Une ligne.\"\n"));
  // The same value written otherwise changes nothing.
  CHECK(splice(record, {{"", "sectors", "[\"training\"]"}}) == record);
  // Keys added at the end of their table; the record's own before the comment of [services].
  auto added = splice(record, {{"", "phone", "\"+39 06\""}, {"services", "it", "[\"Corsi\"]"},
                               {"description", "it", "\"Due righe.\""}});
  CHECK(added.find("]\nphone = \"+39 06\"\n\n# Their services\n") != std::string::npos);
  CHECK(added.find("fr = [\"Cours\"]\nit = [\"Corsi\"]\n") != std::string::npos);
  CHECK(added.ends_with("\"\"\"\nit = \"Due righe.\"\n"));
  // A table the record lacks goes at the end; an empty record gets keys then tables.
  CHECK(splice("name = \"A\"", {{"services", "fr", "[\"x\"]"}}) == "name = \"A\"\n\n[services]\nfr = [\"x\"]\n");
  CHECK(splice("", {{"", "name", "\"A\""}, {"description", "fr", "\"d\""}}) ==
        "name = \"A\"\n\n[description]\nfr = \"d\"\n");
  std::string error;
  CHECK_FALSE(splice_values("name = ", {}, &error));
  CHECK_FALSE(splice_values("description = { fr = \"a\" }\n", {{"description", "it", "\"b\""}}, &error));
}

TEST_CASE("sheet: a list of inline tables is a value of the record's table, not a header") {
  std::string record = "name = \"A\"\nother_names = [\n  { name = \"B\", lang = \"ar\" },\n]\n\n"
                       "[[extra]]\nx = 1\n";
  CHECK(splice(record, {{"", "phone", "\"1\""}}) ==
        "name = \"A\"\nother_names = [\n  { name = \"B\", lang = \"ar\" },\n]\nphone = \"1\"\n\n"
        "[[extra]]\nx = 1\n");
}

TEST_CASE("sheet: splicing counts columns in characters, not bytes") {
  std::string record = "name = \"Fès é\" # note\ncity = \"x\"\n";
  CHECK(splice(record, {{"", "name", "\"Fez\""}}) == "name = \"Fez\" # note\ncity = \"x\"\n");
}

TEST_CASE("sheet: rows match records by id, former id and name") {
  ActorRecord atlas;
  atlas.id = "ong-atlas";
  atlas.name = "ONG Atlas Développement";
  atlas.aliases = {"atlas"};
  atlas.other_names = {{"أطلس", "ar"}};
  ActorIndex index({atlas});
  CHECK(index.by_id("ong-atlas") == "ong-atlas");
  CHECK(index.by_id("atlas") == "ong-atlas");
  CHECK_FALSE(index.by_id("other"));
  CHECK(index.by_name("  ong ATLAS   developpement ") == "ong-atlas");
  CHECK(index.by_name("أطلس") == "ong-atlas");
  CHECK_FALSE(index.by_name("ONG Atlas"));
  CHECK(index.new_id("Atlas") == "atlas-2");  // "atlas" is a former id
  CHECK(index.new_id("Association Œuvre & Éducation") == "association-oeuvre-education");
  CHECK(index.new_id("Association Œuvre & Éducation") == "association-oeuvre-education-2");
  CHECK(index.new_id("أطلس") == "actor");
  CHECK(ascii_id(std::string(120, 'a') + " b").size() == 80);
}

TEST_CASE("sheet: a diff shows only the changed lines") {
  CHECK(changed_lines("a\nb\nc\n", "a\nb\nc\n").empty());
  CHECK(changed_lines("a\nb\nc\n", "a\nB\nc\n") == "@@ -2,1 +2,1 @@\n-b\n+B\n");
  CHECK(changed_lines("a\n", "a\nb\n") == "@@ -1,0 +2,1 @@\n+b\n");
  CHECK(changed_lines("", "x\n") == "@@ -0,0 +1,1 @@\n+x\n");
}

TEST_CASE("sheet: the import plan on the fixture site changes one line of one record") {
  DiskSourceTree tree(test_support::fixture_path("site-small"));
  Diagnostics diagnostics;
  std::string sheet =
      "id;Città;Settori\n"
      "comune-prova;Milano;Formation\n";
  auto plan = plan_actor_import(tree, "s.csv", sheet, {}, diagnostics);
  INFO((diagnostics.items().empty() ? std::string() : format_diagnostic(diagnostics.items()[0])));
  REQUIRE(plan);
  REQUIRE(plan->changes.size() == 1);
  const auto& change = plan->changes[0];
  CHECK(change.path == "directory-data/actors/comune-prova.toml");
  CHECK_FALSE(change.created);
  CHECK(changed_lines(change.before, change.after) == "@@ -4,1 +4,1 @@\n-city = \"Roma\"\n+city = \"Milano\"\n");
}

TEST_CASE("sheet: the import plan reports every error with its row, column and cell") {
  DiskSourceTree tree(test_support::fixture_path("site-small"));
  Diagnostics diagnostics;
  std::string sheet =
      "name,country,kind,sectors,last_reviewed,description_fr\n"
      "Nouvelle association,Marok,ngo,training,2026-01-01,Texte.\n"
      "Autre association,MA,ngo,training,2026-01-01,=HYPERLINK(\"http://x\")\n"
      "Autre association,MA,ngo,training,2026-01-01,Texte.\n"
      "Sans secteur,MA,ngo,,2026-01-01,Texte.\n";
  CHECK_FALSE(plan_actor_import(tree, "s.csv", sheet, {}, diagnostics));
  std::vector<std::string> printed;
  for (const auto& d : diagnostics.sorted()) printed.push_back(format_diagnostic(d));
  for (const auto& line : printed) UNSCOPED_INFO(line);
  REQUIRE(printed.size() == 4);
  CHECK(printed[0].starts_with("s.csv:2:2: error: 'Marok' is not in the vocabulary: did you mean"));
  CHECK(printed[0].ends_with("(cell: \"Marok\")"));
  CHECK(printed[1].starts_with("s.csv:3:6: error: a formula is not imported"));
  CHECK(printed[2].starts_with("s.csv:4: error: rows 3 and 4 are both the actor 'autre-association'"));
  CHECK(printed[3] == "s.csv:5: error: missing required field 'sectors'");
}
