// The same site for Hugo: reads a Passerelle site with the generator's own loaders and writes
// a multilingual Hugo site (content pages with TOML front matter, taxonomies for country, kind,
// sector and country × sector, minimal layouts), so both tools build the same content.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace corpus {

struct HugoOptions {
  std::string site;            // a Passerelle site folder
  std::string out;             // the Hugo site folder to write
  std::string bundled_themes;  // Passerelle's bundled themes (UI strings, CSS)
};

/// Writes the Hugo site; returns an error message (with the site's diagnostics), empty on
/// success. `out` must be absent, empty, or written before by this converter.
std::string convert_to_hugo(const HugoOptions& options);

/// Rewrites Passerelle's internal links in Markdown (`@/guidelines/x.md#f`, `@/actors/id`,
/// `x.md` relative to `directory`, a folder below content/<lang>/) to Hugo relref shortcodes.
/// `guidelines` and `actors` are the Hugo section folders of guidelines and actors.
std::string rewrite_links(const std::string& markdown, const std::string& directory,
                          const std::string& guidelines, const std::string& actors);

/// Layout files (path below layouts/, contents).
const std::vector<std::pair<std::string, std::string>>& hugo_layouts();

}  // namespace corpus
