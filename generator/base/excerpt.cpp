#include "base/excerpt.h"

#include <algorithm>

#include "base/text.h"

namespace passerelle {

std::optional<SourceExcerpt> source_excerpt(const SourceTree& tree, const Diagnostic& d) {
  if (d.location.line <= 0 || d.location.path.empty()) return std::nullopt;
  auto text = tree.read(d.location.path);
  if (!text) return std::nullopt;
  std::string normalized = normalize_source(*text);
  size_t begin = 0;
  for (int line = 1; line < d.location.line; ++line) {
    begin = normalized.find('\n', begin);
    if (begin == std::string::npos) return std::nullopt;
    ++begin;
  }
  SourceExcerpt excerpt;
  excerpt.line = normalized.substr(begin, normalized.find('\n', begin) - begin);
  if (excerpt.line.size() > 200 || find_invalid_utf8(excerpt.line)) return std::nullopt;
  // Binary data (UTF-16 text, an archive) is noise; a single NUL in text is worth a caret.
  if (std::count(excerpt.line.begin(), excerpt.line.end(), '\0') > 1) return std::nullopt;
  // A carriage return alone (an error of its own) would send the terminal's cursor back.
  for (size_t cr = excerpt.line.find('\r'); cr != std::string::npos; cr = excerpt.line.find('\r'))
    excerpt.line.replace(cr, 1, "\uFFFD");
  if (d.location.column > 0) {
    int column = 1;
    for (size_t i = 0; i < excerpt.line.size() && column < d.location.column; ++i) {
      if ((static_cast<unsigned char>(excerpt.line[i]) & 0xC0) == 0x80) continue;
      excerpt.caret += excerpt.line[i] == '\t' ? '\t' : ' ';
      ++column;
    }
    excerpt.caret += '^';
  }
  return excerpt;
}

}  // namespace passerelle
