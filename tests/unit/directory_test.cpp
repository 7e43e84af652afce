#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>

#include "content/directory.h"
#include "base/filesystem.h"
#include "fixture_site.h"

using namespace passerelle;

namespace {

const char* kVocabulary = R"([countries.MA]
fr = { label = "Maroc", slug = "maroc" }
it = { label = "Marocco", slug = "marocco" }
[regions.oriental]
country = "MA"
fr = { label = "Oriental", slug = "oriental" }
it = { label = "Orientale", slug = "orientale" }
[kinds.ngo]
fr = { label = "ONG", slug = "ong" }
it = { label = "ONG", slug = "ong" }
[sectors.training]
fr = { label = "Formation", slug = "formation" }
it = { label = "Formazione", slug = "formazione" }
[languages.ar]
fr = { label = "arabe" }
it = { label = "arabo" }
)";

Vocabulary vocabulary() {
  Diagnostics diagnostics;
  auto parsed = parse_vocabulary(kVocabulary, "vocabulary.toml", test_support::french_and_italian(), diagnostics);
  REQUIRE(parsed);
  return *parsed;
}

}  // namespace

TEST_CASE("a complete actor record is read") {
  Diagnostics diagnostics;
  auto actor = parse_actor(R"toml(name = "Organisation"
short_name = "ORG"
country = "MA"
region = "oriental"
city = "Oujda"
kind = "ngo"
sectors = ["training"]
languages = ["ar"]
website = "https://example.org/"
email = "info@example.org"
coordinates = { lat = 34.68, lon = -1.9 }
last_reviewed = 2026-11-20
other_names = [{ name = "منظمة", lang = "ar" }]
[services]
fr = ["Formation"]
[description]
fr = "Texte."
it = "Testo."
)toml", "directory-data/actors/org.toml", "org", test_support::french_and_italian(), vocabulary(), diagnostics);
  REQUIRE(actor);
  CHECK(diagnostics.error_count() == 0);
  CHECK(actor->id == "org");
  CHECK(actor->coordinates->latitude == Approx(34.68));
  CHECK(actor->other_names[0].language == "ar");
  CHECK(actor->descriptions.at("it").text == "Testo.");
  CHECK(actor->descriptions.at("fr").line == 17);
  CHECK(actor->services.count("it") == 0);
}

TEST_CASE("unknown terms are errors that list the allowed values") {
  Diagnostics diagnostics;
  auto actor = parse_actor(R"toml(name = "X"
country = "FR"
kind = "ngo"
sectors = ["training", "cooking"]
last_reviewed = 2026-11-20
[description]
fr = "x"
)toml", "directory-data/actors/x.toml", "x", test_support::french_and_italian(), vocabulary(), diagnostics);
  CHECK_FALSE(actor);
  auto sorted = diagnostics.sorted();
  REQUIRE(sorted.size() == 2);
  CHECK(format_diagnostic(sorted[0]) ==
        "directory-data/actors/x.toml:2:11: error: unknown country 'FR' (the countries are the keys "
        "of [countries] in directory-data/vocabulary.toml: MA)");
  CHECK(format_diagnostic(sorted[1]) ==
        "directory-data/actors/x.toml:4:24: error: unknown sector 'cooking' (the sectors are the "
        "keys of [sectors] in directory-data/vocabulary.toml: training)");
}

TEST_CASE("contact fields are checked: http(s) websites and e-mail addresses only") {
  Diagnostics diagnostics;
  auto actor = parse_actor(R"toml(name = "X"
country = "MA"
kind = "ngo"
sectors = ["training"]
website = "javascript:alert(1)"
email = "not an address"
last_reviewed = 2026-11-20
[description]
fr = "x"
)toml", "a.toml", "x", test_support::french_and_italian(), vocabulary(), diagnostics);
  CHECK_FALSE(actor);
  CHECK(diagnostics.error_count() == 2);
}

TEST_CASE("missing required fields name the field; a missing description is an error") {
  Diagnostics diagnostics;
  CHECK_FALSE(parse_actor("name = \"X\"\n", "a.toml", "x", test_support::french_and_italian(), vocabulary(), diagnostics));
  std::string all;
  for (const auto& d : diagnostics.items()) all += d.message + "\n";
  CHECK_THAT(all, Catch::Contains("missing required field 'country'"));
  CHECK_THAT(all, Catch::Contains("missing required field 'kind'"));
  CHECK_THAT(all, Catch::Contains("missing required field 'sectors'"));
  CHECK_THAT(all, Catch::Contains("missing required field 'description'"));
}

TEST_CASE("a region must belong to the record's country") {
  std::string vocabulary_text = std::string(kVocabulary) +
      "[countries.IT]\nfr = { label = \"Italie\", slug = \"italie\" }\n"
      "it = { label = \"Italia\", slug = \"italia\" }\n";
  Diagnostics diagnostics;
  auto parsed = parse_vocabulary(vocabulary_text, "v.toml", test_support::french_and_italian(), diagnostics);
  REQUIRE(parsed);
  CHECK_FALSE(parse_actor("name = \"X\"\ncountry = \"IT\"\nregion = \"oriental\"\nkind = \"ngo\"\n"
                          "sectors = [\"training\"]\nlast_reviewed = 2026-01-01\n[description]\nfr = \"x\"\n",
                          "a.toml", "x", test_support::french_and_italian(), *parsed, diagnostics));
  CHECK(diagnostics.items().back().message == "region 'oriental' is not in country 'IT'");
}

TEST_CASE("the vocabulary needs a label in every language and unique slugs") {
  Diagnostics diagnostics;
  CHECK_FALSE(parse_vocabulary(R"([countries.MA]
fr = { label = "Maroc", slug = "maroc" }
[regions]
[kinds.a]
fr = { label = "A", slug = "same" }
it = { label = "A", slug = "a" }
[kinds.b]
fr = { label = "B", slug = "same" }
it = { label = "B", slug = "b" }
[sectors]
[languages]
)", "v.toml", test_support::french_and_italian(), diagnostics));
  std::string all;
  for (const auto& d : diagnostics.items()) all += format_diagnostic(d) + "\n";
  CHECK_THAT(all, Catch::Contains("missing required field 'countries.MA.it'"));
  CHECK_THAT(all, Catch::Contains("slug 'same' is used by both 'a' and 'b'"));
}

TEST_CASE("email_problem accepts one plain address only") {
  CHECK(email_problem("a.b@example.org").empty());
  CHECK_FALSE(email_problem("a@b").empty());
  CHECK_FALSE(email_problem("<a@b.org>").empty());
}

TEST_CASE("other names need a language code, since it lands in lang attributes") {
  Diagnostics diagnostics;
  auto actor = parse_actor(R"toml(name = "X"
country = "MA"
kind = "ngo"
sectors = ["training"]
last_reviewed = 2026-11-20
other_names = [{ name = "a", lang = "tzm-Latn" }, { name = "b", lang = "ar\" onmouseover=\"x" },
               { name = "c", lang = "" }, { name = "d", lang = "x-1" }]
[description]
fr = "x"
)toml", "directory-data/actors/x.toml", "x", test_support::french_and_italian(), vocabulary(), diagnostics);
  CHECK_FALSE(actor);
  auto sorted = diagnostics.sorted();
  REQUIRE(sorted.size() == 3);
  CHECK(format_diagnostic(sorted[0]) ==
        "directory-data/actors/x.toml:6:72: error: lang 'ar\" onmouseover=\"x' must be a language "
        "code such as \"ar\" or \"tzm-Latn\"");
}

TEST_CASE("load_directory reads every record (in parallel) and keeps file order for records and errors") {
  MemorySourceTree tree;
  tree.add("directory-data/vocabulary.toml", kVocabulary);
  for (int i = 0; i < 60; ++i) {
    char id[16];
    std::snprintf(id, sizeof id, "actor-%02d", i);
    bool broken = i % 7 == 3;
    tree.add(std::string("directory-data/actors/") + id + ".toml",
             std::string("name = \"") + id + "\"\ncountry = \"" + (broken ? "XX" : "MA") +
                 "\"\nkind = \"ngo\"\nsectors = [\"training\"]\nlast_reviewed = 2026-11-20\n"
                 "[description]\nfr = \"x\"\n");
  }
  Diagnostics diagnostics;
  auto directory = load_directory(tree, test_support::french_and_italian(), false, diagnostics);
  REQUIRE(directory);
  std::vector<std::string> ids;
  for (const auto& actor : directory->actors) ids.push_back(actor.id);
  std::vector<std::string> expected_ids;
  std::vector<std::string> expected_paths;
  for (int i = 0; i < 60; ++i) {
    char id[16];
    std::snprintf(id, sizeof id, "actor-%02d", i);
    (i % 7 == 3 ? expected_paths.push_back(std::string("directory-data/actors/") + id + ".toml")
                : expected_ids.push_back(id));
  }
  CHECK(ids == expected_ids);
  std::vector<std::string> error_paths;
  for (const auto& item : diagnostics.items()) error_paths.push_back(item.location.path);
  CHECK(error_paths == expected_paths);
}

namespace {

/// The formatted errors of a valid record in which the lines of `fields` replace the base
/// lines of the same keys (or are added), and the keys in `without` are left out.
std::vector<std::string> record_errors(const std::string& fields,
                                       const std::vector<std::string>& without = {}) {
  const std::vector<std::pair<std::string, std::string>> base = {
      {"name", "\"X\""}, {"country", "\"MA\""}, {"kind", "\"ngo\""},
      {"sectors", "[\"training\"]"}, {"last_reviewed", "2026-11-20"}};
  std::string text;
  for (const auto& [key, value] : base) {
    bool replaced = ("\n" + fields).find("\n" + key + " =") != std::string::npos;
    bool dropped = std::find(without.begin(), without.end(), key) != without.end();
    if (!replaced && !dropped) text += key + " = " + value + "\n";
  }
  text += fields + "\n[description]\nfr = \"x\"\n";
  Diagnostics diagnostics;
  auto actor = parse_actor(text, "a.toml", "a", test_support::french_and_italian(), vocabulary(), diagnostics);
  std::vector<std::string> errors;
  for (const auto& d : diagnostics.sorted()) errors.push_back(format_diagnostic(d));
  CHECK(actor.has_value() == errors.empty());
  return errors;
}

}  // namespace

TEST_CASE("a required text of only spaces or invisible characters counts as empty", "[records]") {
  for (const char* name : {"\"   \"", "\"\\u200B\"", "\"\\u200C\\u200D\"", "\"\\u2060\"",
                           "\"\\uFEFF\"", "\"\\u00A0\"", "\"\\t \\u00A0\\u200B \"", "\"\\u3000\""}) {
    INFO(name);
    auto errors = record_errors(std::string("name = ") + name);
    REQUIRE(errors.size() == 1);
    CHECK_THAT(errors[0], Catch::StartsWith("a.toml:5:8: error: field 'name' must not be empty"));
  }
  CHECK(record_errors("name = \"A\\u200Bb\"").empty());
  CHECK(record_errors("name = \" Organisation \"").empty());
}

TEST_CASE("website schemes are case-insensitive, and only http(s)", "[records]") {
  CHECK(record_errors("website = \"HTTPS://EXAMPLE.ORG/\"").empty());
  CHECK(record_errors("website = \"Http://example.org\"").empty());
  for (const char* url : {"ftp://example.org/", "FTP://example.org/", "HTTPS:example.org",
                          "javascript:alert(1)", "mailto:a@example.org"}) {
    INFO(url);
    auto errors = record_errors(std::string("website = \"") + url + "\"");
    REQUIRE(errors.size() == 1);
    CHECK_THAT(errors[0], Catch::Contains("website must be an http:// or https:// URL"));
  }
}

TEST_CASE("phone holds a phone number: digits, spaces, + ( ) . - and an extension", "[records]") {
  for (const char* phone : {"+212 5 22 00 00 00", "(06) 12.34.56.78", "+39 06-1234-5678",
                            "+39 06 1234 5678 ext. 12", "0522 123456 x12", "06/1234567",
                            "+212\\u00A05\\u00A022\\u00A000\\u00A000\\u00A000", "+39 06 1234 5678 interno 3"}) {
    INFO(phone);
    CHECK(record_errors(std::string("phone = \"") + phone + "\"").empty());
  }
  auto newline = record_errors("phone = \"0522\\n123456\"");
  REQUIRE(newline.size() == 1);
  CHECK(newline[0] == "a.toml:6:9: error: phone must be one number on one line: it contains a "
                      "line break (U+000A)");
  for (const char* phone : {"call 0522 12 34 56", "0522 12 34 56 <script>", "+212 5 22; 0600",
                            "12", "+", "0522 + 12", "06 12 34 56 78 ext."}) {
    INFO(phone);
    auto errors = record_errors(std::string("phone = \"") + phone + "\"");
    REQUIRE(errors.size() == 1);
    CHECK_THAT(errors[0], Catch::StartsWith("a.toml:6:9: error: phone '") &&
                              Catch::Contains("is not a phone number"));
  }
}

TEST_CASE("email holds one address, without parameters or control characters", "[records]") {
  CHECK(record_errors("email = \"nome.cognome+tag@comune.example.it\"").empty());
  CHECK(email_problem("info@example.org").empty());
  for (const char* email : {"a@example.org?subject=Hi&body=Hello", "a@example.org&cc=b@example.org",
                            "a@example.org, b@example.org", "a@example.org;b@example.org",
                            "a@example.org b@example.org", "a@example.org\n", "a@exa\rmple.org",
                            "mailto:a@example.org", "a@example..org", "a@-example.org"}) {
    INFO(email);
    CHECK_FALSE(email_problem(email).empty());
  }
  auto query = record_errors("email = \"a@example.org?subject=Hi&body=Hello\"");
  REQUIRE(query.size() == 1);
  CHECK(query[0] == "a.toml:6:9: error: email 'a@example.org?subject=Hi&body=Hello' must be one "
                    "address alone, such as name@example.org (no '?', '&' or parameters)");
  auto line_break = record_errors("email = \"a@example.org\\nBcc: b@example.org\"");
  REQUIRE(line_break.size() == 1);
  CHECK(line_break[0] == "a.toml:6:9: error: email must be one address on one line: it contains a "
                         "line break (U+000A)");
  auto several = record_errors("email = \"a@example.org, b@example.org\"");
  REQUIRE(several.size() == 1);
  CHECK_THAT(several[0], Catch::Contains("must be one address, not several"));
}

TEST_CASE("review dates are between 1990 and 2100, whatever today is", "[records]") {
  CHECK(record_errors("last_reviewed = 1990-01-01").empty());
  CHECK(record_errors("last_reviewed = 2100-12-31").empty());
  for (const char* date : {"0001-01-01", "1989-12-31", "2101-01-01", "2999-01-01"}) {
    INFO(date);
    auto errors = record_errors(std::string("last_reviewed = ") + date);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0] == std::string("a.toml:5:17: error: field 'last_reviewed' must be a date "
                                   "between 1990-01-01 and 2100-12-31 (it is ") + date + ")");
  }
}

TEST_CASE("a missing or unknown country is one error, without a region error after it", "[records]") {
  auto missing = record_errors("region = \"oriental\"", {"country"});
  REQUIRE(missing.size() == 1);
  CHECK(missing[0] == "a.toml:1:1: error: missing required field 'country'");
  auto unknown = record_errors("country = \"XX\"\nregion = \"oriental\"");
  REQUIRE(unknown.size() == 1);
  CHECK_THAT(unknown[0], Catch::Contains("unknown country 'XX'"));
  auto empty = record_errors("country = \"\"\nregion = \"oriental\"");
  REQUIRE(empty.size() == 1);
  CHECK_THAT(empty[0], Catch::Contains("field 'country' must not be empty"));
}

TEST_CASE("founded is an optional year from 1800 to 2100, a number", "[records]") {
  Diagnostics diagnostics;
  auto actor = parse_actor("name = \"X\"\ncountry = \"MA\"\nkind = \"ngo\"\nfounded = 1965\n"
                           "sectors = [\"training\"]\nlast_reviewed = 2026-11-20\n"
                           "[description]\nfr = \"x\"\n",
                           "a.toml", "a", test_support::french_and_italian(), vocabulary(), diagnostics);
  REQUIRE(actor);
  CHECK(actor->founded == 1965);
  auto without = parse_actor("name = \"X\"\ncountry = \"MA\"\nkind = \"ngo\"\n"
                             "sectors = [\"training\"]\nlast_reviewed = 2026-11-20\n"
                             "[description]\nfr = \"x\"\n",
                             "a.toml", "a", test_support::french_and_italian(), vocabulary(), diagnostics);
  REQUIRE(without);
  CHECK_FALSE(without->founded);
  CHECK(record_errors("founded = 1800").empty());
  CHECK(record_errors("founded = 2100").empty());
  for (const char* year : {"1799", "2101", "0", "-1965", "19650"}) {
    INFO(year);
    auto errors = record_errors(std::string("founded = ") + year);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0] == std::string("a.toml:6:11: error: field 'founded' must be a year between "
                                   "1800 and 2100 (it is ") + year + ")");
  }
  for (const char* value : {"\"1965\"", "1965.0", "1965-01-01", "[1965]"}) {
    INFO(value);
    auto errors = record_errors(std::string("founded = ") + value);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0] == "a.toml:6:11: error: field 'founded' must be a year such as 1990 (a "
                       "whole number, without quotes)");
  }
}

TEST_CASE("a draft record's problems are warnings, and it has no page until it is complete") {
  MemorySourceTree tree;
  tree.add("directory-data/vocabulary.toml", kVocabulary);
  // As `passerelle new actor` writes it: required fields empty.
  tree.add("directory-data/actors/brouillon.toml",
           "draft = true\nname = \"\"\ncountry = \"\"\nkind = \"\"\nsectors = []\n"
           "last_reviewed = 2026-11-20\n[description]\nfr = \"\"\"\n\"\"\"\n");
  tree.add("directory-data/actors/complet.toml",
           "draft = true\nname = \"Complet\"\ncountry = \"MA\"\nkind = \"ngo\"\n"
           "sectors = [\"training\"]\nlast_reviewed = 2026-11-20\n[description]\nfr = \"x\"\n");
  auto ids = [](const Directory& directory) {
    std::vector<std::string> list;
    for (const auto& actor : directory.actors) list.push_back(actor.id);
    return list;
  };
  Diagnostics diagnostics;
  auto previewed = load_directory(tree, test_support::french_and_italian(), true, diagnostics);
  REQUIRE(previewed);
  CHECK_FALSE(diagnostics.has_errors());
  CHECK(diagnostics.warning_count() >= 5);  // name, country, kind, sectors, description
  CHECK(diagnostics.items().back().message.find("this record is a draft with 5 problems") == 0);
  CHECK(ids(*previewed) == std::vector<std::string>{"complet"});
  CHECK(previewed->actors.front().draft);

  Diagnostics published_diagnostics;
  auto published = load_directory(tree, test_support::french_and_italian(), false, published_diagnostics);
  REQUIRE(published);
  CHECK_FALSE(published_diagnostics.has_errors());
  CHECK(published->actors.empty());

  Diagnostics listing;
  auto incomplete = load_actor_file(tree, "directory-data/actors/brouillon.toml", test_support::french_and_italian(),
                                    published->vocabulary, true, listing, true);
  REQUIRE(incomplete);
  CHECK(incomplete->draft_problems == 5);
}

TEST_CASE("the same problems in a record that is not a draft are errors") {
  Diagnostics diagnostics;
  auto actor = parse_actor("draft = false\nname = \"\"\ncountry = \"MA\"\nkind = \"ngo\"\n"
                           "sectors = [\"training\"]\nlast_reviewed = 2026-11-20\n"
                           "[description]\nfr = \"x\"\n",
                           "a.toml", "a", test_support::french_and_italian(), vocabulary(), diagnostics);
  CHECK_FALSE(actor);
  CHECK(diagnostics.error_count() == 1);
}

TEST_CASE("a website on the editor's own machine is a warning") {
  Diagnostics diagnostics;
  auto actor = parse_actor("name = \"A\"\ncountry = \"MA\"\nkind = \"ngo\"\n"
                           "sectors = [\"training\"]\nwebsite = \"http://localhost:8000/fr/\"\n"
                           "last_reviewed = 2026-11-20\n[description]\nfr = \"x\"\n",
                           "a.toml", "a", test_support::french_and_italian(), vocabulary(), diagnostics);
  REQUIRE(actor);
  REQUIRE(diagnostics.warning_count() == 1);
  CHECK(diagnostics.items()[0].location.line == 5);
  CHECK(diagnostics.items()[0].message.find("'localhost'") != std::string::npos);
}
