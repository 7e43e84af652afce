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

struct SiteAddresses {
  std::vector<Redirect> redirects;  // sorted by `from`
  PublishedUrls published;          // for the next build: pages and actors by source, redirects
};

/// The site's redirects and what it publishes, from one list of its pages (at large, listing
/// them is a tenth of a second). `warn_vanished`: an address of `previous` that is neither
/// published nor redirected is a warning (for `check`).
SiteAddresses resolve_redirects(const Site& site, const PublishedUrls& previous, bool warn_vanished,
                                Diagnostics& diagnostics);

}  // namespace passerelle
