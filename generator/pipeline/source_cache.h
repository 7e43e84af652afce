// The loader of the pipeline: every page and actor record as parsed, with the diagnostics of
// each file, kept so that after an edit only the changed files are read again (Project::update,
// serve). Thousands of files take seconds to read and parse; one takes a millisecond.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/build.h"

namespace passerelle {

/// The sources at one moment, cheap to copy: the pages and records are shared, and never
/// changed (an edit replaces one).
struct SharedSources {
  SiteConfig config;
  Vocabulary vocabulary;
  std::vector<std::shared_ptr<const PageSource>> pages;
  std::vector<std::shared_ptr<const ActorRecord>> records;
  MediaFiles media;  // the files' bytes are shared too

  /// A copy of everything, to build from.
  SiteSources copy() const;
};

class SourceCache {
 public:
  /// `options`: the drafts and base URL of every load.
  explicit SourceCache(BuildOptions options);

  /// Reads every source: at the start, and when site.toml or the vocabulary changed.
  void load_all(const SourceTree& tree);

  /// Reads again the files at `paths` (relative; changed, added or removed): pages, records
  /// and media files (content/media.h). Editors' temporary files in content/ and files other
  /// than TOML in directory-data/actors/ are skipped, as a build skips them. False, with
  /// nothing done, when a path is something else (site.toml, the vocabulary, a theme file, a
  /// folder): then load_all() is needed.
  bool update(const SourceTree& tree, const std::vector<std::string>& paths);

  /// False for a file a build does not read (in content/, an editor's or sed's temporary
  /// file; in directory-data/actors/, other than TOML).
  static bool is_read(const std::string& path);

  /// True when a build may start from sources(): nothing reported an error.
  bool ok() const;
  /// True when site.toml and the vocabulary loaded, so that what did load can be assembled.
  bool usable() const { return have_config_ && have_vocabulary_; }
  /// Every diagnostic of the sources, as a load of every file reports them.
  Diagnostics diagnostics() const;
  /// The pages and records that loaded (drafts left out unless asked for).
  const SharedSources& sources() const { return sources_; }
  /// Everything loaded, moved out rather than copied, for a build that is not updated
  /// afterwards: the cache is left empty (not usable) and no copy given out by sources() may
  /// still be in use.
  SiteSources take();
  /// A copy of what loaded: no configuration when site.toml is unusable, no directory when
  /// the vocabulary is.
  LoadedSources loaded() const;
  /// The page or record made from the file at `path`; nullptr when there is none (removed,
  /// not parsed, a draft left out).
  const PageSource* page(const std::string& path) const;
  const ActorRecord* record(const std::string& path) const;

 private:
  template <typename T>
  using Loader = std::function<std::optional<T>(const std::string& path, Diagnostics&)>;
  Loader<PageSource> page_loader(const SourceTree& tree) const;
  Loader<ActorRecord> record_loader(const SourceTree& tree) const;
  /// Loads every file of `paths` into `items` (empty), with their diagnostics.
  template <typename T>
  void keep_all(const std::vector<std::string>& paths, std::vector<std::shared_ptr<const T>>& items,
                const Loader<T>& load);
  /// Loads the file at `path` again, in place of what it gave before.
  template <typename T>
  void reload(const SourceTree& tree, const std::string& path,
              std::vector<std::shared_ptr<const T>>& items, const Loader<T>& load);
  /// Keeps the diagnostics of the file at `path` (forgets them when there are none).
  void remember(const std::string& path, Diagnostics diagnostics);

  BuildOptions options_;
  bool have_config_ = false;
  bool have_vocabulary_ = false;
  Diagnostics site_diagnostics_;                   // of site.toml and the vocabulary
  std::map<std::string, Diagnostics> diagnostics_;  // path → that file's, when it has any
  SharedSources sources_;
};

}  // namespace passerelle
