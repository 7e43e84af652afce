// Renders of Markdown kept from one build to the next: a text rendered with the same options,
// whose links resolve as they did, gives the same HTML, so it is taken from an earlier build
// instead of parsed again. Rendering every page's Markdown was the largest part of a build
// after an edit, after reading the sources (docs/performance.md).
//
// `serve` keeps one in memory between its rebuilds; `build` and `pdf` open one on a file of
// the site's cache (.passerelle-cache/markdown, base/cache_file.h's layout), to which each
// build adds what it rendered anew.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "base/cache_file.h"
#include "markdown/markdown.h"

namespace passerelle {

class MarkdownMemo {
 public:
  /// A memo in memory, empty.
  MarkdownMemo() = default;
  /// A memo for one build, with the renders kept in the file at `path` by the program
  /// `stamp` (program_stamp()); what this build renders anew is added to the file as it goes.
  /// A file that is missing, another program's or damaged is written again from this build's
  /// renders once save() is called.
  static std::unique_ptr<MarkdownMemo> open_file(const std::string& path, const std::string& stamp);
  ~MarkdownMemo();
  MarkdownMemo(const MarkdownMemo&) = delete;
  MarkdownMemo& operator=(const MarkdownMemo&) = delete;

  /// render_markdown(), or what it gave for the same source and options before, when
  /// `resolve` answers every link of it as it did then (and is asked them again, in the same
  /// order: what it records, the page's published files, is recorded again). A render that
  /// reported anything is not kept: its messages come from rendering it again. Thread-safe.
  RenderedMarkdown render(const MarkdownSource& source, const MarkdownOptions& options,
                          const LinkResolver& resolve, Diagnostics& diagnostics);

  /// In memory: the build that rendered through it succeeded, and what it did not use is let
  /// go of (the texts of a build that failed or was cancelled stay, for the next one).
  void build_finished();
  /// On a file: the build succeeded; the file keeps what it used, written again when it was
  /// not usable or when more than half of it went unused. Without save(), the file keeps
  /// only what it had and what was added to it.
  void save();

  size_t hits() const;
  size_t misses() const;

 private:
  struct Entry {
    RenderedMarkdown rendered;
    std::vector<std::pair<std::string, LinkResolution>> links;  // each asked, in order
  };
  using Entries = std::unordered_map<std::string, std::shared_ptr<const Entry>>;

  /// The entry of `key` kept in memory; nullptr when there is none.
  std::shared_ptr<const Entry> find_in_memory(const std::string& key);
  /// The entry of `key` in the file, decoded; nullopt when there is none.
  std::optional<Entry> find_in_file(const std::string& key) const;
  /// Adds a new render to the file.
  void add_to_file(const std::string& key, const Entry& entry);

  mutable std::mutex mutex_;
  Entries previous_;  // of the last build that finished
  Entries current_;   // used or made since
  size_t hits_ = 0;
  size_t misses_ = 0;

  // On a file (open_file()):
  std::optional<CacheEntries> stored_;        // what the file had
  std::string path_;
  std::string header_;
  std::string written_path_;                  // the file entries are added to ("" when none)
  int descriptor_ = -1;
  bool rewriting_ = false;                    // written_path_ is a new file, renamed by save()
  std::unordered_set<std::string> used_;      // keys this build used: taken or rendered anew
  std::unordered_set<std::string> fresh_;     // those rendered anew (already in the file)
  size_t used_bytes_ = 0;                     // their entries' bytes
  bool write_failed_ = false;
};

}  // namespace passerelle
