// What `passerelle serve` does when sources change, in two steps. At once, the pages made from
// the edited files (a guideline, an actor) are rendered alone and published over the last
// build, so that the tab showing one reloads within a few tens of milliseconds even on a large
// site. Then the complete build — the Project's update() — runs on a thread of its own and
// publishes the whole site (listings, facets, search index, print edition, feeds); an edit
// made meanwhile cancels it.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>

#include "pipeline/project.h"
#include "pipeline/source_cache.h"
#include "serve/latest_job.h"
#include "serve/live_site.h"

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
  /// Blocks until the complete build running or waiting is done, and the dashboard's check
  /// after it (for tests and shutdown).
  void wait_idle() {
    complete_builds_.wait_idle();
    dashboards_.wait_idle();
  }

 private:
  /// Renders and publishes the pages of the edited files; false when the edit needs the
  /// complete build to be seen.
  bool update_pages(const std::set<std::string>& paths, Clock::time_point seen,
                    const std::string& reason);
  /// The complete build after the changes of request `id` (and those before it).
  void complete_build(uint64_t id, const std::string& reason, Clock::time_point seen,
                      const std::atomic<bool>& cancelled);
  /// Publishes what project_ rendered (or its errors) unless a newer request came.
  void publish(uint64_t id, const Diagnostics& diagnostics, const std::string& reason,
               Clock::time_point seen);
  /// Runs `passerelle check` for the dashboard on a thread of its own, after a publication.
  void refresh_dashboard();

  DiskSourceTree tree_;
  DiskSourceTree bundled_themes_;
  LiveSite& live_;
  RebuildConsole console_;
  Project project_;    // the first build, then the complete builds' thread only
  SourceCache cache_;  // the edited files for the pages shown at once: the watching thread's

  std::mutex mutex_;     // guards what follows, and orders the publications
  uint64_t latest_ = 0;  // the newest request: an older complete build is not published
  std::set<std::string> pending_;  // changed since the last complete build started
  std::shared_ptr<const Site> site_;  // of the last complete build, with its theme
  std::shared_ptr<const Theme> theme_;

  BuildOptions options_;
  // The dashboard's checks, which read the sources again: they never delay the pages.
  LatestJob dashboards_;
  LatestJob complete_builds_;  // last: its thread (which posts to dashboards_) stops first
};

}  // namespace passerelle
