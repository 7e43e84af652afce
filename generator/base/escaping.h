// Escaping and unescaping: every value lands in HTML, XML, JSON, CSV or a URL through one
// audited function of this file, and every reference read back is decoded by one.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace passerelle {

/// Escapes & < > " ' for HTML text and attribute values (also valid XML).
std::string escape_html(std::string_view text);

/// Quotes a CSV field when needed (RFC 4180). A field that starts with = + - @, a tab or a
/// line break (after any blanks) gets a leading ' so that spreadsheets do not run it as a
/// formula; phone numbers such as +212 5 22 are left alone.
std::string escape_csv(std::string_view text);

/// A CSV field holding a list, items joined by ';'. Every item (and every part of one after a
/// ';') is neutralised like a field: a spreadsheet that splits on ';' makes each a cell.
std::string escape_csv_list(const std::vector<std::string>& items);

/// `text` with a leading ' when a spreadsheet would run it as a formula (what escape_csv does
/// before quoting); the xlsx export writes its cells so too. Applying it twice changes nothing.
std::string neutralise_formula(std::string_view text);

/// The items joined by ';', each part neutralised (what escape_csv_list does before quoting).
std::string neutralise_list(const std::vector<std::string>& items);

/// The reverse of neutralise_formula: `cell` without the ' it would have added, or `cell`
/// unchanged when it does not start with that '.
std::string restore_formula_text(std::string_view cell);

/// True when a spreadsheet would run `cell` as a formula: neutralise_formula would change it.
bool is_formula_cell(std::string_view cell);

/// A TOML basic string literal, quotes included: \" \\ \n \t \r, other control characters
/// as \uXXXX (`passerelle new` and `passerelle import` write records with it).
std::string toml_string(std::string_view text);

/// Percent-encodes what is not allowed in a URL path segment (keeps unreserved characters).
std::string encode_url_path(std::string_view path);

/// Percent-encodes a link destination as CommonMark renderers do (md4c-html, commonmark.js):
/// every byte but ASCII letters, digits and ~-_.+!*(),%#@?=;:/$& (so an existing %XX escape
/// stays as it is). A space, a backslash, a backtick or a non-ASCII letter becomes %XX.
std::string encode_url(std::string_view url);

/// Decodes %XX escapes; a '%' not followed by two hex digits stays as written.
std::string percent_decode(std::string_view text);

/// The text of an HTML character reference written without its '&' and ';' ("eacute",
/// "#233", "#xE9"; every name of HTML5), or nullopt for an unknown name or malformed digits. A
/// code point that is not allowed in text (NUL, a control or bidi character, a surrogate)
/// becomes U+FFFD.
std::optional<std::string> decode_character_reference(std::string_view reference);

/// `text` with its character references decoded; unknown ones stay as written.
std::string decode_entities(std::string_view text);

}  // namespace passerelle
