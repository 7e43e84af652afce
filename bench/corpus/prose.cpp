#include "prose.h"

#include <utf8proc.h>

#include <array>

namespace corpus {

namespace {

enum class Determiner { kDefinite, kIndefinite, kDemonstrative, kPossessive, kNone };

bool starts_with_any(const std::string& word, std::initializer_list<const char*> prefixes) {
  for (const char* prefix : prefixes) {
    if (word.rfind(prefix, 0) == 0) return true;
  }
  return false;
}

bool french_vowel(const std::string& word) {
  return starts_with_any(word, {"a", "e", "i", "o", "u", "y", "h", "é", "è", "ê", "à", "â", "î",
                                "ô", "û", "œ", "A", "E", "I", "O", "U", "É"});
}

bool italian_vowel(const std::string& word) {
  return starts_with_any(word, {"a", "e", "i", "o", "u", "à", "è", "é", "ì", "ò", "ù"});
}

/// Italian "lo/gli/uno" words: s + consonant, z, gn, ps, pn, x, y.
bool italian_lo(const std::string& word) {
  if (word.size() >= 2 && word[0] == 's' && std::string("aeiou").find(word[1]) == std::string::npos)
    return true;
  return starts_with_any(word, {"z", "gn", "ps", "pn", "x", "y"});
}

std::string french_article(Determiner determiner, const Noun& noun, bool plural) {
  const std::string& word = plural ? noun.plural : noun.singular;
  switch (determiner) {
    case Determiner::kDefinite:
      if (plural) return "les ";
      if (french_vowel(word)) return "l'";
      return noun.feminine ? "la " : "le ";
    case Determiner::kIndefinite:
      if (plural) return "des ";
      return noun.feminine ? "une " : "un ";
    case Determiner::kDemonstrative:
      if (plural) return "ces ";
      if (noun.feminine) return "cette ";
      return french_vowel(word) ? "cet " : "ce ";
    case Determiner::kPossessive:
      return plural ? "nos " : "notre ";
    case Determiner::kNone:
      return "";
  }
  return "";
}

std::string italian_definite(bool feminine, bool plural, const std::string& word) {
  if (feminine) return plural ? "le " : (italian_vowel(word) ? "l'" : "la ");
  if (plural) return italian_vowel(word) || italian_lo(word) ? "gli " : "i ";
  if (italian_vowel(word)) return "l'";
  return italian_lo(word) ? "lo " : "il ";
}

/// The article and, for possessives, the possessive adjective that precedes the noun.
std::string italian_article(Determiner determiner, const Noun& noun, bool plural) {
  const std::string& word = plural ? noun.plural : noun.singular;
  bool f = noun.feminine;
  switch (determiner) {
    case Determiner::kDefinite:
      return italian_definite(f, plural, word);
    case Determiner::kIndefinite:
      if (plural) return "";  // "creano progetti": no article
      if (f) return italian_vowel(word) ? "un'" : "una ";
      return italian_lo(word) ? "uno " : "un ";
    case Determiner::kDemonstrative:
      return plural ? (f ? "queste " : "questi ") : (f ? "questa " : "questo ");
    case Determiner::kPossessive:
      return plural ? (f ? "le nostre " : "i nostri ") : (f ? "la nostra " : "il nostro ");
    case Determiner::kNone:
      return "";
  }
  return "";
}

/// "preposition + article + word" with French contractions (du, des, au, aux) and elision (d').
std::string french_join(const std::string& preposition, const std::string& article,
                        const std::string& word) {
  if (preposition.empty()) return article + word;
  size_t space = preposition.rfind(' ');
  std::string head = space == std::string::npos ? "" : preposition.substr(0, space + 1);
  std::string last = space == std::string::npos ? preposition : preposition.substr(space + 1);
  // The article may be "notre " etc.: only the definite articles contract.
  std::string rest = article + word;
  if (last == "de") {
    if (article == "le ") return head + "du " + word;
    if (article == "les ") return head + "des " + word;
    if (article == "des " || article.empty()) {
      return head + (french_vowel(word) ? "d'" : "de ") + word;
    }
    if (french_vowel(rest)) return head + "d'" + rest;
    return head + "de " + rest;
  }
  if (last == "à") {
    if (article == "le ") return head + "au " + word;
    if (article == "les ") return head + "aux " + word;
  }
  return preposition + " " + rest;
}

/// "preposition + article + word" with Italian articulated prepositions (del, nella, sugli…).
std::string italian_join(const std::string& preposition, const std::string& article,
                         const std::string& word) {
  if (preposition.empty()) return article + word;
  size_t space = preposition.rfind(' ');
  std::string head = space == std::string::npos ? "" : preposition.substr(0, space + 1);
  std::string last = space == std::string::npos ? preposition : preposition.substr(space + 1);
  static const std::array<const char*, 7> kArticles = {"il ", "lo ", "l'", "la ", "i ", "gli ", "le "};
  static const std::array<std::pair<const char*, std::array<const char*, 7>>, 5> kMerged = {{
      {"di", {"del ", "dello ", "dell'", "della ", "dei ", "degli ", "delle "}},
      {"a", {"al ", "allo ", "all'", "alla ", "ai ", "agli ", "alle "}},
      {"da", {"dal ", "dallo ", "dall'", "dalla ", "dai ", "dagli ", "dalle "}},
      {"in", {"nel ", "nello ", "nell'", "nella ", "nei ", "negli ", "nelle "}},
      {"su", {"sul ", "sullo ", "sull'", "sulla ", "sui ", "sugli ", "sulle "}},
  }};
  // "il nostro", "la nostra"… start with a definite article too.
  for (const auto& [base, forms] : kMerged) {
    if (last != base) continue;
    for (size_t i = 0; i < kArticles.size(); ++i) {
      std::string a = kArticles[i];
      if (article.rfind(a, 0) == 0) return head + forms[i] + article.substr(a.size()) + word;
    }
  }
  return preposition + " " + article + word;
}

const Pair<std::string> kPlaces[] = {
    {"au Maroc", "in Marocco"},
    {"en Italie", "in Italia"},
    {"entre l'Italie et le Maroc", "tra l'Italia e il Marocco"},
    {"dans le pays d'origine", "nel paese d'origine"},
    {"dans le pays d'accueil", "nel paese di accoglienza"},
    {"à Casablanca", "a Casablanca"},
    {"à Milan", "a Milano"},
    {"à Turin", "a Torino"},
    {"à Béni Mellal", "a Béni Mellal"},
    {"à Rome", "a Roma"},
    {"à Khouribga", "a Khouribga"},
    {"à Bologne", "a Bologna"},
    {"dans les zones rurales", "nelle zone rurali"},
    {"au niveau local", "a livello locale"},
};

const Pair<std::string> kServiceHeads[] = {
    {"Accompagnement", "Accompagnamento"}, {"Orientation", "Orientamento"},
    {"Formation", "Formazione"},           {"Conseil", "Consulenza"},
    {"Information", "Informazione"},       {"Financement", "Finanziamento"},
    {"Suivi", "Monitoraggio"},             {"Évaluation", "Valutazione"},
    {"Soutien", "Sostegno"},               {"Assistance", "Assistenza"},
};

}  // namespace

struct Prose::NounPhrase {
  const Pair<Noun>* noun = nullptr;
  bool plural = false;
  Determiner determiner = Determiner::kDefinite;
  const Pair<Adjective>* adjective = nullptr;
  const Pair<Noun>* complement = nullptr;  // "de + noun"
  bool complement_plural = false;
  bool complement_article = false;
};

Prose::NounPhrase Prose::draw_noun_phrase(bool agent, int complement_percent) {
  NounPhrase phrase;
  phrase.noun = agent ? &lexicon_.agents[rng_.weighted(lexicon_.agent_weights)]
                      : &lexicon_.things[rng_.weighted(lexicon_.thing_weights)];
  phrase.plural = rng_.chance(agent ? 55 : 30);
  int determiner = static_cast<int>(rng_.below(100));
  phrase.determiner = determiner < 65   ? Determiner::kDefinite
                      : determiner < 85 ? Determiner::kIndefinite
                      : determiner < 93 ? Determiner::kDemonstrative
                                        : Determiner::kPossessive;
  if (rng_.chance(35)) phrase.adjective = &lexicon_.adjectives[rng_.weighted(lexicon_.adjective_weights)];
  if (rng_.chance(complement_percent)) {
    bool people = rng_.chance(30);
    phrase.complement = people ? &lexicon_.agents[rng_.weighted(lexicon_.agent_weights)]
                               : &lexicon_.things[rng_.weighted(lexicon_.thing_weights)];
    phrase.complement_plural = rng_.chance(people ? 70 : 30);
    phrase.complement_article = rng_.chance(60);
  }
  return phrase;
}

Bi Prose::render(const NounPhrase& phrase, const std::string& fr_preposition,
                 const std::string& it_preposition) const {
  Bi out;
  for (Language language : {Language::kFrench, Language::kItalian}) {
    bool french = language == Language::kFrench;
    const Noun& noun = phrase.noun->in(language);
    std::string word = phrase.plural ? noun.plural : noun.singular;
    if (phrase.adjective) {
      word += ' ';
      word += phrase.adjective->in(language).agree(noun.feminine, phrase.plural);
    }
    if (phrase.complement) {
      const Noun& other = phrase.complement->in(language);
      const std::string& other_word = phrase.complement_plural ? other.plural : other.singular;
      Determiner d = phrase.complement_article ? Determiner::kDefinite : Determiner::kNone;
      word += ' ';
      word += french ? french_join("de", french_article(d, other, phrase.complement_plural), other_word)
                     : italian_join("di", italian_article(d, other, phrase.complement_plural), other_word);
    }
    // The article agrees with the noun itself (adjectives and complements follow it).
    std::string article = french ? french_article(phrase.determiner, noun, phrase.plural)
                                 : italian_article(phrase.determiner, noun, phrase.plural);
    out.in(language) = french ? french_join(fr_preposition, article, word)
                              : italian_join(it_preposition, article, word);
  }
  return out;
}

Bi Prose::verb_group(const Pair<Verb>& verb, bool plural) {
  bool negative = rng_.chance(8);
  const Pair<std::string>* adverb =
      rng_.chance(20) ? &lexicon_.adverbs.items[rng_.weighted(lexicon_.adverbs.weights)] : nullptr;
  const std::string& fr = plural ? verb.fr.third_plural : verb.fr.third_singular;
  const std::string& it = plural ? verb.it.third_plural : verb.it.third_singular;
  Bi out;
  out.fr = negative ? (french_vowel(fr) ? "n'" : "ne ") + fr + " pas" : fr;
  out.it = negative ? "non " + it : it;
  if (adverb) out += both(" ") + Bi{adverb->fr, adverb->it};
  return out;
}

Bi Prose::object() { return render(draw_noun_phrase(rng_.chance(25), 45)); }

Bi Prose::adverbial() {
  if (rng_.chance(30)) {
    const auto& place = kPlaces[rng_.below(std::size(kPlaces))];
    return {place.fr, place.it};
  }
  const auto& preposition = lexicon_.prepositions.items[rng_.weighted(lexicon_.prepositions.weights)];
  NounPhrase phrase = draw_noun_phrase(rng_.chance(40), 30);
  if (phrase.determiner == Determiner::kIndefinite && phrase.plural) phrase.determiner = Determiner::kDefinite;
  return render(phrase, preposition.fr, preposition.it);
}

Bi Prose::clause() {
  const Pair<Verb>& verb = lexicon_.verbs[rng_.weighted(lexicon_.verb_weights)];
  int pattern = static_cast<int>(rng_.below(100));
  const Bi space = both(" ");
  Bi out;
  auto maybe_adverbial = [&](int percent) {
    if (rng_.chance(percent)) out += space + adverbial();
  };
  if (pattern < 30) {  // subject verb object
    NounPhrase subject = draw_noun_phrase(true, 20);
    out = cat({render(subject), space, verb_group(verb, subject.plural), space, object()});
    maybe_adverbial(50);
  } else if (pattern < 40) {  // impersonal + infinitive
    static const Pair<std::string> kOpeners[] = {
        {"il faut", "occorre"}, {"il est utile de", "è utile"},
        {"il est conseillé de", "si consiglia di"}, {"il vaut mieux", "conviene"}};
    const auto& opener = kOpeners[rng_.below(std::size(kOpeners))];
    std::string fr = opener.fr;
    if (fr.size() > 3 && fr.compare(fr.size() - 3, 3, " de") == 0 && french_vowel(verb.fr.infinitive)) {
      fr = fr.substr(0, fr.size() - 3) + " d'" + verb.fr.infinitive;
    } else {
      fr += " " + verb.fr.infinitive;
    }
    out = cat({Bi{fr, opener.it + " " + verb.it.infinitive}, space, object()});
    maybe_adverbial(50);
  } else if (pattern < 52) {  // modal + infinitive
    NounPhrase subject = draw_noun_phrase(true, 15);
    bool can = rng_.chance(50);
    Bi modal = can ? (subject.plural ? Bi{"peuvent", "possono"} : Bi{"peut", "può"})
                   : (subject.plural ? Bi{"doivent", "devono"} : Bi{"doit", "deve"});
    out = cat({render(subject), space, modal, space, Bi{verb.fr.infinitive, verb.it.infinitive}, space,
               object()});
    maybe_adverbial(40);
  } else if (pattern < 60) {  // first person plural
    out = cat({Bi{"nous " + verb.fr.first_plural, verb.it.first_plural}, space, object()});
    maybe_adverbial(50);
  } else if (pattern < 70) {  // passive
    NounPhrase subject = draw_noun_phrase(false, 35);
    NounPhrase agent = draw_noun_phrase(true, 10);
    if (agent.determiner == Determiner::kIndefinite && agent.plural) agent.determiner = Determiner::kDefinite;
    const Noun& fr_noun = subject.noun->fr;
    const Noun& it_noun = subject.noun->it;
    out = cat({render(subject), Bi{subject.plural ? " sont " : " est ", subject.plural ? " sono " : " è "},
               Bi{verb.fr.participle.agree(fr_noun.feminine, subject.plural),
                  verb.it.participle.agree(it_noun.feminine, subject.plural)},
               space, render(agent, "par", "da")});
  } else if (pattern < 78) {  // relative clause on the object
    NounPhrase subject = draw_noun_phrase(true, 10);
    NounPhrase thing = draw_noun_phrase(rng_.chance(50), 0);
    const Pair<Verb>& second = lexicon_.verbs[rng_.weighted(lexicon_.verb_weights)];
    out = cat({render(subject), space, verb_group(verb, subject.plural), space, render(thing),
               Bi{" qui ", " che "}, verb_group(second, thing.plural), space, object()});
  } else if (pattern < 86) {  // purpose + main clause
    NounPhrase subject = draw_noun_phrase(true, 10);
    const Pair<Verb>& second = lexicon_.verbs[rng_.weighted(lexicon_.verb_weights)];
    out = cat({Bi{"pour " + verb.fr.infinitive, "per " + verb.it.infinitive}, space, object(),
               both(", "), render(subject), space, verb_group(second, subject.plural), space, object()});
  } else if (pattern < 93) {  // two clauses joined by "mais"
    NounPhrase first = draw_noun_phrase(true, 10);
    NounPhrase second = draw_noun_phrase(true, 10);
    const Pair<Verb>& other = lexicon_.verbs[rng_.weighted(lexicon_.verb_weights)];
    out = cat({render(first), space, verb_group(verb, first.plural), space, object(), Bi{", mais ", ", ma "},
               render(second), space, verb_group(other, second.plural), space, object()});
  } else {  // two verbs sharing a subject
    NounPhrase subject = draw_noun_phrase(true, 10);
    const Pair<Verb>& other = lexicon_.verbs[rng_.weighted(lexicon_.verb_weights)];
    out = cat({render(subject), space, verb_group(verb, subject.plural), space, object(), Bi{" et ", " e "},
               verb_group(other, subject.plural), space, object()});
  }
  return out;
}

Bi Prose::sentence() {
  Bi body = clause();
  if (rng_.chance(18)) {
    const auto& connector = lexicon_.connectors.items[rng_.weighted(lexicon_.connectors.weights)];
    return Bi{connector.fr + " " + body.fr, connector.it + " " + body.it} + both(".");
  }
  return Bi{capitalize(body.fr), capitalize(body.it)} + both(".");
}

Bi Prose::sentences(int count) {
  Bi out;
  for (int i = 0; i < count; ++i) {
    if (i > 0) out += both(" ");
    out += sentence();
  }
  return out;
}

Bi Prose::title() {
  int pattern = static_cast<int>(rng_.below(100));
  Bi out;
  if (pattern < 40) {
    const Pair<Verb>& verb = lexicon_.verbs[rng_.weighted(lexicon_.verb_weights)];
    NounPhrase thing = draw_noun_phrase(rng_.chance(20), 55);
    thing.determiner = rng_.chance(80) ? Determiner::kDefinite : Determiner::kPossessive;
    out = Bi{verb.fr.infinitive, verb.it.infinitive} + both(" ") + render(thing);
    if (rng_.chance(25)) out += both(" ") + adverbial();
  } else if (pattern < 80) {
    NounPhrase thing = draw_noun_phrase(rng_.chance(25), 60);
    thing.determiner = Determiner::kDefinite;
    out = render(thing);
    if (rng_.chance(35)) out += both(" ") + adverbial();
  } else {
    NounPhrase first = draw_noun_phrase(false, 25);
    NounPhrase second = draw_noun_phrase(rng_.chance(30), 25);
    first.determiner = second.determiner = Determiner::kDefinite;
    out = cat({render(first), Bi{" et ", " e "}, render(second)});
  }
  return {capitalize(out.fr), capitalize(out.it)};
}

Bi Prose::label() {
  NounPhrase phrase = draw_noun_phrase(rng_.chance(20), 40);
  phrase.determiner = Determiner::kNone;
  Bi out = render(phrase);
  return {capitalize(out.fr), capitalize(out.it)};
}

Bi Prose::noun_phrase() {
  NounPhrase phrase = draw_noun_phrase(rng_.chance(30), 40);
  if (phrase.determiner != Determiner::kIndefinite) phrase.determiner = Determiner::kDefinite;
  return render(phrase);
}

Bi Prose::step() {
  const Pair<Verb>& verb = lexicon_.verbs[rng_.weighted(lexicon_.verb_weights)];
  Bi out = cat({Bi{verb.fr.infinitive, verb.it.infinitive}, both(" "), object()});
  if (rng_.chance(40)) out += both(" ") + adverbial();
  return out;
}

Bi Prose::predicate_singular() {
  const Pair<Verb>& verb = lexicon_.verbs[rng_.weighted(lexicon_.verb_weights)];
  Bi out = cat({verb_group(verb, false), both(" "), object()});
  if (rng_.chance(30)) out += both(" ") + adverbial();
  return out;
}

Bi Prose::service() {
  const auto& head = kServiceHeads[rng_.below(std::size(kServiceHeads))];
  return cat({Bi{head.fr, head.it}, both(" "), beneficiaries_after_de()});
}

Bi Prose::beneficiaries_after_de() {
  NounPhrase people = draw_noun_phrase(true, 0);
  people.plural = true;
  people.determiner = Determiner::kDefinite;
  return render(people, "de", "di");
}

Bi of_city(const std::string& city) { return {french_join("de", "", city), "di " + city}; }

std::string capitalize(const std::string& text) {
  if (text.empty()) return text;
  utf8proc_int32_t code_point = 0;
  auto length = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                 static_cast<utf8proc_ssize_t>(text.size()), &code_point);
  if (length <= 0) return text;
  utf8proc_uint8_t buffer[4];
  auto written = utf8proc_encode_char(utf8proc_toupper(code_point), buffer);
  return std::string(reinterpret_cast<char*>(buffer), written) + text.substr(length);
}

int count_words(const std::string& text) {
  int words = 0;
  bool in_word = false;
  for (char c : text) {
    bool space = c == ' ' || c == '\n' || c == '\t';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

}  // namespace corpus
