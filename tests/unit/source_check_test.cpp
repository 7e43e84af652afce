// The bytes of every page and record are checked once, when read, before toml++ or md4c see
// them: what TOML 1.0 forbids (a carriage return alone, a byte-order mark after the start),
// binary and UTF-16 files, each reported at a line and column.
#include <catch2/catch.hpp>

#include "content/directory.h"
#include "content/pages.h"
#include "base/text.h"
#include "base/toml_fields.h"

using namespace passerelle;
using namespace std::string_literals;

namespace {

/// The one error that reading `bytes` as a file gives, formatted; "" when it reads fine.
std::string read_error(const std::string& bytes, const std::string& path = "x.toml") {
  MemorySourceTree tree;
  tree.add(path, bytes);
  Diagnostics diagnostics;
  auto text = read_text_file(tree, path, diagnostics);
  if (text) return "";
  REQUIRE(diagnostics.error_count() == 1);
  return format_diagnostic(diagnostics.items()[0]);
}

}  // namespace

TEST_CASE("a carriage return that does not end a line is refused where it is", "[source]") {
  // The text after a lone CR in a comment must not become a key.
  CHECK_THAT(read_error("# note\rphone = \"0\"\n"),
             Catch::StartsWith("x.toml:1:7: error: ") && Catch::Contains("carriage return"));
  // toml-test invalid/control/comment-cr and bare-cr.
  CHECK_THAT(read_error("comment-cr = \"Carriage return in comment\" # \ra=1\n"),
             Catch::StartsWith("x.toml:1:45: error: "));
  CHECK_THAT(read_error("# The following line contains a single carriage return control "
                        "character\r\n\r"),
             Catch::StartsWith("x.toml:2:1: error: "));
  // Old Mac line endings, in a page: its front matter is TOML too.
  CHECK_THAT(read_error("+++\rtitle = \"x\"\r+++\r", "a.md"),
             Catch::StartsWith("a.md:1:4: error: "));
}

TEST_CASE("a byte-order mark anywhere but at the very start is refused", "[source]") {
  CHECK_THAT(read_error("\xEF\xBB\xBF\xEF\xBB\xBFname = \"x\"\n"),
             Catch::StartsWith("x.toml:1:1: error: ") && Catch::Contains("byte-order mark"));
  CHECK_THAT(read_error("name = \"x\"\n\xEF\xBB\xBF"),
             Catch::StartsWith("x.toml:2:1: error: ") && Catch::Contains("byte-order mark"));
  CHECK_THAT(read_error("name = \"a\xEF\xBB\xBF\"\n"), Catch::StartsWith("x.toml:1:10: error: "));
}

TEST_CASE("binary and UTF-16 files are errors with a position", "[source]") {
  CHECK(read_error("+++\ntitle = \"a\0b\"\n+++\n"s, "a.md") ==
        "a.md:2:11: error: NUL byte: this is a binary file, not UTF-8 text");
  // The NUL is reported even after bytes that are not UTF-8 (a PNG header).
  CHECK(read_error("\x89PNG\r\n\x1a\n\0\0\0\rIHDR"s) ==
        "x.toml:3:1: error: NUL byte: this is a binary file, not UTF-8 text");
  const std::string utf16 = "x.toml:1:1: error: this file is UTF-16; save it as UTF-8";
  CHECK(read_error("\xFF\xFEn\0a\0m\0e\0"s) == utf16);
  CHECK(read_error("\xFE\xFF\0n\0a\0m\0e"s) == utf16);
  CHECK(read_error("n\0a\0m\0e\0 \0=\0"s) == utf16);  // without a byte-order mark
  CHECK(read_error("\xFF\xFE+\0+\0+\0"s, "a.md") ==
        "a.md:1:1: error: this file is UTF-16; save it as UTF-8");
}

TEST_CASE("one byte-order mark, CRLF and LF line endings are fine", "[source]") {
  CHECK(read_error("\xEF\xBB\xBFname = \"x\"\r\ncity = \"y\"\nkind = \"z\"\r\n") == "");
  MemorySourceTree tree;
  tree.add("a.toml",
           "\xEF\xBB\xBF"
           "a = 1\r\nb = 2\n");
  Diagnostics diagnostics;
  CHECK(read_text_file(tree, "a.toml", diagnostics) == "a = 1\nb = 2\n");
}

TEST_CASE("normalize_source leaves a lone carriage return for the TOML parser to refuse",
          "[source]") {
  Diagnostics diagnostics;
  CHECK_FALSE(parse_toml(normalize_source("# note\rphone = \"0\"\n"), "x.toml", diagnostics));
  CHECK(diagnostics.error_count() == 1);
}
