#include "serve/rebuilds.h"

#include <cstdarg>
#include <cstdio>
#include <ctime>

#include "render/views.h"
#include "serve/error_page.h"
#include "base/text.h"

namespace passerelle {

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

/// printf into a string, for the lines the console prints.
std::string formatted(const char* format, ...) {
  char text[512];
  va_list arguments;
  va_start(arguments, format);
  std::vsnprintf(text, sizeof text, format, arguments);
  va_end(arguments);
  return text;
}

double ms_since(ServeRebuilds::Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(ServeRebuilds::Clock::now() - start).count();
}

}  // namespace

ServeRebuilds::ServeRebuilds(std::string source, std::string bundled_themes, BuildOptions options,
                             LiveSite& live, RebuildConsole console)
    : source_(std::move(source)),
      bundled_themes_(std::move(bundled_themes)),
      options_(options),
      live_(live),
      console_(std::move(console)),
      cache_(options) {}

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
  if (console_.verbose) console_.line(formatted("  sources read again in %.1f ms", ms_since(seen)));
  {
    // From now on, a complete build started before this change is not published: it would
    // hide the pages updated below.
    std::lock_guard lock(mutex_);
    ++latest_;
  }
  if (one_by_one && cache_.ok()) update_pages(paths, seen, reason);
  auto copying = Clock::now();
  auto request = next_request(reason, seen);
  if (console_.verbose) {
    console_.line(
        formatted("  sources copied for the complete build in %.1f ms", ms_since(copying)));
  }
  complete_builds_.post(
      [this, request = std::make_shared<Request>(std::move(request))](
          const std::atomic<bool>& cancelled) { complete_build(std::move(*request), cancelled); });
}

ServeRebuilds::Request ServeRebuilds::next_request(const std::string& reason,
                                                   Clock::time_point seen) {
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
  if (console_.verbose) {
    console_.line(
        formatted("  pages assembled in %.1f ms, rendered in %.1f ms",
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
                  formatted("%zu page(s) updated in %.0f ms; rebuilding the whole site",
                            summary.changed_pages, ms_since(seen)));
  }
  return true;
}

void ServeRebuilds::complete_build(Request request, const std::atomic<bool>& cancelled) {
  DiskSourceTree tree(source_);
  DiskSourceTree bundled(bundled_themes_);
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
  console_.diagnostics(tree, diagnostics);
  if (!result) {
    live_.publish_error(error_page_html(diagnostics, tree));
    console_.line(when + formatted("build failed with %d error(s) in %.0f ms; the browser shows "
                                   "them until they are fixed",
                                   diagnostics.error_count(), ms));
    return;
  }
  std::string counts = build_counts(*result);
  auto summary = live_.publish(std::move(result->plan));
  site_ = std::make_shared<const Site>(std::move(result->site));
  theme_ = std::move(result->theme);
  if (console_.quiet) return;
  std::string line = when + (reason.empty() ? "Built " : "rebuilt ") + counts +
                     formatted(", %d warning(s) in %.0f ms", diagnostics.warning_count(), ms);
  if (summary.everything && !reason.empty()) {
    line += "; every open tab reloads";
  } else if (!reason.empty()) {
    line += formatted("; %zu page(s) changed", summary.changed_pages);
  }
  console_.line(line);
}

}  // namespace passerelle
