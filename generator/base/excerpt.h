// The source line a diagnostic points at, with the padding that puts a caret under its column,
// as compilers show it. Shared by the terminal report and the served error page.
#pragma once

#include <optional>
#include <string>

#include "base/diagnostics.h"
#include "base/filesystem.h"

namespace passerelle {

struct SourceExcerpt {
  std::string line;   // the source line, without its line ending
  std::string caret;  // white space up to the column, then '^'; empty when the column is unknown
};

/// The excerpt of `diagnostic` in `tree`, or nullopt when there is no line to show (unknown
/// position, unreadable file, a line too long or not valid UTF-8).
std::optional<SourceExcerpt> source_excerpt(const SourceTree& tree, const Diagnostic& diagnostic);

}  // namespace passerelle
