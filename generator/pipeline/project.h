// One site's pipeline, owned in one place: the sources loaded from its folder, the Site model
// assembled from them and the output plan rendered from it, then published. `build`, `check`
// and `pdf` drive it; `check` reads what it loaded instead of loading the sources again.
#pragma once

#include <optional>
#include <string>

#include "pipeline/build.h"

namespace passerelle {

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
  /// Writes the rendered plan to `out_dir` (see publish in output/writer.h). False with
  /// `error` set when it could not, or when nothing was rendered.
  bool publish(const std::string& out_dir, const std::string& source_dir, std::string* error) const;

  /// What the last load() read: config is nullopt when site.toml is unusable, directory when
  /// the vocabulary is; pages holds those that loaded.
  const LoadedSources& sources() const { return sources_; }
  /// What the last render() made; nullopt when it failed or did not run.
  const std::optional<BuildResult>& result() const { return result_; }
  std::optional<BuildResult>& result() { return result_; }

 private:
  const SourceTree& tree_;
  const SourceTree& bundled_themes_;
  BuildOptions options_;
  LoadedSources sources_;
  std::optional<BuildResult> result_;
};

}  // namespace passerelle
