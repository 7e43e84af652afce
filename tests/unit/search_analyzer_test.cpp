// The search analyzer: folding, splitting, elisions, stop words and stemming per language.
#include <catch2/catch.hpp>

#include "search/analyzer.h"

using namespace passerelle::search;

namespace {

std::vector<std::string> forms(Analyzer& analyzer, std::string_view text) {
  std::vector<std::string> out;
  for (const auto& token : analyzer.analyze(text)) out.push_back(token.form);
  return out;
}

std::vector<std::string> terms(Analyzer& analyzer, std::string_view text) {
  std::vector<std::string> out;
  for (const auto& token : analyzer.analyze(text)) out.push_back(token.term);
  return out;
}

using Words = std::vector<std::string>;

}  // namespace

TEST_CASE("folding removes accents and case, keeps other scripts") {
  CHECK(fold("Réintégration") == "reintegration");
  CHECK(fold("KHÉNIFRA") == "khenifra");
  CHECK(fold("Città") == "citta");
  CHECK(fold("Straße") == "strasse");
  CHECK(fold("cœur Æsop") == "coeur aesop");
  CHECK(fold("ﬁnance") == "finance");         // compatibility ligature (NFKC)
  CHECK(fold("l’entreprise") == "l'entreprise");  // typographic apostrophe
  CHECK(fold("dé\u00ADveloppement") == "developpement");  // soft hyphen is ignorable
  // Arabic keeps its letters; diacritics (marks) and the tatweel go, hamza seats fold to alef.
  CHECK(fold("المنظمة") == "المنظمة");
  CHECK(fold("مُنَظَّمة") == "منظمة");
  CHECK(fold("أإآ") == "ااا");
  CHECK(fold("عـــربي") == "عربي");
  CHECK(fold("\xFF\xFE") == "\xFF\xFE");  // invalid UTF-8 is left alone
}

TEST_CASE("words are runs of letters and digits; punctuation and one-letter words go") {
  CHECK(split_words("rabat-sale-kenitra, 2007–2009 (a)", {}) == Words{"rabat", "sale", "kenitra", "2007", "2009"});
  CHECK(split_words("article 3 : x", {}) == Words{"article", "3"});
  CHECK(split_words("", {}).empty());
  CHECK(split_words("?!… <> \"'", {}).empty());
  CHECK(split_words(std::string(41, 'a') + " ok", {}) == Words{"ok"});
  CHECK(split_words("🙂 👍🏽", {}).empty());
}

TEST_CASE("French elisions, including the typographic apostrophe") {
  Analyzer fr("fr");
  CHECK(forms(fr, "l'entreprise") == Words{"entreprise"});
  CHECK(forms(fr, "L’Entreprise d’insertion qu’Adil crée") == Words{"entreprise", "insertion", "adil", "cree"});
  CHECK(forms(fr, "jusqu'au bout") == Words{"bout"});
  // Not an elision: the word stays.
  CHECK(forms(fr, "aujourd'hui") == Words{"aujourd", "hui"});
}

TEST_CASE("Italian elisions") {
  Analyzer it("it");
  CHECK(forms(it, "dell'impresa all'estero nell'ambito un'attività") ==
        Words{"impresa", "estero", "ambito", "attivita"});
  CHECK(forms(it, "l’Italia") == Words{"italia"});
}

TEST_CASE("stop words are language specific") {
  Analyzer fr("fr");
  Analyzer it("it");
  CHECK(forms(fr, "le plan de la coopérative et les femmes") == Words{"plan", "cooperative", "femmes"});
  CHECK(forms(it, "il piano della cooperativa e le donne") == Words{"piano", "cooperativa", "donne"});
  // "per" is Italian, not French; "pour" is French, not Italian.
  CHECK(forms(fr, "per pour") == Words{"per"});
  CHECK(forms(it, "per pour") == Words{"pour"});
  CHECK(fr.is_stop_word("ete"));  // "été", folded
  CHECK(it.is_stop_word("piu"));  // "più", folded
}

TEST_CASE("Snowball stemming joins singular and plural, accented or not") {
  Analyzer fr("fr");
  Analyzer it("it");
  CHECK(terms(fr, "formation")[0] == terms(fr, "formations")[0]);
  CHECK(terms(fr, "Réintégration")[0] == terms(fr, "reintegration")[0]);
  CHECK(terms(fr, "coopératives")[0] == terms(fr, "cooperative")[0]);
  CHECK(terms(it, "imprese")[0] == terms(it, "impresa")[0]);
  CHECK(terms(it, "rientri")[0] == terms(it, "rientro")[0]);
  CHECK(terms(fr, "formation")[0] != terms(fr, "formaton")[0]);  // a typo is not a stem
  // Each analyzer has its own stemmer: Italian rules do not apply to French words.
  CHECK(terms(it, "donne")[0] == terms(it, "donna")[0]);
  CHECK(terms(fr, "donne")[0] != terms(it, "donne")[0]);
}

TEST_CASE("an Arabic site stems Arabic words and leaves Latin ones as they are") {
  Analyzer ar("ar");
  REQUIRE(ar.has_stemmer());
  // Article, plural and feminine endings go: the forms of one word share a term.
  CHECK(terms(ar, "المهاجرين")[0] == terms(ar, "مهاجر")[0]);
  CHECK(terms(ar, "العودة")[0] == terms(ar, "عودة")[0]);
  CHECK(terms(ar, "الجمعيات")[0] == terms(ar, "جمعية")[0]);
  CHECK(terms(ar, "formations") == Words{"formations"});
}

TEST_CASE("digits and Arabic words are indexed as they are on French pages") {
  Analyzer fr("fr");
  auto tokens = fr.analyze("المنظمة الدولية للهجرة 2009");
  REQUIRE(tokens.size() == 4);
  CHECK(tokens[0].term == "المنظمة");
  CHECK(tokens[1].term == "الدولية");
  CHECK(tokens[2].term == "للهجرة");
  CHECK(tokens[3].term == "2009");
}

TEST_CASE("a language without lists or stemmer is folded and split only") {
  Analyzer xx("xx");
  CHECK_FALSE(xx.has_stemmer());
  CHECK(xx.stop_words().empty());
  CHECK(terms(xx, "Les Formations") == Words{"les", "formations"});
}
