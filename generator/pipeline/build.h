// The build pipeline: load → validate → assemble → render → write, stopping after the first
// stage that reports errors so that nothing is written from a broken source.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "base/diagnostics.h"
#include "base/filesystem.h"
#include "model/print_edition.h"
#include "output/manifest.h"
#include "model/site.h"
#include "output/plan.h"
#include "output/sink.h"
#include "output/writer.h"
#include "theme/theme.h"
#include "search/report.h"

namespace passerelle {

struct BuildOptions {
  std::string base_url;  // overrides site.toml when not empty
  bool include_drafts = false;
  /// Today's date, YYYY-MM-DD, read by the command line (never deeper, so that tests choose
  /// the day): pages dated after it are left out unless `include_future`, and future or stale
  /// dates are warnings. Empty: no date is compared with today.
  std::string today;
  bool include_future = false;
  bool pdf_links = false;  // link the print editions' PDFs (`passerelle pdf` makes them)
  bool offline = false;    // the offline edition: links to pages end in index.html
  /// Called as each stage starts ("load", "render"), for progress reports; may be empty.
  std::function<void(std::string_view stage)> on_stage;
  /// When set (by another thread), the build stops at the next stage or render job and
  /// returns nullopt without an error: `serve` drops a build a newer edit made out of date.
  const std::atomic<bool>* cancelled = nullptr;
  /// For `check`: assemble and render even when the sources have errors (a broken link is
  /// rendered as "#"), so that the built pages are checked in the same run. Never published.
  bool past_errors = false;
  /// Where the photos' variants are kept between builds (content/pictures.h); "" for none.
  std::string picture_cache;
  /// Where each language's search index keeps its documents' counts between builds
  /// (search/count_cache.h); "" for none.
  std::string search_cache;
  /// What the last build published (read from the output folder): pages whose address changed
  /// since are redirected, and its redirects kept (model/redirects.h).
  std::shared_ptr<const PublishedUrls> previous_urls;
  bool warn_vanished_urls = false;  // `check`: an address of previous_urls that is gone warns
  /// When set (opened by the caller), every file goes there as soon as it is rendered and
  /// BuildResult::plan stays empty; the caller commits it when the build succeeded. Else the
  /// files are kept in the plan.
  StagedOutput* staging = nullptr;
  /// For a build that keeps its files (serve): what the last build rendered, so that its pages
  /// whose sources did not change are taken from it (output/manifest.h) instead of rendered
  /// again. `previous_file` gives a file's bytes by path (nullptr when it has none). A build
  /// to `staging` takes both from the output folder instead.
  /// For builds of one process after one another (serve): the last build's renders of
  /// Markdown, taken again for the texts that did not change (markdown/markdown_memo.h).
  MarkdownMemo* markdown_memo = nullptr;
  /// Without a markdown_memo: the file where builds keep their renders of Markdown for the
  /// next (markdown/markdown_memo.h); "" for none.
  std::string markdown_cache;
  const OutputManifest* previous_manifest = nullptr;
  std::function<const std::string*(const std::string& path)> previous_file;
};

/// What the loading stage reads: the configuration, the pages and the actor records.
struct SiteSources {
  SiteConfig config;
  std::vector<PageSource> pages;
  Directory directory;
  MediaFiles media;  // pictures and downloads in content/
};

/// Reads site.toml, with the overrides of `options`.
std::optional<SiteConfig> load_config(const SourceTree& tree, const BuildOptions& options,
                                      Diagnostics& diagnostics);

/// What the loading stage read, kept even when some of it failed: `check` reports on it.
struct LoadedSources {
  std::optional<SiteConfig> config;    // nullopt when site.toml is unusable
  std::vector<PageSource> pages;       // those that loaded
  std::optional<Directory> directory;  // nullopt when the vocabulary is unusable
  MediaFiles media;
};

/// Reads every source, keeping what loaded.
LoadedSources read_sources(const SourceTree& tree, const BuildOptions& options,
                           Diagnostics& diagnostics);

/// Reads every source. nullopt when any error was reported.
std::optional<SiteSources> load_sources(const SourceTree& tree, const BuildOptions& options,
                                        Diagnostics& diagnostics);

/// Loads and assembles the site from `tree`. nullopt when any error was reported.
std::optional<Site> load_site(const SourceTree& tree, const BuildOptions& options,
                              Diagnostics& diagnostics);

struct BuildResult {
  OutputPlan plan;                  // empty when the files went to BuildOptions::staging
  std::vector<FileSummary> files;   // every file, sorted by path
  size_t html_pages = 0;                              // the root's pages included
  std::map<std::string, size_t> pages_per_language;  // language code → its pages
  size_t actors = 0;
  std::vector<PrintEditionFiles> print_editions;
  Site site;  // the model the plan was rendered from, for checks that need the sources
  search::SizeReport sizes;
  std::shared_ptr<const Theme> theme;  // the theme the plan was rendered with
  size_t kept_files = 0;  // files of the last build kept instead of rendered again
  /// What the next build needs to keep files of this one; empty when it cannot
  /// (a build past errors).
  OutputManifest manifest;
};

/// "146 pages (fr 72, it 72), 23 actors": the counts of a build's one-line summary.
std::string build_counts(const BuildResult& result);

/// Loads, renders and returns what to write. `bundled_themes` is the tree of bundled themes.
std::optional<BuildResult> build_site(const SourceTree& tree, const SourceTree& bundled_themes,
                                      const BuildOptions& options, Diagnostics& diagnostics);

/// The stages after loading: assembles, renders and checks the site made of `sources`.
std::optional<BuildResult> build_from_sources(SiteSources sources, const SourceTree& tree,
                                              const SourceTree& bundled_themes,
                                              const BuildOptions& options,
                                              Diagnostics& diagnostics);

}  // namespace passerelle
