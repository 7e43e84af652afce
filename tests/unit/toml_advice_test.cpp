// Each failure kind with toml++ 3.3's own description (Debian 12) of the mistake, and the
// advice an editor reads instead.
#include "base/toml_advice.h"

#include <catch2/catch.hpp>

#include "base/toml_fields.h"

using namespace passerelle;

namespace {

std::string advice(std::string_view description, std::string_view text, int line) {
  return toml_advice(description, text, line).message;
}

}  // namespace

TEST_CASE("toml_advice: a missing closing quote") {
  CHECK(advice("Error while parsing string: unescaped control characters other than TAB "
               "(U+0009) are explicitly prohibited",
               "title = \"abc\nsummary = \"x\"\n", 1) ==
        "this text has no closing quote: end it with \" on the same line (for text on several "
        "lines, open and close it with \"\"\")");
  CHECK(advice("Error while parsing string: encountered end-of-file", "t = \"\"\"abc\n", 1) ==
        "this text is never closed: add the closing quotes (\"\"\" or ''') where it ends");
  auto unclosed = toml_advice("Error while parsing string: encountered end-of-file",
                              "a = 1\nt = \"\"\"abc\nb = 2\n", 4);
  CHECK(unclosed.line == 2);  // where the text opens
  CHECK(unclosed.column == 5);
  CHECK(advice("Error while parsing literal string: encountered end-of-file", "t = '''abc\n", 1) ==
        "this text is never closed: add the closing quotes (\"\"\" or ''') where it ends");
}

TEST_CASE("toml_advice: a date written day first, and its caret on the value") {
  auto day_first = toml_advice("Error while parsing decimal integer: expected digit, saw '/'",
                               "title = \"x\"\ndate = 05/12/2026\n", 2);
  CHECK(day_first.message ==
        "'05/12/2026' is not a date TOML understands: write 2026-12-05 (YYYY-MM-DD: year, "
        "month, day), without quotes");
  CHECK(day_first.column == 8);
  CHECK(advice("Error while parsing decimal integer: expected digit, saw '/'", "date = 2026/12/5\n",
               1) ==
        "'2026/12/5' is not a date TOML understands: write 2026-12-05 (YYYY-MM-DD: year, month, "
        "day), without quotes");
  CHECK(advice("Error while parsing date: expected 4-digit year, saw '-'", "d = 05-12-2026\n", 1) ==
        "'05-12-2026' is not a date TOML understands: write 2026-12-05 (YYYY-MM-DD: year, "
        "month, day), without quotes");
  CHECK(
      advice("Error while parsing date: expected 2-digit month, saw '-'", "date = 2026-1-5\n", 1) ==
      "'2026-1-5' is not a date TOML understands: write 2026-01-05 (YYYY-MM-DD: year, month, "
      "day), without quotes");
  CHECK(advice("Error while parsing date: expected 2-digit month, saw '-'", "date = 2026-1\n", 1) ==
        "'2026-1' of 'date' is not a date: write the date as YYYY-MM-DD (year, month, day), "
        "without quotes, such as 2026-12-05");
}

TEST_CASE("toml_advice: a month or day that does not exist") {
  CHECK(advice("Error while parsing date: expected month between 1 and 12 (inclusive), saw 13",
               "date = 2026-13-01\n", 1) ==
        "there is no month 13: write the date as YYYY-MM-DD (year, month, day), without quotes, "
        "such as 2026-12-05");
  CHECK(advice("Error while parsing date: expected day between 1 and 28 (inclusive), saw 30",
               "date = 2026-02-30\n", 1) ==
        "this month has no day 30 (it has 28 days): write the date as YYYY-MM-DD (year, month, "
        "day), without quotes, such as 2026-12-05");
  CHECK(advice("Error while parsing time: expected hour between 0 to 59 (inclusive), saw 25",
               "date = 2026-12-05T25:00:00\n", 1) ==
        "the time is not valid: write it as HH:MM:SS (hours 00 to 23), or leave the time out "
        "(YYYY-MM-DD alone)");
}

TEST_CASE("toml_advice: yes or no for true or false, and text without quotes") {
  auto yes =
      toml_advice("Error while parsing value: could not determine value type", "draft = yes\n", 1);
  CHECK(yes.message == "'draft' must be true or false (in lower case, without quotes), not 'yes'");
  CHECK(yes.column == 9);
  CHECK(advice("Error while parsing boolean: expected 'true', saw 'T'", "draft = True\n", 1) ==
        "'draft' must be true or false (in lower case, without quotes), not 'True'");
  CHECK(advice("Error while parsing value: could not determine value type", "city = Oujda\n", 1) ==
        "the value of 'city' is not text, a number or a date: put text between quotes, city = "
        "\"Oujda\"");
}

TEST_CASE("toml_advice: a field or table set twice names the first line") {
  auto twice = toml_advice(
      "Error while parsing key-value pair: cannot redefine existing string "
      "'title'",
      "title = \"a\"\ndate = 2026-01-01\n  title = \"b\"\n", 3);
  CHECK(twice.message == "field 'title' is set twice (first on line 1): keep one");
  CHECK(twice.column == 3);
  CHECK(advice("Error while parsing table header: cannot redefine existing table 'services'",
               "name = \"x\"\n[services]\nfr = []\n[services]\n", 4) ==
        "table [services] appears twice (first on line 2): keep one and put all its fields there");
}

TEST_CASE("toml_advice: numbers") {
  CHECK(advice("Error while parsing decimal integer: leading zeroes are prohibited",
               "weight = 010\n", 1) ==
        "a number cannot start with 0: write 10, not 010 (or put a code between quotes)");
  CHECK(
      advice("Error while parsing decimal integer: expected digit, saw 'O'", "weight = 1O\n", 1) ==
      "the value of 'weight' is not a number: write digits only (a decimal with '.'), or put "
      "text between quotes");
}

TEST_CASE("toml_advice: the shape of a line") {
  CHECK(advice("Error while parsing key-value pair: expected '=', saw ':'", "title: \"x\"\n", 1) ==
        "write '=' between a field's name and its value, not ':'");
  CHECK(advice("Error while parsing key-value pair: expected '=', saw ','",
               "c = { lat = 41,9, lon = 12.5 }\n", 1) ==
        "a name here must be followed by '=': a decimal number is written with '.', not ',' "
        "(41.9), and a field's name has no spaces");
  CHECK(advice("Error while parsing key-value pair: expected '=', saw '\\n'", "x = 1\ny\n", 2) ==
        "each line is a field (name = value), a [table], a comment starting with # or empty: "
        "this line has no '='");
  CHECK(advice("Error while parsing key-value pair: expected value, saw '\\n'", "summary = \n",
               1) == "'summary' has no value: write one after '=' (\"\" for an empty text)");
  CHECK(advice("Error while parsing root table: expected keys, tables, whitespace or comments, "
               "saw '='",
               "= 3\n", 1) ==
        "each line is a field (name = value), a [table], a comment starting with # or empty");
}

TEST_CASE("toml_advice: more after the value") {
  CHECK(advice("Error while parsing key-value pair: expected a comment or whitespace, saw 's'",
               "title = 'it's'\n", 1) ==
        "an apostrophe inside '…' ends the text: put text that contains an apostrophe between "
        "double quotes, \"…\"");
  CHECK(advice("Error while parsing key-value pair: expected a comment or whitespace, saw ','",
               "lat = 1,5\n", 1) ==
        "a field holds one value: several values go in a list, [\"a\", \"b\"], and a decimal "
        "number uses '.'");
  CHECK(advice("Error while parsing key-value pair: expected a comment or whitespace, saw '\"'",
               "title = \"a\" \"b\"\n", 1) ==
        "there is more after the value: one field per line, and text between quotes (a comment "
        "after the value starts with #)");
}

TEST_CASE("toml_advice: lists, inline tables and escapes") {
  CHECK(advice("Error while parsing array: expected comma or closing ']', saw '\"'",
               "tags = [\"a\" \"b\"]\n",
               1) == "items of a list are separated by commas: [\"a\", \"b\"]");
  CHECK(advice("Error while parsing array: encountered end-of-file", "tags = [\"a\"\n", 1) ==
        "this list is never closed: add ']' after its last item");
  CHECK(advice("Error while parsing inline table: expected key or closing '}', saw '\\n'",
               "x = { a = 1\n", 1) ==
        "a table written { … } must be closed with '}' on the same line, its fields separated "
        "by commas: { lat = 34.0, lon = -6.8 }");
  CHECK(advice("Error while parsing string: unknown escape sequence '\\q'", "title = \"bad \\q\"\n",
               1) ==
        "a backslash (\\) in text between \"…\" starts an escape such as \\n: write \\\\ for a "
        "backslash itself");
}

TEST_CASE("toml_advice: an unknown failure keeps toml++'s words without its preamble") {
  CHECK(advice("Error while parsing something: odd thing", "x\n", 1) ==
        "this is not valid TOML: odd thing");
}

TEST_CASE("parse_toml gives the advice for toml++'s own failures, with the caret on the value") {
  // Through the installed toml++, so that a change in its wording shows here.
  auto first = [](std::string_view text) {
    Diagnostics diagnostics;
    CHECK_FALSE(parse_toml(text, "x.toml", diagnostics, 1));
    REQUIRE(diagnostics.items().size() == 1);
    return format_diagnostic(diagnostics.items()[0]);
  };
  CHECK(first("title = \"abc\nsummary = \"x\"\n") ==
        "x.toml:2:13: error: this text has no closing quote: end it with \" on the same line (for "
        "text on several lines, open and close it with \"\"\")");
  CHECK(first("title = \"x\"\ndate = 05/12/2026\n") ==
        "x.toml:3:8: error: '05/12/2026' is not a date TOML understands: write 2026-12-05 "
        "(YYYY-MM-DD: year, month, day), without quotes");
  CHECK(first("draft = yes\n") ==
        "x.toml:2:9: error: 'draft' must be true or false (in lower case, without quotes), not "
        "'yes'");
  CHECK(first("title = \"a\"\ntitle = \"b\"\n") ==
        "x.toml:3:1: error: field 'title' is set twice (first on line 2): keep one");
  CHECK(first("[services]\n[services]\n") ==
        "x.toml:3:1: error: table [services] appears twice (first on line 2): keep one and put "
        "all its fields there");
  CHECK(first("title: \"x\"\n") ==
        "x.toml:2:6: error: write '=' between a field's name and its value, not ':'");
  CHECK(first("tags = [\"a\" \"b\"]\n") ==
        "x.toml:2:13: error: items of a list are separated by commas: [\"a\", \"b\"]");
  CHECK(first("title = 'it's'\n") ==
        "x.toml:2:13: error: an apostrophe inside '…' ends the text: put text that contains an "
        "apostrophe between double quotes, \"…\"");
  CHECK(first("date = 2026-02-30\n") ==
        "x.toml:2:8: error: this month has no day 30 (it has 28 days): write the date as "
        "YYYY-MM-DD (year, month, day), without quotes, such as 2026-12-05");
}
