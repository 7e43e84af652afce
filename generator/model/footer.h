// The footer every page shows (site.toml's [footer]): its contact and legal pages, checked
// once the pages are assembled.
#pragma once

#include <string>

#include "base/diagnostics.h"
#include "model/site.h"

namespace passerelle {

/// Reports at its line in site.toml a contact that is neither an e-mail address nor an http(s)
/// URL, and a legal notice or accessibility page that no language has.
void check_footer(const Site& site, Diagnostics& diagnostics);

/// The page the footer links to for translation key `key` in `language`: its own, else the
/// default language's, else any; nullptr when there is none (or `key` is empty).
const Page* footer_page(const Site& site, const std::string& key, const std::string& language);

/// Whether `page` is one of the footer's pages (left out of the header's menu).
bool is_footer_page(const SiteConfig& config, const Page& page);

}  // namespace passerelle
