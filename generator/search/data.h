// Per-language search data a maintainer extends without touching code: generator/search/data/
// <language>.txt (extra stop words, derivation families, words Snowball must not merge).
// The files are compiled in (CMake generates the raw text into search_data.cpp) rather than
// read at build time: the data is about the language, not the site, and the installed binary
// must find it wherever it runs.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace passerelle::search {

struct LanguageData {
  std::vector<std::string> stop;                   // [stop]: words, as written (not folded)
  std::vector<std::vector<std::string>> families;  // [family]: one list per line
  std::vector<std::string> splits;                 // [split]: word beginnings
};

/// The text of data/<language>.txt compiled in, or empty (generated file).
std::string_view language_data_text(std::string_view base_language);

/// Parses the format of data/*.txt: "[section]" lines, words separated by spaces, "#" comments.
/// Unknown sections are errors, returned as "line N: ..." in `error`.
LanguageData parse_language_data(std::string_view text, std::string* error = nullptr);

/// The language of a code without its region: "it-CH" → "it", "fr" → "fr".
std::string base_language(const std::string& code);

/// The data for a language code ("fr", "it-CH" → "it"); empty for languages without a file.
LanguageData language_data_for(const std::string& language);

}  // namespace passerelle::search
