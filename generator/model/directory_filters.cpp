#include "model/directory_filters.h"

#include <map>
#include <tuple>

#include "model/site.h"

namespace passerelle {

bool DirectoryFilter::matches(const Actor& actor) const {
  if (country && actor.country->key != country->key) return false;
  if (kind && actor.kind->key != kind->key) return false;
  if (!sector) return true;
  for (const auto& s : actor.sectors) {
    if (s->key == sector->key) return true;
  }
  return false;
}

std::string directory_filter_path(const LanguageConfig& language, const DirectoryFilter& filter) {
  const std::string& code = language.code;
  std::string path = directory_path(language);
  if (filter.country) path += language.sections.country + "/" + filter.country->slug(code) + "/";
  if (filter.kind) path += language.sections.kind + "/" + filter.kind->slug(code) + "/";
  if (filter.sector) {
    if (!filter.country && !filter.kind) path += language.sections.sector + "/";
    path += filter.sector->slug(code) + "/";
  }
  return path;
}

std::vector<DirectoryFilterPage> directory_filter_pages(const Site& site) {
  // By keys, so that the order is the same from one build to the next.
  std::map<std::tuple<std::string, std::string, std::string>, DirectoryFilterPage> found;
  auto key = [](const SiteTerm* term) { return term ? term->key : std::string(); };
  for (const auto& actor : site.actors) {
    std::vector<const SiteTerm*> sectors = {nullptr};
    for (const auto& sector : actor.sectors) sectors.push_back(sector.get());
    for (const SiteTerm* country : {static_cast<const SiteTerm*>(nullptr), actor.country.get()}) {
      for (const SiteTerm* kind : {static_cast<const SiteTerm*>(nullptr), actor.kind.get()}) {
        for (const SiteTerm* sector : sectors) {
          DirectoryFilter filter{country, kind, sector};
          if (filter.empty()) continue;
          auto& page = found.try_emplace(std::make_tuple(key(country), key(kind), key(sector)),
                                         DirectoryFilterPage{filter, 0}).first->second;
          ++page.actors;
        }
      }
    }
  }
  std::vector<DirectoryFilterPage> pages;
  for (const auto& [keys, page] : found) pages.push_back(page);
  return pages;
}

}  // namespace passerelle
