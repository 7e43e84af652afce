// The page `passerelle serve` shows instead of the site while the build fails: every
// diagnostic with its place (path:line:col), message and source line, escaped. Its pieces are
// shared with the dashboard (serve/dashboard_page.h), which lists the same diagnostics.
#pragma once

#include <string>

#include "base/diagnostics.h"
#include "base/filesystem.h"

namespace passerelle {

/// A complete HTML document; `tree` supplies the source lines.
std::string error_page_html(const Diagnostics& diagnostics, const SourceTree& tree);

/// The start of a serve page in the editor's language, up to and including <main>; `style`
/// is added to the shared style sheet. `title` is plain text.
std::string serve_page_start(const std::string& title, const char* style = "");
/// The end of a serve page, from </main> on.
std::string serve_page_end();

/// "2 errors, 1 warning" in the editor's language (the warnings left out when there are none).
std::string diagnostic_counts(const Diagnostics& diagnostics);

/// One <li> per diagnostic, sorted, each with its place, label, message and source line.
std::string diagnostic_items_html(const Diagnostics& diagnostics, const SourceTree& tree);

}  // namespace passerelle
