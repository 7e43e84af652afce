#include "model/footer.h"

#include "content/contact.h"
#include "messages/messages.h"

namespace passerelle {

const Page* footer_page(const Site& site, const std::string& key, const std::string& language) {
  if (key.empty()) return nullptr;
  if (const Page* own = site.find_page(language, key)) return own;
  if (const Page* fallback = site.find_page(site.config.default_language, key)) return fallback;
  for (const auto& page : site.pages) {
    if (page.translation_key == key) return &page;
  }
  return nullptr;
}

bool is_footer_page(const SiteConfig& config, const Page& page) {
  const auto& key = page.translation_key;
  return key == config.footer.legal_notice || key == config.footer.accessibility;
}

namespace {

void check_contact(const FooterConfig& footer, Diagnostics& diagnostics) {
  if (footer.contact.empty() || is_http_url(footer.contact)) return;
  std::string problem = email_problem(footer.contact);
  if (problem.empty()) return;
  diagnostics.error(footer.contact_location,
                    format_message(tr("footer.contact must be an e-mail address or an http(s) "
                                      "URL: %1$s"),
                                   problem));
}

void check_page(const Site& site, const std::string& field, const std::string& key,
                const SourceLocation& location, Diagnostics& diagnostics) {
  if (key.empty() || footer_page(site, key, site.config.default_language)) return;
  diagnostics.error(location,
                    format_message(tr("footer.%1$s names the page '%2$s', but no content/<lang>/"
                                      "%2$s.md exists"),
                                   field, key));
}

}  // namespace

void check_footer(const Site& site, Diagnostics& diagnostics) {
  const auto& footer = site.config.footer;
  check_contact(footer, diagnostics);
  check_page(site, "legal_notice", footer.legal_notice, footer.legal_notice_location, diagnostics);
  check_page(site, "accessibility", footer.accessibility, footer.accessibility_location,
             diagnostics);
}

}  // namespace passerelle
