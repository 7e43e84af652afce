// Bilingual prose: every random choice is made once and rendered in French and Italian at the
// same time, so the two languages of a guideline are translations of each other (same
// structure, same links) while each reads as its own language: articles, contractions,
// elision and agreement follow each language's rules.
#pragma once

#include <initializer_list>
#include <string>

#include "lexicon.h"
#include "random.h"

namespace corpus {

struct Bi {
  std::string fr;
  std::string it;
  std::string& in(Language language) { return language == Language::kFrench ? fr : it; }
  const std::string& in(Language language) const {
    return language == Language::kFrench ? fr : it;
  }
  Bi& operator+=(const Bi& other) {
    fr += other.fr;
    it += other.it;
    return *this;
  }
};

inline Bi operator+(Bi left, const Bi& right) { return left += right; }
/// Concatenation in written order. Use it, not `+`, when several parts draw random numbers:
/// the elements of a braced list are evaluated left to right, the operands of `+` are not.
inline Bi cat(std::initializer_list<Bi> parts) {
  Bi out;
  for (const Bi& part : parts) out += part;
  return out;
}
/// The same text in both languages (numbers, names, Markdown syntax).
inline Bi both(const std::string& text) { return {text, text}; }

class Prose {
 public:
  Prose(const Lexicon& lexicon, Rng& rng) : lexicon_(lexicon), rng_(rng) {}

  /// One sentence, capitalized, with its final full stop.
  Bi sentence();
  /// `count` sentences separated by spaces.
  Bi sentences(int count);
  /// A title or heading: a noun phrase or an infinitive phrase, capitalized, no full stop.
  Bi title();
  /// A short noun phrase used as a heading or table cell, capitalized.
  Bi label();
  /// The bold lead of a list item: a noun phrase in lower case.
  Bi noun_phrase();
  /// "infinitive + object (+ complement)", lower case: a step of a numbered list.
  Bi step();
  /// What follows a subject in the third person singular: "présente les étapes du projet".
  Bi predicate_singular();
  /// "Accompagnement des migrants": an actor's service.
  Bi service();
  /// "des jeunes migrants" / "dei giovani migranti": people an actor works for, after "de/di".
  Bi beneficiaries_after_de();

 private:
  struct NounPhrase;
  NounPhrase draw_noun_phrase(bool agent, int complement_percent);
  Bi render(const NounPhrase& phrase, const std::string& fr_preposition = "",
            const std::string& it_preposition = "") const;
  Bi verb_group(const Pair<Verb>& verb, bool plural);
  Bi object();
  Bi adverbial();
  Bi clause();

  const Lexicon& lexicon_;
  Rng& rng_;
};

/// "de Fès" / "d'Oujda" in French, "di Fès" in Italian.
Bi of_city(const std::string& city);

/// `text` with its first letter in upper case (UTF-8 aware).
std::string capitalize(const std::string& text);
/// Number of words (runs of non-space characters).
int count_words(const std::string& text);

}  // namespace corpus
