// The build pipeline: load → validate → assemble → render → write, stopping after the first
// stage that reports errors so that nothing is written from a broken source.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "diagnostics.h"
#include "filesystem.h"
#include "model/print_edition.h"
#include "model/site.h"
#include "output/plan.h"
#include "search/report.h"

namespace passerelle {

struct BuildOptions {
  std::string base_url;  // overrides site.toml when not empty
  bool include_drafts = false;
  bool pdf_links = false;  // link the print editions' PDFs (`passerelle pdf` makes them)
  /// Called as each stage starts ("load", "render"), for progress reports; may be empty.
  std::function<void(std::string_view stage)> on_stage;
};

/// Loads and assembles the site from `tree`. nullopt when any error was reported.
std::optional<Site> load_site(const SourceTree& tree, const BuildOptions& options,
                              Diagnostics& diagnostics);

struct BuildResult {
  OutputPlan plan;
  size_t html_pages = 0;
  std::map<std::string, size_t> pages_per_language;
  size_t actors = 0;
  std::vector<PrintEditionFiles> print_editions;
  Site site;  // the model the plan was rendered from, for checks that need the sources
  search::SizeReport sizes;
};

/// Loads, renders and returns what to write. `bundled_themes` is the tree of bundled themes.
std::optional<BuildResult> build_site(const SourceTree& tree, const SourceTree& bundled_themes,
                                      const BuildOptions& options, Diagnostics& diagnostics);

}  // namespace passerelle
