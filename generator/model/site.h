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
#include "content/pages.h"
#include "markdown/markdown.h"

namespace passerelle {

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
};

struct ActorText {
  std::string html;         // description rendered from Markdown
  std::string plain_text;
  std::string language;     // the language the text is really in
  bool translated = true;   // false when borrowed from another language
};

struct Actor {
  ActorRecord record;
  std::map<std::string, ActorText> descriptions;                   // by site language
  std::map<std::string, std::vector<std::string>> services;        // by site language
  std::map<std::string, std::string> services_language;            // language really shown
};

/// What links in the sources may point to (pages and actors), kept for assemble_part.
struct LinkTargets;

struct Site {
  SiteConfig config;
  Vocabulary vocabulary;
  std::vector<Page> pages;    // by language (config order), kind, weight, title
  std::vector<Actor> actors;  // by id
  std::shared_ptr<const LinkTargets> link_targets;

  /// The page of `language` with this translation key, or nullptr.
  const Page* find_page(const std::string& language, const std::string& translation_key) const;
  /// Pages of one language and kind, in order.
  std::vector<const Page*> pages_of(const std::string& language, PageKind kind) const;
};

/// The label and slug of vocabulary term `key` in `language`. Loading checked that every term
/// used exists in every language, so a missing one is a bug: it throws std::out_of_range.
const TermLabel& label_of(const std::map<std::string, Term>& terms, const std::string& key,
                          const std::string& language);

/// Builds the site: computes URLs, renders Markdown, resolves and checks links, and reports
/// duplicate URLs or translation keys. Returns nullopt when errors were found.
std::optional<Site> assemble_site(SiteConfig config, std::vector<PageSource> sources,
                                  Directory directory, Diagnostics& diagnostics);

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
