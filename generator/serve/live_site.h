// The site as `passerelle serve` holds it in memory: the files of the last build, or the page
// that shows why the build failed; a generation number per rebuild; and, for each file, the
// generation at which its bytes last changed, so that an open tab reloads only when the page
// it shows changed. Pages get a small script tag when they are served, never in the plan, so a
// built site never contains it. Thread-safe: the HTTP server reads while the watcher publishes.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "output/plan.h"
#include "output/sink.h"

namespace passerelle {

struct ServedResponse {
  int status = 200;
  std::string content_type;
  std::string body;
  std::string location;  // where a 301 redirect points
};

struct PublishSummary {
  uint64_t generation = 0;
  size_t changed_pages = 0;  // HTML pages whose bytes differ from the previous build
  size_t changed_files = 0;  // every file whose bytes differ (pages, feeds, assets…)
  bool everything = false;   // first build, failed build, recovery or a page removed
};

class LiveSite {
 public:
  static constexpr const char* kScriptPath = "/_passerelle/live.js";
  static constexpr const char* kEventsPath = "/_passerelle/events";
  /// The dashboard: what `passerelle check` and `passerelle list` say (serve/dashboard.h).
  static constexpr const char* kDashboardPath = "/_passerelle/";

  /// `instance` tells this server's generations from those of an earlier run, so that a tab
  /// left open across a restart reloads too.
  explicit LiveSite(std::string instance);

  /// Serves the files of a successful build from now on. `summaries`: the build's summaries
  /// of the same files in the same order (sorted by path), whose hashes are then not computed
  /// again; a file without one is hashed here.
  PublishSummary publish(OutputPlan plan, const std::vector<FileSummary>& summaries = {});
  /// Serves `files` (some pages of the site, rendered again after an edit) in place of the
  /// ones of the same path, until the next publish(). Costs only the size of `files`: this is
  /// how an edited page is shown before the whole site is rebuilt. Ignored (returns a summary
  /// with generation 0) while a failed build is shown or before the first build, and for a
  /// path the site does not have (a new page changes what other URLs answer: that waits for
  /// the complete build).
  PublishSummary publish_partial(OutputPlan files);
  /// Serves `error_page_html` for every page until the next successful build.
  PublishSummary publish_error(std::string error_page_html);
  /// Serves `html` at kDashboardPath from now on, whether the build works or not; a tab
  /// showing the dashboard reloads when its bytes changed.
  PublishSummary publish_dashboard(std::string html);

  /// The answer to a GET of `url_path` (decoded, starting with '/').
  ServedResponse respond(const std::string& url_path) const;

  /// Whether the page at `url_path` (as the browser shows it, possibly percent-encoded) changed
  /// after `since` (the value the page was served with), without waiting.
  bool changed_since(const std::string& url_path, const std::string& since) const;
  /// `callback` (may be empty) is called after each publication and on stop(), with the site's
  /// lock held: it must only signal (the HTTP server writes to an eventfd), never call back.
  void on_change(std::function<void()> callback);

  enum class Wait { kChanged, kTimeout, kStopped };
  /// Blocks until the page at `url_path` (as the browser shows it, possibly percent-encoded)
  /// changed after `since` (the value the page was served with), `timeout` passed or stop().
  Wait wait_for_change(const std::string& url_path, const std::string& since,
                       std::chrono::milliseconds timeout) const;
  /// Wakes every waiter for good: the server is shutting down.
  void stop();

  uint64_t generation() const;
  /// The files of the last successful build (publish()), without the pages published since:
  /// the next build takes from them the pages it keeps. Never changed once given out.
  std::shared_ptr<const std::map<std::string, std::string>> build_files() const;

  /// The browser side of live reload (served at kScriptPath).
  static const std::string& live_script();

 private:
  using Files = std::map<std::string, std::string>;  // output path → bytes
  struct State {
    uint64_t generation = 0;
    std::shared_ptr<const Files> files = std::make_shared<Files>();  // of the last build
    Files updated;           // pages published since, in place of theirs in `files`
    std::string error_page;  // non-empty while the build is broken
    std::string dashboard;   // empty until the first publish_dashboard()
    const std::string* find(const std::string& path) const;
  };
  /// The file a URL path is answered with ("fr/" → "fr/index.html"); empty if none.
  static std::string file_of(const State& state, const std::string& url_path);
  uint64_t last_change(const State& state, const std::string& url_path) const;
  /// Records that `path` changed in the publication `summary` describes (mutex_ held).
  void note_change(const std::string& path, PublishSummary& summary);
  /// The generation `since` stands for, or nothing when it is from another run or garbage.
  std::optional<uint64_t> seen_generation(const std::string& since) const;
  /// Wakes the waiters and the callback (mutex_ held).
  void notify();

  std::string instance_;
  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  std::shared_ptr<const State> state_;
  std::map<std::string, uint64_t> hashes_;      // output path → hash of its bytes
  std::map<std::string, uint64_t> changed_at_;  // output path → generation of its last change
  uint64_t everything_at_ = 0;
  uint64_t dashboard_hash_ = 0;
  uint64_t dashboard_at_ = 0;  // generation of the dashboard's last change
  bool stopped_ = false;
  std::function<void()> on_change_;
};

/// Whether a redirect to `location` stays on this server: a path starting with exactly one
/// slash, without backslashes or control characters.
bool is_local_location(const std::string& location);

/// The MIME type served for an output path, from its extension.
std::string content_type_of(const std::string& path);

}  // namespace passerelle
