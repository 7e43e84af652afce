#include <catch2/catch.hpp>

#include <set>
#include <vector>

#include "markdown/markdown.h"

using namespace passerelle;

namespace {

LinkResolution pass_through(const std::string& href) { return {href, "", "", ""}; }

RenderedMarkdown render(const std::string& text, Diagnostics& diagnostics,
                        const LinkResolver& resolve = pass_through, bool raw_html = false) {
  return render_markdown({text, "content/fr/x.md", 10}, {raw_html, {"main"}}, resolve, diagnostics);
}

}  // namespace

TEST_CASE("headings get stable, unique ids and are collected") {
  Diagnostics diagnostics;
  auto out = render("## Le plan d'affaires\n\n### Étapes\n\n## Le plan d'affaires\n\n## Main\n", diagnostics);
  CHECK_THAT(out.html, Catch::Contains("<h2 id=\"le-plan-d-affaires\">Le plan d&#39;affaires</h2>"));
  CHECK_THAT(out.html, Catch::Contains("<h3 id=\"etapes\">Étapes</h3>"));
  CHECK_THAT(out.html, Catch::Contains("<h2 id=\"le-plan-d-affaires-2\">"));
  CHECK_THAT(out.html, Catch::Contains("<h2 id=\"main-2\">"));  // "main" is the template's
  REQUIRE(out.headings.size() == 4);
  CHECK(out.headings[1].level == 3);
  CHECK(out.headings[1].text == "Étapes");
}

TEST_CASE("tables, strikethrough and autolinks are rendered") {
  Diagnostics diagnostics;
  auto out = render("| a | b |\n|:--|--:|\n| 1 | 2 |\n\n~~old~~ www.example.org\n", diagnostics);
  CHECK_THAT(out.html, Catch::Contains("<th scope=\"col\" class=\"align-left\">a</th>"));
  CHECK_THAT(out.html, Catch::Contains("<td class=\"align-right\">2</td>"));
  CHECK_THAT(out.html, Catch::Contains("<del>old</del>"));
  CHECK_THAT(out.html, Catch::Contains("<a href=\"http://www.example.org\">www.example.org</a>"));
}

TEST_CASE("raw HTML is escaped unless allowed") {
  Diagnostics diagnostics;
  auto escaped = render("<script>alert(1)</script>\n\nText <b>bold</b>\n", diagnostics);
  CHECK_THAT(escaped.html, !Catch::Contains("<script>"));
  CHECK_THAT(escaped.html, Catch::Contains("&lt;script&gt;"));
  CHECK_THAT(escaped.html, Catch::Contains("&lt;b&gt;"));
  auto raw = render("Text <b>bold</b>\n", diagnostics, pass_through, true);
  CHECK_THAT(raw.html, Catch::Contains("<b>bold</b>"));
}

TEST_CASE("script URLs are refused with the line of the link") {
  Diagnostics diagnostics;
  auto out = render("Intro\n\n[x](javascript:alert(1)) and ![i](data:image/png;base64,AA)\n", diagnostics);
  REQUIRE(diagnostics.error_count() == 2);
  CHECK(format_diagnostic(diagnostics.items()[0]).rfind("content/fr/x.md:12:5: error: link to 'javascript:alert(1)' is refused", 0) == 0);
  CHECK_THAT(out.html, !Catch::Contains("javascript:"));
}

TEST_CASE("links are resolved through the caller and broken ones are located") {
  Diagnostics diagnostics;
  auto resolve = [](const std::string& href) -> LinkResolution {
    if (href == "@/guidelines/a.md#part") return {"../a/#part", "", "page:a", "part"};
    return {"", "no page for '" + href + "'", "", ""};
  };
  auto out = render("See [a](@/guidelines/a.md#part).\n\nAnd [b](@/guidelines/b.md).\n", diagnostics, resolve);
  CHECK_THAT(out.html, Catch::Contains("<a href=\"../a/#part\">a</a>"));
  REQUIRE(out.fragment_references.size() == 1);
  CHECK(out.fragment_references[0].fragment == "part");
  REQUIRE(diagnostics.error_count() == 1);
  CHECK(format_diagnostic(diagnostics.items()[0]) ==
        "content/fr/x.md:12:9: error: no page for '@/guidelines/b.md'");
}

TEST_CASE("the plain text is kept for search and summaries, entities decoded") {
  Diagnostics diagnostics;
  auto out = render("# Titre\n\nUn *texte* &amp; du `code`.\n\n- point\n", diagnostics);
  CHECK(out.plain_text == "Titre Un texte & du code. point");
}

TEST_CASE("pictures keep their text alternative as an attribute; the first loads at once") {
  Diagnostics diagnostics;
  auto out = render("Voici ![Une *carte* du Maroc](carte.png \"Carte\") et ![Un plan](plan.png).\n",
                    diagnostics);
  CHECK(out.html == "<p>Voici <img src=\"carte.png\" title=\"Carte\" alt=\"Une carte du Maroc\" "
                    "decoding=\"async\"> et <img src=\"plan.png\" alt=\"Un plan\" loading=\"lazy\" "
                    "decoding=\"async\">.</p>\n");
  CHECK(diagnostics.items().empty());
}

TEST_CASE("a picture without a text alternative is an error at its place; ![-] is decoration") {
  Diagnostics diagnostics;
  auto out = render("Texte.\n\nUn ![](photo.jpg) puis ![ - ](trait.svg).\n", diagnostics);
  REQUIRE(diagnostics.error_count() == 1);
  const auto& error = diagnostics.items().front();
  CHECK(error.location.path == "content/fr/x.md");
  CHECK(error.location.line == 12);
  CHECK(error.location.column == 8);
  CHECK_THAT(error.message, Catch::Contains("'photo.jpg' has no text alternative"));
  CHECK_THAT(error.message, Catch::Contains("![-](photo.jpg)"));
  CHECK_THAT(out.html, Catch::Contains("<img src=\"trait.svg\" alt=\"\" loading=\"lazy\""));
}

TEST_CASE("a picture alone in its paragraph with a title is a figure with its caption") {
  Diagnostics diagnostics;
  auto out = render("![Les étapes du retour](etapes.svg \"Les <étapes> du retour\")\n\n"
                    "![Sans légende](a.png)\n\n"
                    "Avant ![Avec texte autour](b.png \"b\")\n",
                    diagnostics);
  CHECK_THAT(out.html, Catch::StartsWith(
                           "<figure><img src=\"etapes.svg\" alt=\"Les étapes du retour\" "
                           "decoding=\"async\"><figcaption>Les &lt;étapes&gt; du retour"
                           "</figcaption></figure>\n<p><img src=\"a.png\""));
  CHECK_THAT(out.html, Catch::Contains("<p>Avant <img src=\"b.png\" title=\"b\""));
  CHECK(diagnostics.items().empty());
}

TEST_CASE("a download's type and size follow its link") {
  Diagnostics diagnostics;
  auto resolve = [](const std::string& href) {
    LinkResolution link{href, "", "", ""};
    if (href == "formulaire.pdf") link.note = "PDF, 240\u00a0Ko";
    return link;
  };
  auto out = render("Le [formulaire](formulaire.pdf) et [le site](https://example.org).\n", diagnostics,
                    resolve);
  CHECK(out.html == "<p>Le <a href=\"formulaire.pdf\">formulaire</a> <span class=\"file-info\">"
                    "(PDF, 240\u00a0Ko)</span> et <a href=\"https://example.org\">le site</a>.</p>\n");
}

TEST_CASE("is_unsafe_url") {
  CHECK(is_unsafe_url("javascript:x"));
  CHECK(is_unsafe_url(" JavaScript:x"));
  CHECK(is_unsafe_url("java\tscript:x"));
  CHECK(is_unsafe_url("data:text/html,x"));
  CHECK_FALSE(is_unsafe_url("https://example.org/a:b"));
  CHECK_FALSE(is_unsafe_url("../a/"));
  CHECK_FALSE(is_unsafe_url("mailto:a@b.org"));
}

TEST_CASE("entities for control characters become U+FFFD, as browsers do") {
  Diagnostics diagnostics;
  auto out = render("a&#1;b &#x1B;c &#xFFFE; &#x202E;d &#0; &#10;ok &#13;\n", diagnostics);
  CHECK(out.html == "<p>a\uFFFDb \uFFFDc \uFFFD \uFFFDd \uFFFD \nok \uFFFD</p>\n");
}

TEST_CASE("block quotes and lists nested too deep are an error, not a huge page") {
  Diagnostics diagnostics;
  std::string quotes;
  for (int i = 0; i < 100000; ++i) quotes += "> ";
  render(quotes + "x\n", diagnostics);
  REQUIRE(diagnostics.error_count() == 1);
  CHECK(format_diagnostic(diagnostics.items()[0]) ==
        "content/fr/x.md:10:1: error: block quotes and lists are nested more than 32 levels deep");
  Diagnostics fine;
  std::string lists;
  for (int i = 0; i < 10; ++i) lists += std::string(static_cast<size_t>(i) * 2, ' ') + "- x\n";
  render(lists, fine);
  CHECK(fine.error_count() == 0);
}

TEST_CASE("link errors far into a long page keep their line and column") {
  Diagnostics diagnostics;
  auto refuse = [](const std::string& href) -> LinkResolution {
    return {"", "no " + href, "", ""};
  };
  std::string text;
  for (int i = 0; i < 3; ++i) {
    std::string n = std::to_string(i);
    text += "Line with é and [a](@/x" + n + ") and [b](@/y" + n + ")\n\n";
  }
  render(text, diagnostics, refuse);
  REQUIRE(diagnostics.error_count() == 6);
  CHECK(format_diagnostic(diagnostics.items()[0]) == "content/fr/x.md:10:21: error: no @/x0");
  CHECK(format_diagnostic(diagnostics.items()[1]) == "content/fr/x.md:10:35: error: no @/y0");
  CHECK(format_diagnostic(diagnostics.items()[4]) == "content/fr/x.md:14:21: error: no @/x2");
}

TEST_CASE("colliding heading ids: the first keeps the slug, the next get -2, -3, …") {
  Diagnostics diagnostics;
  auto out = render("## a\n\n## a\n\n## a-3\n\n## a\n\n## a\n\n## a-2\n\n## Main\n\n## main\n\n"
                    "## !\n\n## ?\n",
                    diagnostics);
  std::vector<std::string> ids;
  for (const auto& heading : out.headings) ids.push_back(heading.id);
  // A heading titled "a-3" takes that id first, so the fourth "a" skips it; "main" is reserved.
  CHECK(ids == std::vector<std::string>{"a", "a-2", "a-3", "a-4", "a-5", "a-2-2", "main-2",
                                        "main-3", "section", "section-2"});
}

TEST_CASE("heading ids stay those of the first-free-number rule on a long mixed page") {
  // The rule as it was first written (quadratic), as a reference for the per-base counter.
  auto reference = [](const std::vector<std::string>& slugs) {
    std::set<std::string> used{"main"};
    std::vector<std::string> ids;
    for (const auto& slug : slugs) {
      std::string candidate = slug;
      for (int n = 2; used.count(candidate); ++n) candidate = slug + "-" + std::to_string(n);
      used.insert(candidate);
      ids.push_back(candidate);
    }
    return ids;
  };
  const std::vector<std::string> titles = {"a", "a-2", "a-3", "a-2-2", "b", "b-10", "main", "a-12"};
  std::vector<std::string> slugs;
  std::string text;
  unsigned state = 1;  // a fixed pseudo-random order
  for (int i = 0; i < 600; ++i) {
    state = state * 1103515245u + 12345u;
    slugs.push_back(titles[(state >> 16) % titles.size()]);
    text += "## " + slugs.back() + "\n\n";
  }
  Diagnostics diagnostics;
  auto out = render(text, diagnostics);
  REQUIRE(out.headings.size() == slugs.size());
  auto expected = reference(slugs);
  for (size_t i = 0; i < slugs.size(); ++i) {
    INFO("heading " << i << ": " << slugs[i]);
    CHECK(out.headings[i].id == expected[i]);
  }
}

TEST_CASE("a refused link written with character references is located like any other") {
  Diagnostics diagnostics;
  auto out = render("Intro\n\nVoir [x](&#106;avascript:alert(1)) et ![i](&#x64;ata:image/png;base64,AA)\n",
                    diagnostics);
  REQUIRE(diagnostics.error_count() == 2);
  CHECK(format_diagnostic(diagnostics.items()[0]).rfind(
            "content/fr/x.md:12:10: error: link to 'javascript:alert(1)' is refused", 0) == 0);
  CHECK(format_diagnostic(diagnostics.items()[1]).rfind(
            "content/fr/x.md:12:44: error: link to 'data:image/png;base64,AA' is refused", 0) == 0);
  CHECK_THAT(out.html, !Catch::Contains("javascript:"));
}

TEST_CASE("a link target with backslash escapes is located where it is written") {
  Diagnostics diagnostics;
  render("Intro\n\nVoir [x](&#106;avascript:alert\\(1\\)) et [y](javascript:f\\(\\))\n", diagnostics);
  REQUIRE(diagnostics.error_count() == 2);
  CHECK(format_diagnostic(diagnostics.items()[0]).rfind(
            "content/fr/x.md:12:10: error: link to 'javascript:alert(1)' is refused", 0) == 0);
  CHECK(format_diagnostic(diagnostics.items()[1]).rfind(
            "content/fr/x.md:12:45: error: link to 'javascript:f()' is refused", 0) == 0);
}

TEST_CASE("every HTML5 named reference is decoded, in text and in link attributes") {
  Diagnostics diagnostics;
  auto out = render("&eacute;t&eacute; &Aring; &frac34; &nosuch; [x](/f&ouml;&ouml; \"f&ouml;&ouml;\")\n",
                    diagnostics);
  CHECK(out.html == "<p>été Å ¾ &amp;nosuch; <a href=\"/f%C3%B6%C3%B6\" title=\"föö\">x</a></p>\n");
}

TEST_CASE("link and picture destinations are percent-encoded; unsafe ones stay refused") {
  Diagnostics diagnostics;
  auto out = render("[a](<my url>) <https://x.org/\\[\\> ![b](<a b.png>)\n", diagnostics);
  CHECK_THAT(out.html, Catch::Contains("<a href=\"my%20url\">a</a>"));
  CHECK_THAT(out.html, Catch::Contains("<a href=\"https://x.org/%5C%5B%5C\">"));
  CHECK_THAT(out.html, Catch::Contains("<img src=\"a%20b.png\""));
  REQUIRE(out.link_places.size() == 3);
  CHECK(out.link_places[0].href == "my%20url");  // as the page has it
  Diagnostics refused;
  auto bad = render("[x](<java script:alert(1)>) [y](&#x6A;avascript&colon;alert(1))\n", refused);
  CHECK(refused.error_count() == 2);
  CHECK_THAT(bad.html, !Catch::Contains("script:"));
}
