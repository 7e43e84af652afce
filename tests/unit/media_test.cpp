// Pictures and downloads: which files of content/ are media, how their sizes read in each
// language, which drawings are refused, and what a build publishes of them.
#include <catch2/catch.hpp>

#include <algorithm>

#include "content/media.h"
#include "fixture_site.h"
#include "search/documents.h"

using namespace passerelle;
using test_support::build_fixture;

TEST_CASE("media files are the files of content/ other than Markdown and editors' leftovers") {
  CHECK(is_media_file("content/media/formulaire.pdf"));
  CHECK(is_media_file("content/fr/guidelines/x/carte.PNG"));
  CHECK_FALSE(is_media_file("content/fr/guidelines/x.md"));
  CHECK_FALSE(is_media_file("content/fr/guidelines/.x.md.swp"));
  CHECK_FALSE(is_media_file("content/fr/guidelines/x.md~"));
  CHECK_FALSE(is_media_file("content/fr/guidelines/sedAb12Cd"));
  CHECK_FALSE(is_media_file("directory-data/actors/logo.png"));
  CHECK(is_picture("a/b.JPEG"));
  CHECK_FALSE(is_picture("a/b.pdf"));
  CHECK(file_type_label("content/media/liste.xlsx") == "XLSX");
}

TEST_CASE("a file's size reads as people write it in each language") {
  CHECK(file_size_text(240 * 1000 + 400, "fr") == "240\u00a0Ko");
  CHECK(file_size_text(240 * 1000 + 400, "it") == "240\u00a0kB");
  CHECK(file_size_text(1234567, "fr") == "1,2\u00a0Mo");
  CHECK(file_size_text(1234567, "it") == "1,2\u00a0MB");
  CHECK(file_size_text(1234567, "ar") == "1.2\u00a0MB");
  CHECK(file_size_text(12, "fr") == "1\u00a0Ko");  // never "0 Ko"
}

TEST_CASE("drawings with scripts, events, embedded HTML or outside references are refused") {
  CHECK(svg_problem("<svg><rect/></svg>").empty());
  CHECK(svg_problem("<svg><SCRIPT>x()</SCRIPT></svg>") == "a script (<script>)");
  CHECK(svg_problem("<svg onload=\"x()\"></svg>") == "an event attribute (onload=)");
  CHECK(svg_problem("<svg><foreignObject/></svg>") == "embedded HTML (<foreignObject>)");
  CHECK(svg_problem("<svg><image href=\"https://x.org/a.png\"/></svg>") == "a reference to another site");
  CHECK(svg_problem("<svg><style>@import url(x.css);</style></svg>") == "a reference to another site");
}

TEST_CASE("a build publishes the files its pages link to, beside them or in media/") {
  auto built = build_fixture();
  REQUIRE(built.errors() == "");
  // Beside the page that names it, and the same bytes as the source.
  CHECK(built.file("fr/lignes-directrices/preparer-le-retour/etapes.svg").find("Idée") !=
        std::string::npos);
  // content/media/: once, for both languages.
  CHECK(built.file("media/formulaire.pdf").rfind("%PDF-", 0) == 0);
  CHECK_FALSE(built.has("content/media/formulaire.pdf"));
  const auto& french = built.file("fr/lignes-directrices/preparer-le-retour/index.html");
  CHECK(french.find("<a href=\"../../../media/formulaire.pdf\">formulaire de candidature</a> "
                    "<span class=\"file-info\">(PDF, 1\u00a0Ko)</span>") != std::string::npos);
  CHECK(french.find("<figcaption>Les étapes du retour</figcaption>") != std::string::npos);
  // The print edition links the same files, from its own folder.
  CHECK(built.file("fr/lignes-directrices/print/index.html")
            .find("src=\"../preparer-le-retour/etapes.svg\"") != std::string::npos);
}

TEST_CASE("a page in a folder of its own is the page its name says, reached by links to x.md") {
  auto built = build_fixture({
      {"content/fr/guidelines/dossier/index.md",
       "+++\ntitle = \"Un dossier\"\nsummary = \"x\"\ndate = 2026-10-03\n+++\n"
       "![Un plan](plan.svg) et le [retour](../retour.md).\n"},
      {"content/fr/guidelines/dossier/plan.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"},
      {"content/fr/about.md",
       "+++\ntitle = \"À propos\"\nsummary = \"x\"\ndate = 2026-10-03\n+++\nVoir [le dossier](guidelines/dossier.md).\n"},
  });
  INFO(built.errors());
  REQUIRE(built.errors().find("error") == std::string::npos);
  CHECK(built.file("fr/lignes-directrices/dossier/index.html").find("src=\"plan.svg\"") !=
        std::string::npos);
  CHECK(built.has("fr/lignes-directrices/dossier/plan.svg"));
  CHECK(built.file("fr/about/index.html").find("href=\"../lignes-directrices/dossier/\"") !=
        std::string::npos);
}

TEST_CASE("budgets cap the heaviest picture and the heaviest download") {
  std::string config = test_support::read_file(test_support::fixture_path("site-small") + "/site.toml");
  auto tight = build_fixture(
      {{"site.toml", config + "\n[budgets]\npicture_bytes = 100\ndownload_bytes = 100\n"}});
  CHECK_FALSE(tight.result);
  CHECK_THAT(tight.errors(), Catch::Contains("the picture content/media/logos/atlas.png is"));
  CHECK_THAT(tight.errors(), Catch::Contains("(picture_bytes)"));
  CHECK_THAT(tight.errors(), Catch::Contains("the download content/media/formulaire.pdf is 600 bytes"));
  auto roomy = build_fixture(
      {{"site.toml", config + "\n[budgets]\npicture_bytes = 100000\ndownload_bytes = 100000\n"}});
  REQUIRE(roomy.result);
  CHECK(roomy.result->sizes.heaviest_download_bytes == 600);
}

namespace {

std::string be32(size_t n) {
  return {static_cast<char>(n >> 24), static_cast<char>(n >> 16), static_cast<char>(n >> 8),
          static_cast<char>(n)};
}

/// A PNG's chunk (CRC left zero: only the layout matters here).
std::string png_chunk(const std::string& type, const std::string& data) {
  return be32(data.size()) + type + data + be32(0);
}

}  // namespace

TEST_CASE("photos that carry EXIF or XMP are found where each format keeps them") {
  const std::string png = "\x89PNG\r\n\x1a\n" + png_chunk("IHDR", std::string(13, '\0'));
  // "eXIf" inside the compressed pixels is no metadata.
  CHECK(photo_metadata("a.png", png + png_chunk("IDAT", "xxeXIfxx") + png_chunk("IEND", "")) == "");
  CHECK(photo_metadata("a.png", png + png_chunk("eXIf", "MM") + png_chunk("IEND", "")) == "EXIF");
  CHECK(photo_metadata("a.png", png + png_chunk("iTXt", "XML:com.adobe.xmp") +
                                    png_chunk("IEND", "")) == "XMP");
  const std::string jpeg_start = "\xFF\xD8";
  const std::string exif_segment = std::string("\xFF\xE1\x00\x08", 4) + std::string("Exif\0\0", 6);
  const std::string scan = std::string("\xFF\xDA\x00\x04", 4) + "Exif";
  CHECK(photo_metadata("a.JPG", jpeg_start + exif_segment + scan) == "EXIF");
  CHECK(photo_metadata("a.jpg", jpeg_start + scan) == "");  // in the scan: pixels
  std::string webp = "RIFF" + std::string(4, '\0') + "WEBP" + "VP8 " +
                     std::string("\x04\0\0\0", 4) + "EXIF" + "EXIF" + std::string("\x02\0\0\0", 4) + "MM";
  CHECK(photo_metadata("a.webp", webp) == "EXIF");
  CHECK(picture_problem("a.svg", "<svg/>") == "");
  // JPEG, PNG and WebP photos are published without their metadata (pictures_test.cpp); a
  // GIF or an AVIF is published as it is, so one that carries any is refused.
  CHECK(picture_problem("a.jpg", jpeg_start + exif_segment) == "");
  CHECK_THAT(picture_problem("a.gif", "GIF89a......XMP DataXMP"), Catch::Contains("exiftool -all= a.gif"));
}

TEST_CASE("a picture whose first bytes are not its format's is refused") {
  CHECK_FALSE(is_the_format_named("a.jpg", "not a picture, a text file"));
  CHECK_FALSE(is_the_format_named("a.png", ""));
  CHECK(is_the_format_named("a.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)));
  CHECK(is_the_format_named("a.svg", "<?xml version=\"1.0\"?>\n<svg xmlns=\"x\"/>"));
  CHECK_FALSE(is_the_format_named("a.svg", "<html><body>not a drawing</body></html>"));
  CHECK_THAT(picture_problem("a.jpg", "not a picture, a text file"),
             Catch::Contains("it is not a JPG picture"));
}

TEST_CASE("a file that would be written where a page is written is an error, not a silent loss") {
  auto built = build_fixture({
      {"content/fr/guidelines/dossier/index.md",
       "+++\ntitle = \"Un dossier\"\nsummary = \"x\"\ndate = 2026-10-03\n+++\n"
       "La [version web](index.html).\n"},
      {"content/fr/guidelines/dossier/index.html", "<p>une autre page</p>"},
  });
  CHECK_FALSE(built.result);
  CHECK_THAT(built.errors(),
             Catch::Contains("two files of the site would be written to "
                             "fr/lignes-directrices/dossier/index.html, from "));
  CHECK_THAT(built.errors(), Catch::Contains("content/fr/guidelines/dossier/index.html"));
  CHECK_THAT(built.errors(), Catch::Contains("content/fr/guidelines/dossier/index.md"));
}

TEST_CASE("a guideline's downloads are listed in its print chapter, with their address, and searched by their link") {
  auto built = build_fixture();
  REQUIRE(built.errors() == "");
  const auto& page = *std::find_if(built.result->site.pages.begin(), built.result->site.pages.end(),
                                   [](const Page& p) { return p.slug == "preparer-le-retour"; });
  REQUIRE(page.downloads.size() == 1);
  CHECK(page.downloads[0].title == "formulaire de candidature");
  CHECK(page.downloads[0].path == "media/formulaire.pdf");
  CHECK(page.downloads[0].note == "PDF, 1\u00a0Ko");
  const auto& print = built.file("fr/lignes-directrices/print/index.html");
  CHECK_THAT(print, Catch::Contains("<h3>Documents à télécharger</h3>"));
  CHECK_THAT(print, Catch::Contains("<a href=\"https://example.org/guide/media/formulaire.pdf\">formulaire de candidature</a> "
                                    "<span class=\"file-info\">(PDF, 1\u00a0Ko)</span>"));
  // Chapters without downloads have no such list.
  size_t lists = 0;
  for (size_t at = print.find("<aside class=\"chapter-downloads\""); at != std::string::npos;
       at = print.find("<aside class=\"chapter-downloads\"", at + 1)) {
    ++lists;
  }
  CHECK(lists == 1);
}

TEST_CASE("a download's link text and type are indexed with the page that offers it") {
  auto built = build_fixture();
  REQUIRE(built.result);
  const auto& site = built.result->site;
  auto documents = search::documents_of(site, *site.config.language("fr"));
  auto page = std::find_if(documents.begin(), documents.end(), [](const search::Document& d) {
    return d.path == "fr/lignes-directrices/preparer-le-retour/";
  });
  REQUIRE(page != documents.end());
  bool indexed = std::any_of(page->fields.begin(), page->fields.end(), [](const search::FieldText& f) {
    return f.field == search::Field::kHeading && f.text == "formulaire de candidature PDF";
  });
  CHECK(indexed);
}

TEST_CASE("an actor's logo is a picture of content/media/, shown beside its name") {
  auto built = build_fixture();
  REQUIRE(built.errors() == "");
  CHECK_THAT(built.file("fr/annuaire/ong-atlas/index.html"),
             Catch::Contains("<p class=\"actor-logo\"><picture><source type=\"image/webp\" "
                             "srcset=\"../../../media/logos/atlas.webp 240w\" sizes=\"10rem\">"
                             "<img src=\"../../../media/logos/atlas.png\" width=\"240\" "
                             "height=\"120\" alt=\"\""));
  CHECK(built.file("media/logos/atlas.webp").rfind("RIFF", 0) == 0);
  CHECK(built.file("media/logos/atlas.png").rfind("\x89PNG", 0) == 0);
  std::string record = test_support::read_file(test_support::fixture_path("site-small") +
                                                "/directory-data/actors/ong-atlas.toml");
  auto with_logo = [&](const std::string& logo) {
    std::string changed = record;
    changed.replace(changed.find("logos/atlas.png"), 15, logo);
    return build_fixture({{"directory-data/actors/ong-atlas.toml", changed}});
  };
  CHECK_THAT(with_logo("logos/Atlas.png").errors(),
             Catch::Contains("directory-data/actors/ong-atlas.toml:10: error: logo "
                             "'logos/Atlas.png': no file content/media/logos/Atlas.png; "
                             "content/media/logos/atlas.png differs only in capitals"));
  CHECK_THAT(with_logo("logos/absent.png").errors(),
             Catch::Contains("ong-atlas.toml:10: error: logo 'logos/absent.png': no file "
                             "content/media/logos/absent.png"));
  CHECK_THAT(with_logo("formulaire.pdf").errors(),
             Catch::Contains("ong-atlas.toml:10: error: logo 'formulaire.pdf' is not a picture"));
}
