#include "base/excerpt.h"

#include <algorithm>

#include "base/text.h"

namespace passerelle {

namespace {

/// Byte offsets of each code point of `line`, and the line's size at the end.
std::vector<size_t> code_point_offsets(const std::string& line) {
  std::vector<size_t> offsets;
  for (size_t i = 0; i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) offsets.push_back(i);
  }
  offsets.push_back(line.size());
  return offsets;
}

}  // namespace

SourceExcerpt excerpt_of_line(std::string line, int column) {
  SourceExcerpt excerpt;
  // A carriage return alone (an error of its own) would send the terminal's cursor back.
  for (size_t cr = line.find('\r'); cr != std::string::npos; cr = line.find('\r'))
    line.replace(cr, 1, "\uFFFD");
  auto offsets = code_point_offsets(line);
  size_t length = offsets.size() - 1;  // in code points
  size_t at = column > 0 ? std::min<size_t>(static_cast<size_t>(column) - 1, length) : 0;
  size_t first = 0, last = length;
  // A long line (a paragraph written on one line) is shown as a window around the column.
  if (length > kExcerptWidth) {
    first = at > kExcerptBefore ? at - kExcerptBefore : 0;
    last = std::min(length, first + kExcerptWidth);
    if (last - first < kExcerptWidth) first = last - kExcerptWidth;
  }
  std::string shown = line.substr(offsets[first], offsets[last] - offsets[first]);
  excerpt.line = (first > 0 ? "…" : "") + shown + (last < length ? "…" : "");
  if (column > 0) {
    if (first > 0) excerpt.caret += ' ';  // under the '…'
    for (size_t i = first; i < at; ++i) excerpt.caret += line[offsets[i]] == '\t' ? '\t' : ' ';
    excerpt.caret += '^';
  }
  return excerpt;
}

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
  std::string line = normalized.substr(begin, normalized.find('\n', begin) - begin);
  if (find_invalid_utf8(line)) return std::nullopt;
  // Binary data (UTF-16 text, an archive) is noise; a single NUL in text is worth a caret.
  if (std::count(line.begin(), line.end(), '\0') > 1) return std::nullopt;
  return excerpt_of_line(std::move(line), d.location.column);
}

}  // namespace passerelle
