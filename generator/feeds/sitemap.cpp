// sitemap.xml and robots.txt. The XML is in the theme's sitemap.mustache, where every value
// lands through the template's escaping.
#include "feeds/sitemap.h"

#include <algorithm>

namespace passerelle::feeds {

View sitemap_view(const Site& site, const ListedPages& pages) {
  auto entries = pages;
  entries.emplace_back("", Translations{});  // the root language picker
  std::sort(entries.begin(), entries.end());
  View urls = View::list();
  for (const auto& [path, translations] : entries) {
    View alternates = View::list();
    // A page in one language only has no alternates to list.
    for (const auto& language : site.config.languages) {
      auto it = translations.find(language.code);
      if (translations.size() < 2 || it == translations.end()) continue;
      alternates.push(View().set("hreflang", language.code)
                          .set("href", absolute_url(site.config, it->second)));
    }
    urls.push(View().set("loc", absolute_url(site.config, path)).set("alternates", std::move(alternates)));
  }
  return View().set("urls", std::move(urls));
}

OutputPlan sitemap_files(const Site& site, const Theme& theme, const ListedPages& pages,
                         Diagnostics& diagnostics) {
  std::string sitemap_url = absolute_url(site.config, "sitemap.xml");
  OutputPlan files;
  files.push_back({kSitemapFiles[0], "User-agent: *\nAllow: /\n\nSitemap: " + sitemap_url + "\n"});
  files.push_back({kSitemapFiles[1], theme.templates.render("sitemap", sitemap_view(site, pages), diagnostics)});
  return files;
}

}  // namespace passerelle::feeds
