#include "base/suggest.h"

#include <catch2/catch.hpp>

using namespace passerelle;

TEST_CASE("edit_distance counts a swap of neighbours as one edit, in code points") {
  CHECK(edit_distance("title", "title") == 0);
  CHECK(edit_distance("titre", "title") == 1);
  CHECK(edit_distance("oim", "iom") == 1);  // a swap, not two substitutions
  CHECK(edit_distance("café", "cafe") == 1);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("financement", "financing") == 4);
}

TEST_CASE("suggest finds a likely typo, ignoring case and accents") {
  CHECK(suggest("titre", {"title", "summary", "date"}) == std::vector<std::string>{"title"});
  CHECK(suggest("Social", {"return", "social"}) == std::vector<std::string>{"social"});
  CHECK(suggest("reseau", {"réseau", "social"}) == std::vector<std::string>{"réseau"});
  CHECK(suggest("iom-marocco", {"iom-morocco", "coopi"}) ==
        std::vector<std::string>{"iom-morocco"});
  CHECK(suggest("zzzzzz", {"iom-morocco", "coopi"}).empty());
  CHECK(suggest("", {"a"}).empty());
}

TEST_CASE("suggest matches a candidate's other names and suggests its value") {
  std::vector<SuggestionCandidate> countries = {{"IT", {"IT", "Italie", "Italia"}},
                                                {"MA", {"MA", "Maroc", "Marocco"}}};
  CHECK(suggest_values("Maroc", countries) == std::vector<std::string>{"MA"});
  CHECK(suggest_values("italia", countries) == std::vector<std::string>{"IT"});
  std::vector<SuggestionCandidate> actors = {{"iom-morocco", {"iom-morocco", "OIM", "IOM"}},
                                             {"coopi", {"coopi", "COOPI"}}};
  CHECK(suggest_values("oim", actors) ==
        std::vector<std::string>{"iom-morocco"});  // once, not twice
}

TEST_CASE("suggest ranks the closest first and gives at most three") {
  CHECK(suggest("credit", {"credits", "credit-x", "crédit", "audit"}) ==
        std::vector<std::string>{"crédit", "credits", "credit-x"});
  CHECK(suggest("abcd", {"abce", "abcf", "abcg", "abch"}).size() == 3);
  CHECK(suggest("abcd", {"abce", "abcf", "abcg", "abch"}, 1) == std::vector<std::string>{"abce"});
}

TEST_CASE("suggest offers the names a word of four characters or more begins, shortest first") {
  CHECK(suggest("microcredit", {"epargne-et-famille", "microcredit-et-banques"}) ==
        std::vector<std::string>{"microcredit-et-banques"});
  CHECK(suggest("micro", {"microcredit-et-banques", "micro-entreprise"}) ==
        std::vector<std::string>{"micro-entreprise", "microcredit-et-banques"});
  CHECK(suggest("abc", {"abcdefghijkl"}).empty());  // too short to guess
  CHECK(suggest("zzzz", {"microcredit"}).empty());
}

TEST_CASE("quoted_alternatives joins candidates with commas and 'or'") {
  CHECK(quoted_alternatives({"a"}) == "'a'");
  CHECK(quoted_alternatives({"a", "b"}) == "'a' or 'b'");
  CHECK(quoted_alternatives({"a", "b", "c"}) == "'a', 'b' or 'c'");
}

TEST_CASE("suggest offers the names whose last words a word is, give or take a typo") {
  CHECK(suggest("budget", {"le-budget", "budgets-x"}) ==
        std::vector<std::string>{"budgets-x", "le-budget"});
  CHECK(suggest("budjet", {"le-budget", "les-etapes"}) == std::vector<std::string>{"le-budget"});
  CHECK(suggest("budget", {"le-plan-comptable"}).empty());
}

TEST_CASE("suggest offers a name that a longer word begins with") {
  CHECK(suggest("language", {"name", "lang"}) == std::vector<std::string>{"lang"});
  CHECK(suggest("french", {"fr", "it"}) == std::vector<std::string>{"fr"});
  CHECK(suggest("x", {"xy"}).empty());
}
