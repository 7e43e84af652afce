#include "serve/rebuilds.h"

#include <cstdio>
#include <ctime>

#include "render/views.h"
#include "serve/dashboard.h"
#include "serve/error_page.h"
#include "base/text.h"
#include "messages/messages.h"

namespace passerelle {

namespace {

std::string clock_time() { return local_time_text(std::time(nullptr), "%H:%M:%S"); }

std::string describe(const std::set<std::string>& changed) {
  const std::string& first = *changed.begin();
  if (changed.size() == 1) return format_message(tr("%1$s changed"), first);
  size_t others = changed.size() - 1;
  return format_message(trn("%1$s and %2$zu other file changed",
                            "%1$s and %2$zu other files changed", others),
                        first, others);
}

double ms_since(ServeRebuilds::Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(ServeRebuilds::Clock::now() - start).count();
}

}  // namespace

ServeRebuilds::ServeRebuilds(std::string source, std::string bundled_themes, BuildOptions options,
                             LiveSite& live, RebuildConsole console)
    : tree_(std::move(source)),
      bundled_themes_(std::move(bundled_themes)),
      live_(live),
      console_(std::move(console)),
      project_(tree_, bundled_themes_, options),
      cache_(options),
      options_(options) {}

void ServeRebuilds::first_build() {
  auto started = Clock::now();
  Diagnostics diagnostics;
  project_.build(diagnostics);
  cache_ = project_.cache();
  live_.publish_dashboard(dashboard_pending_html());
  publish(0, diagnostics, "", started);
}

void ServeRebuilds::changed(const std::set<std::string>& all_paths, Clock::time_point seen) {
  std::set<std::string> paths;
  std::vector<std::string> sources;  // the theme is read by the complete build
  for (const auto& path : all_paths) {
    if (!SourceCache::is_read(path)) continue;
    paths.insert(path);
    if (!starts_with(path, "themes/")) sources.push_back(path);
  }
  if (paths.empty()) return;  // nothing the site is made from
  std::string reason = describe(paths);
  bool one_by_one = cache_.update(tree_, sources);
  if (!one_by_one) cache_.load_all(tree_);
  // With another theme, the pages rendered at once would not be those of the complete build.
  one_by_one = one_by_one && sources.size() == paths.size();
  if (console_.verbose) {
    console_.line(format_message(tr("  sources read again in %1$.1f ms"), ms_since(seen)));
  }
  uint64_t id;
  {
    // From now on, a complete build started before this change is not published: it would
    // hide the pages updated below.
    std::lock_guard lock(mutex_);
    id = ++latest_;
    pending_.insert(paths.begin(), paths.end());
  }
  if (one_by_one && cache_.ok()) update_pages(paths, seen, reason);
  // The check of the last build is out of date, and on a large site it would share the cores
  // with this build for tens of seconds: stopped. Before the build is posted, which posts the
  // next check when it publishes (an older build, now out of date, publishes nothing).
  dashboards_.cancel();
  complete_builds_.post([this, id, reason, seen](const std::atomic<bool>& cancelled) {
    complete_build(id, reason, seen, cancelled);
  });
}

bool ServeRebuilds::update_pages(const std::set<std::string>& paths, Clock::time_point seen,
                                 const std::string& reason) {
  std::shared_ptr<const Site> site;
  std::shared_ptr<const Theme> theme;
  {
    std::lock_guard lock(mutex_);
    site = site_;
    theme = theme_;
  }
  if (!site || !theme) return false;
  // Problems are reported by the complete build, which follows.
  Diagnostics diagnostics;
  std::vector<const PageSource*> pages;
  std::vector<const ActorRecord*> records;
  for (const auto& path : paths) {
    const PageSource* page = cache_.page(path);
    const ActorRecord* record = page ? nullptr : cache_.record(path);
    if (!page && !record) return false;  // removed, or a draft left out
    if (page) pages.push_back(page);
    if (record) records.push_back(record);
  }
  auto assembling = Clock::now();
  auto part = assemble_part(*site, pages, records, diagnostics);
  if (!part || diagnostics.has_errors()) return false;
  auto rendering = Clock::now();
  OutputPlan files = render_pages_of(*part, *theme, paths, diagnostics);
  if (files.empty() || diagnostics.has_errors()) return false;
  if (console_.verbose) {
    console_.line(
        format_message(tr("  pages assembled in %1$.1f ms, rendered in %2$.1f ms"),
                       std::chrono::duration<double, std::milli>(rendering - assembling).count(),
                       ms_since(rendering)));
  }
  PublishSummary summary;
  {
    std::lock_guard lock(mutex_);
    summary = live_.publish_partial(std::move(files));
  }
  if (summary.generation == 0) return false;
  if (!console_.quiet) {
    console_.line("[" + clock_time() + "] " + reason + ": " +
                  format_message(tr("%1$zu page(s) updated in %2$.0f ms; rebuilding the whole "
                                    "site"),
                                 summary.changed_pages, ms_since(seen)));
  }
  return true;
}

void ServeRebuilds::complete_build(uint64_t id, const std::string& reason,
                                   Clock::time_point seen, const std::atomic<bool>& cancelled) {
  std::set<std::string> paths;
  {
    std::lock_guard lock(mutex_);
    paths.swap(pending_);
  }
  // A cancelled update has read its files again already; the next one renders them.
  Diagnostics diagnostics;
  // The pages whose sources did not change are taken from the site served (when they are
  // still those of the last build) instead of rendered again.
  auto files = live_.build_files();
  auto previous_file = [files](const std::string& path) -> const std::string* {
    auto found = files->find(path);
    return found == files->end() ? nullptr : &found->second;
  };
  project_.update(paths, diagnostics, &cancelled, previous_file);
  if (cancelled) return;
  publish(id, diagnostics, reason, seen);
}

void ServeRebuilds::publish(uint64_t id, const Diagnostics& diagnostics, const std::string& reason,
                            Clock::time_point seen) {
  std::lock_guard lock(mutex_);
  if (id != latest_) return;  // a newer edit's build follows
  double ms = ms_since(seen);
  std::string when = reason.empty() ? "" : "[" + clock_time() + "] " + reason + ": ";
  console_.diagnostics(tree_, diagnostics);
  refresh_dashboard();
  auto& result = project_.result();
  if (!result) {
    // Reported before the page is published, so that whoever sees the error page finds the report.
    console_.line(when + format_message(tr("build failed with %1$d error(s) in %2$.0f ms; the "
                                           "browser shows them until they are fixed"),
                                        diagnostics.error_count(), ms));
    live_.publish_error(error_page_html(diagnostics, tree_));
    return;
  }
  std::string counts = build_counts(*result);
  // Taken from the project, which keeps only what tells the next update's changes.
  auto summary = live_.publish(std::move(result->plan), result->files);
  site_ = std::make_shared<const Site>(std::move(result->site));
  theme_ = result->theme;
  result.reset();
  if (console_.quiet) return;
  const char* built = reason.empty() ? tr("Built %1$s, %2$d warning(s) in %3$.0f ms")
                                     : tr("rebuilt %1$s, %2$d warning(s) in %3$.0f ms");
  std::string line = when + format_message(built, counts, diagnostics.warning_count(), ms);
  if (summary.everything && !reason.empty()) {
    line += tr("; every open tab reloads");
  } else if (!reason.empty()) {
    line += format_message(tr("; %1$zu page(s) changed"), summary.changed_pages);
  }
  console_.line(line);
}

void ServeRebuilds::refresh_dashboard() {
  dashboards_.post([this](const std::atomic<bool>& cancelled) {
    CheckOptions options;
    options.include_drafts = options_.include_drafts;
    options.include_future = options_.include_future;
    options.today = options_.today;
    // The caches of the builds: without them, each check after an edit made every photo's
    // variants and counted every document's words again (20 s of CPU at large).
    options.picture_cache = options_.picture_cache;
    options.search_cache = options_.search_cache;
    options.cancelled = &cancelled;
    DashboardData data = collect_dashboard(tree_, bundled_themes_, options);
    if (cancelled) return;  // the next edit's check follows
    data.checked_at = clock_time();
    live_.publish_dashboard(dashboard_html(data, tree_));
  });
}

}  // namespace passerelle
