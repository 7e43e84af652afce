// The keys an incremental build compares with the last build's (output/manifest.h): one for
// everything that a page or actor page may read besides its own text, and one per unit, the
// text that only its own pages show: a page's Markdown body, an actor record's descriptions.
//
// A page's front matter, an actor's other fields, the vocabulary, site.toml, the theme, the
// media files, the build's options (but the last build's addresses, which only the redirect
// pages read) and the program itself are in the context key: any change there renders every
// page again. The context alone decides which pages there are: the directory's listings and
// the sitemap are kept with it. A print volume is kept when its chapters are; the search
// index and the exports are groups, kept when none of their units changed. The feeds and the
// redirect pages are always rendered.
#pragma once

#include <map>
#include <string>

#include "base/filesystem.h"
#include "pipeline/build.h"

namespace passerelle {

struct BuildKeys {
  std::string context;
  std::map<std::string, std::string> units;  // source path → key
  // A language's search index ("search/fr/") → the key of its pages' and every actor's units
  // (an actor without a description in a language borrows another's); the exports
  // (kExportsGroup) → the key of every actor's unit.
  std::map<std::string, std::string> groups;
};

/// The group of the exports: actors.csv, actors.json and actors.xlsx (a group is the files
/// whose path starts with its name).
inline constexpr const char* kExportsGroup = "actors.";

/// The keys of a build of `sources` (as loaded, before anything is left out) with `options`;
/// `tree` and `bundled_themes` as for build_from_sources.
BuildKeys build_keys(const SiteSources& sources, const SourceTree& tree,
                     const SourceTree& bundled_themes, const BuildOptions& options);

}  // namespace passerelle
