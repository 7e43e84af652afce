#include <catch2/catch.hpp>

#include "content/freshness.h"

using namespace passerelle;

namespace {

PageSource page_dated(std::string date, std::string updated = "") {
  PageSource page;
  page.path = "content/fr/guidelines/x.md";
  page.date = std::move(date);
  page.updated = std::move(updated);
  page.date_line = 4;
  page.updated_line = 5;
  return page;
}

ActorRecord reviewed(std::string date) {
  ActorRecord record;
  record.path = "directory-data/actors/a.toml";
  record.last_reviewed = std::move(date);
  record.lines["last_reviewed"] = 9;
  return record;
}

}  // namespace

TEST_CASE("months_before goes back whole months, clamping the day") {
  CHECK(months_before("2026-12-06", 12) == "2025-12-06");
  CHECK(months_before("2026-03-31", 1) == "2026-02-28");
  CHECK(months_before("2028-03-31", 1) == "2028-02-29");
  CHECK(months_before("2026-01-15", 13) == "2024-12-15");
}

TEST_CASE("a page dated after today is in the future, by its date or its update") {
  CHECK(is_future(page_dated("2035-01-01"), "2026-12-06"));
  CHECK(is_future(page_dated("2026-10-01", "2027-01-01"), "2026-12-06"));
  CHECK_FALSE(is_future(page_dated("2026-12-06"), "2026-12-06"));
  CHECK_FALSE(is_future(page_dated("2035-01-01"), ""));  // no day given: nothing compared
}

TEST_CASE("last_reviewed is stale past the threshold, and wrong in the future") {
  CHECK(review_problem(reviewed("2025-12-06"), "2026-12-06", 12).empty());
  CHECK(review_problem(reviewed("2025-12-05"), "2026-12-06", 12).find("more than 12 months") !=
        std::string::npos);
  CHECK(review_problem(reviewed("2012-01-01"), "2026-12-06", 24).find("more than 24 months") !=
        std::string::npos);
  CHECK(review_problem(reviewed("2026-12-07"), "2026-12-06", 12).find("in the future") !=
        std::string::npos);
}

TEST_CASE("check_freshness warns at the line of the date") {
  Diagnostics diagnostics;
  check_freshness({page_dated("2035-01-01"), page_dated("2026-01-01")},
                  {reviewed("2012-01-01"), reviewed("2026-11-20")}, "2026-12-06", 12, diagnostics);
  REQUIRE(diagnostics.items().size() == 2);
  CHECK_FALSE(diagnostics.has_errors());
  CHECK(diagnostics.items()[0].location.line == 4);
  CHECK(diagnostics.items()[0].message.find("'date' (2035-01-01) is in the future") == 0);
  CHECK(diagnostics.items()[1].location.path == "directory-data/actors/a.toml");
  CHECK(diagnostics.items()[1].location.line == 9);
}
