// The dashboard `passerelle serve` shows at /_passerelle/: what `passerelle check` says about
// the sources (errors and warnings, the translation report) and what `passerelle list` lists
// (drafts, future pages, stale records, untranslated copies), computed again after each
// rebuild by check/ itself. Never part of the built site.
#pragma once

#include <string>
#include <vector>

#include "base/filesystem.h"
#include "check/check.h"
#include "check/listing.h"

namespace passerelle {

struct DashboardData {
  CheckReport check;
  bool listed = false;  // the listings below could be read (site.toml and vocabulary usable)
  std::vector<ListedSource> drafts, future, stale, untranslated;
  std::string checked_at;  // when the data was collected (HH:MM:SS), set by the caller
};

/// Runs `passerelle check` (without fetching external links) and the four listings on
/// `tree`. `options.today` is the day the listings compare dates with.
DashboardData collect_dashboard(const SourceTree& tree, const SourceTree& bundled_themes,
                                CheckOptions options);

/// The dashboard as a complete HTML document in the editor's language, every value escaped;
/// `tree` supplies the source lines of the diagnostics.
std::string dashboard_html(const DashboardData& data, const SourceTree& tree);

/// What the dashboard's address shows until the first check is done.
std::string dashboard_pending_html();

}  // namespace passerelle
