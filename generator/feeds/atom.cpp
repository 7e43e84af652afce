// The Atom feeds. The XML itself is in the theme's atom.mustache, where every value lands
// through the template's escaping.
#include "feeds/atom.h"


#include <algorithm>
#include <tuple>

#include "model/urls.h"

namespace passerelle::feeds {

namespace {

/// Feed readers want what changed lately, not the archive: a site with thousands of guidelines
/// would otherwise serve a feed of tens of megabytes to every reader at every poll.
constexpr size_t kFeedEntries = 30;

/// Atom wants a date and time; pages have dates only.
std::string atom_time(const std::string& date) { return date + "T00:00:00Z"; }

}  // namespace

View atom_feed_view(const Site& site, const LanguageConfig& language) {
  auto guidelines = site.pages_of(language.code, PageKind::kGuideline);
  auto last_change = [](const Page* page) { return page->updated.empty() ? page->date : page->updated; };
  std::stable_sort(guidelines.begin(), guidelines.end(), [&](const Page* a, const Page* b) {
    return std::make_tuple(last_change(a), a->path) > std::make_tuple(last_change(b), b->path);
  });
  if (guidelines.size() > kFeedEntries) guidelines.resize(kFeedEntries);
  View entries = View::list();
  for (const auto* page : guidelines) {
    View categories = View::list();  // each taxonomy's terms, under its index's URL
    for (const auto& key : taxonomy_keys(site.config.taxonomies)) {
      std::string scheme = absolute_url(site.config, taxonomy_path(site.config, language, key));
      for (const auto& written : page->terms_of(key)) {
        const TagTerm* term = site.taxonomy(key)->find(language.code, written);
        if (!term) continue;
        categories.push(View().set("term", term->slug).set("label", term->label).set("scheme", scheme));
      }
    }
    // Links in the page are relative to it: the template's xml:base="{{url}}" makes them
    // resolve in feed readers.
    entries.push(View().set("title", page->title).set("url", absolute_url(site.config, page->path))
                     .set("published", atom_time(page->date))
                     .set("updated", atom_time(last_change(page)))
                     .set("summary", page->summary).set("content", page->html)
                     .set("categories", std::move(categories)));
  }
  std::string updated = guidelines.empty() ? "1970-01-01" : last_change(guidelines.front());
  return View().set("lang", language.code).set("title", language.title)
      .set("subtitle", language.description).set("author", language.title)
      .set("self", absolute_url(site.config, feed_path(language)))
      .set("alternate", absolute_url(site.config, guidelines_path(language)))
      .set("updated", atom_time(updated)).set("entries", std::move(entries));
}

OutputPlan feed_files(const Site& site, const Theme& theme, Diagnostics& diagnostics) {
  OutputPlan files;
  for (const auto& language : site.config.languages) {
    files.push_back({feed_path(language),
                     theme.templates.render("atom", atom_feed_view(site, language), diagnostics)});
  }
  sort_by_path(files);
  return files;
}

}  // namespace passerelle::feeds
