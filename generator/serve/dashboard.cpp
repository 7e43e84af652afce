#include "serve/dashboard.h"

namespace passerelle {

DashboardData collect_dashboard(const SourceTree& tree, const SourceTree& bundled_themes,
                                CheckOptions options) {
  DashboardData data;
  options.fetch_external = false;  // a check of every outside site at each save: never
  data.check = run_check(tree, bundled_themes, options);
  Diagnostics ignored;  // the check above reports the same files' problems
  if (auto sources = read_listed_sources(tree, ignored)) {
    data.listed = true;
    data.drafts = list_sources(*sources, Listing::kDrafts, options.today);
    data.future = list_sources(*sources, Listing::kFuture, options.today);
    data.stale = list_sources(*sources, Listing::kStale, options.today);
    data.untranslated = list_sources(*sources, Listing::kUntranslated, options.today);
  }
  return data;
}

}  // namespace passerelle
