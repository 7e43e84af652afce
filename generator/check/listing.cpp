#include "check/listing.h"

#include <algorithm>

#include "check/untranslated.h"
#include "messages/messages.h"
#include "content/freshness.h"
#include "content/load_all.h"
#include "pipeline/build.h"

namespace passerelle {

namespace {

std::string actor_title(const ActorRecord& actor) {
  return actor.name.empty() ? actor.id : actor.name;
}

std::string draft_reason(const ActorRecord& actor) {
  if (actor.draft_problems == 0) return tr("draft: shown by serve, left out of build");
  return format_message(trn("draft with %1$d problem to fix before it has a page (see passerelle "
                            "check --drafts)",
                            "draft with %1$d problems to fix before it has a page (see passerelle "
                            "check --drafts)",
                            static_cast<unsigned long>(actor.draft_problems)),
                        actor.draft_problems);
}

}  // namespace

std::optional<Listing> listing_named(std::string_view name) {
  if (name == "drafts") return Listing::kDrafts;
  if (name == "future") return Listing::kFuture;
  if (name == "stale") return Listing::kStale;
  if (name == "untranslated") return Listing::kUntranslated;
  return std::nullopt;
}

std::optional<ListedSources> read_listed_sources(const SourceTree& tree, Diagnostics& diagnostics) {
  auto config = load_config(tree, BuildOptions{}, diagnostics);
  if (!config) return std::nullopt;
  auto vocabulary = load_vocabulary(tree, *config, diagnostics);
  if (!vocabulary) return std::nullopt;
  ListedSources sources{*config, load_pages(tree, *config, true, diagnostics), {}};
  sources.actors = load_all<ActorRecord>(
      actor_files(tree),
      [&](const std::string& path, Diagnostics& found) {
        return load_actor_file(tree, path, *config, *vocabulary, true, found, true);
      },
      diagnostics);
  return sources;
}

std::vector<ListedSource> list_sources(const ListedSources& sources, Listing listing,
                                       const std::string& today) {
  std::vector<ListedSource> listed;
  const int months = static_cast<int>(sources.config.review_months);
  for (const auto& page : sources.pages) {
    std::string reason;
    if (listing == Listing::kDrafts && page.draft) reason = tr("draft: shown by serve, left out of build");
    if (listing == Listing::kFuture) reason = date_problem(page, today);
    if (!reason.empty()) listed.push_back({page.path, page.language, page.title, reason});
  }
  for (const auto& actor : sources.actors) {
    std::string reason;
    if (listing == Listing::kDrafts && actor.draft) reason = draft_reason(actor);
    if (listing == Listing::kStale) reason = review_problem(actor, today, months);
    if (!reason.empty()) listed.push_back({actor.path, "", actor_title(actor), reason});
  }
  if (listing == Listing::kUntranslated) {
    for (auto& copy : untranslated_copies(sources.config, sources.pages, sources.actors)) {
      listed.push_back({copy.path, copy.language, copy.title, copy.reason});
    }
  }
  std::stable_sort(listed.begin(), listed.end(), [](const auto& a, const auto& b) {
    return std::tie(a.path, a.language) < std::tie(b.path, b.language);
  });
  return listed;
}

}  // namespace passerelle
