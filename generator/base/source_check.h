// The first check of every page and record read from the source folder: that its bytes are
// text that toml++, md4c and the editor's own editor all read the same way. UTF-8 only, line
// breaks LF or CRLF (TOML 1.0 allows no other; a carriage return alone would end a comment in
// one reader and not in another), one optional byte-order mark at the very start, no NUL and
// no invisible control characters. Each problem is reported at its line and column.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/diagnostics.h"

namespace passerelle {

/// The first problem in the bytes of the source file `path`, as an error at its position (1:1
/// for a UTF-16 file), or nullopt when they are acceptable text. Positions count from after a
/// leading byte-order mark, like the lines normalize_source gives.
std::optional<Diagnostic> check_source_bytes(std::string_view bytes, const std::string& path);

}  // namespace passerelle
