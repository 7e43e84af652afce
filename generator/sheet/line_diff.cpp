#include "sheet/line_diff.h"

#include <vector>

namespace passerelle {

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

}  // namespace

std::string changed_lines(const std::string& before, const std::string& after) {
  auto a = lines_of(before);
  auto b = lines_of(after);
  // Longest common subsequence, from the ends: records are short (tens of lines).
  std::vector<std::vector<int>> common(a.size() + 1, std::vector<int>(b.size() + 1, 0));
  for (size_t i = a.size(); i-- > 0;) {
    for (size_t j = b.size(); j-- > 0;) {
      common[i][j] = a[i] == b[j] ? common[i + 1][j + 1] + 1
                                  : std::max(common[i + 1][j], common[i][j + 1]);
    }
  }
  std::string out;
  size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (i < a.size() && j < b.size() && a[i] == b[j]) {
      ++i, ++j;
      continue;
    }
    size_t from_a = i, from_b = j;
    std::string hunk;
    while ((i < a.size() || j < b.size()) && !(i < a.size() && j < b.size() && a[i] == b[j])) {
      if (j >= b.size() || (i < a.size() && common[i + 1][j] >= common[i][j + 1])) {
        hunk += "-" + a[i++] + "\n";
      } else {
        hunk += "+" + b[j++] + "\n";
      }
    }
    // As diff -U0 numbers them: an empty side names the line before it.
    auto range = [](size_t start, size_t count) {
      return std::to_string(count ? start + 1 : start) + "," + std::to_string(count);
    };
    out += "@@ -" + range(from_a, i - from_a) + " +" + range(from_b, j - from_b) + " @@\n" + hunk;
  }
  return out;
}

}  // namespace passerelle
