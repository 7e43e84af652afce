#include "base/excerpt.h"

#include <catch2/catch.hpp>

using namespace passerelle;

TEST_CASE("excerpt_of_line shows a short line whole with a caret under the column") {
  auto excerpt = excerpt_of_line("title = \"Le crédit\"", 9);
  CHECK(excerpt.line == "title = \"Le crédit\"");
  CHECK(excerpt.caret == "        ^");
  CHECK(excerpt_of_line("\tx = 1", 2).caret == "\t^");
  CHECK(excerpt_of_line("abc", 0).caret.empty());
}

TEST_CASE("excerpt_of_line shows a window of a long line, with … where it is cut") {
  std::string line;
  for (int i = 0; i < 50; ++i) line += "mot" + std::to_string(i % 10) + " ";  // 250 code points
  // A column in the middle: 40 code points before it, the window 100 wide, cut both sides.
  auto middle = excerpt_of_line(line, 121);
  CHECK(middle.line == "…" + line.substr(80, 100) + "…");
  CHECK(middle.caret == std::string(41, ' ') + "^");
  CHECK(middle.line.substr(middle.caret.size() - 1 + 2, 4) == line.substr(120, 4));
  // Near the start: no '…' before; near the end: none after, and the window keeps its width.
  auto start = excerpt_of_line(line, 3);
  CHECK(start.line == line.substr(0, 100) + "…");
  CHECK(start.caret == "  ^");
  auto end = excerpt_of_line(line, 248);
  CHECK(end.line == "…" + line.substr(150));
  CHECK(end.caret == std::string(1 + 97, ' ') + "^");
}

TEST_CASE("excerpt_of_line counts the window in code points, never cutting a character") {
  std::string line;
  for (int i = 0; i < 250; ++i) line += "é";
  auto excerpt = excerpt_of_line(line, 100);
  std::string expected = "…";
  for (int i = 0; i < 100; ++i) expected += "é";
  CHECK(excerpt.line == expected + "…");
  CHECK(excerpt.caret == std::string(41, ' ') + "^");
}

TEST_CASE("excerpt_of_line shows a lone carriage return as U+FFFD") {
  CHECK(excerpt_of_line("a\rb", 3).line == "a\uFFFDb");
}
