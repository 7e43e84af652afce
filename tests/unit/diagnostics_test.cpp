#include <catch2/catch.hpp>

#include "base/diagnostics.h"

using namespace passerelle;

TEST_CASE("diagnostics print as path:line:col: error: message") {
  CHECK(format_diagnostic({Severity::kError, {"a.toml", 3, 9}, "bad"}) == "a.toml:3:9: error: bad");
  CHECK(format_diagnostic({Severity::kWarning, {"a.md", 2, 0}, "hm"}) == "a.md:2: warning: hm");
  CHECK(format_diagnostic({Severity::kError, {"a.md", 0, 0}, "x"}) == "a.md: error: x");
}

TEST_CASE("location_of_offset counts lines and code points") {
  auto where = location_of_offset("f", "ab\né", 5);  // after "é", which is 2 bytes
  CHECK(where.line == 2);
  CHECK(where.column == 2);
}

TEST_CASE("diagnostics are sorted by file and position and counted") {
  Diagnostics diagnostics;
  diagnostics.error({"b", 1, 1}, "two");
  diagnostics.warning({"a", 5, 1}, "one");
  diagnostics.error({"a", 2, 1}, "zero");
  auto sorted = diagnostics.sorted();
  CHECK(sorted[0].message == "zero");
  CHECK(sorted[1].message == "one");
  CHECK(diagnostics.error_count() == 2);
  CHECK(diagnostics.warning_count() == 1);
}
