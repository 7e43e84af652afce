#include "excerpt.h"

#include "text.h"

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
