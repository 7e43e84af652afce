// The translation report: what each site language lacks (pages, actor descriptions and
// services, UI strings, vocabulary labels) and which translations are older than their source
// (the default language's version) by their `updated` (else `date`) field.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "config/config.h"
#include "content/directory.h"
#include "content/pages.h"
#include "base/diagnostics.h"
#include "base/filesystem.h"

namespace passerelle {

struct TranslationGap {
  std::string
      what;  // "page", "actor description", "actor services", "UI string", "vocabulary label"
  std::string item;      // translation key, actor id, string key or category.term
  std::string language;  // the language that lacks it
  SourceLocation where;  // the source that has it in another language, or the file lacking it
};

struct StaleTranslation {
  std::string key;          // translation key
  std::string language;     // the translation's language
  SourceLocation where;     // the translation's `updated` (or `date`) line
  std::string date;         // the translation's updated, else date
  std::string source_path;  // the default language's version
  std::string source_date;
};

struct Coverage {
  size_t total = 0;                       // items that exist in at least one language
  std::map<std::string, size_t> present;  // language → items it has
};

struct TranslationReport {
  std::string source_language;                             // the default language
  std::vector<std::string> languages;                      // in site.toml's order
  std::vector<std::pair<std::string, Coverage>> coverage;  // by what, in a fixed order
  std::vector<TranslationGap> missing;
  std::vector<StaleTranslation> stale;
};

/// `pages` and `directory` are what loaded (a source that did not load is not counted).
TranslationReport translation_report(const SourceTree& tree, const SourceTree& bundled_themes,
                                     const SiteConfig& config, const std::vector<PageSource>& pages,
                                     const Directory* directory);

/// Adds a warning for each missing translation and each stale one. Vocabulary labels are left
/// out: the build reports them as errors already.
void add_translation_warnings(const TranslationReport& report, const SiteConfig& config,
                              Diagnostics& diagnostics);

}  // namespace passerelle
