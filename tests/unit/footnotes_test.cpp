#include <catch2/catch.hpp>

#include "markdown/footnotes.h"
#include "markdown/markdown.h"

using namespace passerelle;

namespace {

LinkResolution unchanged(const std::string& href) { return {href, "", "", ""}; }

RenderedMarkdown render(const std::string& text, Diagnostics& diagnostics, bool print = false,
                        const std::string& prefix = "") {
  MarkdownOptions options;
  options.reserved_ids = {"main"};
  options.footnotes_at_foot_of_page = print;
  options.id_prefix = prefix;
  options.labels.notes = "Notes";
  options.labels.back_to_text = "Retour au texte";
  options.labels.back_to_reference = "Retour au texte (appel %1$d)";
  return render_markdown({text, "content/fr/x.md", 10}, options, unchanged, diagnostics);
}

}  // namespace

TEST_CASE("footnotes: numbered by first call, shared by later calls, listed at the end") {
  Diagnostics diagnostics;
  auto out = render("Un[^b] deux[^a] trois[^b].\n\n[^a]: La note *a*.\n[^b]: La note b,\n"
                    "    sur deux lignes.\n",
                    diagnostics);
  CHECK(diagnostics.items().empty());
  CHECK(out.html ==
        "<p>Un<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" role=\"doc-noteref\" "
        "aria-describedby=\"footnotes\">1</a></sup> deux<sup class=\"footnote-ref\"><a "
        "href=\"#fn-2\" id=\"fnref-2\" role=\"doc-noteref\" aria-describedby=\"footnotes\">2</a>"
        "</sup> trois<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1-2\" "
        "role=\"doc-noteref\" aria-describedby=\"footnotes\">1</a></sup>.</p>\n"
        "<section class=\"footnotes\" role=\"doc-endnotes\" aria-labelledby=\"footnotes\">\n"
        "<h2 id=\"footnotes\">Notes</h2>\n<ol>\n"
        "<li id=\"fn-1\">La note b,\nsur deux lignes. <a href=\"#fnref-1\" class=\"footnote-back\" "
        "role=\"doc-backlink\" aria-label=\"Retour au texte\">\u21A9</a> <a href=\"#fnref-1-2\" "
        "class=\"footnote-back\" role=\"doc-backlink\" aria-label=\"Retour au texte (appel 2)\">"
        "\u21A9<sup>2</sup></a></li>\n"
        "<li id=\"fn-2\">La note <em>a</em>. <a href=\"#fnref-2\" class=\"footnote-back\" "
        "role=\"doc-backlink\" aria-label=\"Retour au texte\">\u21A9</a></li>\n</ol>\n</section>\n");
  CHECK(out.plain_text == "Un deux trois. La note b, sur deux lignes. La note a.");
}

TEST_CASE("footnotes: in print, the note is written where it is first called") {
  Diagnostics diagnostics;
  auto out = render("Un[^a] et **gras.**[^a]\n\n[^a]: Voir [le site](https://example.org).\n",
                    diagnostics, true);
  CHECK(out.html == "<p>Un<span class=\"footnote\">Voir <a href=\"https://example.org\">le site"
                    "</a>.</span> et <strong>gras.</strong><sup class=\"footnote-again\">1</sup>"
                    "</p>\n");
  REQUIRE(out.link_places.size() == 1);
  CHECK(out.link_places[0].location.line == 12);
  CHECK(out.link_places[0].location.column == 22);  // where the address starts
}

TEST_CASE("footnotes: ids never take a heading's, and take the print prefix") {
  Diagnostics diagnostics;
  auto out = render("## Fn 1\n\nTexte[^n].\n\n## Footnotes\n\n[^n]: Note.\n", diagnostics, false,
                    "guide--");
  CHECK(out.headings[0].id == "guide--fn-1");
  CHECK(out.headings[1].id == "guide--footnotes-2");
  CHECK_THAT(out.html, Catch::Contains("href=\"#guide--fn-1-2\" id=\"guide--fnref-1\""));
  CHECK_THAT(out.html, Catch::Contains("<li id=\"guide--fn-1-2\">"));
  CHECK_THAT(out.html, Catch::Contains("<h2 id=\"guide--footnotes\">Notes</h2>"));
}

TEST_CASE("footnotes: in code, escaped or inside a picture's text they stay as written") {
  Diagnostics diagnostics;
  auto out = render("`a[^n]` \\[^n] ![x[^n]](p.png)[^n]\n\n    b[^n]\n\n```\nc[^n]\n[^n]: no\n```\n\n"
                    "[^n]: Note.\n",
                    diagnostics);
  CHECK(diagnostics.items().empty());
  CHECK_THAT(out.html, Catch::StartsWith("<p><code>a[^n]</code> [^n] <img src=\"p.png\" "
                                         "alt=\"x[^n]\""));
  CHECK_THAT(out.html, Catch::Contains("<pre><code>b[^n]\n</code></pre>"));
  CHECK_THAT(out.html, Catch::Contains("<pre><code>c[^n]\n[^n]: no\n</code></pre>"));
  CHECK_THAT(out.html, Catch::Contains("<li id=\"fn-1\">Note."));
}

TEST_CASE("footnotes: errors and warnings at their line and column") {
  Diagnostics diagnostics;
  auto out = render("Texte é [^x] et [^absent].\n\n[lien[^x]](a.md)\n\n[^x]: Une.\n[^x]: Deux.\n"
                    "[^liste]:\n    - a\n[^deux]: Un.\n\n    Deux.\n[^seule]: Jamais appelée.\n",
                    diagnostics);
  std::vector<std::string> messages;
  for (const auto& item : diagnostics.items()) messages.push_back(format_diagnostic(item));
  CHECK(messages == std::vector<std::string>{
            "content/fr/x.md:15:1: error: the footnote '[^x]' is defined twice (first at line 14)",
            "content/fr/x.md:16:1: error: the footnote '[^liste]' must be one paragraph of text (no "
            "list, quote, code block or second paragraph): it is printed at the foot of the page, "
            "inside the sentence that calls it",
            "content/fr/x.md:18:1: error: the footnote '[^deux]' must be one paragraph of text (no "
            "list, quote, code block or second paragraph): it is printed at the foot of the page, "
            "inside the sentence that calls it",
            "content/fr/x.md:10:17: error: the footnote '[^absent]' is not defined: write its text "
            "on a line of its own, '[^absent]: …'",
            "content/fr/x.md:12:6: error: the footnote '[^x]' is called inside a link's text: call "
            "it after the link",
            "content/fr/x.md:16:1: warning: the footnote '[^liste]' is never called: call it with "
            "'[^liste]' in the text, or remove it",
            "content/fr/x.md:18:1: warning: the footnote '[^deux]' is never called: call it with "
            "'[^deux]' in the text, or remove it",
            "content/fr/x.md:21:1: warning: the footnote '[^seule]' is never called: call it with "
            "'[^seule]' in the text, or remove it"});
  CHECK_THAT(out.html, Catch::Contains("[^absent]"));
}

TEST_CASE("footnotes: definitions are blanked, so that later lines keep their numbers") {
  auto footnotes = extract_footnotes({"a[^1]\n[^1]: x\n    y\nb\n", "x.md", 1});
  REQUIRE(footnotes);
  CHECK(footnotes->text == "a\u2058\uE0000\uE001\u2058\n\n\nb\n");
  REQUIRE(footnotes->definitions.size() == 1);
  CHECK(footnotes->definitions[0].body.text == "x\n    y");
  CHECK(footnotes->definitions[0].body.first_column == 7);
  CHECK_FALSE(extract_footnotes({"no notes [x]\n", "x.md", 1}));
}
