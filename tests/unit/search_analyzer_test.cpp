// The search analyzer: folding, splitting, elisions, stop words and stemming per language.
#include <catch2/catch.hpp>

#include <algorithm>

#include "search/analyzer.h"
#include "search/data.h"

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
  CHECK(fold("المنظمة") == "المنظمه");  // taa marbuta → haa (light10's normalisation)
  CHECK(fold("مُنَظَّمة") == "منظمه");
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

TEST_CASE("Arabic words are light-stemmed on every site, digits kept as they are") {
  Analyzer fr("fr");
  auto tokens = fr.analyze("المنظمة الدولية للهجرة 2009");
  REQUIRE(tokens.size() == 4);
  // The form is the stem too: the client light-stems the query word and looks it up.
  CHECK(tokens[0].form == "منظم");
  CHECK(tokens[0].term == "منظم");
  CHECK(tokens[1].term == "دول");
  CHECK(tokens[2].term == "هجر");
  CHECK(tokens[3].term == "2009");
  // Clitics the site never wrote: "and the organisation", "in Morocco", "to the organisation".
  CHECK(terms(fr, "والمنظمة") == Words{"منظم"});
  CHECK(terms(fr, "بالمغرب") == terms(fr, "المغرب"));
  CHECK(terms(fr, "للمنظمة") == Words{"منظم"});
}

TEST_CASE("Arabic normalisation and light stemming (light10)") {
  CHECK(fold("منظمة") == "منظمه");  // taa marbuta → haa
  CHECK(fold("إلى") == "الي");      // hamza seat → alef, alef maqsura → yaa
  CHECK(arabic_light_stem("والمنظمه") == "منظم");
  CHECK(arabic_light_stem("فالعمل") == "عمل");
  CHECK(arabic_light_stem("الجمعيات") == "جمع");
  CHECK(arabic_light_stem("وزاره") == "زار");   // light10 drops a leading "و" from 4 letters on
  CHECK(arabic_light_stem("ولد") == "ولد");     // ... but not from a 3-letter word
  CHECK(arabic_light_stem("به") == "به");       // at least two letters are kept
  CHECK(arabic_light_stem("formation") == "formation");
}

TEST_CASE("question words are stop words; the data file's splits keep words Snowball merges apart") {
  Analyzer fr("fr");
  Analyzer it("it");
  CHECK(forms(fr, "Où trouver de l'aide pour monter un projet ?") == Words{"aide", "monter", "projet"});
  CHECK(forms(fr, "Comment financer quel projet") == Words{"financer", "projet"});
  CHECK(forms(it, "Dove trovo aiuto per il mio progetto di rientro") == Words{"aiuto", "progetto", "rientro"});
  CHECK(forms(it, "quando rientrare, quali documenti") == Words{"rientrare", "documenti"});
  // coopérative / coopération: one Snowball stem, two things.
  CHECK(terms(fr, "coopérative")[0] != terms(fr, "coopération")[0]);
  CHECK(terms(fr, "coopératives")[0] == terms(fr, "coopérative")[0]);
  CHECK(terms(it, "cooperativa")[0] != terms(it, "cooperazione")[0]);
  CHECK(terms(it, "cooperative")[0] == terms(it, "cooperativa")[0]);
  // Families are read and folded.
  bool found = false;
  for (const auto& family : fr.families()) {
    found = found || (std::find(family.begin(), family.end(), "formation") != family.end() &&
                      std::find(family.begin(), family.end(), "former") != family.end());
  }
  CHECK(found);
}

TEST_CASE("the data files' format: sections, comments, errors") {
  std::string error;
  auto data = parse_language_data("# c\n[stop]\nun deux # trois\n[family]\nformer formation\nseul\n[split]\ncoop\n", &error);
  CHECK(error.empty());
  CHECK(data.stop == Words{"un", "deux"});
  REQUIRE(data.families.size() == 1);  // a one-word line is no family
  CHECK(data.families[0] == Words{"former", "formation"});
  CHECK(data.splits == Words{"coop"});
  parse_language_data("[stops]\nun\n", &error);
  CHECK(error == "line 1: unknown section [stops]");
  error.clear();
  parse_language_data("un\n", &error);
  CHECK(error == "line 1: words outside a section");
  // Every bundled file parses.
  for (const char* language : {"fr", "it", "ar"}) {
    error.clear();
    parse_language_data(language_data_text(language), &error);
    CHECK(error.empty());
    CHECK_FALSE(language_data_text(language).empty());
  }
}

TEST_CASE("a language without lists or stemmer is folded and split only") {
  Analyzer xx("xx");
  CHECK_FALSE(xx.has_stemmer());
  CHECK(xx.stop_words().empty());
  CHECK(terms(xx, "Les Formations") == Words{"les", "formations"});
}
