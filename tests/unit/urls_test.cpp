#include <catch2/catch.hpp>

#include "model/directory_filters.h"
#include "model/urls.h"

using namespace passerelle;

TEST_CASE("relative_url links pages wherever the site is copied") {
  CHECK(relative_url("fr/lignes-directrices/a/", "fr/lignes-directrices/b/") == "../b/");
  CHECK(relative_url("fr/lignes-directrices/a/", "fr/") == "../../");
  CHECK(relative_url("fr/", "fr/") == "./");
  CHECK(relative_url("", "fr/") == "fr/");
  CHECK(relative_url("fr/annuaire/x/", "css/site.1.css") == "../../../css/site.1.css");
  CHECK(relative_url("fr/a/", "it/b/") == "../../it/b/");
  CHECK(relative_url("fr/ab/", "fr/a/") == "../a/");
}

TEST_CASE("page_url ends links to pages in index.html for the offline edition only") {
  CHECK(page_url("fr/a/", "fr/b/", PageLinks::kFolder) == "../b/");
  CHECK(page_url("fr/a/", "fr/b/", PageLinks::kIndexFile) == "../b/index.html");
  CHECK(page_url("fr/", "fr/", PageLinks::kFolder) == "./");
  CHECK(page_url("fr/", "fr/", PageLinks::kIndexFile) == "index.html");
  CHECK(page_url("fr/a/", "", PageLinks::kIndexFile) == "../../index.html");
  CHECK(page_url("", "", PageLinks::kIndexFile) == "index.html");
  CHECK(page_url("", "fr/é/", PageLinks::kIndexFile) == "fr/%C3%A9/index.html");
  // A file stays as it is: a PDF, a feed.
  CHECK(page_url("fr/a/", "fr/x.pdf", PageLinks::kIndexFile) == "../x.pdf");
  CHECK(linked_path("fr/annuaire/x/", PageLinks::kIndexFile) == "fr/annuaire/x/index.html");
  CHECK(linked_path("fr/annuaire/x/", PageLinks::kFolder) == "fr/annuaire/x/");
}

TEST_CASE("section paths use each language's slugs") {
  LanguageConfig fr{"fr", "Français", "ltr", "", "",
                    {"lignes-directrices", "annuaire", "recherche", "pays", "type", "secteur"}};
  CHECK(guideline_path(fr, "x") == "fr/lignes-directrices/x/");
  CHECK(country_sector_path(fr, "maroc", "formation") == "fr/annuaire/pays/maroc/formation/");
  CHECK(kind_path(fr, "ong") == "fr/annuaire/type/ong/");
  CHECK(output_file_of("fr/") == "fr/index.html");
  CHECK(output_file_of("sitemap.xml") == "sitemap.xml");
  SiteConfig config;
  config.base_url = "https://example.org/sub/";
  CHECK(absolute_url(config, "fr/é/") == "https://example.org/sub/fr/%C3%A9/");
}

TEST_CASE("root_path is base_url's path from the host's root") {
  SiteConfig config;
  config.base_url = "https://example.org/";
  CHECK(root_path(config) == "/");
  config.base_url = "https://example.org/guide/fr-it/";
  CHECK(root_path(config) == "/guide/fr-it/");
}

TEST_CASE("each combination of directory filters has its own path") {
  LanguageConfig fr{"fr", "Français", "ltr", "", "",
                    {"lignes-directrices", "annuaire", "recherche", "pays", "type", "secteur"}};
  auto term = [](const std::string& slug) {
    SiteTerm t;
    t.key = slug;
    t.by_language["fr"] = {slug, slug};
    return t;
  };
  SiteTerm maroc = term("maroc"), ong = term("ong"), formation = term("formation");
  CHECK(directory_filter_path(fr, {}) == "fr/annuaire/");
  CHECK(directory_filter_path(fr, {&maroc}) == country_path(fr, "maroc"));
  CHECK(directory_filter_path(fr, {nullptr, &ong}) == kind_path(fr, "ong"));
  CHECK(directory_filter_path(fr, {nullptr, nullptr, &formation}) == sector_path(fr, "formation"));
  CHECK(directory_filter_path(fr, {&maroc, nullptr, &formation}) ==
        country_sector_path(fr, "maroc", "formation"));
  CHECK(directory_filter_path(fr, {&maroc, &ong}) == "fr/annuaire/pays/maroc/type/ong/");
  CHECK(directory_filter_path(fr, {nullptr, &ong, &formation}) == "fr/annuaire/type/ong/formation/");
  CHECK(directory_filter_path(fr, {&maroc, &ong, &formation}) ==
        "fr/annuaire/pays/maroc/type/ong/formation/");
}

TEST_CASE("a listing's pages after the first are at page/<n>/ below it") {
  CHECK(listing_page_path("fr/lignes-directrices/", 1) == "fr/lignes-directrices/");
  CHECK(listing_page_path("fr/lignes-directrices/", 2) == "fr/lignes-directrices/page/2/");
  CHECK(listing_page_path("it/tag/x/", 12) == "it/tag/x/page/12/");
  CHECK(listing_page_count(0, 50) == 1);  // an empty listing still has its page
  CHECK(listing_page_count(50, 50) == 1);
  CHECK(listing_page_count(51, 50) == 2);
  CHECK(listing_page_count(2000, 50) == 40);
}
