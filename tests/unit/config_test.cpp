#include <catch2/catch.hpp>

#include "config/config.h"

using namespace passerelle;

namespace {
const char* kValid = R"(base_url = "https://example.org/site"
default_language = "it"
[[languages]]
code = "fr"
name = "Français"
title = "Titre"
[languages.sections]
guidelines = "lignes-directrices"
directory = "annuaire"
[[languages]]
code = "ar"
name = "العربية"
direction = "rtl"
title = "عنوان"
[languages.sections]
guidelines = "irshadat"
directory = "dalil"
[[languages]]
code = "it"
name = "Italiano"
title = "Titolo"
[languages.sections]
guidelines = "linee-guida"
directory = "elenco"
)";
}

TEST_CASE("site.toml declares any number of languages in order") {
  Diagnostics diagnostics;
  auto config = parse_site_config(kValid, "site.toml", diagnostics);
  REQUIRE(config);
  CHECK(config->base_url == "https://example.org/site/");
  REQUIRE(config->languages.size() == 3);
  CHECK(config->languages[1].direction == "rtl");
  CHECK(config->default_language == "it");
  CHECK(config->language("fr")->sections.directory == "annuaire");
  CHECK(config->language("fr")->sections.country == "country");  // default
  CHECK_FALSE(config->allow_raw_html);
}

TEST_CASE("site.toml errors point at the value (the key, for an unknown one) and name the field") {
  Diagnostics diagnostics;
  auto config = parse_site_config(
      "base_url = \"ftp://x\"\nlanguages = []\nallow_raw_html = \"yes\"\ncolour = 1\n", "site.toml",
      diagnostics);
  CHECK_FALSE(config);
  std::vector<std::string> messages;
  for (const auto& d : diagnostics.sorted()) messages.push_back(format_diagnostic(d));
  REQUIRE(messages.size() == 4);
  CHECK(messages[0] == "site.toml:1:12: error: base_url must be an absolute http(s) URL such as https://example.org/");
  CHECK(messages[1] == "site.toml:2:13: error: site.toml declares no [[languages]]");
  CHECK(messages[2] == "site.toml:3:18: error: field 'allow_raw_html' must be true or false");
  CHECK(messages[3].rfind("site.toml:4:1: error: unknown field 'colour'", 0) == 0);
}

TEST_CASE("a TOML syntax error carries its position") {
  Diagnostics diagnostics;
  CHECK_FALSE(parse_site_config("base_url = \"https://x/\"\ntitle = \n", "site.toml", diagnostics));
  REQUIRE(diagnostics.error_count() == 1);
  CHECK(diagnostics.items()[0].location.line == 2);
}

TEST_CASE("is_http_url accepts only http and https with a host") {
  CHECK(is_http_url("https://www.iom.int/"));
  CHECK(is_http_url("http://example.org"));
  CHECK_FALSE(is_http_url("javascript:alert(1)"));
  CHECK_FALSE(is_http_url("https:///x"));
  CHECK_FALSE(is_http_url("https://a b"));
}

TEST_CASE("is_http_url reads the scheme case-insensitively, as RFC 3986 says") {
  CHECK(is_http_url("HTTPS://www.iom.int/"));
  CHECK(is_http_url("Http://example.org"));
  CHECK_FALSE(is_http_url("FTP://example.org"));
  CHECK_FALSE(is_http_url("HTTPS:///x"));
  CHECK_FALSE(is_http_url("https://exa\rmple.org"));
}

TEST_CASE("site.toml declares taxonomies with a title per language and a slug") {
  Diagnostics diagnostics;
  auto config = parse_site_config(std::string(kValid) + R"(
[[taxonomies]]
key = "audiences"
title = { fr = "Publics", ar = "الجمهور", it = "Destinatari" }
slug = { fr = "publics", it = "destinatari" }
[[taxonomies]]
key = "themes"
title = "Thèmes"
)", "site.toml", diagnostics);
  REQUIRE(config);
  REQUIRE(config->taxonomies.size() == 2);
  const auto& audiences = config->taxonomies[0];
  CHECK(audiences.key == "audiences");
  CHECK(audiences.titles.at("ar") == "الجمهور");
  CHECK(audiences.slugs.at("fr") == "publics");
  CHECK(audiences.slugs.at("ar") == "audiences");  // the key, where none is given
  CHECK(config->taxonomies[1].titles.at("it") == "Thèmes");
  CHECK(taxonomy_keys(config->taxonomies) == std::vector<std::string>{"tags", "audiences", "themes"});
  CHECK(find_taxonomy(config->taxonomies, "themes") == &config->taxonomies[1]);
  CHECK(find_taxonomy(config->taxonomies, "tags") == nullptr);  // built in, not declared
}

TEST_CASE("a taxonomy needs a new key, a title in every language and a free slug") {
  Diagnostics diagnostics;
  auto config = parse_site_config(std::string(kValid) + R"(
[[taxonomies]]
key = "tags"
title = "Mots"
[[taxonomies]]
key = "publics"
title = { fr = "Publics", it = "Destinatari" }
slug = { fr = "annuaire" }
)", "site.toml", diagnostics);
  CHECK_FALSE(config);
  std::vector<std::string> messages;
  for (const auto& d : diagnostics.sorted()) messages.push_back(format_diagnostic(d));
  REQUIRE(messages.size() == 3);
  CHECK(messages[0] == "site.toml:27:7: error: taxonomy key 'tags' must be new (not tags), start with a-z and use only a-z, 0-9 and underscores");
  CHECK(messages[1] == "site.toml:29:1: error: taxonomy slug 'annuaire' of language 'fr' is already the folder of a section or another taxonomy");
  CHECK(messages[2] == "site.toml:31:9: error: taxonomy publics needs a title for language 'ar'");
}

TEST_CASE("site.toml's [footer] is read, and short_title defaults to the title") {
  Diagnostics diagnostics;
  std::string text = std::string(kValid) +
                     "[footer]\ncontact = \"info@example.org\"\nlegal_notice = \"legal\"\n"
                     "accessibility = \"a11y\"\n[footer.funder]\nfr = \"Financé\"\nar = \"ممول\"\n"
                     "it = \"Finanziato\"\n";
  text.replace(text.find("title = \"Titolo\""), 0, "short_title = \"Breve\"\n");
  auto config = parse_site_config(text, "site.toml", diagnostics);
  REQUIRE(config);
  CHECK(config->language("it")->short_title == "Breve");
  CHECK(config->language("fr")->short_title == "Titre");
  CHECK(config->footer.contact == "info@example.org");
  CHECK(config->footer.legal_notice == "legal");
  CHECK(config->footer.legal_notice_location.line == 28);
  CHECK(config->footer.accessibility == "a11y");
  CHECK(config->footer.funder.at("ar") == "ممول");
}

TEST_CASE("site.toml's footer.funder needs a line in each declared language, and no other") {
  Diagnostics diagnostics;
  std::string text = std::string(kValid) + "[footer]\nfunder = { fr = \"Financé\", de = \"x\", it = 3 }\n";
  auto config = parse_site_config(text, "site.toml", diagnostics);
  CHECK_FALSE(config);
  std::vector<std::string> messages;
  for (const auto& d : diagnostics.sorted()) messages.push_back(format_diagnostic(d));
  REQUIRE(messages.size() == 4);
  // Sorted by place: the table's problems, then the value's.
  CHECK(messages[0] == "site.toml:26:10: error: footer.funder has no line for language 'ar'");
  CHECK(messages[1] == "site.toml:26:10: error: footer.funder has no line for language 'it'");
  CHECK(messages[2] == "site.toml:26:10: error: footer.funder names language 'de', which site.toml does not declare");
  CHECK(messages[3] == "site.toml:26:43: error: footer.funder.it must be the text in that language, as a string");
}

TEST_CASE("site.toml's print.publisher names the edition's publisher in each declared language") {
  Diagnostics diagnostics;
  std::string text = std::string(kValid) +
                     "[print]\nannex = false\n[print.publisher]\nfr = \"Programme Passerelle\"\n"
                     "ar = \"برنامج باسريل\"\nit = \"Programma Passerelle\"\n";
  auto config = parse_site_config(text, "site.toml", diagnostics);
  REQUIRE(config);
  CHECK_FALSE(config->print.annex);
  CHECK(config->print.publisher.at("fr") == "Programme Passerelle");
  CHECK(config->print.publisher.at("ar") == "برنامج باسريل");
  CHECK(config->print.publisher_location.line == 27);

  Diagnostics missing;
  text = std::string(kValid) + "[print]\npublisher = { fr = \"Programme\", it = \"\" }\n";
  CHECK_FALSE(parse_site_config(text, "site.toml", missing));
  std::vector<std::string> messages;
  for (const auto& d : missing.sorted()) messages.push_back(format_diagnostic(d));
  REQUIRE(messages.size() == 3);
  CHECK(messages[0] == "site.toml:26:13: error: print.publisher has no line for language 'ar'");
  CHECK(messages[1] == "site.toml:26:13: error: print.publisher has no line for language 'it'");
  CHECK(messages[2] == "site.toml:26:38: error: print.publisher.it must be the text in that language, as a string");
}
