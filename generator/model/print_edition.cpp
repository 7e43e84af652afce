#include "model/print_edition.h"

#include <algorithm>
#include <tuple>

#include "model/urls.h"

namespace passerelle {

std::string print_heading_prefix(const std::string& slug) { return slug + "--"; }

std::string print_anchor(const std::string& slug, const std::string& heading_id) {
  return heading_id.empty() ? slug : print_heading_prefix(slug) + heading_id;
}

std::string print_actor_anchor(const std::string& actor_id) { return "actor_" + actor_id; }

std::string print_edition_date(const Site& site, const std::string& language) {
  std::string latest;
  for (const auto* page : site.pages_of(language, PageKind::kGuideline)) {
    latest = std::max({latest, page->date, page->updated});
  }
  return latest;
}

namespace {

/// [first, end) of `items` shared out in `parts` parts of sizes within one of each other.
std::pair<size_t, size_t> share(size_t items, size_t parts, size_t part) {
  return {items * part / parts, items * (part + 1) / parts};
}

size_t parts_of(size_t items, size_t per_part) { return (items + per_part - 1) / per_part; }

}  // namespace

std::vector<PrintVolume> print_volumes(const SiteConfig& config, const LanguageConfig& language,
                                       size_t guidelines, size_t actors) {
  size_t per_volume = static_cast<size_t>(config.print.volume_guidelines);
  if (guidelines == 0) return {};
  if (per_volume == 0 || guidelines <= per_volume) {
    return {{1, 1, 0, guidelines, 0, actors, print_edition_path(language), print_pdf_path(language)}};
  }
  size_t chapters = parts_of(guidelines, per_volume);
  size_t annex = parts_of(actors, per_volume * kAnnexActorsPerGuideline);
  size_t count = chapters + annex;
  std::vector<PrintVolume> volumes;
  for (size_t i = 0; i < count; ++i) {
    PrintVolume volume{i + 1, count, guidelines, guidelines, 0, 0,
                       print_volume_path(language, i + 1), print_volume_pdf_path(language, i + 1)};
    if (i < chapters) {
      std::tie(volume.first, volume.end) = share(guidelines, chapters, i);
    } else {
      std::tie(volume.actors_first, volume.actors_end) = share(actors, annex, i - chapters);
    }
    volumes.push_back(std::move(volume));
  }
  return volumes;
}

std::vector<PrintVolume> print_volumes(const Site& site, const LanguageConfig& language) {
  return print_volumes(site.config, language,
                       site.pages_of(language.code, PageKind::kGuideline).size(),
                       site.config.print.annex ? site.actors.size() : 0);
}

std::vector<PrintEditionFiles> print_editions(const Site& site) {
  std::vector<PrintEditionFiles> editions;
  for (const auto& language : site.config.languages) {
    std::string date = print_edition_date(site, language.code);
    if (date.empty()) continue;
    for (const auto& volume : print_volumes(site, language)) {
      editions.push_back({language.code, output_file_of(volume.path), volume.pdf_path, date});
    }
  }
  return editions;
}

}  // namespace passerelle
