// A document of the search index as counted, before the language's index is scored: its
// terms and how it uses them, and its text in blocks. Shared by the index (search/index.cpp)
// and the cache that keeps each document's counts between builds (search/count_cache.h).
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace passerelle::search {

/// How a document uses one term; the language's terms are numbered as they are first met, so
/// that a large site's millions of (document, term) pairs hold no string each.
struct TermUse {
  uint32_t term = 0;
  uint32_t block = 0;     // the first text block it is in (0 when only in short fields)
  double frequency = 0;   // weighted by field
  bool in_title = false;
  bool in_text = false;   // seen in a long field: `block` is where
};

/// Terms by number, and the word forms seen for each term.
struct Terms {
  std::unordered_map<std::string, uint32_t> numbers;
  std::vector<std::string> names;
  std::unordered_map<std::string, std::string> form_terms;  // form → term

  uint32_t number(const std::string& term) {
    auto [found, added] = numbers.try_emplace(term, static_cast<uint32_t>(names.size()));
    if (added) names.push_back(term);
    return found->second;
  }
};

/// A document counted on its own, its terms numbered as first met in it (`terms`), so that
/// documents can be counted on several threads and their terms numbered for the language
/// afterwards (search/language_terms.h). One taken from the count cache comes numbered for
/// the language already, with the numbers of its word forms.
struct CountedDocument {
  std::vector<TermUse> uses;
  Terms terms;                  // empty once `numbered`
  bool numbered = false;        // `uses` name the language's terms
  std::vector<uint32_t> forms;  // once numbered: the language's numbers of its word forms
  std::vector<std::string> blocks;
  bool blocks_cut = true;  // false: taken from a cache, the document still holds its text
  double length = 0;       // words, for BM25's length normalisation
  std::string key;         // count_key(), when counted with a cache
};

}  // namespace passerelle::search
