// How the command line talks to the person (or the CI job) running it: quiet or verbose,
// colour or not, a progress line on a terminal and plain lines elsewhere. Only cli/ prints.
#pragma once

#include <chrono>
#include <cstdio>
#include <cxxopts.hpp>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "base/diagnostics.h"
#include "base/filesystem.h"
#include "content/published_urls.h"

namespace cxxopts {
class Options;
class ParseResult;
}  // namespace cxxopts

namespace passerelle::cli {

struct ConsoleStyle {
  bool quiet = false;     // errors only: no warnings, progress or summary
  bool verbose = false;   // timings of each stage, details of each step
  bool color = false;     // colour the "error:" and "warning:" labels
  bool terminal = false;  // stdout is a terminal: progress may redraw one line
};

/// "passerelle: 2 errors; nothing was written, <out> is unchanged" on stderr (no count when
/// `errors` is 0).
void print_nothing_written(int errors, const std::string& out);

/// The console options (--quiet, --verbose, --color) read back; false with `error` set on a
/// bad --color value.
bool console_style(const cxxopts::ParseResult& args, ConsoleStyle& style, std::string& error);

/// Whether `source` holds a site.toml; when not, says so on stderr.
bool has_site_config(const std::string& source);

/// The site's folder (--source) and the output folder (--out, default: its public/) of the
/// commands that write a site. nullopt, with the problem said and `exit_code` set, when the
/// site's folder has no site.toml (1) or the output folder is refused (2).
struct SiteFolders {
  std::string source;
  std::string out;
};
std::optional<SiteFolders> site_folders(const cxxopts::ParseResult& args,
                                        std::string_view command, int& exit_code);

/// Where the commands keep the photos' variants between builds (content/pictures.h): a
/// folder of the site that may be deleted at any time, and that git ignores.
std::string picture_cache_folder(const std::string& source);
/// Where the search index keeps its documents' counts between builds (search/count_cache.h).
std::string search_cache_folder(const std::string& source);
/// Where `build` and `pdf` keep their renders of Markdown (markdown/markdown_memo.h).
std::string markdown_cache_file(const std::string& source);

/// What the last build published in the output folder `out` (its published-urls.json), or
/// nullptr when it left none there.
std::shared_ptr<const PublishedUrls> previous_urls(const std::string& out);

/// `path:line:col: error: message` with the label coloured when asked.
std::string styled_diagnostic(const Diagnostic& diagnostic, const ConsoleStyle& style);

/// Prints diagnostics to stderr, each followed by its source line and a caret. Warnings are
/// left out when quiet.
void print_diagnostics(const SourceTree& tree, const Diagnostics& diagnostics,
                       const ConsoleStyle& style);

/// Progress of a run through named stages. On a terminal one line is redrawn as each stage
/// starts and erased at the end; elsewhere (CI logs) a plain line is printed when a stage ends,
/// if it was slow or when verbose.
class Progress {
 public:
  explicit Progress(const ConsoleStyle& style, std::FILE* out = stdout);
  ~Progress();
  void stage(std::string_view name);
  /// Ends the current stage and clears the terminal line before a summary is printed.
  void finish();
  double elapsed_ms() const;

 private:
  void end_stage();

  ConsoleStyle style_;
  std::FILE* out_;
  std::string current_;
  std::chrono::steady_clock::time_point started_;
  std::chrono::steady_clock::time_point stage_started_;
  bool line_drawn_ = false;
};

}  // namespace passerelle::cli

namespace passerelle {
struct BuildResult;
}

namespace passerelle::cli {

/// The summary `build --json` prints: ok, the counts (when the site was built), errors,
/// warnings, milliseconds, the output folder and the diagnostics, as one line of JSON.
std::string build_summary_json(const BuildResult* result, const Diagnostics& diagnostics,
                               double milliseconds, const std::string& output_folder);

}  // namespace passerelle::cli
