#include <catch2/catch.hpp>

#include "base/entities.h"
#include "base/text.h"

using namespace passerelle;

TEST_CASE("slugify folds accents and case and joins words with hyphens") {
  CHECK(slugify("Évaluer ses besoins") == "evaluer-ses-besoins");
  CHECK(slugify("Le plan d'affaires") == "le-plan-d-affaires");
  CHECK(slugify("  Khénifra, Béni Mellal!  ") == "khenifra-beni-mellal");
  CHECK(slugify("Perché più attività?") == "perche-piu-attivita");
  CHECK(slugify("!!!") == "");
}

TEST_CASE("slugify keeps letters of other scripts") {
  CHECK(slugify("المنظمة الدولية") == "المنظمة-الدولية");
}

TEST_CASE("escape_html escapes every character that matters in text and attributes") {
  CHECK(escape_html("<script>alert(\"x\")</script> & 'y'") ==
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;");
}

TEST_CASE("escape_csv quotes fields and neutralises formulas") {
  CHECK(escape_csv("plain") == "plain");
  CHECK(escape_csv("a,b") == "\"a,b\"");
  CHECK(escape_csv("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(escape_csv("=HYPERLINK(1)") == "'=HYPERLINK(1)");
  CHECK(escape_csv("-cmd|x") == "'-cmd|x");
  CHECK(escape_csv("+212 5 00 00 00 00") == "+212 5 00 00 00 00");
  CHECK(escape_csv("-1.91") == "-1.91");
}

TEST_CASE("find_invalid_utf8 gives the offset of the first bad byte") {
  CHECK_FALSE(find_invalid_utf8("réintégration").has_value());
  std::string bad = "ok\xC3\x28";
  REQUIRE(find_invalid_utf8(bad).has_value());
  CHECK(*find_invalid_utf8(bad) == 2);
}

TEST_CASE("normalize_source drops a BOM and CRLF line endings, and keeps a lone CR") {
  CHECK(normalize_source("\xEF\xBB\xBFtitle\r\nbody\rend\r") == "title\nbody\rend\r");
}

TEST_CASE("is_blank_text: nothing visible") {
  CHECK(is_blank_text(""));
  CHECK(is_blank_text(" \t\n\u00A0\u202F\u3000"));
  CHECK(is_blank_text("\u200B\u200C\u200D\u2060\uFEFF\u00AD\u200E"));
  CHECK(is_blank_text("\u3164\u2800"));
  CHECK_FALSE(is_blank_text("\u200Ba"));
  CHECK_FALSE(is_blank_text("\u0627"));  // an Arabic letter
  CHECK_FALSE(is_blank_text("\xC3"));    // not UTF-8: not blank, reported elsewhere
}

TEST_CASE("is_valid_id accepts lower-case slugs only") {
  CHECK(is_valid_id("iom-morocco"));
  CHECK_FALSE(is_valid_id("IOM"));
  CHECK_FALSE(is_valid_id("a--b"));
  CHECK_FALSE(is_valid_id("-a"));
  CHECK_FALSE(is_valid_id("../etc"));
  CHECK_FALSE(is_valid_id(""));
}

TEST_CASE("truncate_words cuts at a word boundary") {
  CHECK(truncate_words("un deux trois quatre", 9) == "un deux…");
  CHECK(truncate_words("court", 20) == "court");
}

TEST_CASE("encode_url_path percent-encodes what a path may not hold") {
  CHECK(encode_url_path("fr/a b/é") == "fr/a%20b/%C3%A9");
}

TEST_CASE("french_spacing glues double punctuation to the word before it") {
  CHECK(french_spacing("Financer : épargne ; oui ? « Bien » !") ==
        "Financer\u00A0: épargne\u202F; oui\u202F? «\u202FBien\u202F»\u202F!");
  CHECK(french_spacing("https://x.org a:b") == "https://x.org a:b");
}

TEST_CASE("escape_csv neutralises formulas hidden behind blanks and line breaks") {
  CHECK(escape_csv("  =1+1") == "'  =1+1");
  CHECK(escape_csv("\r\n=cmd") == "\"'\r\n=cmd\"");
  CHECK(escape_csv("\t@SUM(A1)") == "'\t@SUM(A1)");
  CHECK(escape_csv(" -1.5") == " -1.5");
}

TEST_CASE("find_disallowed_character finds controls, bidi overrides and noncharacters") {
  CHECK_FALSE(find_disallowed_character("Texte\tnormal\r\nأطلس \u200F é").has_value());
  auto control = find_disallowed_character("ab\x1B[31m");
  REQUIRE(control);
  CHECK(control->offset == 2);
  CHECK(control->description() == "control character U+001B");
  auto bidi = find_disallowed_character("name \u202Egpj.exe");
  REQUIRE(bidi);
  CHECK(bidi->code_point == 0x202E);
  CHECK_THAT(bidi->description(), Catch::StartsWith("bidirectional control character U+202E"));
  CHECK(find_disallowed_character("\u2066x")->code_point == 0x2066);
  CHECK(find_disallowed_character("x\xC2\x85")->code_point == 0x85);  // C1 "next line"
  CHECK(find_disallowed_character("\xEF\xBF\xBE")->description() == "Unicode noncharacter U+FFFE");
  CHECK(find_disallowed_character("\x7F")->code_point == 0x7F);
}

TEST_CASE("escape_csv_list neutralises every item of a list, not only the first") {
  CHECK(escape_csv_list({}) == "");
  CHECK(escape_csv_list({"finance", "training"}) == "finance;training");
  CHECK(escape_csv_list({"ok", "=cmd", "+x", "-y", "@SUM(A1)", "\tz", " =w"}) ==
        "ok;'=cmd;'+x;'-y;'@SUM(A1);'\tz;' =w");
  CHECK(escape_csv_list({"=a", "+212 5 22", "-1.5"}) == "'=a;+212 5 22;-1.5");
  CHECK(escape_csv_list({"a;=b"}) == "a;'=b");  // a ';' inside an item splits it too
  CHECK(escape_csv_list({"x", "\r=y"}) == "\"x;'\r=y\"");
}

TEST_CASE("to_nfc composes decomposed accents") {
  CHECK(to_nfc("cafe\u0301") == "caf\u00E9");
  CHECK(to_nfc("caf\u00E9") == "caf\u00E9");
  CHECK(to_nfc("guidelines/plain") == "guidelines/plain");
  CHECK(to_nfc("bad\xC3\x28") == "bad\xC3\x28");
}

TEST_CASE("decode_entities decodes known references and leaves the rest as written") {
  const std::pair<std::string, std::string> cases[] = {
      {"a &unknown; &#0; b", "a &unknown; \xEF\xBF\xBD b"},
      {"&lt;&#233;&#x41;&mdash;&amp;amp;", "<éA—&amp;"},
      {"&#1; &#x202E; &#xD800;", "\uFFFD \uFFFD \uFFFD"},  // no control or bidi character
      {"&#12x; & &;", "&#12x; & &;"}};
  for (const auto& [text, decoded] : cases) CHECK(decode_entities(text) == decoded);
  CHECK(decode_character_reference("nbsp") == "\u00A0");
  CHECK_FALSE(decode_character_reference("nosuch"));
}

TEST_CASE("every HTML5 named reference is decoded, names being case-sensitive") {
  CHECK(named_character_reference_count() == 2125);
  CHECK(decode_character_reference("eacute") == "é");
  CHECK(decode_character_reference("Eacute") == "É");
  CHECK(decode_character_reference("ngE") == "\u2267\u0338");  // two code points
  CHECK(decode_character_reference("CounterClockwiseContourIntegral") == "\u2233");
  CHECK_FALSE(decode_character_reference("EACUTE"));
  CHECK(decode_entities("&Dcaron;&HilbertSpace;&DifferentialD;") == "Ď\u210B\u2146");
  CHECK(decode_entities("&ClockwiseContourIntegral;") == "\u2232");
}

TEST_CASE("encode_url percent-encodes a link destination as CommonMark renderers do") {
  CHECK(encode_url("my url") == "my%20url");
  CHECK(encode_url("/föö") == "/f%C3%B6%C3%B6");
  CHECK(encode_url("https://a.org/p?x=1&y=[2]#f\\`") == "https://a.org/p?x=1&y=%5B2%5D#f%5C%60");
  CHECK(encode_url("a%20b") == "a%20b");  // an escape stays as it is
  CHECK(encode_url("~-_.+!*(),%#@?=;:/$") == "~-_.+!*(),%#@?=;:/$");
  CHECK(encode_url("\"'<>") == "%22%27%3C%3E");
}

TEST_CASE("percent_decode decodes %XX and keeps a stray percent") {
  CHECK(percent_decode("a%20b%c3%A9") == "a b\xC3\xA9");
  CHECK(percent_decode("100% %zz %4") == "100% %zz %4");
}

TEST_CASE("join_with puts the separator between items only") {
  CHECK(join_with({}, ", ") == "");
  CHECK(join_with({"a"}, ", ") == "a");
  CHECK(join_with({"a", "", "b"}, "/") == "a//b");
}

TEST_CASE("utf8_char_at reads one code point and its length, or nothing from invalid bytes") {
  std::string text = "a\xC3\xA9\xE2\x82\xAC\xFF";
  CHECK(utf8_char_at(text, 0).code_point == 'a');
  CHECK(utf8_char_at(text, 1).code_point == 0xE9);
  CHECK(utf8_char_at(text, 1).length == 2);
  CHECK(utf8_char_at(text, 3).length == 3);
  CHECK(utf8_char_at(text, 6).length == 0);
}

TEST_CASE("local_time_text formats a moment in the machine's time zone") {
  // 2000-06-15 12:00 UTC is 2000-06-15 in every time zone (offsets stay within ±14 h).
  std::time_t noon = 961070400;
  CHECK(local_time_text(noon, "%Y-%m-%d") == "2000-06-15");
  CHECK(local_time_text(noon, "%S") == "00");  // every offset is whole minutes
  CHECK(local_time_text(noon, "").empty());
}

TEST_CASE("is_language matches a language and its regional variants only") {
  CHECK(is_language("fr", "fr"));
  CHECK(is_language("fr-MA", "fr"));
  CHECK_FALSE(is_language("fra", "fr"));
  CHECK_FALSE(is_language("it", "fr"));
}
