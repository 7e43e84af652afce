// Views of the site model for each kind of page. Internal to render/: every function here is a
// pure function of the model.
#pragma once

#include <algorithm>
#include <atomic>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "model/site.h"
#include "model/urls.h"
#include "theme/theme.h"
#include "output/manifest.h"
#include "output/plan.h"
#include "output/sink.h"
#include "theme/view.h"

namespace passerelle {

/// Everything a view builder reads.
struct RenderContext {
  const Site& site;
  const Theme& theme;
  std::map<std::string, std::string> asset_paths;  // static path → published (hashed) path
  std::vector<const Actor*> actors_by_name;        // every actor, in reading order
  // language → its free-standing pages, which every page's menu lists (found once, not per page)
  std::map<std::string, std::vector<const Page*>> menu_pages;
  size_t worker = 0;                               // which thread renders (its own templates)
  // The pages the output has already, as a fresh render would make them (output/manifest.h);
  // nullptr: every page is rendered.
  const KeptOutputs* kept = nullptr;
};

struct PageFrame {
  const LanguageConfig* language = nullptr;
  std::string path;         // this page's site path
  std::string title;        // the page's own title
  std::string description;  // meta description
  Translations translations;
  std::string section;      // "home", "guidelines", "directory", "page"
  std::vector<std::pair<std::string, std::string>> breadcrumbs;  // title, site path
  // Loads search.js: only the pages whose script uses it (the search page, the directory's
  // filters); the header's search form is a plain form.
  bool search_client = false;
  // The search page asks its language's index manifest at once (preloaded beside search.js
  // rather than after it: one round trip less before the first results).
  bool preload_search_manifest = false;
};

/// How many HTML pages a rendering made: in all, and per language (the root's language
/// picker and 404 page count in the total only). The build's summary reports them.
struct PageCounts {
  size_t total = 0;
  std::map<std::string, size_t> per_language;
};

/// The pages rendered so far, with their language versions for the sitemap.
struct RenderedPages {
  OutputPlan files;            // the pages, when there is no sink
  OutputSink* sink = nullptr;  // else where each page goes as soon as it is rendered
  ListedPages listed;  // the pages sitemap.xml lists
  PageCounts counts;

  /// A page of the site, listed in the sitemap.
  /// `sources`: the source files whose text the page shows (see OutputFile).
  void add(const PageFrame& frame, std::string html, std::vector<std::string> sources = {});
  /// A page of a language left out of the sitemap (the search page).
  void add_unlisted(const PageFrame& frame, std::string html, std::vector<std::string> sources = {});
  /// A page at the root, for no language in particular (index.html, 404.html).
  void add_root(std::string path, std::string html);
  /// Instead of add(): the page at `frame` as the output has it already, when it was rendered
  /// from `unit` alone (see KeptOutputs) and is still as it was. False when it must be
  /// rendered.
  bool keep(const RenderContext& context, const PageFrame& frame, const std::string& unit);
  /// The same for a page made from the context and every one of `units` (its sources).
  bool keep(const RenderContext& context, const PageFrame& frame,
            const std::vector<std::string>& units);
};

/// What render_site counted: how many pages it made, and the pages the sitemap lists
/// (feeds/sitemap.h).
struct RenderedSite {
  PageCounts pages;
  ListedPages listed;
};

/// The theme's UI strings of a language, as {{t.key}}.
View strings_view(const UiStrings& strings);

/// The redirect pages (model/redirects.h), the next build's manifest of published URLs
/// (content/published_urls.h) and, when site.toml asks for it, _redirects.
OutputPlan redirect_files(const Site& site, const Theme& theme, Diagnostics& diagnostics);

/// Fields every page template uses: language, titles, links, switcher, navigation, strings.
View frame_view(const RenderContext& context, const PageFrame& frame);

/// One page of a listing split in pages (the guidelines index, a term's page, the
/// directory's lists): which one, of how many, and where the listing starts.
struct ListingPage {
  std::string listing_path;  // page 1's site path
  size_t number = 1;         // from 1
  size_t count = 1;
  size_t page_size = 1;

  std::string path() const { return listing_page_path(listing_path, number); }
  /// The entries of this page among `total`: [first, last).
  size_t first() const { return (number - 1) * page_size; }
  size_t last(size_t total) const { return std::min(total, number * page_size); }
};

/// The pages of a listing of `entries` entries at `listing_path`, `page_size` a page.
std::vector<ListingPage> listing_pages(const std::string& listing_path, size_t entries,
                                       size_t page_size);

/// The view of the theme's pagination partial (partials/pagination.mustache) for `page`, with
/// links from its own path: a <nav> with previous/next links and the page numbers around the
/// current one. An empty view (false in a section) when the listing has one page.
View pagination_view(const UiStrings& strings, const ListingPage& page, PageLinks links);

/// The number of the entry at `index` (from 0) of a listing, as its card shows it: two digits
/// at least (01 … 09, 10 … 51), in the HTML so that page 2 and after go on counting without an
/// inline style (which a strict Content Security Policy refuses).
std::string listing_number(size_t index);

/// A page's title with its place in the listing: "Lignes directrices (page 2 sur 5)"; the
/// title alone on page 1.
std::string listing_page_title(const UiStrings& strings, const std::string& title,
                               const ListingPage& page);

/// A page in a list of pages (guidelines, a tag's pages): title, summary, dates, link from `from`.
View guideline_summary(const Page& page, const UiStrings& strings, const std::string& from,
                       PageLinks links);

/// A short card of an actor for lists, with links relative to `from`.
View actor_card(const RenderContext& context, const Actor& actor, const LanguageConfig& language,
                const std::string& from);

/// Actors sorted by their name as a reader expects (accents ignored).
std::vector<const Actor*> actors_by_name(const std::vector<const Actor*>& actors);

std::string section_path(const LanguageConfig& language, const std::string& section);

void render_content_pages(const RenderContext& context, const LanguageConfig& language,
                          RenderedPages& out, Diagnostics& diagnostics);
/// The directory index and its facet pages.
void render_directory_listings(const RenderContext& context, const LanguageConfig& language,
                               RenderedPages& out, Diagnostics& diagnostics);
/// The pages of actors [first, last) of site.actors.
void render_actor_pages(const RenderContext& context, const LanguageConfig& language,
                        size_t first, size_t last, RenderedPages& out, Diagnostics& diagnostics);
/// The print edition of the guidelines of `language` (nothing when it has no guideline).
void render_print_edition(const RenderContext& context, const LanguageConfig& language,
                          RenderedPages& out, Diagnostics& diagnostics);

/// The pages of the whole site and its assets, each handed to `sink` as soon as it is
/// rendered, from the rendering threads (the feeds, the sitemap, the exports and the search
/// index are outputs of their own). When `cancelled` becomes true (from another thread), the
/// jobs not started yet are skipped and the output is incomplete.
RenderedSite render_site(const Site& site, const Theme& theme, OutputSink& sink,
                         Diagnostics& diagnostics, const std::atomic<bool>* cancelled = nullptr,
                         const KeptOutputs* kept = nullptr);

/// The pages made from the source files `source_paths` only: a guideline or other page in
/// its language, an actor record in every language. `site` holds them and what their views
/// read around them (see assemble_part). What `passerelle serve` shows at once after an edit.
OutputPlan render_pages_of(const Site& site, const Theme& theme,
                           const std::set<std::string>& source_paths, Diagnostics& diagnostics);

/// The page of the guideline or other page `page` (not a home or index page) in its language.
void render_content_page(const RenderContext& context, const Page& page, RenderedPages& out,
                         Diagnostics& diagnostics);
/// The page of one actor in `language`.
void render_actor_page(const RenderContext& context, const LanguageConfig& language,
                       const Actor& actor, RenderedPages& out, Diagnostics& diagnostics);

/// The directory's facet links (country, kind, sector) with counts, for a page at `from`.
View directory_facet_groups(const RenderContext& context, const LanguageConfig& language,
                            const std::string& from);

/// For each taxonomy (tags, then those site.toml declares), the index of the language's
/// terms and a page per term (nothing for a taxonomy no page of the language uses).
void render_tag_pages(const RenderContext& context, const LanguageConfig& language,
                      RenderedPages& out, Diagnostics& diagnostics);

/// A taxonomy's name in `language`: the theme's "tags" string, or the title site.toml gives.
std::string taxonomy_title(const RenderContext& context, const LanguageConfig& language,
                           const std::string& key);

/// The search page of a language (results are filled in by the client, search.js).
void render_search_page(const RenderContext& context, const LanguageConfig& language,
                        RenderedPages& out, Diagnostics& diagnostics);

/// JSON-LD (schema.org) of an actor, safe to put inside a <script> element.
std::string actor_json_ld(const RenderContext& context, const Actor& actor,
                          const LanguageConfig& language);

}  // namespace passerelle
