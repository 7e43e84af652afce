// `passerelle list`: the sources that need an editor's attention, one kind at a time, like
// `hugo list drafts`: drafts (pages and actor records), pages dated in the future, records not
// reviewed for too long, translations still in the source language.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "base/filesystem.h"
#include "config/config.h"
#include "content/directory.h"
#include "content/pages.h"

namespace passerelle {

enum class Listing { kDrafts, kFuture, kStale, kUntranslated };

/// The listing named "drafts", "future", "stale" or "untranslated"; nullopt for another name.
std::optional<Listing> listing_named(std::string_view name);

struct ListedSource {
  std::string path;
  std::string language;  // a page's language; "" for an actor record (every language)
  std::string title;     // a page's title, an actor's name (its id while the name is empty)
  std::string reason;
};

/// What a listing looks at: every page and record that parses, drafts included.
struct ListedSources {
  SiteConfig config;
  std::vector<PageSource> pages;
  std::vector<ActorRecord> actors;
};

/// Reads the sources of `tree` for a listing; nullopt when site.toml or the vocabulary is
/// unusable. Files with errors are left out, their errors in `diagnostics`.
std::optional<ListedSources> read_listed_sources(const SourceTree& tree, Diagnostics& diagnostics);

/// The sources of one listing, by path. `today` is YYYY-MM-DD (future, stale).
std::vector<ListedSource> list_sources(const ListedSources& sources, Listing listing,
                                       const std::string& today);

}  // namespace passerelle
