// Text utilities shared by every stage: source normalisation, case folding, slugs, typography,
// paths and string helpers. It brings in the layers below it, code points (unicode.h) and
// escaping (escaping.h), so that a file using text utilities needs one include.
#pragma once

#include <cstddef>
#include <ctime>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/escaping.h"
#include "base/unicode.h"

namespace passerelle {

/// Drops a leading byte-order mark and turns CRLF line endings into LF. A carriage return
/// alone is left in place: TOML does not allow it, and turning it into a line break would make
/// the text after it in a comment a key (check_source_bytes reports it first).
std::string normalize_source(std::string_view text);

/// True when `text` shows nothing: it is empty or holds only white space (no-break and other
/// Unicode spaces included), control and format characters (zero-width spaces and joiners,
/// word joiner, U+FEFF…) and the filler characters that render as blanks.
bool is_blank_text(std::string_view text);

/// A-Z lower-cased, every other byte kept: for ASCII keywords such as URL schemes, which a
/// Unicode case fold could match with look-alike text.
std::string ascii_lower(std::string_view text);

/// Lower case with accents removed (utf8proc: decompose, strip marks, case-fold).
std::string fold_text(std::string_view text);

/// Unicode normalisation form C: "e" + U+0301 becomes "é", so that text typed or stored
/// either way compares equal. Invalid UTF-8 comes back unchanged.
std::string to_nfc(std::string_view text);

/// A URL- and id-safe slug: folded, letters and digits kept, every other run becomes "-".
/// Letters outside ASCII (Arabic, for instance) are kept. Empty when nothing is left.
std::string slugify(std::string_view text);

/// True for ids made of a-z, 0-9 and single inner hyphens, 1 to 80 characters.
bool is_valid_id(std::string_view id);

/// True when the BCP 47 `code` is the language `base` or one of its regional variants:
/// "fr" and "fr-MA" are French.
bool is_language(std::string_view code, std::string_view base);

/// French typography: the space before : ; ! ? » and after « becomes a no-break space, so
/// that a line never starts with the punctuation.
std::string french_spacing(std::string_view text);

/// Collapses runs of white space into single spaces and trims both ends.
std::string collapse_whitespace(std::string_view text);

/// Cuts `text` at a word boundary to at most `max_chars` code points, adding "…" when cut.
std::string truncate_words(std::string_view text, size_t max_chars);

bool starts_with(std::string_view text, std::string_view prefix);
bool ends_with(std::string_view text, std::string_view suffix);

/// The items with `separator` between them. (Named apart from the local join() copies that
/// some files still have, which would make a call ambiguous.)
std::string join_with(const std::vector<std::string>& items, std::string_view separator);

/// Joins a relative path to the folder of `from_file` ('/'-separated), resolving "." and "..";
/// nullopt when it climbs above the root. The result has no trailing slash.
std::optional<std::string> join_relative_path(const std::string& from_file,
                                              const std::string& relative);

/// `when` in the machine's time zone, as strftime's `format` writes it (at most 63 bytes).
/// Safe on any thread, unlike std::localtime, which shares one result and re-reads the time
/// zone at every call (ThreadSanitizer caught serve's rebuild and dashboard threads at it).
std::string local_time_text(std::time_t when, const char* format);
}  // namespace passerelle
