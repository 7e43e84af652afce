#include "cli/serve_rebuilds.h"

#include <cstdio>
#include <ctime>

#include "cli/commands.h"
#include "render/views.h"
#include "serve/error_page.h"
#include "text.h"

namespace passerelle::cli {

namespace {

std::string clock_time() {
  std::time_t now = std::time(nullptr);
  char text[16];
  std::strftime(text, sizeof text, "%H:%M:%S", std::localtime(&now));
  return text;
}

std::string describe(const std::set<std::string>& changed) {
  std::string first = *changed.begin();
  if (changed.size() == 1) return first + " changed";
  return first + " and " + std::to_string(changed.size() - 1) + " other file(s) changed";
}

double ms_since(ServeRebuilds::Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(ServeRebuilds::Clock::now() - start).count();
}

}  // namespace

ServeRebuilds::ServeRebuilds(std::string source, BuildOptions options, LiveSite& live,
                             ConsoleStyle style)
    : source_(std::move(source)), options_(options), live_(live), style_(style), cache_(options) {}

void ServeRebuilds::first_build() {
  auto started = Clock::now();
  cache_.load_all(DiskSourceTree(source_));
  std::atomic<bool> never{false};
  complete_build(next_request("", started), never);
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
  DiskSourceTree tree(source_);
  std::string reason = describe(paths);
  bool one_by_one = cache_.update(tree, sources);
  if (!one_by_one) cache_.load_all(tree);
  // With another theme, the pages rendered at once would not be those of the complete build.
  one_by_one = one_by_one && sources.size() == paths.size();
  if (style_.verbose) std::printf("  sources read again in %.1f ms\n", ms_since(seen));
  {
    // From now on, a complete build started before this change is not published: it would
    // hide the pages updated below.
    std::lock_guard lock(mutex_);
    ++latest_;
  }
  if (one_by_one && cache_.ok()) update_pages(paths, seen, reason);
  auto copying = Clock::now();
  auto request = next_request(reason, seen);
  if (style_.verbose) std::printf("  sources copied for the complete build in %.1f ms\n", ms_since(copying));
  complete_builds_.post([this, request = std::make_shared<Request>(std::move(request))](
                            const std::atomic<bool>& cancelled) {
    complete_build(std::move(*request), cancelled);
  });
}

ServeRebuilds::Request ServeRebuilds::next_request(const std::string& reason, Clock::time_point seen) {
  Request request;
  {
    std::lock_guard lock(mutex_);
    request.id = latest_;
  }
  if (cache_.ok()) request.sources = cache_.sources();
  request.diagnostics = cache_.diagnostics();
  request.reason = reason;
  request.seen = seen;
  return request;
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
  if (style_.verbose) {
    std::printf("  pages assembled in %.1f ms, rendered in %.1f ms\n",
                std::chrono::duration<double, std::milli>(rendering - assembling).count(),
                ms_since(rendering));
  }
  PublishSummary summary;
  {
    std::lock_guard lock(mutex_);
    summary = live_.publish_partial(std::move(files));
  }
  if (summary.generation == 0) return false;
  if (!style_.quiet) {
    std::printf("[%s] %s: %zu page(s) updated in %.0f ms; rebuilding the whole site\n",
                clock_time().c_str(), reason.c_str(), summary.changed_pages, ms_since(seen));
    std::fflush(stdout);
  }
  return true;
}

void ServeRebuilds::complete_build(Request request, const std::atomic<bool>& cancelled) {
  DiskSourceTree tree(source_);
  DiskSourceTree bundled(bundled_themes_folder());
  Diagnostics diagnostics = std::move(request.diagnostics);
  std::optional<BuildResult> result;
  if (request.sources) {
    BuildOptions options = options_;
    options.cancelled = &cancelled;
    result = build_from_sources(request.sources->copy(), tree, bundled, options, diagnostics);
  }
  if (cancelled) return;
  std::lock_guard lock(mutex_);
  if (request.id != latest_) return;  // a newer edit's build follows
  double ms = ms_since(request.seen);
  const std::string& reason = request.reason;
  std::string when = reason.empty() ? "" : "[" + clock_time() + "] " + reason + ": ";
  print_diagnostics(tree, diagnostics, style_);
  if (!result) {
    live_.publish_error(error_page_html(diagnostics, tree));
    std::printf(
        "%sbuild failed with %d error(s) in %.0f ms; the browser shows them until they are fixed\n",
        when.c_str(), diagnostics.error_count(), ms);
    std::fflush(stdout);
    return;
  }
  std::string counts = build_counts(*result);
  auto summary = live_.publish(std::move(result->plan));
  site_ = std::make_shared<const Site>(std::move(result->site));
  theme_ = std::move(result->theme);
  if (style_.quiet) return;
  std::printf("%s%s %s, %d warning(s) in %.0f ms", when.c_str(), reason.empty() ? "Built" : "rebuilt",
              counts.c_str(), diagnostics.warning_count(), ms);
  if (summary.everything && !reason.empty()) {
    std::printf("; every open tab reloads");
  } else if (!reason.empty()) {
    std::printf("; %zu page(s) changed", summary.changed_pages);
  }
  std::printf("\n");
  std::fflush(stdout);
}

}  // namespace passerelle::cli
