// The vocabulary as the outputs read it: every term resolved once, when the site is assembled,
// into its label and slug in each site language, and the number of actors under each facet
// value. Views, the search index, the exports and the print edition read these; none of them
// opens the loaded Vocabulary (content/directory.h) again.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "base/diagnostics.h"
#include "config/config.h"
#include "content/directory.h"

namespace passerelle {

/// One term of the vocabulary, resolved: a label and a slug for every site language.
struct SiteTerm {
  std::string key;
  std::string country;                          // regions only: the country they belong to
  std::map<std::string, TermLabel> by_language;  // every site language (spoken languages: no slug)

  const std::string& label(const std::string& language) const;
  const std::string& slug(const std::string& language) const;
};

/// Terms are shared between the vocabulary and the actors that use them, never changed.
using TermRef = std::shared_ptr<const SiteTerm>;
using SiteTerms = std::map<std::string, TermRef>;  // key → term, in key order

struct SiteVocabulary {
  SiteTerms countries;
  SiteTerms regions;
  SiteTerms kinds;
  SiteTerms sectors;
  SiteTerms languages;  // spoken languages: labels only

  /// The resolved terms of a category of the loaded vocabulary (&Vocabulary::sectors…).
  const SiteTerms& category(std::map<std::string, Term> Vocabulary::*loaded) const;
};

/// How many actors each facet value has; a value no actor has is absent.
struct FacetCounts {
  std::map<std::string, long> countries;
  std::map<std::string, long> kinds;
  std::map<std::string, long> sectors;
  std::map<std::string, long> regions;
  std::map<std::pair<std::string, std::string>, long> country_sectors;  // (country, sector)
};

/// Resolves every term of `vocabulary`. Loading checked that each has a label (and a slug)
/// in every site language, so a missing one is a bug: it is reported as an error at the
/// term, and the key stands in for the label and the slug, so that nothing throws.
SiteVocabulary resolve_vocabulary(const Vocabulary& vocabulary, const SiteConfig& config,
                                  Diagnostics& diagnostics);

/// The term `key` of `terms`. A key the vocabulary does not have (loading refuses it, so this
/// is a bug too) is reported at `location` and stands for itself in every language.
TermRef resolve_term(const SiteTerms& terms, const std::string& key, const SiteConfig& config,
                     const SourceLocation& location, Diagnostics& diagnostics);

/// The terms of `terms`, sorted by their label in `language` as a reader expects (accents
/// and case ignored); only those with an entry in `used` when it is given.
std::vector<const SiteTerm*> terms_by_label(const SiteTerms& terms, const std::string& language,
                                            const std::map<std::string, long>* used = nullptr);

}  // namespace passerelle
