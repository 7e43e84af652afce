// The actor directory: its index, the static facet pages (every combination of a country, a
// kind and a sector that lists someone) that let visitors narrow the list without JavaScript,
// and one page per actor.
#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <set>

#include "content/actor_schema.h"
#include "model/directory_filters.h"
#include "model/urls.h"
#include "theme/templates.h"
#include "render/views.h"
#include "base/text.h"

namespace passerelle {

namespace {

using Filter = DirectoryFilter;

/// The actors a page lists, in reading order (the context keeps them sorted once).
std::vector<const Actor*> select(const RenderContext& context, const Filter& filter) {
  std::vector<const Actor*> selected;
  for (const auto* actor : context.actors_by_name) {
    if (filter.matches(*actor)) selected.push_back(actor);
  }
  return selected;
}

std::string filter_path(const LanguageConfig& language, const Filter& filter) {
  return directory_filter_path(language, filter);
}

/// Translations of a directory page: the same filter in every language.
Translations filter_translations(const Site& site, const Filter& filter) {
  Translations translations;
  for (const auto& language : site.config.languages) {
    translations[language.code] = filter_path(language, filter);
  }
  return translations;
}

/// One facet of the directory: its name (the key of the URL parameter directory.js reads, and
/// of the search index's facet group), its terms, and the field of a filter it sets.
struct Facet {
  const char* name;
  const char* title;      // theme string
  const char* any_label;  // theme string of the item that lifts this facet
  const SiteTerms& terms;
  const SiteTerm* Filter::*field;
};

/// The facets in the order every directory page shows them, the same as the search index's
/// facet groups (search/files.cpp), which directory.js reads: the shortest lists first, so that
/// on a phone the sectors, the longest, come last, right above the cards.
std::vector<Facet> facets_of(const Site& site) {
  const auto& v = site.terms;
  return {{"country", "country", "filter_any_country", v.countries, &Filter::country},
          {"kind", "kind", "filter_any_kind", v.kinds, &Filter::kind},
          {"sector", "sector", "filter_any_sector", v.sectors, &Filter::sector}};
}

View facet_item(const RenderContext& context, const LanguageConfig& language,
                const std::string& from, const std::string& here, const std::string& label,
                const std::string& value, const Filter& target, long n) {
  const auto& strings = context.theme.strings.at(language.code);
  std::string path = filter_path(language, target);
  return View().set("label", label)
      .set("value", value)
      .set("count", std::to_string(n))
      .set("count_label", strings.count("actors", n))
      .set("href", page_url(from, path, context.site.config.page_links))
      .set("current", path == here);
}

/// How many actors each value of a facet would list, the other active filters kept, and how
/// many the facet's "all" item would: one pass over the actors per facet, once per listing
/// (its pages share it).
struct FacetTally {
  long any = 0;
  std::map<std::string, long> counts;
};

std::vector<FacetTally> facet_tallies(const Site& site, const Filter& current) {
  std::vector<FacetTally> tallies;
  for (const auto& facet : facets_of(site)) {
    Filter lifted = current;
    lifted.*facet.field = nullptr;
    FacetTally tally;
    for (const auto& actor : site.actors) {
      if (!lifted.matches(actor)) continue;
      ++tally.any;
      if (facet.field == &Filter::country) ++tally.counts[actor.country->key];
      if (facet.field == &Filter::kind) ++tally.counts[actor.kind->key];
      if (facet.field == &Filter::sector) {
        for (const auto& sector : actor.sectors) ++tally.counts[sector->key];
      }
    }
    tallies.push_back(std::move(tally));
  }
  return tallies;
}

/// The filter links of the directory page at `from` listing `current` (of the search page,
/// with no current filter), counted by `tallies` (facet_tallies of `current`): each to the
/// first page of its listing, the one of `current` marked on every page of it (`here`: its
/// first page's path; empty on the search page). For each facet, an item that lifts it, then
/// its values in the order of their labels, each leading to the listing of `current` with
/// that value, every other active filter kept, and counting the actors there. Values are
/// ordered by label rather than by count so that they keep their place from one page to the
/// next and while directory.js updates the counts: the selected value stays where the reader
/// chose it. A value that would list no one is left out (it has no page).
/// The index, the facet pages and directory.js (which updates these links in place) share
/// this one design.
View facet_groups(const RenderContext& context, const LanguageConfig& language,
                  const std::string& from, const Filter& current, const std::string& here,
                  const std::vector<FacetTally>& tallies) {
  const auto& strings = context.theme.strings.at(language.code);
  const Site& site = context.site;
  View groups = View::list();
  auto facets = facets_of(site);
  for (size_t f = 0; f < facets.size(); ++f) {
    const auto& facet = facets[f];
    Filter lifted = current;
    lifted.*facet.field = nullptr;
    const auto& counts = tallies[f].counts;
    View items = View::list();
    items.push(facet_item(context, language, from, here, strings.get(facet.any_label), "", lifted,
                          tallies[f].any));
    size_t values = 0;
    for (const SiteTerm* term : terms_by_label(facet.terms, language.code, &counts)) {
      Filter target = lifted;
      target.*facet.field = term;
      long n = counts.at(term->key);  // terms_by_label keeps the values it counts
      items.push(facet_item(context, language, from, here, term->label(language.code), term->key,
                            target, n));
      ++values;
    }
    if (values == 0) continue;
    groups.push(View().set("name", facet.name)
                    .set("title", strings.get(facet.title))
                    .set("items", std::move(items)));
  }
  return groups;
}

View cards(const RenderContext& context, const LanguageConfig& language, const std::string& from,
           const std::vector<const Actor*>& actors) {
  View list = View::list();
  for (const auto* actor : actors) list.push(actor_card(context, *actor, language, from));
  return list;
}

std::string filter_title(const LanguageConfig& language, const Filter& filter) {
  std::string title;
  for (const SiteTerm* term : {filter.country, filter.kind, filter.sector}) {
    if (term) title += (title.empty() ? "" : " — ") + term->label(language.code);
  }
  return title;
}

/// Translations of page `number` of a directory listing: the same page of the same filter in
/// every language (every language lists the same actors, so it has as many pages).
Translations listing_translations(const Site& site, const Filter& filter, size_t number) {
  Translations translations = filter_translations(site, filter);
  for (auto& [code, path] : translations) path = listing_page_path(path, number);
  return translations;
}

/// The fields every page of a directory listing sets: its frame (titled with its place in
/// the listing after page 1, under the listing's first page in the breadcrumbs) and pagination.
/// The frame of one page of a listing: its title ("… (page 2 of 3)"), its translations and,
/// after the first page, a way back to the first. Set before the page is kept or rendered.
void set_listing_frame(const RenderContext& context, PageFrame& frame, const ListingPage& listing,
                       const Filter& filter, const std::string& title) {
  const auto& strings = context.theme.strings.at(frame.language->code);
  frame.title = listing_page_title(strings, title, listing);
  frame.translations = listing_translations(context.site, filter, listing.number);
  if (listing.number > 1) frame.breadcrumbs.emplace_back(title, listing.listing_path);
}

View listing_view(const RenderContext& context, const PageFrame& frame, const ListingPage& listing) {
  const auto& strings = context.theme.strings.at(frame.language->code);
  View view = frame_view(context, frame);
  view.set("pagination", pagination_view(strings, listing, context.site.config.page_links));
  return view;
}

size_t page_size_of(const Site& site) { return static_cast<size_t>(site.config.listing_page_size); }

/// The directory's index, split in pages of site.toml's listing size: every actor, by country
/// (countries by label, actors by name), each page with the headings of the countries it shows.
/// directory.js replaces the cards with the filtered ones when a filter or a text is applied.
void render_directory_index(const RenderContext& context, const LanguageConfig& language,
                            RenderedPages& out, Diagnostics& diagnostics) {
  const auto& site = context.site;
  const auto& strings = context.theme.strings.at(language.code);
  const PageLinks links = site.config.page_links;
  std::string index = directory_path(language);
  struct Group {
    const SiteTerm* country;
    std::vector<const Actor*> actors;
  };
  std::vector<Group> groups;
  size_t total = 0;
  for (const SiteTerm* country : terms_by_label(site.terms.countries, language.code)) {
    auto actors = select(context, {country});
    if (actors.empty()) continue;
    total += actors.size();
    groups.push_back({country, std::move(actors)});
  }
  auto tallies = facet_tallies(site, {});
  for (const auto& listing : listing_pages(index, total, page_size_of(site))) {
    std::string path = listing.path();
    PageFrame frame{&language, path, "", strings.get("directory_description"), {}, "directory",
                    {{strings.get("home"), home_path(language)}}};
    frame.search_client = true;  // directory.js filters with the search index
    set_listing_frame(context, frame, listing, {}, strings.get("directory"));
    if (out.keep(context, frame, "")) continue;  // the context alone: no actor's description
    View view = listing_view(context, frame, listing);
    View countries = View::list();
    size_t first = listing.first();
    size_t last = listing.last(total);
    size_t at = 0;  // the place of the group's first actor in the whole listing
    for (const auto& group : groups) {
      size_t begin = std::max(first, at);
      size_t end = std::min(last, at + group.actors.size());
      if (begin < end) {
        std::vector<const Actor*> shown(group.actors.begin() + (begin - at), group.actors.begin() + (end - at));
        const SiteTerm* country = group.country;
        countries.push(View().set("label", country->label(language.code))
                           .set("id", "country-" + country->slug(language.code))
                           .set("count", strings.count("actors", static_cast<long>(group.actors.size())))
                           .set("href", page_url(path, filter_path(language, {country}), links))
                           .set("actors", cards(context, language, path, shown)));
      }
      at += group.actors.size();
    }
    view.set("countries", std::move(countries))
        .set("count", strings.count("actors", static_cast<long>(site.actors.size())))
        .set("index_href", page_url(path, index, links))
        .set("page_size", std::to_string(page_size_of(site)))
        .set("facet_groups", facet_groups(context, language, path, {}, index, tallies));
    out.add(frame, context.theme.templates.render("directory", view, diagnostics, context.worker));
  }
}

/// A facet page (a country, a kind, a sector or a combination), split in pages like the index.
/// `listed` counts the actors of `filter` (directory_filter_pages). The actors and the facets'
/// counts are only looked up for a page that is not kept: a build after an edit keeps nearly
/// every listing, and looking them up for thousands of filters was most of its time here.
void render_filter_page(const RenderContext& context, const LanguageConfig& language,
                        const Filter& filter, size_t listed, RenderedPages& out,
                        Diagnostics& diagnostics) {
  const auto& site = context.site;
  const auto& strings = context.theme.strings.at(language.code);
  if (listed == 0) return;  // no page for an empty selection
  std::string listing_path = filter_path(language, filter);
  std::string title = filter_title(language, filter);
  std::vector<std::pair<std::string, std::string>> breadcrumbs = {
      {strings.get("home"), home_path(language)},
      {strings.get("directory"), directory_path(language)}};
  // A combination sits under its first term's page (the country, else the kind).
  const Filter first = filter.country ? Filter{filter.country} : Filter{nullptr, filter.kind};
  if ((filter.country && (filter.kind || filter.sector)) || (filter.kind && filter.sector)) {
    breadcrumbs.push_back({filter_title(language, first), filter_path(language, first)});
  }
  std::optional<std::vector<const Actor*>> actors;
  std::vector<FacetTally> tallies;
  for (const auto& listing : listing_pages(listing_path, listed, page_size_of(site))) {
    std::string path = listing.path();
    PageFrame frame{&language, path, "", strings.get("directory_description"), {}, "directory",
                    breadcrumbs};
    set_listing_frame(context, frame, listing, filter, title);
    if (out.keep(context, frame, "")) continue;  // the context alone: no actor's description
    if (!actors) {
      actors = select(context, filter);
      tallies = facet_tallies(site, filter);
    }
    View view = listing_view(context, frame, listing);
    // The same count as `listed`, but past errors (a sector listed twice, for `check`).
    size_t first = std::min(listing.first(), actors->size());
    std::vector<const Actor*> shown(actors->begin() + first,
                                    actors->begin() + std::max(first, listing.last(actors->size())));
    view.set("count", strings.count("actors", static_cast<long>(actors->size())))
        .set("actors", cards(context, language, path, shown))
        .set("facet_groups", facet_groups(context, language, path, filter, listing_path, tallies))
        .set("all_href", page_url(path, directory_path(language), site.config.page_links));
    out.add(frame, context.theme.templates.render("directory-list", view, diagnostics, context.worker));
  }
}

bool is_right_to_left(const std::string& code) {
  static const std::set<std::string> kCodes = {"ar", "fa", "he", "ur", "ps", "yi", "dv", "ckb"};
  return kCodes.count(code.substr(0, code.find('-'))) > 0;
}

std::string language_label(const Site& site, const std::string& code, const LanguageConfig& in) {
  auto it = site.terms.languages.find(code);
  if (it != site.terms.languages.end()) return it->second->label(in.code);
  if (const auto* language = site.config.language(code)) return language->name;
  return code;
}

View actor_details(const RenderContext& context, const Actor& actor,
                   const LanguageConfig& language, const std::string& path) {
  const auto& record = actor.record;
  View other_names = View::list();
  for (const auto& name : record.other_names) {
    other_names.push(View().set("name", name.name).set("lang", name.language)
                         .set("dir", is_right_to_left(name.language) ? "rtl" : "ltr"));
  }
  View sectors = View::list();
  const SiteTerm* country = actor.country.get();
  PageLinks links = context.site.config.page_links;
  for (const auto& sector : actor.sectors) {
    sectors.push(View().set("label", sector->label(language.code))
                     .set("href", page_url(path, filter_path(language, {country, nullptr, sector.get()}),
                                           links)));
  }
  // "العربية، الفرنسية": joined with the language's own list separator.
  const std::string separator = context.theme.strings.at(language.code).get("list_separator");
  std::string spoken;
  for (const auto& spoken_language : actor.languages) {
    spoken += (spoken.empty() ? "" : separator) + spoken_language->label(language.code);
  }
  View details;
  bool has_other_names = !other_names.empty();
  bool has_languages = !spoken.empty();
  details.set("other_names", std::move(other_names))
      .set("has_other_names", has_other_names)
      .set("sectors", std::move(sectors))
      .set("languages", std::move(spoken))
      .set("has_languages", has_languages)
      .set("country_href", page_url(path, filter_path(language, {country}), links))
      .set("kind_href", page_url(path, filter_path(language, {nullptr, actor.kind.get()}), links))
      .set("last_reviewed", context.theme.strings.at(language.code).date(record.last_reviewed))
      .set("iso_last_reviewed", record.last_reviewed);
  for (const auto& field : kActorFields) {
    if (field.shown == Shown::kDetail) {
      details.set(field.name, single_text(single_value(record, field)));
    }
  }
  if (!record.phone.empty()) {
    std::string tel;
    for (char c : record.phone) {
      if (std::isdigit(static_cast<unsigned char>(c)) || c == '+') tel += c;
    }
    details.set("phone_href", "tel:" + tel);
  }
  if (!record.email.empty()) details.set("email_href", "mailto:" + record.email);
  if (record.coordinates) {
    char buffer[160];
    std::snprintf(buffer, sizeof buffer,
                  "https://www.openstreetmap.org/?mlat=%.5f&mlon=%.5f#map=15/%.5f/%.5f",
                  record.coordinates->latitude, record.coordinates->longitude,
                  record.coordinates->latitude, record.coordinates->longitude);
    details.set("map_href", buffer);
  }
  return details;
}

}  // namespace

void render_actor_page(const RenderContext& context, const LanguageConfig& language,
                       const Actor& actor, RenderedPages& out, Diagnostics& diagnostics) {
  const auto& site = context.site;
  const auto& strings = context.theme.strings.at(language.code);
  const auto& record = actor.record;
  std::string path = actor_path(language, record.id);
  Translations translations;
  for (const auto& other : site.config.languages) translations[other.code] = actor_path(other, record.id);
  auto description = actor.descriptions.find(language.code);
  std::string summary = description == actor.descriptions.end()
                            ? record.name
                            : truncate_words(description->second.plain_text, 155);
  PageFrame frame{&language, path, record.name, summary, translations, "directory",
                  {{strings.get("home"), home_path(language)},
                   {strings.get("directory"), directory_path(language)},
                   {filter_title(language, {actor.country.get()}),
                    filter_path(language, {actor.country.get()})}}};
  if (out.keep(context, frame, record.path)) return;
  View view = frame_view(context, frame);
  view.set("draft", record.draft)
      .set("actor", actor_card(context, actor, language, path))
      .set("details", actor_details(context, actor, language, path))
      .set("json_ld", actor_json_ld(context, actor, language));
  if (description != actor.descriptions.end()) {
    const auto& text = description->second;
    view.set("description_html", text.html)
        .set("description_lang", text.language)
        .set("description_dir", site.config.language(text.language)->direction)
        .set("description_untranslated", !text.translated)
        .set("description_source", language_label(site, text.language, language));
  }
  auto services = actor.services.find(language.code);
  if (services != actor.services.end()) {
    View items = View::list();
    for (const auto& item : services->second) items.push(View().set("item", item));
    const std::string& from = actor.services_language.at(language.code);
    view.set("services", std::move(items))
        .set("services_lang", from)
        .set("services_untranslated", from != language.code)
        .set("services_source", language_label(site, from, language));
  }
  out.add(frame, context.theme.templates.render("actor", view, diagnostics, context.worker),
          {record.path});
}

View directory_facet_groups(const RenderContext& context, const LanguageConfig& language,
                            const std::string& from) {
  return facet_groups(context, language, from, {}, "", facet_tallies(context.site, {}));
}

void render_directory_listings(const RenderContext& context, const LanguageConfig& language,
                               RenderedPages& out, Diagnostics& diagnostics) {
  render_directory_index(context, language, out, diagnostics);
  for (const auto& page : directory_filter_pages(context.site)) {
    render_filter_page(context, language, page.filter, page.actors, out, diagnostics);
  }
}

void render_actor_pages(const RenderContext& context, const LanguageConfig& language,
                        size_t first, size_t last, RenderedPages& out, Diagnostics& diagnostics) {
  for (size_t i = first; i < last && i < context.site.actors.size(); ++i) {
    render_actor_page(context, language, context.site.actors[i], out, diagnostics);
  }
}

}  // namespace passerelle
