// Redirects from former addresses: the aliases pages and records name, site.toml's
// [redirects], and, from the last build's manifest (content/published_urls.h), the pages whose
// address changed since and the redirects it already had. Chains are collapsed; a loop, or a
// former address that is a page of the site, is an error.
#pragma once

#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "content/published_urls.h"

namespace passerelle {

struct Site;

struct Redirect {
  std::string from;      // site path of the former address: "fr/lignes-directrices/ancien/"
  std::string to;        // site path it leads to, never itself a redirect
  std::string language;  // of the page it leads to; the default language when unknown
  std::string title;     // of the page it leads to, for the visible link
};

/// The site's redirects, sorted by `from`. `warn_vanished`: an address of `previous` that is
/// neither published nor redirected is a warning (for `check`).
std::vector<Redirect> resolve_redirects(const Site& site, const PublishedUrls& previous,
                                        bool warn_vanished, Diagnostics& diagnostics);

/// What `site` publishes, for the next build: its pages and actors by source, its redirects.
PublishedUrls published_urls(const Site& site);

}  // namespace passerelle
