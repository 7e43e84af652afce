// The directory's selections: which actors a listing shows (any combination of a country, a
// kind and a sector), where its static page lives, and which selections have one. The render
// stage draws its pages and filter links from these; the redirects count them as pages.
#pragma once

#include <string>
#include <vector>

#include "config/config.h"
#include "model/terms.h"

namespace passerelle {

struct Actor;
struct Site;

/// Which actors a directory listing shows; a null field matches every actor.
struct DirectoryFilter {
  const SiteTerm* country = nullptr;
  const SiteTerm* kind = nullptr;
  const SiteTerm* sector = nullptr;

  bool matches(const Actor& actor) const;
  bool empty() const { return !country && !kind && !sector; }
};

/// The site path of the listing of `filter`. The sector's slug goes straight under a country
/// or a kind ("pays/maroc/formation/", "type/ong/formation/"), under the sector section when it
/// is alone ("secteur/formation/"); a kind goes under its section, after the country if any
/// ("pays/maroc/type/ong/"). The empty filter is the directory's index.
std::string directory_filter_path(const LanguageConfig& language, const DirectoryFilter& filter);

/// A filter with a static page, and how many actors it lists (its listing's pages follow).
struct DirectoryFilterPage {
  DirectoryFilter filter;
  size_t actors = 0;
};

/// Every filter with a static page: each combination of country, kind and sector (at least
/// one of them) that lists at least one actor, countries first, then kinds, then sectors, each
/// in key order. Its size is bounded by the actors' own combinations (at most 8 per actor and
/// sector), never by the product of the vocabularies.
std::vector<DirectoryFilterPage> directory_filter_pages(const Site& site);

}  // namespace passerelle
