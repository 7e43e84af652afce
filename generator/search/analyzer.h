// Text analysis for the search index: Unicode folding (utf8proc), word splitting, French and
// Italian elisions and stop words, and Snowball stemming (libstemmer). The browser client repeats
// the folding, splitting, elisions and stop words (search.js) but never stems: the index maps
// every word form it saw to its stem, so both sides must split and fold alike.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

struct sb_stemmer;  // libstemmer's, global

namespace passerelle::search {

/// NFKC, case folding and marks stripped (so accents go: "Réintégration" → "reintegration"),
/// then the few things Unicode leaves alone: œ/æ spelled out, every apostrophe made ASCII,
/// the Arabic tatweel dropped. Invalid UTF-8 comes back unchanged.
std::string fold(std::string_view text);

/// Words of folded text: runs of letters, digits and marks. An elided article ("l'", "dell'")
/// directly before a word is dropped when it is in `elisions`. Words longer than
/// kMaxWordLength code points (URLs, garbage) and one-letter words are left out.
std::vector<std::string> split_words(std::string_view folded, const std::vector<std::string>& elisions);

constexpr size_t kMaxWordLength = 40;

/// Whether every character of a folded word is an Arabic letter.
bool is_arabic_word(std::string_view word);

/// Light10-style stem of a folded Arabic word: the conjunction "و", the article with its
/// prepositions ("ال", "وال", "بال", "كال", "فال", "لل") and common suffixes removed, keeping at
/// least two letters. The client (search.js) does the same to query words.
std::string arabic_light_stem(std::string_view folded_word);

/// Number of code points of UTF-8 text.
size_t code_points(std::string_view text);

struct Token {
  std::string form;  // the folded word as written: "formations"
  std::string term;  // what the index stores: the stem "format" (the form when not stemmed)
};

/// One analyzer per language; it owns its stemmer (libstemmer objects are not thread-safe), so
/// it is cheap to make one per build and never shared between threads.
class Analyzer {
 public:
  /// Stop words and elisions are known for French and Italian; the stemmer is libstemmer's for
  /// the language code when it has one. Other languages are folded and split only.
  explicit Analyzer(const std::string& language);
  ~Analyzer();
  Analyzer(Analyzer&&) noexcept;
  Analyzer& operator=(Analyzer&&) noexcept;
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  /// The indexable words of `text`, in order: folded, split, elisions and stop words dropped,
  /// stemmed.
  std::vector<Token> analyze(std::string_view text);

  /// The index term of one folded word: a beginning of the data file's [split] list it starts
  /// with; else its Snowball stem for words in the language's script (Latin letters), the
  /// light stem for Arabic words, and the word itself for others.
  std::string term(const std::string& folded_word);

  bool is_stop_word(std::string_view folded_word) const;
  bool has_stemmer() const { return stemmer_ != nullptr; }
  const std::string& language() const { return language_; }
  /// Folded and sorted, as the client needs them.
  const std::vector<std::string>& stop_words() const { return stop_words_; }
  const std::vector<std::string>& elisions() const { return elisions_; }
  /// Derivation families of the language's data file, folded (see search/data.h).
  const std::vector<std::vector<std::string>>& families() const { return families_; }

 private:
  struct StemmerDeleter {
    void operator()(::sb_stemmer* stemmer) const;
  };
  std::string language_;
  std::unique_ptr<::sb_stemmer, StemmerDeleter> stemmer_;
  bool arabic_script_ = false;  // the stemmer's words are in Arabic script, not Latin
  std::vector<std::string> stop_words_;
  std::vector<std::string> elisions_;
  std::unordered_set<std::string> stop_set_;
  std::vector<std::string> splits_;  // folded word beginnings kept whole, longest first
  std::vector<std::vector<std::string>> families_;
  std::unordered_map<std::string, std::string> terms_;  // stems already computed
};

}  // namespace passerelle::search
