// The source line a diagnostic points at, with the padding that puts a caret under its column,
// as compilers show it. Shared by the terminal report and the served error page.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/filesystem.h"

namespace passerelle {

struct SourceExcerpt {
  std::string line;   // the source line, without its line ending
  std::string caret;  // white space up to the column, then '^'; empty when the column is unknown
};

/// Lines longer than this many code points are shown as a window of that width around the
/// column, starting kExcerptBefore code points before it, with "…" where the line goes on.
constexpr size_t kExcerptWidth = 100;
constexpr size_t kExcerptBefore = 40;

/// The excerpt of one source line (without its line ending) for a caret at `column` (1-based,
/// in code points; 0: no caret).
SourceExcerpt excerpt_of_line(std::string line, int column);

/// The excerpt of `diagnostic` in `tree`, or nullopt when there is no line to show (unknown
/// position, unreadable file, a line that is not valid UTF-8 or binary data).
std::optional<SourceExcerpt> source_excerpt(const SourceTree& tree, const Diagnostic& diagnostic);

}  // namespace passerelle
