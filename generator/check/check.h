// `passerelle check` without the printing: everything the build validates, without writing,
// and more — the links of the rendered pages, the translation report, the external links (and,
// when asked, whether they still answer).
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "check/link_fetcher.h"
#include "check/translations.h"
#include "base/diagnostics.h"
#include "base/filesystem.h"
#include "content/published_urls.h"

namespace passerelle {

struct CheckOptions {
  bool include_drafts = false;
  bool include_future = false;
  std::string today;  // YYYY-MM-DD (see BuildOptions::today)
  std::string picture_cache;  // see BuildOptions::picture_cache
  std::string search_cache;   // see BuildOptions::search_cache
  /// When set (by another thread), the check's build stops at its next stage or render job:
  /// serve drops the check of a site an edit made out of date.
  const std::atomic<bool>* cancelled = nullptr;
  /// What the last build published: an address it had that is now neither a page nor a
  /// redirect is a warning.
  std::shared_ptr<const PublishedUrls> previous_urls;
  bool fetch_external = false;
  FetchOptions fetch;
  std::function<void(std::string_view stage)> on_stage;              // may be empty
  std::function<void(size_t done, size_t total)> on_fetch_progress;  // may be empty
};

struct ExternalLink {
  std::string url;
  std::vector<SourceLocation> places;  // where the sources write it
  std::optional<FetchResult> fetched;  // with fetch_external only
};

struct CheckReport {
  Diagnostics diagnostics;
  bool rendered = false;  // the site built, so its pages and external links were checked too
  size_t pages = 0;       // HTML pages of the build
  size_t actors = 0;
  size_t internal_links = 0;
  std::optional<TranslationReport> translations;  // nullopt when site.toml is unusable
  std::vector<ExternalLink> external_links;       // by URL
};

CheckReport run_check(const SourceTree& tree, const SourceTree& bundled_themes,
                      const CheckOptions& options);

}  // namespace passerelle
