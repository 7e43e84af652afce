// A small bilingual lexicon of real French and Italian words, paired by meaning, with the
// inflected forms the sentence generator needs (gender, number, verb persons). Lists are in
// rough order of frequency: the generator draws from them with Zipf-like weights.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace corpus {

enum class Language { kFrench, kItalian };

struct Noun {
  bool feminine = false;
  std::string singular;
  std::string plural;
};

struct Adjective {
  std::string forms[4];  // masculine singular, feminine singular, masculine plural, feminine plural
  const std::string& agree(bool feminine, bool plural) const {
    return forms[(plural ? 2 : 0) + (feminine ? 1 : 0)];
  }
};

struct Verb {
  std::string infinitive;
  std::string third_singular;
  std::string third_plural;
  std::string first_plural;
  Adjective participle;  // agrees like an adjective in the passive
};

template <typename T>
struct Pair {
  T fr;
  T it;
  const T& in(Language language) const { return language == Language::kFrench ? fr : it; }
};

struct WordList {
  std::vector<Pair<std::string>> items;
  std::vector<uint64_t> weights;  // cumulative, Zipf-like
};

struct Lexicon {
  std::vector<Pair<Noun>> agents;  // people and organisations: subjects of sentences
  std::vector<Pair<Noun>> things;  // objects, topics
  std::vector<Pair<Adjective>> adjectives;
  std::vector<Pair<Verb>> verbs;   // transitive, regular (-er / -are)
  std::vector<uint64_t> agent_weights, thing_weights, adjective_weights, verb_weights;
  WordList adverbs;
  WordList connectors;    // sentence openers, with their comma
  WordList prepositions;  // before a noun phrase with its article
};

/// Builds the lexicon from the word lists in lexicon.cpp, inflecting every entry.
Lexicon build_lexicon();

/// Inflection rules, exposed for tests of the lists.
Noun french_noun(const std::string& entry);
Noun italian_noun(const std::string& entry);
Adjective french_adjective(const std::string& entry);
Adjective italian_adjective(const std::string& entry);
Verb french_verb(const std::string& infinitive);
Verb italian_verb(const std::string& infinitive);

}  // namespace corpus
