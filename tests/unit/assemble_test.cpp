// The resolved model: assembling resolves every vocabulary term once (label and slug per
// language) and counts the actors of each facet value, so that no output opens the vocabulary.
#include <catch2/catch.hpp>

#include "content/actor_schema.h"
#include "pipeline/build.h"
#include "test_support.h"
#include "fixture_site.h"

using namespace passerelle;

namespace {

const Actor& actor(const std::string& id) {
  for (const auto& a : test_support::fixture_site().site.actors) {
    if (a.record.id == id) return a;
  }
  FAIL("no actor " << id);
  return test_support::fixture_site().site.actors.front();
}

const ActorField& field(const std::string& name) {
  for (const auto& f : kActorFields) {
    if (f.name == name) return f;
  }
  FAIL("no field " << name);
  return kActorFields[0];
}

Term term(const std::string& key, std::map<std::string, TermLabel> labels) {
  Term t;
  t.key = key;
  t.by_language = std::move(labels);
  t.location = {"directory-data/vocabulary.toml", 3, 1};
  return t;
}

}  // namespace

TEST_CASE("assembling resolves an actor's terms into labels and slugs per language") {
  const Actor& atlas = actor("ong-atlas");
  REQUIRE(atlas.country);
  CHECK(atlas.country->key == "MA");
  CHECK(atlas.country->label("fr") == "Maroc");
  CHECK(atlas.country->label("it") == "Marocco");
  CHECK(atlas.country->slug("it") == "marocco");
  REQUIRE(atlas.region);
  CHECK(atlas.region->label("it") == "Orientale");
  CHECK(atlas.region->country == "MA");
  CHECK(atlas.kind->slug("fr") == "ong");
  REQUIRE(atlas.sectors.size() == 2);  // in the record's order
  CHECK(atlas.sectors[0]->label("fr") == "Formation");
  CHECK(atlas.sectors[1]->slug("it") == "finanziamento");
  REQUIRE(atlas.languages.size() == 2);
  CHECK(atlas.languages[0]->label("fr") == "arabe");
  // An optional term left out resolves to nothing.
  CHECK_FALSE(actor("script-test").region);
  // The actor's terms are the vocabulary's, shared, not copies.
  CHECK(atlas.country == test_support::fixture_site().site.terms.countries.at("MA"));
}

TEST_CASE("an actor's terms are found by the field of the table that holds them") {
  const Actor& atlas = actor("ong-atlas");
  auto sectors = atlas.terms_of(field("sectors"));
  REQUIRE(sectors.size() == 2);
  CHECK(sectors[1]->key == "finance");
  REQUIRE(atlas.terms_of(field("kind")).size() == 1);
  CHECK(atlas.terms_of(field("kind"))[0]->label("it") == "ONG");
  CHECK(actor("script-test").terms_of(field("region")).empty());
  CHECK(atlas.terms_of(field("name")).empty());  // not a vocabulary field
}

TEST_CASE("the model counts the actors of each facet value once") {
  const auto& facets = test_support::fixture_site().site.facets;
  CHECK(facets.countries == std::map<std::string, long>{{"IT", 1}, {"MA", 2}});
  CHECK(facets.kinds == std::map<std::string, long>{{"ngo", 2}, {"public-body", 1}});
  CHECK(facets.sectors == std::map<std::string, long>{{"finance", 2}, {"training", 2}});
  CHECK(facets.regions == std::map<std::string, long>{{"lazio", 1}, {"oriental", 1}});
  using Pair = std::pair<std::string, std::string>;
  CHECK(facets.country_sectors ==
        std::map<Pair, long>{{{"IT", "training"}, 1}, {{"MA", "finance"}, 2}, {{"MA", "training"}, 1}});
  // A value no actor has is absent, not zero.
  Site site = test_support::fixture_site().site;
  site.actors.erase(site.actors.begin());  // comune-prova, the only Italian actor
  CHECK(count_facets(site.actors).countries == std::map<std::string, long>{{"MA", 2}});
}

TEST_CASE("a term without a label in a site language is an error at the term, never a throw") {
  Vocabulary vocabulary;
  vocabulary.sectors["health"] = term("health", {{"fr", {"Santé", "sante"}}});
  Diagnostics diagnostics;
  auto terms = resolve_vocabulary(vocabulary, test_support::french_and_italian(), diagnostics);
  REQUIRE(diagnostics.error_count() == 1);
  const auto error = diagnostics.sorted()[0];
  CHECK(error.location.path == "directory-data/vocabulary.toml");
  CHECK(error.location.line == 3);
  CHECK_THAT(error.message, Catch::Contains("'health'") && Catch::Contains("'it'"));
  const auto& health = *terms.sectors.at("health");
  CHECK(health.label("fr") == "Santé");
  CHECK(health.label("it") == "health");  // the key stands in
  CHECK(health.slug("it") == "health");
}

TEST_CASE("a key the vocabulary does not have is an error at the record, never a throw") {
  Vocabulary vocabulary;
  vocabulary.kinds["ngo"] = term("ngo", {{"fr", {"ONG", "ong"}}, {"it", {"ONG", "ong"}}});
  Diagnostics diagnostics;
  auto config = test_support::french_and_italian();
  auto terms = resolve_vocabulary(vocabulary, config, diagnostics);
  CHECK(diagnostics.error_count() == 0);
  Actor a;
  a.record.path = "directory-data/actors/x.toml";
  a.record.kind = "cooperative";
  resolve_actor_terms(a, terms, config, diagnostics);
  CHECK(diagnostics.error_count() == 2);  // the kind, and the country left empty
  REQUIRE(a.kind);
  CHECK(a.kind->label("it") == "cooperative");
  CHECK(diagnostics.sorted()[0].location.path == "directory-data/actors/x.toml");
}

TEST_CASE("terms sort by their label as a reader expects, accents and case ignored") {
  Vocabulary vocabulary;
  vocabulary.sectors["b"] = term("b", {{"fr", {"Zèbre", "z"}}, {"it", {"Zebra", "z"}}});
  vocabulary.sectors["c"] = term("c", {{"fr", {"Économie", "e"}}, {"it", {"Economia", "e"}}});
  vocabulary.sectors["a"] = term("a", {{"fr", {"agriculture", "a"}}, {"it", {"Agricoltura", "a"}}});
  Diagnostics diagnostics;
  auto terms = resolve_vocabulary(vocabulary, test_support::french_and_italian(), diagnostics);
  std::vector<std::string> keys;
  for (const auto* t : terms_by_label(terms.sectors, "fr")) keys.push_back(t->key);
  CHECK(keys == std::vector<std::string>{"a", "c", "b"});
  std::map<std::string, long> used = {{"b", 1}};
  auto only_used = terms_by_label(terms.sectors, "fr", &used);
  REQUIRE(only_used.size() == 1);
  CHECK(only_used[0]->key == "b");
}
