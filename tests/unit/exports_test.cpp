// The exports output (exports/): actors.json and actors.csv, made from the model alone.
#include <catch2/catch.hpp>

#include <csv.h>

#include <nlohmann/json.hpp>

#include "exports/exports.h"
#include "fixture_site.h"

using namespace passerelle;
using test_support::fixture_site;
using test_support::paths_of;

namespace {

using Rows = std::vector<std::vector<std::string>>;

/// actors.csv read back by libcsv's parser (strict: a malformed file fails the test).
Rows read_csv(const std::string& text) {
  struct Reader {
    Rows rows{{}};
  } reader;
  csv_parser parser;
  REQUIRE(csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) == 0);
  auto on_field = [](void* data, size_t size, void* out) {
    static_cast<Reader*>(out)->rows.back().emplace_back(static_cast<const char*>(data), size);
  };
  auto on_row = [](int, void* out) { static_cast<Reader*>(out)->rows.emplace_back(); };
  CHECK(csv_parse(&parser, text.data(), text.size(), on_field, on_row, &reader) == text.size());
  CHECK(csv_fini(&parser, on_field, on_row, &reader) == 0);
  csv_free(&parser);
  reader.rows.pop_back();  // the row the last line end opened
  return reader.rows;
}

}  // namespace

TEST_CASE("export_files plans actors.csv, actors.json and actors.xlsx, sorted by path") {
  auto plan = exports::export_files(fixture_site().site);
  CHECK(paths_of(plan) == std::vector<std::string>{"actors.csv", "actors.json", "actors.xlsx"});
}

TEST_CASE("actors.xlsx is a zip file, byte-identical from one build to the next") {
  std::string first = exports::actors_xlsx(fixture_site().site);
  REQUIRE(first.starts_with("PK\x03\x04"));
  // libxlsxwriter dates the zip's entries 1980-01-01 and the workbook the newest review.
  CHECK(first.find("xl/sharedStrings.xml") != std::string::npos);
  CHECK(exports::actors_xlsx(fixture_site().site) == first);
}

TEST_CASE("actors.json holds the vocabulary's labels and every actor with its pages") {
  const auto& site = fixture_site().site;
  auto json = nlohmann::json::parse(exports::actors_json(site));
  CHECK(json["vocabulary"]["countries"]["MA"]["it"].is_string());
  REQUIRE(json["actors"].size() == site.actors.size());
  for (size_t i = 0; i < site.actors.size(); ++i) {
    const auto& actor = json["actors"][i];
    CHECK(actor["id"] == site.actors[i].record.id);
    CHECK(actor["urls"]["fr"] ==
          "https://example.org/guide/fr/annuaire/" + site.actors[i].record.id + "/");
  }
  // An optional field a record leaves out is left out, not written as null or "".
  CHECK_FALSE(json["actors"][0].contains("email"));
}

TEST_CASE("actors.csv has a header, one row per actor with as many cells, and CRLF lines") {
  const auto& site = fixture_site().site;
  std::string csv = exports::actors_csv(site);
  CHECK_THAT(csv, Catch::StartsWith("id,name,"));
  CHECK_THAT(csv, Catch::EndsWith("/\r\n"));
  Rows rows = read_csv(csv);
  REQUIRE(rows.size() == site.actors.size() + 1);
  const auto& header = rows.front();
  CHECK(std::find(header.begin(), header.end(), "url_it") != header.end());
  for (size_t i = 1; i < rows.size(); ++i) {
    CHECK(rows[i].size() == header.size());
    CHECK(rows[i][0] == site.actors[i - 1].record.id);
  }
}
