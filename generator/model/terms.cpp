#include "model/terms.h"

#include <algorithm>

#include "base/text.h"
#include "messages/messages.h"

namespace passerelle {

const std::string& SiteTerm::label(const std::string& language) const {
  return by_language.at(language).label;
}

const std::string& SiteTerm::slug(const std::string& language) const {
  return by_language.at(language).slug;
}

const SiteTerms& SiteVocabulary::category(std::map<std::string, Term> Vocabulary::*loaded) const {
  if (loaded == &Vocabulary::countries) return countries;
  if (loaded == &Vocabulary::regions) return regions;
  if (loaded == &Vocabulary::kinds) return kinds;
  if (loaded == &Vocabulary::sectors) return sectors;
  return languages;
}

namespace {

/// A term with the key as its label and slug in every site language, for a key or a label
/// that should have been there.
TermLabel stand_in(const std::string& key) { return {key, key}; }

SiteTerms resolve_category(const std::map<std::string, Term>& terms, const SiteConfig& config,
                           Diagnostics& diagnostics) {
  SiteTerms resolved;
  for (const auto& [key, term] : terms) {
    auto site_term = std::make_shared<SiteTerm>();
    site_term->key = key;
    site_term->country = term.country;
    site_term->by_language = term.by_language;
    for (const auto& language : config.languages) {
      if (site_term->by_language.count(language.code)) continue;
      diagnostics.error(term.location,
                        format_message(tr("term '%1$s' has no label in '%2$s'"), key,
                                       language.code));
      site_term->by_language[language.code] = stand_in(key);
    }
    resolved.emplace(key, std::move(site_term));
  }
  return resolved;
}

}  // namespace

SiteVocabulary resolve_vocabulary(const Vocabulary& vocabulary, const SiteConfig& config,
                                  Diagnostics& diagnostics) {
  return {resolve_category(vocabulary.countries, config, diagnostics),
          resolve_category(vocabulary.regions, config, diagnostics),
          resolve_category(vocabulary.kinds, config, diagnostics),
          resolve_category(vocabulary.sectors, config, diagnostics),
          resolve_category(vocabulary.languages, config, diagnostics)};
}

TermRef resolve_term(const SiteTerms& terms, const std::string& key, const SiteConfig& config,
                     const SourceLocation& location, Diagnostics& diagnostics) {
  if (auto found = terms.find(key); found != terms.end()) return found->second;
  diagnostics.error(location, format_message(tr("'%1$s' is not a term of the vocabulary"), key));
  auto term = std::make_shared<SiteTerm>();
  term->key = key;
  for (const auto& language : config.languages) term->by_language[language.code] = stand_in(key);
  return term;
}

std::vector<const SiteTerm*> terms_by_label(const SiteTerms& terms, const std::string& language,
                                            const std::map<std::string, long>* used) {
  std::vector<std::pair<std::string, const SiteTerm*>> folded;
  for (const auto& [key, term] : terms) {
    if (!used || used->count(key)) folded.emplace_back(fold_text(term->label(language)), term.get());
  }
  // Same folded label: by key, as the map gave them.
  std::stable_sort(folded.begin(), folded.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<const SiteTerm*> sorted;
  for (const auto& [label, term] : folded) sorted.push_back(term);
  return sorted;
}

}  // namespace passerelle
