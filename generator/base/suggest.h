// "Did you mean": the names closest to one that was not found, for the messages about unknown
// fields, vocabulary terms, files, slugs, actors and heading ids. Names are compared folded
// (case and accents ignored, base/text.h) by Damerau-Levenshtein distance (optimal string
// alignment: a swap of two neighbours counts one edit).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace passerelle {

/// Something that can be suggested, and the names it may have been written as: a vocabulary
/// term's key and its labels, an actor's id and its short and other names, a page's file and
/// its slug. `value` counts among its names.
struct SuggestionCandidate {
  std::string value;
  std::vector<std::string> names;
};

/// Edits (insertions, deletions, substitutions, swaps of neighbours) from `a` to `b`, counted
/// in code points.
size_t edit_distance(std::string_view a, std::string_view b);

/// Up to `limit` candidates for `word`, best first: a name equal to it once folded, then names
/// within a few edits (about one in three characters), then, for a word of four characters or
/// more, names that begin with it (a word typed short), then names whose last hyphenated words it
/// is within a few edits ("budjet" for "le-budget"), then names of two characters or more that
/// begin it ("language" for "lang"). Ties keep the candidates' order.
std::vector<std::string> suggest_values(std::string_view word,
                                        const std::vector<SuggestionCandidate>& candidates,
                                        size_t limit = 3);

/// "'a'", "'a' or 'b'", "'a', 'b' or 'c'": suggestions as a message lists them.
std::string quoted_alternatives(const std::vector<std::string>& items);

/// `suggest_values` for candidates that have one name each.
std::vector<std::string> suggest(std::string_view word, const std::vector<std::string>& candidates,
                                 size_t limit = 3);

}  // namespace passerelle
