// The inverted index of one language: terms (stems) with the word forms seen for them and
// postings whose BM25F scores are computed here, so that the browser only adds numbers up.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "search/analyzer.h"
#include "search/count_cache.h"
#include "search/documents.h"

namespace passerelle::search {

struct Posting {
  uint32_t document = 0;
  uint32_t impact = 0;    // BM25F score, scaled to 1..255 over the language's index
  bool in_title = false;  // the word is in the title, the name or another name
  uint32_t block = 0;     // the text block where the word first appears (0 if only in fields)
};

struct TermEntry {
  std::set<std::string> forms;    // folded word forms seen for this term
  std::vector<Posting> postings;  // by document number
};

struct Index {
  std::string language;
  std::vector<Document> documents;
  // Each document's text, in blocks; those of a document whose counts came from a cache are
  // cut only when asked for (document_blocks()): the document holds its text until then.
  std::vector<std::vector<std::string>> blocks;
  size_t block_chars = 0;
  // Counted with a cache: each document's count_key(), a key of its whole text.
  std::vector<std::string> text_keys;
  std::map<std::string, TermEntry> terms;        // by term: a stem, or a word not stemmed
  std::vector<std::string> suffixes;             // endings stemming removed (seen twice or more)
  // Derivation families (data/<language>.txt) with at least two of their terms in the index:
  // each member as its term and one form of it the site uses (where the client finds it).
  std::vector<std::vector<std::pair<std::string, std::string>>> families;
  std::vector<std::string> stop_words;
  std::vector<std::string> elisions;
};

constexpr double kBm25K1 = 1.2;
constexpr double kBm25B = 0.75;

/// Cuts text into blocks of at most `max_chars` code points, at sentence ends where possible,
/// else between words.
std::vector<std::string> split_blocks(std::string_view text, size_t max_chars);

/// The text blocks of document `d`: cut now when the index has not cut them.
std::vector<std::string> document_blocks(const Index& index, size_t d);

/// With `caching` (search/count_cache.h), documents the last build counted are taken from its
/// cache, and the next cache is made.
Index build_index(std::vector<Document> documents, Analyzer& analyzer, size_t block_chars,
                  CountCaching* caching = nullptr);

}  // namespace passerelle::search
