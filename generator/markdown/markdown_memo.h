// Renders of Markdown kept from one build to the next of the same process (`serve`): a text
// rendered with the same options, whose links resolve as they did, gives the same HTML, so it
// is taken from the last build instead of parsed again. Rendering every page's Markdown was the
// largest part of serve's rebuild after an edit (docs/performance.md).
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "markdown/markdown.h"

namespace passerelle {

class MarkdownMemo {
 public:
  /// render_markdown(), or what it gave for the same source and options the last time, when
  /// `resolve` answers every link of it as it did then (and is asked them again, in the same
  /// order: what it records, the page's published files, is recorded again). A render that
  /// reported anything is not kept: its messages come from rendering it again. Thread-safe.
  RenderedMarkdown render(const MarkdownSource& source, const MarkdownOptions& options,
                          const LinkResolver& resolve, Diagnostics& diagnostics);

  /// The build that rendered through it succeeded: what it did not use is let go of (the
  /// texts of a build that failed or was cancelled stay, for the next one).
  void build_finished();

  size_t hits() const;
  size_t misses() const;

 private:
  struct Entry {
    RenderedMarkdown rendered;
    std::vector<std::pair<std::string, LinkResolution>> links;  // each asked, in order
  };
  using Entries = std::unordered_map<std::string, std::shared_ptr<const Entry>>;

  mutable std::mutex mutex_;
  Entries previous_;  // of the last build that finished
  Entries current_;   // used or made since
  size_t hits_ = 0;
  size_t misses_ = 0;
};

}  // namespace passerelle
