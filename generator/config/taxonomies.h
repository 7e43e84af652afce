// Taxonomies declared in site.toml ([[taxonomies]]), besides the built-in `tags`: each is a
// front-matter list field whose terms get an index and a page each, per language.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/toml_fields.h"

namespace passerelle {

struct LanguageConfig;

struct TaxonomyConfig {
  std::string key;                            // the front-matter field, e.g. "audiences"
  std::map<std::string, std::string> slugs;   // language → URL segment: /<lang>/<slug>/<term>/
  std::map<std::string, std::string> titles;  // language → the index page's title
  SourceLocation location;                    // its [[taxonomies]] entry
};

/// The keys of every taxonomy of a site: the built-in `tags` first, then the declared ones.
std::vector<std::string> taxonomy_keys(const std::vector<TaxonomyConfig>& declared);

/// The declared taxonomy whose front-matter field is `key`, or null (the built-in `tags`).
const TaxonomyConfig* find_taxonomy(const std::vector<TaxonomyConfig>& declared, const std::string& key);

/// Reads [[taxonomies]] for `languages`: a key of lower-case letters, digits and underscores
/// (not `tags`, which is built in), a title in every language, and a slug per language that
/// defaults to the key and clashes with no section of that language.
std::vector<TaxonomyConfig> read_taxonomies(const toml::table& site, const std::string& path,
                                            const std::vector<LanguageConfig>& languages,
                                            Diagnostics& diagnostics);

}  // namespace passerelle
