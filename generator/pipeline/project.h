// One site's pipeline, owned in one place: the sources loaded from its folder, the Site model
// assembled from them and the output plan rendered from it, then published. `build`, `check`,
// `pdf` and `serve` drive it; `check` reads what it loaded instead of loading the sources
// again, `serve` calls update() after each edit.
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "pipeline/build.h"
#include "pipeline/source_cache.h"

namespace passerelle {

/// What an update changed in the output.
struct OutputChanges {
  std::vector<std::string> changed;  // output files added or with other bytes, in path order
  std::vector<std::string> removed;  // output files the site no longer has, in path order
};

class Project {
 public:
  /// `tree`: the site's sources; `bundled_themes`: the tree of bundled themes. Both must
  /// outlive the project.
  Project(const SourceTree& tree, const SourceTree& bundled_themes, BuildOptions options);

  /// Reads every source, keeping what loaded even when some files failed. False when any
  /// error was reported.
  bool load(Diagnostics& diagnostics);
  /// Assembles, renders and checks the loaded sources, which stay loaded. False when any
  /// error was reported (or nothing loaded).
  bool render(Diagnostics& diagnostics);
  /// load(), then render() if it succeeded.
  bool build(Diagnostics& diagnostics);
  /// build() for a site that is not updated afterwards (the build and pdf commands): the
  /// model takes the loaded sources instead of a copy, so they are held once, not twice.
  /// sources() and update() then read everything again.
  bool build_once(Diagnostics& diagnostics);
  /// The incremental entry point, after load(): reads again only the source files at `paths`
  /// (relative; changed, added or removed; everything when one is site.toml or the
  /// vocabulary; theme files are read by the rendering), assembles and renders the site, and
  /// says which output files changed since the last successful render. `diagnostics` gets
  /// every problem of the sources, as load() would report them. nullopt when the site did not
  /// render (errors, or `cancelled` set by another thread); the next update renders again.
  /// `previous_file` gives the bytes of a file as the last render made it (serve's site),
  /// by path, or nullptr: the pages whose sources did not change are taken from there instead
  /// of rendered again (when their bytes are still those of the last render).
  std::optional<OutputChanges> update(
      const std::set<std::string>& paths, Diagnostics& diagnostics,
      const std::atomic<bool>* cancelled = nullptr,
      std::function<const std::string*(const std::string& path)> previous_file = {});
  /// For `check`, after load() into the same `diagnostics`: assembles and renders what loaded
  /// even when sources have errors, each file that failed standing in empty (see
  /// pipeline/stand_ins.h), and adds the problems found that load() had not reported. False
  /// when nothing was rendered (site.toml, the vocabulary or the theme unusable). What it
  /// renders is never published.
  bool render_past_errors(Diagnostics& diagnostics);
  /// Writes the rendered plan to `out_dir` (see publish in output/writer.h), or, when the
  /// options name a staging folder the files were written to as they were rendered, commits
  /// it (`out_dir` and `source_dir` are then those it was opened with). False with `error`
  /// set when it could not, or when nothing was rendered.
  bool publish(const std::string& out_dir, const std::string& source_dir, std::string* error) const;

  /// What the last load() read: config is nullopt when site.toml is unusable, directory when
  /// the vocabulary is; pages holds those that loaded.
  const LoadedSources& sources() const;
  /// What the last render() made; nullopt when it failed or did not run.
  const std::optional<BuildResult>& result() const { return result_; }
  std::optional<BuildResult>& result() { return result_; }
  /// Every source as parsed, with each file's diagnostics (serve keeps a copy of its own).
  const SourceCache& cache() const { return cache_; }

 private:
  const SourceTree& tree_;
  const SourceTree& bundled_themes_;
  BuildOptions options_;
  /// Assembles and renders `sources`, keeping the output's hashes for the next update.
  bool render_from(SiteSources sources, Diagnostics& diagnostics);

  SourceCache cache_;      // every source as parsed, with each file's diagnostics
  // The Markdown of the last render, for the next: render() and update() only, as build_once()
  // renders once.
  std::unique_ptr<MarkdownMemo> markdown_memo_ = std::make_unique<MarkdownMemo>();
  mutable std::optional<LoadedSources> sources_;  // a copy of cache_'s, made when asked for
  std::optional<BuildResult> result_;
  std::map<std::string, size_t> output_hashes_;  // of the last successful render
  std::optional<OutputManifest> manifest_;        // of the last successful render
  bool past_errors_ = false;  // result_ was rendered past errors: not to be published
};

}  // namespace passerelle
