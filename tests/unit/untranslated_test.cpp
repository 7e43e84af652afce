#include <catch2/catch.hpp>

#include "check/listing.h"
#include "check/untranslated.h"
#include "fixture_site.h"

using namespace passerelle;

namespace {

const char* kFrench =
    "Avant de partir, il faut préparer le retour avec soin. Les associations de la ville "
    "accompagnent les personnes qui rentrent et les aident dans leurs démarches pour trouver "
    "un emploi ou pour créer une entreprise. Elles sont présentes dans les régions du pays.";
const char* kItalian =
    "Prima di partire, bisogna preparare il rientro con cura. Le associazioni della città "
    "accompagnano le persone che rientrano e le aiutano nelle pratiche per trovare un lavoro "
    "o per creare un'impresa. Sono presenti nelle regioni del paese, con gli sportelli dei comuni.";

PageSource page(std::string language, std::string body) {
  PageSource source;
  source.language = language;
  source.path = "content/" + language + "/guidelines/retour.md";
  source.translation_key = "guidelines/retour";
  source.title = "Retour";
  source.body = std::move(body);
  source.body_line = 7;
  return source;
}

}  // namespace

TEST_CASE("likely_language tells French from Italian by their function words") {
  CHECK(likely_language(kFrench, {"fr", "it"}) == "fr");
  CHECK(likely_language(kItalian, {"fr", "it"}) == "it");
  CHECK(likely_language("Bonjour.", {"fr", "it"}).empty());      // too short to tell
  CHECK(likely_language(kFrench, {"ar"}).empty());               // no word list for Arabic
}

TEST_CASE("a translation identical to its source, or still in its language, is a copy") {
  auto config = test_support::french_and_italian();
  SECTION("identical") {
    auto copies = untranslated_copies(config, {page("fr", "Texte court."), page("it", "Texte court.\n")}, {});
    REQUIRE(copies.size() == 1);
    CHECK(copies[0].path == "content/it/guidelines/retour.md");
    CHECK(copies[0].line == 7);
    CHECK(copies[0].reason.find("the same as content/fr/guidelines/retour.md") != std::string::npos);
  }
  SECTION("edited, but still in French") {
    std::string edited = std::string(kFrench) + " Un mot de plus.";
    auto copies = untranslated_copies(config, {page("fr", kFrench), page("it", edited)}, {});
    REQUIRE(copies.size() == 1);
    CHECK(copies[0].reason.find("still in Français (fr), not in Italiano (it)") != std::string::npos);
  }
  SECTION("translated") {
    CHECK(untranslated_copies(config, {page("fr", kFrench), page("it", kItalian)}, {}).empty());
  }
}

TEST_CASE("an actor description copied into another language is a copy") {
  ActorRecord actor;
  actor.path = "directory-data/actors/a.toml";
  actor.name = "A";
  actor.descriptions["fr"] = {kFrench, 12};
  actor.descriptions["it"] = {kFrench, 15};
  auto copies = untranslated_copies(test_support::french_and_italian(), {}, {actor});
  REQUIRE(copies.size() == 1);
  CHECK(copies[0].line == 15);
  CHECK(copies[0].language == "it");
  Diagnostics diagnostics;
  add_untranslated_warnings(copies, diagnostics);
  CHECK(diagnostics.warning_count() == 1);
  CHECK(diagnostics.items()[0].message.find("not translated yet: [description] it:") == 0);
}

TEST_CASE("list_sources lists drafts, future pages, stale records and copies, by path") {
  ListedSources sources{test_support::french_and_italian(), {}, {}};
  auto draft = page("fr", kFrench);
  draft.path = "content/fr/guidelines/b.md";
  draft.translation_key = "guidelines/b";
  draft.draft = true;
  draft.date = "2035-01-01";
  sources.pages = {draft, page("fr", kFrench), page("it", kFrench)};
  ActorRecord actor;
  actor.id = "nouvel-acteur";
  actor.path = "directory-data/actors/nouvel-acteur.toml";
  actor.draft = true;
  actor.draft_problems = 2;
  actor.last_reviewed = "2012-01-01";
  sources.actors = {actor};

  auto drafts = list_sources(sources, Listing::kDrafts, "2026-12-06");
  REQUIRE(drafts.size() == 2);
  CHECK(drafts[0].path == "content/fr/guidelines/b.md");
  CHECK(drafts[1].title == "nouvel-acteur");  // no name yet: its id
  CHECK(drafts[1].language.empty());
  CHECK(drafts[1].reason.find("draft with 2 problems") == 0);

  auto future = list_sources(sources, Listing::kFuture, "2026-12-06");
  REQUIRE(future.size() == 1);
  CHECK(future[0].language == "fr");
  CHECK(list_sources(sources, Listing::kFuture, "2035-01-01").empty());

  auto stale = list_sources(sources, Listing::kStale, "2026-12-06");
  REQUIRE(stale.size() == 1);
  CHECK(stale[0].path == actor.path);

  auto untranslated = list_sources(sources, Listing::kUntranslated, "2026-12-06");
  REQUIRE(untranslated.size() == 1);
  CHECK(untranslated[0].path == "content/it/guidelines/retour.md");
  CHECK(listing_named("stale") == Listing::kStale);
  CHECK_FALSE(listing_named("everything"));
}

TEST_CASE("a copy is not counted as translated in the coverage") {
  auto config = test_support::french_and_italian();
  auto copies = untranslated_copies(config, {page("fr", "Texte."), page("it", "Texte.")}, {});
  TranslationReport report;
  report.coverage.emplace_back("pages", Coverage{1, {{"fr", 1}, {"it", 1}}});
  report.coverage.emplace_back("actor descriptions", Coverage{1, {{"fr", 1}, {"it", 1}}});
  discount_untranslated(copies, report);
  CHECK(report.coverage[0].second.present["it"] == 0);
  CHECK(report.coverage[0].second.present["fr"] == 1);
  CHECK(report.coverage[1].second.present["it"] == 1);
}
