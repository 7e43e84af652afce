// The feeds output (feeds/): the Atom feed of each language, sitemap.xml and robots.txt, made
// from the model and the theme's templates alone.
#include <catch2/catch.hpp>

#include "feeds/atom.h"
#include "feeds/sitemap.h"
#include "fixture_site.h"

using namespace passerelle;
using test_support::fixture_site;
using test_support::paths_of;

namespace {

const std::string& bytes_of(const OutputPlan& plan, const std::string& path) {
  for (const auto& file : plan) {
    if (file.path == path) return file.bytes;
  }
  FAIL("no planned file " << path);
  static std::string none;
  return none;
}

}  // namespace

TEST_CASE("feed_files plans one Atom feed per language, sorted by path") {
  const auto& fixture = fixture_site();
  Diagnostics diagnostics;
  auto plan = feeds::feed_files(fixture.site, fixture.theme, diagnostics);
  CHECK_FALSE(diagnostics.has_errors());
  CHECK(paths_of(plan) == std::vector<std::string>{"fr/atom.xml", "it/atom.xml"});
  CHECK_THAT(bytes_of(plan, "it/atom.xml"),
             Catch::Contains("<link rel=\"self\" href=\"https://example.org/guide/it/atom.xml\"/>"));
}

TEST_CASE("a feed lists its language's guidelines, the last changed first") {
  const auto& fixture = fixture_site();
  const auto& french = *fixture.site.config.language("fr");
  View view = feeds::atom_feed_view(fixture.site, french);
  const auto& entries = view.fields().at("entries").items();
  REQUIRE(entries.size() == 2);
  CHECK(entries[0].fields().at("title").text() == "Préparer le retour");
  CHECK(entries[1].fields().at("title").text() == "Le crédit");
  CHECK(entries[0].fields().at("updated").text() >= entries[1].fields().at("updated").text());
  // The feed is as new as its newest entry.
  CHECK(view.fields().at("updated").text() == entries[0].fields().at("updated").text());
}

TEST_CASE("sitemap_files lists the pages it is given and the root, and robots.txt points to it") {
  const auto& fixture = fixture_site();
  ListedPages pages = {{"fr/b/", {{"fr", "fr/b/"}, {"it", "it/b/"}}},
                       {"fr/seule/", {{"fr", "fr/seule/"}}}};
  Diagnostics diagnostics;
  auto plan = feeds::sitemap_files(fixture.site, fixture.theme, pages, diagnostics);
  CHECK_FALSE(diagnostics.has_errors());
  CHECK(paths_of(plan) == std::vector<std::string>{"robots.txt", "sitemap.xml"});
  CHECK(bytes_of(plan, "robots.txt") ==
        "User-agent: *\nAllow: /\n\nSitemap: https://example.org/guide/sitemap.xml\n");
  const auto& sitemap = bytes_of(plan, "sitemap.xml");
  // The root first, then the pages by path; a page in one language has no alternates.
  CHECK_THAT(sitemap, Catch::Contains("<loc>https://example.org/guide/</loc>\n  </url>\n  <url>\n"
                                      "    <loc>https://example.org/guide/fr/b/</loc>\n"
                                      "    <xhtml:link rel=\"alternate\" hreflang=\"fr\""));
  CHECK_THAT(sitemap, Catch::Contains("hreflang=\"it\" href=\"https://example.org/guide/it/b/\""));
  CHECK_THAT(sitemap, Catch::Contains("<loc>https://example.org/guide/fr/seule/</loc>\n  </url>"));
}
