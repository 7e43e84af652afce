#include "serve/live_site.h"

#include <algorithm>
#include <functional>
#include <set>

#include "base/escaping.h"
#include "base/text.h"

namespace passerelle {

namespace {

const char* const kLiveScript =
    R"js(// Live reload while previewing with `passerelle serve`. The server adds this script to the
// pages it serves; a built site never contains it. The server answers the event stream with
// "reload" when the page shown here changed (or the build failed, or was fixed).
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !window.EventSource) return;
  var url = '/_passerelle/events?since=' + encodeURIComponent(script.dataset.since || '') +
            '&page=' + encodeURIComponent(window.location.pathname);
  var events = null;
  var later = 0;
  function close() {
    clearTimeout(later);
    if (events) events.close();
    events = null;
  }
  function open() {
    if (events || document.visibilityState === 'hidden') return;
    events = new EventSource(url);
    events.addEventListener('reload', function () {
      close();
      window.location.reload();
    });
    events.addEventListener('error', function () {
      // Refused (the server is overloaded): the browser gives up, so try again later.
      if (events && events.readyState === EventSource.CLOSED) {
        events = null;
        later = setTimeout(open, 5000);
      }
    });
  }
  // A hidden tab holds no stream: a browser opens at most 6 connections to a server, and the
  // streams of 6 background tabs would leave none for loading pages. Shown again, the tab
  // opens its stream, which reloads it at once if its page changed meanwhile.
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden') {
      close();
    } else {
      open();
    }
  });
  open();
})();
)js";

/// Adds the live-reload script before </head> (or at the end when there is none).
std::string with_live_script(const std::string& html, const std::string& since) {
  std::string tag = std::string("<script src=\"") + LiveSite::kScriptPath + "\" data-since=\"" +
                    escape_html(since) + "\" defer></script>\n";
  size_t head_end = html.find("</head>");
  if (head_end == std::string::npos) return html + tag;
  return html.substr(0, head_end) + tag + html.substr(head_end);
}

/// Whether `url_path` (decoded) names the dashboard.
bool is_dashboard(const std::string& url_path) {
  return url_path == LiveSite::kDashboardPath ||
         url_path == std::string(LiveSite::kDashboardPath) + "index.html";
}

}  // namespace

bool is_local_location(const std::string& location) {
  // "/x" stays on this host; "//host", "/\host" (a backslash is a slash to a browser) and
  // anything with a scheme or a control character do not.
  if (location.empty() || location[0] != '/') return false;
  if (location.size() > 1 && (location[1] == '/' || location[1] == '\\')) return false;
  return std::none_of(location.begin(), location.end(), [](char c) {
    auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7F || c == '\\';
  });
}

std::string content_type_of(const std::string& path) {
  static const std::map<std::string, std::string> kTypes = {
      {".html", "text/html; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".json", "application/json"},
      {".xml", "application/xml"},
      {".csv", "text/csv; charset=utf-8"},
      {".txt", "text/plain; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".pdf", "application/pdf"},
  };
  if (ends_with(path, "atom.xml")) return "application/atom+xml";
  size_t dot = path.rfind('.');
  if (dot != std::string::npos && path.find('/', dot) == std::string::npos) {
    auto it = kTypes.find(path.substr(dot));
    if (it != kTypes.end()) return it->second;
  }
  return "application/octet-stream";
}

LiveSite::LiveSite(std::string instance)
    : instance_(std::move(instance)), state_(std::make_shared<State>()) {}

const std::string* LiveSite::State::find(const std::string& path) const {
  if (auto it = updated.find(path); it != updated.end()) return &it->second;
  if (auto it = files->find(path); it != files->end()) return &it->second;
  return nullptr;
}

void LiveSite::note_change(const std::string& path, PublishSummary& summary) {
  changed_at_[path] = summary.generation;
  ++summary.changed_files;
  if (ends_with(path, ".html")) ++summary.changed_pages;
}

PublishSummary LiveSite::publish(OutputPlan plan, const std::vector<FileSummary>& summaries) {
  auto next = std::make_shared<State>();
  auto files = std::make_shared<Files>();
  std::map<std::string, uint64_t> hashes;
  for (size_t i = 0; i < plan.size(); ++i) {
    auto& file = plan[i];
    // The build hashed every file already (the same hash): at large, hashing them again was a
    // sixth of a rebuild.
    bool summarized = i < summaries.size() && summaries[i].path == file.path &&
                      summaries[i].size == file.bytes.size();
    hashes[file.path] = summarized ? summaries[i].hash : std::hash<std::string>{}(file.bytes);
    files->emplace_hint(files->end(), file.path, std::move(file.bytes));
  }
  next->files = std::move(files);
  std::lock_guard lock(mutex_);
  next->dashboard = state_->dashboard;
  PublishSummary summary;
  summary.generation = next->generation = state_->generation + 1;
  for (const auto& [path, hash] : hashes) {
    auto old = hashes_.find(path);
    if (old != hashes_.end() && old->second == hash) continue;
    note_change(path, summary);
  }
  // A new file is a change at its own path (a tab showing a 404 there reloads); a removed
  // page may be open anywhere, and where it was now answers 404.html. Other files come and go
  // without a tab showing them (a search index's shards are named after their content).
  bool page_removed = std::any_of(hashes_.begin(), hashes_.end(), [&](const auto& entry) {
    return ends_with(entry.first, ".html") && !hashes.count(entry.first);
  });
  summary.everything = page_removed || !state_->error_page.empty() || state_->generation == 0;
  if (summary.everything) everything_at_ = summary.generation;
  for (auto it = changed_at_.begin(); it != changed_at_.end();) {
    it = hashes.count(it->first) ? std::next(it) : changed_at_.erase(it);
  }
  hashes_ = std::move(hashes);
  state_ = std::move(next);
  notify();
  return summary;
}

PublishSummary LiveSite::publish_partial(OutputPlan files) {
  std::lock_guard lock(mutex_);
  PublishSummary summary;
  if (state_->generation == 0 || !state_->error_page.empty()) return summary;
  for (const auto& file : files) {
    if (!hashes_.count(file.path)) return summary;
  }
  // The map of the last build is shared, not copied: only the updated pages are new.
  auto next = std::make_shared<State>(*state_);
  summary.generation = next->generation = state_->generation + 1;
  for (auto& file : files) {
    uint64_t hash = std::hash<std::string>{}(file.bytes);
    if (hashes_[file.path] == hash) continue;
    hashes_[file.path] = hash;
    note_change(file.path, summary);
    next->updated[file.path] = std::move(file.bytes);
  }
  state_ = std::move(next);
  notify();
  return summary;
}

PublishSummary LiveSite::publish_error(std::string error_page_html) {
  std::lock_guard lock(mutex_);
  auto next = std::make_shared<State>(*state_);
  next->generation = state_->generation + 1;
  next->error_page = std::move(error_page_html);
  everything_at_ = next->generation;
  state_ = std::move(next);
  notify();
  PublishSummary summary;
  summary.generation = state_->generation;
  summary.everything = true;
  return summary;
}

PublishSummary LiveSite::publish_dashboard(std::string html) {
  std::lock_guard lock(mutex_);
  PublishSummary summary;
  uint64_t hash = std::hash<std::string>{}(html);
  if (!state_->dashboard.empty() && hash == dashboard_hash_) return summary;  // unchanged
  auto next = std::make_shared<State>(*state_);
  summary.generation = next->generation = state_->generation + 1;
  summary.changed_files = 1;
  next->dashboard = std::move(html);
  dashboard_hash_ = hash;
  dashboard_at_ = summary.generation;
  state_ = std::move(next);
  notify();
  return summary;
}

std::shared_ptr<const std::map<std::string, std::string>> LiveSite::build_files() const {
  std::lock_guard lock(mutex_);
  return state_->files;
}

uint64_t LiveSite::generation() const {
  std::lock_guard lock(mutex_);
  return state_->generation;
}

std::string LiveSite::file_of(const State& state, const std::string& url_path) {
  std::string path = url_path;
  while (!path.empty() && path.front() == '/') path.erase(0, 1);
  if (path.empty() || path.back() == '/') path += "index.html";
  return state.find(path) ? path : "";
}

ServedResponse LiveSite::respond(const std::string& url_path) const {
  std::shared_ptr<const State> state;
  {
    std::lock_guard lock(mutex_);
    state = state_;
  }
  if (url_path == kScriptPath) return {200, content_type_of(".js"), live_script(), ""};
  std::string since = instance_ + "-" + std::to_string(state->generation);
  // The dashboard is there while the build fails too: it says why.
  if (is_dashboard(url_path) && !state->dashboard.empty()) {
    return {200, content_type_of(".html"), with_live_script(state->dashboard, since), ""};
  }
  if (url_path + "/" == kDashboardPath) {
    return {301, content_type_of(".txt"), std::string("Moved to ") + kDashboardPath + "\n",
            kDashboardPath};
  }
  if (!state->error_page.empty()) {
    return {500, content_type_of(".html"), with_live_script(state->error_page, since), ""};
  }
  std::string file = file_of(*state, url_path);
  if (file.empty()) {
    // A folder asked for without its trailing slash: relative links need the slash. The
    // redirect goes to the folder's one path on this server: "//fr" (or "/%2F%2Ffr") answers
    // "/fr/", never "//fr/", which a browser takes for the host "fr"; a backslash ("/\fr", which
    // browsers read as a slash) has no folder, and would be encoded as %5C anyway.
    std::string folder = url_path;
    while (!folder.empty() && folder.front() == '/') folder.erase(0, 1);
    if (!folder.empty() && folder.back() != '/' && !file_of(*state, folder + "/").empty()) {
      folder += '/';
      std::string location = "/" + encode_url_path(folder);
      if (is_local_location(location)) {
        return {301, content_type_of(".txt"), "Moved to " + location + "\n", location};
      }
    }
    const std::string* not_found = state->find("404.html");
    if (!not_found) return {404, content_type_of(".txt"), "Not found: " + url_path + "\n", ""};
    return {404, content_type_of(".html"), with_live_script(*not_found, since), ""};
  }
  const std::string& bytes = *state->find(file);
  if (ends_with(file, ".html")) {
    return {200, content_type_of(file), with_live_script(bytes, since), ""};
  }
  return {200, content_type_of(file), bytes, ""};
}

uint64_t LiveSite::last_change(const State& state, const std::string& url_path) const {
  // Not everything_at_: the dashboard changes with the check that follows a failed build.
  if (is_dashboard(percent_decode(url_path)) && !state.dashboard.empty()) return dashboard_at_;
  std::string file = file_of(state, percent_decode(url_path));
  if (file.empty()) file = "404.html";
  auto it = changed_at_.find(file);
  uint64_t page = it == changed_at_.end() ? 0 : it->second;
  return std::max(page, everything_at_);
}

std::optional<uint64_t> LiveSite::seen_generation(const std::string& since) const {
  // `since` is "<instance>-<generation>"; a page from another run is out of date.
  if (!starts_with(since, instance_ + "-")) return std::nullopt;
  std::string digits = since.substr(instance_.size() + 1);
  if (digits.empty() || digits.size() > 19 ||
      !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  return std::stoull(digits);
}

bool LiveSite::changed_since(const std::string& url_path, const std::string& since) const {
  auto seen = seen_generation(since);
  std::lock_guard lock(mutex_);
  return !seen || last_change(*state_, url_path) > *seen;
}

void LiveSite::on_change(std::function<void()> callback) {
  std::lock_guard lock(mutex_);
  on_change_ = std::move(callback);
}

void LiveSite::notify() {
  changed_.notify_all();
  if (on_change_) on_change_();
}

LiveSite::Wait LiveSite::wait_for_change(const std::string& url_path, const std::string& since,
                                         std::chrono::milliseconds timeout) const {
  auto seen = seen_generation(since);
  std::unique_lock lock(mutex_);
  bool changed = changed_.wait_for(
      lock, timeout, [&] { return stopped_ || !seen || last_change(*state_, url_path) > *seen; });
  if (stopped_) return Wait::kStopped;
  return changed ? Wait::kChanged : Wait::kTimeout;
}

void LiveSite::stop() {
  std::lock_guard lock(mutex_);
  stopped_ = true;
  notify();
}

const std::string& LiveSite::live_script() {
  static const std::string script = kLiveScript;
  return script;
}

}  // namespace passerelle
