// Text utilities shared by every stage: UTF-8 checks, source normalisation, slugs and escaping.
// Escaping lives here and only here, so that every value lands in HTML, XML, JSON or CSV
// through one audited function.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace passerelle {

/// Byte offset of the first invalid UTF-8 sequence, or nullopt when `text` is valid.
std::optional<size_t> find_invalid_utf8(std::string_view text);

/// A character that has no place in the text of a page or record: a control character other
/// than tab and line breaks (not allowed in XML feeds, invisible in HTML), a bidirectional
/// embedding, override or isolate (it can make text read differently from what it is), or a
/// Unicode noncharacter.
struct DisallowedCharacter {
  size_t offset = 0;         // byte offset in the text
  uint32_t code_point = 0;
  std::string description() const;  // "control character U+0007", for messages
};

/// The first disallowed character of valid UTF-8 `text`, or nullopt.
std::optional<DisallowedCharacter> find_disallowed_character(std::string_view text);

/// True for a code point `find_disallowed_character` reports (tab, LF and CR are allowed).
bool is_disallowed_code_point(uint32_t code_point);

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

/// Escapes & < > " ' for HTML text and attribute values (also valid XML).
std::string escape_html(std::string_view text);

/// Escapes a string for a JSON string literal (without the quotes). Also safe inside a
/// <script> element: '<', '>' and '&' become \u escapes.
std::string escape_json(std::string_view text);

/// Quotes a CSV field when needed (RFC 4180). A field that starts with = + - @, a tab or a
/// line break (after any blanks) gets a leading ' so that spreadsheets do not run it as a
/// formula; phone numbers such as +212 5 22 are left alone.
std::string escape_csv(std::string_view text);

/// A CSV field holding a list, items joined by ';'. Every item (and every part of one after a
/// ';') is neutralised like a field: a spreadsheet that splits on ';' makes each a cell.
std::string escape_csv_list(const std::vector<std::string>& items);

/// Percent-encodes what is not allowed in a URL path segment (keeps unreserved characters).
std::string encode_url_path(std::string_view path);

/// French typography: the space before : ; ! ? » and after « becomes a no-break space, so
/// that a line never starts with the punctuation.
std::string french_spacing(std::string_view text);

/// Collapses runs of white space into single spaces and trims both ends.
std::string collapse_whitespace(std::string_view text);

/// Cuts `text` at a word boundary to at most `max_chars` code points, adding "…" when cut.
std::string truncate_words(std::string_view text, size_t max_chars);

bool starts_with(std::string_view text, std::string_view prefix);
bool ends_with(std::string_view text, std::string_view suffix);

}  // namespace passerelle

namespace passerelle {
/// The UTF-8 bytes of a code point; U+FFFD for NUL, surrogates and values past U+10FFFF.
std::string encode_utf8(unsigned long code_point);

/// Joins a relative path to the folder of `from_file` ('/'-separated), resolving "." and "..";
/// nullopt when it climbs above the root. The result has no trailing slash.
std::optional<std::string> join_relative_path(const std::string& from_file,
                                              const std::string& relative);

/// The candidate closest to `word` by edit distance, if close enough to be a likely typo.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);
}  // namespace passerelle
