#include "base/suggest.h"

#include <algorithm>
#include <limits>

#include "base/text.h"
#include "messages/messages.h"

namespace passerelle {

namespace {

std::u32string code_points(std::string_view text) {
  std::u32string out;
  for (size_t i = 0; i < text.size();) {
    auto c = utf8_char_at(text, i);
    out += static_cast<char32_t>(c.length ? c.code_point : 0xFFFD);
    i += c.length ? c.length : 1;
  }
  return out;
}

size_t osa_distance(const std::u32string& a, const std::u32string& b) {
  // Three rows: the previous two are needed for a swap of neighbours.
  std::vector<size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        current[j] = std::min(current[j], before[j - 2] + 1);
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

/// The fewest edits from `word` to a tail of `name` after one of its hyphens ("budjet" to
/// "budget" of "le-budget"), or `limit` + 1 when none is within `limit`.
size_t distance_to_tail(const std::u32string& word, const std::u32string& name, size_t limit) {
  size_t best = limit + 1;
  for (size_t at = name.find(U'-'); at != std::u32string::npos; at = name.find(U'-', at + 1)) {
    best = std::min(best, osa_distance(word, name.substr(at + 1)));
  }
  return best;
}

/// How far a name may be from a word of `length` code points to count as a typo of it.
/// (A word of one or two characters is too short to guess from.)
size_t allowed_distance(size_t length) { return length < 3 ? 0 : (length + 2) / 3; }

}  // namespace

size_t edit_distance(std::string_view a, std::string_view b) {
  return osa_distance(code_points(a), code_points(b));
}

std::vector<std::string> suggest_values(std::string_view word,
                                        const std::vector<SuggestionCandidate>& candidates,
                                        size_t limit) {
  const std::u32string folded = code_points(fold_text(word));
  if (folded.empty()) return {};
  constexpr size_t kNone = std::numeric_limits<size_t>::max();
  struct Ranked {
    size_t score;
    size_t order;
    const std::string* value;
  };
  std::vector<Ranked> ranked;
  for (size_t i = 0; i < candidates.size(); ++i) {
    size_t best = kNone;
    for (const auto& name : candidates[i].names) {
      std::u32string other = code_points(fold_text(name));
      if (other.empty()) continue;
      size_t distance = osa_distance(folded, other);
      // Scores: 0 equal when folded, 1 + edits for a typo, then a name the word begins, then a
      // name whose last words it is, give or take a typo (a heading id typed without its
      // article), then a name the word begins with ("language" for "lang").
      if (distance <= allowed_distance(folded.size())) {
        best = std::min(best, distance == 0 ? 0 : 1 + distance);
      } else if (folded.size() >= 4 && other.compare(0, folded.size(), folded) == 0) {
        best = std::min(best, 1000 + other.size());
      } else if (size_t tail = distance_to_tail(folded, other, allowed_distance(folded.size()));
                 folded.size() >= 4 && tail <= allowed_distance(folded.size())) {
        best = std::min(best, 2000 + tail);
      } else if (other.size() >= 2 && folded.compare(0, other.size(), other) == 0) {
        best = std::min(best, 3000 + folded.size() - other.size());
      }
    }
    if (best != kNone) ranked.push_back({best, i, &candidates[i].value});
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const Ranked& a, const Ranked& b) { return a.score < b.score; });
  std::vector<std::string> result;
  for (const auto& r : ranked) {
    if (result.size() == limit) break;
    if (std::find(result.begin(), result.end(), *r.value) == result.end())
      result.push_back(*r.value);
  }
  return result;
}

std::vector<std::string> suggest(std::string_view word, const std::vector<std::string>& candidates,
                                 size_t limit) {
  std::vector<SuggestionCandidate> named;
  named.reserve(candidates.size());
  for (const auto& candidate : candidates) named.push_back({candidate, {candidate}});
  return suggest_values(word, named, limit);
}

std::string quoted_alternatives(const std::vector<std::string>& items) {
  // TRANSLATORS: a name quoted in a message, such as the 'title' of "did you mean 'title'?".
  auto quoted = [](const std::string& item) { return format_message(tr("'%1$s'"), item); };
  std::string out;
  for (size_t i = 0; i + 1 < items.size(); ++i) out += (i > 0 ? ", " : "") + quoted(items[i]);
  if (items.empty()) return out;
  std::string last = quoted(items.back());
  // TRANSLATORS: the last two of the names a "did you mean" offers: 'a', 'b' or 'c'.
  return out.empty() ? last : format_message(tr("%1$s or %2$s"), out, last);
}

}  // namespace passerelle
