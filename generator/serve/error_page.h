// The page `passerelle serve` shows instead of the site while the build fails: every
// diagnostic with its place (path:line:col), message and source line, escaped.
#pragma once

#include <string>

#include "base/diagnostics.h"
#include "base/filesystem.h"

namespace passerelle {

/// A complete HTML document; `tree` supplies the source lines.
std::string error_page_html(const Diagnostics& diagnostics, const SourceTree& tree);

}  // namespace passerelle
