// Pages left at former addresses: each leads to where the page is now, without JavaScript
// (meta refresh), for search engines (canonical) and for a reader (a visible link).
#include "content/published_urls.h"
#include "model/redirects.h"
#include "model/urls.h"
#include "theme/templates.h"
#include "render/views.h"

namespace passerelle {

namespace {

std::string redirect_page(const Site& site, const Theme& theme, const Redirect& redirect,
                          Diagnostics& diagnostics) {
  const LanguageConfig& language = *site.config.language(redirect.language);
  View view = View().set("lang", language.code).set("dir", language.direction)
                  .set("title", redirect.title)
                  .set("href", page_url(redirect.from, redirect.to, site.config.page_links))
                  .set("canonical", absolute_url(site.config, redirect.to))
                  .set("t", strings_view(theme.strings.at(language.code)));
  return theme.templates.render("redirect", view, diagnostics);
}

/// The path part of the base URL: "/" or "/guide/".
std::string base_path(const SiteConfig& config) {
  size_t scheme = config.base_url.find("://");
  size_t slash = config.base_url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  return slash == std::string::npos ? "/" : config.base_url.substr(slash);
}

/// Netlify-style rules, "/from/ /to/ 301", one per line.
std::string redirects_rules(const Site& site) {
  std::string base = base_path(site.config);
  std::string rules;
  for (const auto& redirect : site.redirects) {
    rules += base + redirect.from + " " + base + redirect.to + " 301\n";
  }
  return rules;
}

}  // namespace

OutputPlan redirect_files(const Site& site, const Theme& theme, Diagnostics& diagnostics) {
  OutputPlan files;
  for (const auto& redirect : site.redirects) {
    files.push_back({output_file_of(redirect.from), redirect_page(site, theme, redirect, diagnostics)});
  }
  if (site.config.redirects_file) files.push_back({"_redirects", redirects_rules(site)});
  files.push_back({kPublishedUrlsFile, published_urls_json(site.published)});
  sort_by_path(files);
  return files;
}

}  // namespace passerelle
