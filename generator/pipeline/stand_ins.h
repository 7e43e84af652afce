// For `check` of a site with errors: the files that failed to load stand in as empty pages and
// records, so that the site built from what did load has every page and actor, links to the
// broken ones resolve, and only real problems are reported.
#pragma once

#include <set>
#include <string>

#include "pipeline/build.h"

namespace passerelle {

struct WithStandIns {
  SiteSources sources;
  std::set<std::string> stand_ins;  // paths of the files that stand in empty
  bool renderable = true;           // false without a vocabulary: assemble, never render
};

/// `loaded` (with a configuration), plus a stand-in for every Markdown page in `failed` and
/// every actor record that did not load.
WithStandIns with_stand_ins(const SourceTree& tree, const LoadedSources& loaded,
                            const std::set<std::string>& failed);

}  // namespace passerelle
