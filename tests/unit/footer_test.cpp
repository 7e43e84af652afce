// The footer's settings against the assembled pages (model/footer.h).
#include <catch2/catch.hpp>

#include "model/footer.h"
#include "fixture_site.h"

using namespace passerelle;

namespace {

Page page(const std::string& language, const std::string& key, const std::string& path) {
  Page p;
  p.language = language;
  p.translation_key = key;
  p.path = path;
  return p;
}

Site site_with_legal_notice_in_french() {
  Site site;
  site.config.languages.resize(2);
  site.config.languages[0].code = "fr";
  site.config.languages[1].code = "it";
  site.config.default_language = "fr";
  site.pages.push_back(page("fr", "legal-notice", "fr/mentions-legales/"));
  site.pages.push_back(page("fr", "accessibility", "fr/accessibilite/"));
  site.pages.push_back(page("it", "accessibility", "it/accessibilita/"));
  site.config.footer.legal_notice = "legal-notice";
  site.config.footer.accessibility = "accessibility";
  return site;
}

}  // namespace

TEST_CASE("a footer page is the language's own, else the default language's") {
  Site site = site_with_legal_notice_in_french();
  CHECK(footer_page(site, "accessibility", "it")->path == "it/accessibilita/");
  CHECK(footer_page(site, "legal-notice", "it")->path == "fr/mentions-legales/");
  CHECK(footer_page(site, "", "it") == nullptr);
  CHECK(is_footer_page(site.config, site.pages[0]));
  CHECK_FALSE(is_footer_page(site.config, page("fr", "about", "fr/a-propos/")));
}

TEST_CASE("the footer's contact is an e-mail address or a URL, its pages exist") {
  Site site = site_with_legal_notice_in_french();
  site.config.footer.contact = "https://example.org/contact/";
  Diagnostics fine;
  check_footer(site, fine);
  CHECK(fine.sorted().empty());

  site.config.footer.contact = "mailto:info@example.org";
  site.config.footer.contact_location = {"site.toml", 3, 11};
  site.config.footer.accessibility = "accessibilty";
  site.config.footer.accessibility_location = {"site.toml", 5, 17};
  Diagnostics diagnostics;
  check_footer(site, diagnostics);
  auto found = test_support::messages(diagnostics);
  REQUIRE(found.size() == 2);
  CHECK(found[0] == "site.toml:3:11: error: footer.contact must be an e-mail address or an http(s) "
                    "URL: email 'mailto:info@example.org' must be the address alone, without "
                    "'mailto:'");
  CHECK(found[1] == "site.toml:5:17: error: footer.accessibility names the page 'accessibilty', "
                    "but no content/<lang>/accessibilty.md exists");
}
