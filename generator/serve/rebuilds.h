// What `passerelle serve` does when sources change, in two steps. At once, the pages made from
// the edited files (a guideline, an actor) are rendered alone and published over the last
// build, so that the tab showing one reloads within a few tens of milliseconds even on a large
// site. Then the complete build runs on a thread of its own and publishes the whole site
// (listings, facets, search index, print edition, feeds); an edit made meanwhile cancels it.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>

#include "pipeline/build.h"
#include "serve/latest_job.h"
#include "serve/live_site.h"
#include "serve/source_cache.h"

namespace passerelle {

/// Where the rebuilds' messages go; cli/ prints them.
struct RebuildConsole {
  bool quiet = false;    // no summary lines
  bool verbose = false;  // timings of each step too
  /// One line for stdout, without its newline.
  std::function<void(const std::string& line)> line;
  /// The diagnostics of a complete build, before its summary line.
  std::function<void(const SourceTree& tree, const Diagnostics& diagnostics)> diagnostics;
};

class ServeRebuilds {
 public:
  using Clock = std::chrono::steady_clock;

  /// `source`: the site's folder; `bundled_themes`: the folder of the bundled themes.
  ServeRebuilds(std::string source, std::string bundled_themes, BuildOptions options,
                LiveSite& live, RebuildConsole console);

  /// Loads and builds the whole site, before the server starts.
  void first_build();
  /// Reacts to changes of the files at `paths` (relative to the site), seen at `seen`.
  void changed(const std::set<std::string>& paths, Clock::time_point seen);
  /// Blocks until the complete build running or waiting is done (for tests and shutdown).
  void wait_idle() { complete_builds_.wait_idle(); }

 private:
  struct Request {
    uint64_t id = 0;
    std::optional<SharedSources> sources;  // none: the sources have errors
    Diagnostics diagnostics;               // of loading the sources
    std::string reason;                    // "x.md changed", empty for the first build
    Clock::time_point seen;
  };
  /// Renders and publishes the pages of the edited files; false when the edit needs the
  /// complete build to be seen.
  bool update_pages(const std::set<std::string>& paths, Clock::time_point seen,
                    const std::string& reason);
  Request next_request(const std::string& reason, Clock::time_point seen);
  void complete_build(Request request, const std::atomic<bool>& cancelled);

  std::string source_;
  std::string bundled_themes_;
  BuildOptions options_;
  LiveSite& live_;
  RebuildConsole console_;
  SourceCache cache_;  // used by the watching thread only

  std::mutex mutex_;     // guards what follows, and orders the publications
  uint64_t latest_ = 0;  // the newest request: an older complete build is not published
  std::shared_ptr<const Site> site_;  // of the last complete build, with its theme
  std::shared_ptr<const Theme> theme_;

  LatestJob complete_builds_;  // last: its thread stops before the rest goes
};

}  // namespace passerelle
