#include "model/print_edition.h"

#include <algorithm>

#include "model/urls.h"

namespace passerelle {

std::string print_heading_prefix(const std::string& slug) { return slug + "--"; }

std::string print_anchor(const std::string& slug, const std::string& heading_id) {
  return heading_id.empty() ? slug : print_heading_prefix(slug) + heading_id;
}

std::string print_actor_anchor(const std::string& actor_id) { return "actor_" + actor_id; }

std::string print_edition_date(const Site& site, const std::string& language) {
  std::string latest;
  for (const auto* page : site.pages_of(language, PageKind::kGuideline)) {
    latest = std::max({latest, page->date, page->updated});
  }
  return latest;
}

std::vector<PrintEditionFiles> print_editions(const Site& site) {
  std::vector<PrintEditionFiles> editions;
  for (const auto& language : site.config.languages) {
    std::string date = print_edition_date(site, language.code);
    if (date.empty()) continue;
    editions.push_back({language.code, output_file_of(print_edition_path(language)),
                        print_pdf_path(language), date});
  }
  return editions;
}

}  // namespace passerelle
