// sitemap.xml, made from the theme's sitemap.mustache (so that a theme can change it), and
// robots.txt, which points crawlers to it.
#pragma once

#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "model/site.h"
#include "model/urls.h"
#include "output/plan.h"
#include "theme/theme.h"
#include "theme/view.h"

namespace passerelle::feeds {

/// What sitemap.mustache sees: every page of `pages` and the root, with language versions.
View sitemap_view(const Site& site, const ListedPages& pages);

/// The files sitemap_files() makes.
inline const std::vector<std::string> kSitemapFiles = {"robots.txt", "sitemap.xml"};

/// sitemap.xml of `pages` (those the pages output made, RenderedSite::listed) and robots.txt,
/// sorted by path. Renders with the theme's first template engine, like feed_files.
OutputPlan sitemap_files(const Site& site, const Theme& theme, const ListedPages& pages,
                         Diagnostics& diagnostics);

}  // namespace passerelle::feeds
