#include <catch2/catch.hpp>

#include "markdown/markdown.h"

using namespace passerelle;

namespace {

std::string render(const std::string& text) {
  MarkdownOptions options;
  options.french_spacing = true;
  options.labels.warning = "Attention";
  Diagnostics diagnostics;
  return render_markdown({text, "content/fr/x.md", 1}, options,
                         [](const std::string& href) { return LinkResolution{href, "", "", ""}; },
                         diagnostics)
      .html;
}

}  // namespace

TEST_CASE("callouts: a block quote opening with [!WARNING] is a titled box") {
  CHECK(render("> [!WARNING]\n> Gardez *une copie* !\n\n> [!TIP]\n>\n> Un.\n>\n> Deux.\n") ==
        "<div class=\"callout callout-warning\" role=\"note\">\n"
        "<p class=\"callout-title\">Attention</p>\n<p>Gardez <em>une copie</em>\u202F!</p>\n</div>\n"
        "<div class=\"callout callout-tip\" role=\"note\">\n"
        "<p class=\"callout-title\">Tip</p>\n<p>Un.</p>\n<p>Deux.</p>\n</div>\n");
}

TEST_CASE("callouts: every kind, and inside a list or another quote") {
  for (std::string kind : {"note", "tip", "important", "warning", "caution"}) {
    std::string upper;
    for (char c : kind) upper += static_cast<char>(c - 'a' + 'A');
    CHECK_THAT(render("> [!" + upper + "]\n> x\n"),
               Catch::StartsWith("<div class=\"callout callout-" + kind + "\" role=\"note\">"));
  }
  CHECK_THAT(render("- > [!NOTE]\n  > x\n"), Catch::Contains("<li><div class=\"callout"));
  CHECK(render("> > [!NOTE]\n> > x\n") ==
        "<blockquote>\n<div class=\"callout callout-note\" role=\"note\">\n"
        "<p class=\"callout-title\">Note</p>\n<p>x</p>\n</div>\n</blockquote>\n");
}

TEST_CASE("callouts: anything else stays a block quote") {
  CHECK(render("> [!FOO]\n> x\n") == "<blockquote>\n<p>[!FOO]\nx</p>\n</blockquote>\n");
  CHECK(render("> [!NOTE] x\n") == "<blockquote>\n<p>[!NOTE] x</p>\n</blockquote>\n");
  CHECK(render("> Texte [!NOTE]\n") == "<blockquote>\n<p>Texte [!NOTE]</p>\n</blockquote>\n");
  CHECK(render("> [!note]\n> x\n") == "<blockquote>\n<p>[!note]\nx</p>\n</blockquote>\n");
}
