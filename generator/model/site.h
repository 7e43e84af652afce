// The site model: everything the renderer needs, assembled once from the loaded sources and
// never changed afterwards. Plain data; URLs are site paths (see model/urls.h).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "config/config.h"
#include "content/directory.h"
#include "content/media.h"
#include "content/pages.h"
#include "markdown/markdown.h"
#include "markdown/markdown_memo.h"
#include "model/redirects.h"
#include "model/tags.h"
#include "model/terms.h"
#include "model/urls.h"

namespace passerelle {

/// A picture or download a page publishes: its source, and where it goes (beside the page,
/// or in media/ when it comes from content/media/).
struct PublishedFile {
  std::string source_path;                   // content/fr/guidelines/x/carte.png
  std::string path;                          // site path: fr/lignes-directrices/x/carte.png
  std::shared_ptr<const std::string> bytes;
};

/// A download a page links to, once, for the print edition's list and the search index.
struct Download {
  std::string title;  // the text of its first link
  std::string path;   // site path: fr/lignes-directrices/x/formulaire.pdf
  std::string note;   // type and size: "PDF, 240 Ko"
};

struct Page {
  PageKind kind = PageKind::kPage;
  std::string language;
  std::string source_path;
  std::string title;
  std::string summary;
  std::string date;
  std::string updated;
  int64_t weight = 0;
  std::vector<std::string> tags;
  int tags_line = 0;  // where the source writes them, for warnings
  // The terms of each taxonomy site.toml declares, by key, and where the source writes them.
  std::map<std::string, std::vector<std::string>> taxonomy_terms;
  std::map<std::string, int> taxonomy_lines;
  std::vector<std::string> aliases;  // former addresses, as the source writes them
  int aliases_line = 0;
  bool draft = false;  // `serve` shows drafts, with a banner
  std::string translation_key;
  std::string slug;
  std::string path;  // site path, e.g. fr/lignes-directrices/x/
  std::string html;
  // Guidelines only: the HTML for the print edition, where every guideline is one chapter of
  // a single document. Heading ids are prefixed (model/print_edition.h) and go one level down; links to guidelines point inside the edition, other links are absolute.
  std::string print_html;
  std::vector<Heading> headings;
  std::string plain_text;
  // Links of `html` and `print_html`, as they are there: where the source writes them.
  std::vector<LinkPlace> link_places;
  std::vector<PublishedFile> files;  // the pictures and downloads its links name
  std::vector<Download> downloads;   // the downloads its text links to, in order, once each

  /// The terms of the taxonomy `key` (`tags` or a declared one) and the line they are on.
  const std::vector<std::string>& terms_of(const std::string& key) const;
  int terms_line(const std::string& key) const;
};

struct ActorText {
  std::string html;         // description rendered from Markdown
  std::string plain_text;
  std::string language;     // the language the text is really in
  bool translated = true;   // false when borrowed from another language
  std::vector<LinkPlace> link_places;  // links of `html`: where the record writes them
  std::vector<PublishedFile> files;    // the pictures and downloads of content/media/ it names
};

struct ActorField;

struct Actor {
  ActorRecord record;
  // The record's vocabulary terms, resolved once (model/terms.h): what every output shows.
  TermRef country;
  TermRef kind;
  TermRef region;  // null when the record has none
  std::vector<TermRef> sectors;
  std::vector<TermRef> languages;  // spoken languages
  std::map<std::string, ActorText> descriptions;                   // by site language
  std::map<std::string, std::vector<std::string>> services;        // by site language
  std::map<std::string, std::string> services_language;            // language really shown
  std::optional<PublishedPicture> logo;
  std::vector<PublishedFile> logo_files;  // the logo's sizes, for the media output

  /// The terms of a kTerm or kTermList field of content/actor_schema.h, in the record's
  /// order (none for an optional term left out), for outputs that walk the table of fields.
  std::vector<const SiteTerm*> terms_of(const ActorField& field) const;
};

/// What links in the sources may point to (pages and actors), kept for assemble_part.
struct LinkTargets;

struct Site {
  SiteConfig config;
  SiteVocabulary terms;  // the vocabulary, resolved
  FacetCounts facets;    // actors per facet value, counted once
  SiteTags tags;         // the pages' tags, per language
  std::map<std::string, SiteTags> taxonomies;  // the same for each declared taxonomy, by key
  std::vector<Redirect> redirects;  // former addresses, by `from` (set after assembling)
  PublishedUrls published;          // what it publishes, for the next build (set with them)
  std::vector<Page> pages;    // by language (config order), kind, weight, title
  std::vector<Actor> actors;  // by id
  std::shared_ptr<const LinkTargets> link_targets;

  /// The page of `language` with this translation key, or nullptr.
  const Page* find_page(const std::string& language, const std::string& translation_key) const;
  /// Pages of one language and kind, in order.
  std::vector<const Page*> pages_of(const std::string& language, PageKind kind) const;
  /// The terms of the taxonomy `key`: `tags` or one site.toml declares (else nullptr).
  const SiteTags* taxonomy(const std::string& key) const;
};

/// Resolves the vocabulary terms of `actor.record` into `actor` (see resolve_term).
void resolve_actor_terms(Actor& actor, const SiteVocabulary& terms, const SiteConfig& config,
                         Diagnostics& diagnostics);

/// How many of `actors` each facet value (country, kind, sector, region, country × sector) has.
FacetCounts count_facets(const std::vector<Actor>& actors);

/// Builds the site: computes URLs, renders Markdown, resolves and checks links, and reports
/// duplicate URLs or translation keys. Returns nullopt when errors were found. With a `memo`,
/// a text rendered by the last build is taken from it (markdown/markdown_memo.h).
std::optional<Site> assemble_site(SiteConfig config, std::vector<PageSource> sources,
                                  Directory directory, MediaFiles media, Diagnostics& diagnostics,
                                  MarkdownMemo* memo = nullptr);

/// assemble_site, but the site is returned even when errors were reported (a broken link is
/// rendered as "#"): `check` renders and checks the pages of a site that has errors.
Site assemble_site_past_errors(SiteConfig config, std::vector<PageSource> sources,
                               Directory directory, MediaFiles media, Diagnostics& diagnostics,
                               MarkdownMemo* memo = nullptr);

/// For `passerelle serve`, right after an edit: the part of the site that the pages made from
/// the edited `pages` and `records` need. Those are assembled as assemble_site would, with the
/// links of `previous` (the last site built); around them, from `previous`: their other
/// language versions, the guidelines before and after, the pages of the menu. nullopt when
/// the edit changes more than these pages (a page moved to another URL or left out, an actor
/// `previous` does not have): then only a complete build shows it. Errors are reported, but
/// fragments (#heading) are not checked: the complete build that follows does it.
std::optional<Site> assemble_part(const Site& previous, const std::vector<const PageSource*>& pages,
                                  const std::vector<const ActorRecord*>& records,
                                  Diagnostics& diagnostics);

}  // namespace passerelle
