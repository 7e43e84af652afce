#include "model/redirects.h"

#include <map>
#include <optional>
#include <set>

#include "base/text.h"
#include "messages/messages.h"
#include "model/directory_filters.h"
#include "model/print_edition.h"
#include "model/site.h"

namespace passerelle {

namespace {

struct Destination {
  std::string language;
  std::string title;
  std::string source;  // the file it is made from; empty for section pages
};

/// The pages made from the model rather than from a file: sections, facets, tags.
void add_generated_pages(const Site& site, const LanguageConfig& language,
                         std::map<std::string, Destination>& pages) {
  auto add = [&](const std::string& path) { pages[path] = {language.code, language.title, ""}; };
  for (auto path_of : {&home_path, &guidelines_path, &directory_path, &search_path, &tags_path,
                       &print_edition_path}) {
    add(path_of(language));
  }
  for (const auto& volume : print_volumes(site, language)) add(volume.path);
  // The pages after the first of the listings split in pages (render/pagination.cpp).
  size_t page_size = static_cast<size_t>(site.config.listing_page_size);
  auto add_listing = [&](const std::string& path, size_t entries) {
    for (size_t n = 2; n <= listing_page_count(entries, page_size); ++n) add(listing_page_path(path, n));
  };
  add_listing(directory_path(language), site.actors.size());
  for (const auto& page : directory_filter_pages(site)) {
    std::string path = directory_filter_path(language, page.filter);
    add(path);
    add_listing(path, page.actors);
  }
  add_listing(guidelines_path(language), site.pages_of(language.code, PageKind::kGuideline).size());
  for (const auto& key : taxonomy_keys(site.config.taxonomies)) {
    const auto& by_language = site.taxonomy(key)->by_language;
    auto terms = by_language.find(language.code);
    if (terms == by_language.end()) continue;
    add(taxonomy_path(site.config, language, key));
    for (const auto& term : terms->second) {
      add(taxonomy_term_path(site.config, language, key, term.slug));
      add_listing(taxonomy_term_path(site.config, language, key, term.slug), term.pages.size());
    }
  }
}

/// Every address the site publishes a page at, with what the page is.
std::map<std::string, Destination> published_pages(const Site& site) {
  std::map<std::string, Destination> pages;
  for (const auto& language : site.config.languages) {
    add_generated_pages(site, language, pages);
    for (const auto& actor : site.actors) {
      pages[actor_path(language, actor.record.id)] = {language.code, actor.record.name, actor.record.path};
    }
  }
  for (const auto& page : site.pages) pages[page.path] = {page.language, page.title, page.source_path};
  return pages;
}

/// "/fr/x" → "fr/x/"; a slug → `folder` + slug + "/"; nullopt when it is neither.
std::optional<std::string> alias_path(const std::string& alias, const std::string& folder) {
  if (!starts_with(alias, "/")) {
    if (!is_valid_id(alias)) return std::nullopt;
    return folder + alias + "/";
  }
  std::string path = alias.substr(1);
  if (path.empty() || path.find("//") != std::string::npos || path.find("..") != std::string::npos ||
      path.find_first_of("?#\\ ") != std::string::npos) {
    return std::nullopt;
  }
  if (!ends_with(path, "/") && path.find('.', path.rfind('/') + 1) == std::string::npos) path += '/';
  return path;
}

struct Planned {
  std::string to;
  SourceLocation location;  // empty path: carried over from the last build
};

class RedirectTable {
 public:
  RedirectTable(const std::map<std::string, Destination>& pages, Diagnostics& diagnostics)
      : pages_(pages), diagnostics_(diagnostics) {}

  /// A redirect the sources ask for: a page at `from`, or a second target, is an error (false).
  bool add_written(const std::string& from, const std::string& to, const SourceLocation& location,
                   const std::string& written) {
    if (pages_.count(from)) {
      diagnostics_.error(location, format_message(tr("alias '%1$s' is the address of a page of "
                                                     "the site (%2$s): it cannot redirect"),
                                                  written, from));
      return false;
    }
    auto [entry, fresh] = planned_.emplace(from, Planned{to, location});
    if (!fresh && entry->second.to != to) {
      diagnostics_.error(location, format_message(tr("alias '%1$s' already leads to %2$s (%3$s)"),
                                                  written, entry->second.to,
                                                  format_location(entry->second.location)));
      return false;
    }
    return true;
  }

  /// A redirect of the last build: kept unless its address is taken.
  void add_carried(const std::string& from, const std::string& to) {
    if (!pages_.count(from) && from != to) planned_.emplace(from, Planned{to, {}});
  }

  void bad_alias(const SourceLocation& location, const std::string& alias) {
    diagnostics_.error(location, format_message(tr("alias '%1$s' must be a slug (a-z, 0-9 and "
                                                   "hyphens) or a path from the site's root, such "
                                                   "as \"/fr/ancienne-page/\""),
                                                alias));
  }

  bool has(const std::string& from) const { return planned_.count(from) > 0; }

  /// Each redirect leads straight to its last target; loops are errors (or dropped when only
  /// carried redirects make them).
  std::map<std::string, std::string> collapsed() const {
    std::map<std::string, std::string> result;
    for (const auto& [from, planned] : planned_) {
      std::vector<std::string> chain{from};
      std::set<std::string> seen{from};
      std::string to = planned.to;
      bool loop = false;
      for (auto next = planned_.find(to); next != planned_.end(); next = planned_.find(to)) {
        if (!seen.insert(to).second) {
          loop = true;
          break;
        }
        chain.push_back(to);
        to = next->second.to;
      }
      if (loop) {
        if (!planned.location.path.empty()) {
          chain.push_back(to);
          diagnostics_.error(planned.location, format_message(tr("redirect loop: %1$s"),
                                                              join_with(chain, " → ")));
        }
        continue;
      }
      result[from] = to;
    }
    return result;
  }

 private:
  const std::map<std::string, Destination>& pages_;
  Diagnostics& diagnostics_;
  std::map<std::string, Planned> planned_;
};

/// A page's aliases: slugs beside it in its section, or paths from the site's root.
void add_page_aliases(const Site& site, RedirectTable& table) {
  for (const auto& page : site.pages) {
    std::string folder = page.path.substr(0, page.path.rfind('/', page.path.size() - 2) + 1);
    for (const auto& alias : page.aliases) {
      SourceLocation location{page.source_path, std::max(page.aliases_line, 1), 1};
      if (auto from = alias_path(alias, folder)) {
        table.add_written(*from, page.path, location, alias);
      } else {
        table.bad_alias(location, alias);
      }
    }
  }
}

/// A record's aliases are former ids: each language's page at that id redirects.
void add_actor_aliases(const Site& site, RedirectTable& table) {
  for (const auto& actor : site.actors) {
    auto line = actor.record.lines.find("aliases");
    SourceLocation location{actor.record.path, line == actor.record.lines.end() ? 1 : line->second, 1};
    for (const auto& alias : actor.record.aliases) {
      if (!is_valid_id(alias)) {
        table.bad_alias(location, alias);
        continue;
      }
      for (const auto& language : site.config.languages) {
        // One error for the alias, not one per language.
        if (!table.add_written(actor_path(language, alias), actor_path(language, actor.record.id),
                               location, alias)) {
          break;
        }
      }
    }
  }
}

void add_configured(const Site& site, RedirectTable& table) {
  for (const auto& redirect : site.config.redirects) {
    auto from = alias_path(redirect.from, "");
    auto to = alias_path(redirect.to, "");
    if (!from || !starts_with(redirect.from, "/")) {
      table.bad_alias(redirect.location, redirect.from);
    } else if (!to || !starts_with(redirect.to, "/")) {
      table.bad_alias(redirect.location, redirect.to);
    } else {
      table.add_written(*from, *to, redirect.location, redirect.from);
    }
  }
}

/// Pages of the last build now published elsewhere, and its redirects.
void add_carried(const std::map<std::string, Destination>& pages, const PublishedUrls& previous,
                 RedirectTable& table) {
  std::map<std::pair<std::string, std::string>, std::string> by_source;  // (language, source) → path
  for (const auto& [path, page] : pages) {
    if (!page.source.empty()) by_source[{page.language, page.source}] = path;
  }
  for (const auto& [path, source] : previous.pages) {
    if (pages.count(path) || table.has(path)) continue;
    auto now = by_source.find({path.substr(0, path.find('/')), source});
    if (now != by_source.end()) table.add_carried(path, now->second);
  }
  for (const auto& [from, to] : previous.redirects) {
    if (!table.has(from)) table.add_carried(from, to);
  }
}

}  // namespace

SiteAddresses resolve_redirects(const Site& site, const PublishedUrls& previous, bool warn_vanished,
                                Diagnostics& diagnostics) {
  auto pages = published_pages(site);
  RedirectTable table(pages, diagnostics);
  add_page_aliases(site, table);
  add_actor_aliases(site, table);
  add_configured(site, table);
  add_carried(pages, previous, table);
  SiteAddresses addresses;
  for (const auto& [from, to] : table.collapsed()) {
    auto page = pages.find(to);
    std::string language = page != pages.end() ? page->second.language : to.substr(0, to.find('/'));
    if (!site.config.language(language)) language = site.config.default_language;
    addresses.redirects.push_back({from, to, language, page != pages.end() ? page->second.title : "/" + to});
    addresses.published.redirects[from] = to;
  }
  for (const auto& [path, page] : pages) {
    if (!page.source.empty()) addresses.published.pages[path] = page.source;
  }
  if (warn_vanished) {
    for (const auto& [path, source] : previous.pages) {
      if (pages.count(path) || table.has(path)) continue;
      diagnostics.warning({source, 0, 0},
                          format_message(tr("%1$s was published by the last build and is gone: "
                                            "add it to the aliases of the page that replaces it, "
                                            "so that links to it still lead somewhere"),
                                         "/" + path));
    }
  }
  return addresses;
}

}  // namespace passerelle
