#include "config/taxonomies.h"

#include <set>

#include "base/text.h"
#include "config/config.h"
#include "messages/messages.h"

namespace passerelle {

namespace {

bool is_taxonomy_key(std::string_view key) {
  if (key.empty() || key.size() > 40 || key[0] < 'a' || key[0] > 'z') return false;
  for (char c : key) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

/// `key` of the entry per language: a table { fr = "…", it = "…" } or one text for every
/// language; `fallback` (when not empty) for a language the entry leaves out.
std::map<std::string, std::string> per_language(TomlReader& entry, std::string_view key,
                                                const std::vector<LanguageConfig>& languages,
                                                const std::string& fallback) {
  std::map<std::string, std::string> values;
  const toml::node* node = entry.node_table().get(key);
  if (node && node->is_string()) {
    for (const auto& language : languages) values[language.code] = entry.string(key, false).value_or("");
    return values;
  }
  const toml::table* table = node ? node->as_table() : nullptr;
  for (const auto& language : languages) {
    const toml::node* value = table ? table->get(language.code) : nullptr;
    if (value && value->is_string()) {
      values[language.code] = value->as_string()->get();
    } else if (!fallback.empty()) {
      values[language.code] = fallback;
    } else {
      entry.diagnostics().error(value ? location_of(*value, entry.path()) : entry.location(key),
                                format_message(tr("taxonomy %1$s needs a %2$s for language '%3$s'"),
                                               entry.string("key", false).value_or("?"),
                                               std::string(key), language.code));
    }
  }
  if (node && !table) {
    entry.diagnostics().error(entry.location(key),
                              format_message(tr("%1$s must be a text or a table of texts by "
                                                "language code"),
                                             std::string(key)));
  }
  return values;
}

/// The slugs a taxonomy's folder must not take in `language`: its sections.
std::set<std::string> section_slugs(const LanguageConfig& language) {
  const auto& s = language.sections;
  return {s.guidelines, s.directory, s.search, s.tags};
}

void check_slugs(const TaxonomyConfig& taxonomy, const std::vector<LanguageConfig>& languages,
                 std::map<std::string, std::set<std::string>>& taken, Diagnostics& diagnostics) {
  for (const auto& language : languages) {
    const std::string& slug = taxonomy.slugs.at(language.code);
    if (!is_valid_id(slug)) {
      diagnostics.error(taxonomy.location,
                        format_message(tr("taxonomy slug '%1$s' must use only a-z, 0-9 and "
                                          "single hyphens"),
                                       slug));
    } else if (!taken[language.code].insert(slug).second) {
      diagnostics.error(taxonomy.location,
                        format_message(tr("taxonomy slug '%1$s' of language '%2$s' is already "
                                          "the folder of a section or another taxonomy"),
                                       slug, language.code));
    }
  }
}

}  // namespace

const TaxonomyConfig* find_taxonomy(const std::vector<TaxonomyConfig>& declared, const std::string& key) {
  for (const auto& taxonomy : declared) {
    if (taxonomy.key == key) return &taxonomy;
  }
  return nullptr;
}

std::vector<std::string> taxonomy_keys(const std::vector<TaxonomyConfig>& declared) {
  std::vector<std::string> keys{"tags"};
  for (const auto& taxonomy : declared) keys.push_back(taxonomy.key);
  return keys;
}

std::vector<TaxonomyConfig> read_taxonomies(const toml::table& site, const std::string& path,
                                            const std::vector<LanguageConfig>& languages,
                                            Diagnostics& diagnostics) {
  std::vector<TaxonomyConfig> taxonomies;
  const toml::node* node = site.get("taxonomies");
  if (!node) return taxonomies;
  const toml::array* entries = node->as_array();
  if (!entries) {
    diagnostics.error(location_of(*node, path), tr("each [[taxonomies]] entry must be a table"));
    return taxonomies;
  }
  std::map<std::string, std::set<std::string>> taken;
  for (const auto& language : languages) taken[language.code] = section_slugs(language);
  std::set<std::string> keys{"tags"};
  for (const auto& item : *entries) {
    const toml::table* table = item.as_table();
    if (!table) {
      diagnostics.error(location_of(item, path), tr("each [[taxonomies]] entry must be a table"));
      continue;
    }
    TomlReader entry(*table, path, diagnostics, "taxonomies");
    entry.reject_unknown({"key", "title", "slug"});
    TaxonomyConfig taxonomy;
    taxonomy.location = location_of(*table, path);
    taxonomy.key = entry.string("key", true).value_or("");
    if (taxonomy.key.empty()) continue;
    if (!is_taxonomy_key(taxonomy.key) || !keys.insert(taxonomy.key).second) {
      diagnostics.error(entry.location("key"),
                        format_message(tr("taxonomy key '%1$s' must be new (not tags), start "
                                          "with a-z and use only a-z, 0-9 and underscores"),
                                       taxonomy.key));
      continue;
    }
    taxonomy.titles = per_language(entry, "title", languages, "");
    taxonomy.slugs = per_language(entry, "slug", languages, slugify(taxonomy.key));
    check_slugs(taxonomy, languages, taken, diagnostics);
    taxonomies.push_back(std::move(taxonomy));
  }
  return taxonomies;
}

}  // namespace passerelle
