// The vocabulary terms of each actor and the facet counts of the directory, resolved once when
// the site is assembled.
#include "content/actor_schema.h"
#include "model/site.h"

namespace passerelle {

std::vector<const SiteTerm*> Actor::terms_of(const ActorField& field) const {
  std::vector<const SiteTerm*> terms;
  auto add = [&](const TermRef& term) {
    if (term) terms.push_back(term.get());
  };
  auto add_all = [&](const std::vector<TermRef>& list) {
    for (const auto& term : list) add(term);
  };
  if (field.type != FieldType::kTerm && field.type != FieldType::kTermList) return terms;
  if (field.vocabulary == &Vocabulary::countries) add(country);
  if (field.vocabulary == &Vocabulary::regions) add(region);
  if (field.vocabulary == &Vocabulary::kinds) add(kind);
  if (field.vocabulary == &Vocabulary::sectors) add_all(sectors);
  if (field.vocabulary == &Vocabulary::languages) add_all(languages);
  return terms;
}

void resolve_actor_terms(Actor& actor, const SiteVocabulary& terms, const SiteConfig& config,
                         Diagnostics& diagnostics) {
  const auto& record = actor.record;
  const SourceLocation at{record.path, 0, 0};
  auto one = [&](const SiteTerms& category, const std::string& key) {
    return resolve_term(category, key, config, at, diagnostics);
  };
  auto all = [&](const SiteTerms& category, const std::vector<std::string>& keys) {
    std::vector<TermRef> resolved;
    for (const auto& key : keys) resolved.push_back(one(category, key));
    return resolved;
  };
  actor.country = one(terms.countries, record.country);
  actor.kind = one(terms.kinds, record.kind);
  actor.region = record.region.empty() ? nullptr : one(terms.regions, record.region);
  actor.sectors = all(terms.sectors, record.sectors);
  actor.languages = all(terms.languages, record.languages);
}

FacetCounts count_facets(const std::vector<Actor>& actors) {
  FacetCounts counts;
  for (const auto& actor : actors) {
    const auto& record = actor.record;
    ++counts.countries[record.country];
    ++counts.kinds[record.kind];
    if (!record.region.empty()) ++counts.regions[record.region];
    for (const auto& sector : record.sectors) {
      ++counts.sectors[sector];
      ++counts.country_sectors[{record.country, sector}];
    }
  }
  return counts;
}

}  // namespace passerelle
