// The memo of Markdown renders (markdown/markdown_memo.h): what serve's rebuilds take from the
// build before, and when they render again.
#include <catch2/catch.hpp>

#include <atomic>
#include <map>
#include <string>
#include <vector>

#include "base/parallel.h"
#include "markdown/markdown_memo.h"

using namespace passerelle;

namespace {

const std::string kText =
    "## Préparer le retour\n\nVoir [le guide](guide.md) et ![Une carte](carte.png).\n";

/// A resolver whose answers the test changes, and which counts what it is asked (as a page's
/// link context records the files its links name).
struct Links {
  std::map<std::string, std::string> hrefs = {{"guide.md", "../guide/"}, {"carte.png", "carte.png"}};
  std::vector<std::string> asked;
  std::string broken;  // a link that resolves to an error

  LinkResolver resolver() {
    return [this](const std::string& href) {
      asked.push_back(href);
      LinkResolution answer;
      if (href == broken) {
        answer.error = "no such page";
        return answer;
      }
      answer.href = hrefs.count(href) ? hrefs.at(href) : href;
      return answer;
    };
  }
};

RenderedMarkdown render(MarkdownMemo& memo, const std::string& text, Links& links,
                        Diagnostics& diagnostics, bool french = true) {
  MarkdownOptions options{false, {"main"}, french, "", 0};
  return memo.render({text, "content/fr/guidelines/retour.md", 5}, options, links.resolver(),
                     diagnostics);
}

}  // namespace

TEST_CASE("a text rendered again with the same links is taken from the memo, its links asked once") {
  MarkdownMemo memo;
  Links links;
  Diagnostics diagnostics;
  auto first = render(memo, kText, links, diagnostics);
  CHECK(memo.misses() == 1);
  CHECK(links.asked == std::vector<std::string>{"guide.md", "carte.png"});
  Diagnostics direct_diagnostics;
  Links direct_links;
  auto direct = render_markdown({kText, "content/fr/guidelines/retour.md", 5},
                                MarkdownOptions{false, {"main"}, true, "", 0},
                                direct_links.resolver(), direct_diagnostics);
  CHECK(first.html == direct.html);

  memo.build_finished();
  links.asked.clear();
  auto second = render(memo, kText, links, diagnostics);
  CHECK(memo.hits() == 1);
  CHECK(memo.misses() == 0);
  CHECK(second.html == first.html);
  CHECK(second.plain_text == first.plain_text);
  REQUIRE(second.headings.size() == 1);
  CHECK(second.headings[0].id == first.headings[0].id);
  // Asked again, in the same order, as a render would: the files they name are recorded.
  CHECK(links.asked == std::vector<std::string>{"guide.md", "carte.png"});
  CHECK(diagnostics.items().empty());
}

TEST_CASE("a link that resolves otherwise, another text or other options render again") {
  MarkdownMemo memo;
  Links links;
  Diagnostics diagnostics;
  auto first = render(memo, kText, links, diagnostics);
  memo.build_finished();

  links.hrefs["guide.md"] = "../guide-renomme/";
  links.asked.clear();
  auto moved = render(memo, kText, links, diagnostics);
  CHECK(memo.misses() == 1);
  CHECK_THAT(moved.html, Catch::Contains("../guide-renomme/"));
  CHECK(links.asked.size() == 2);  // each link asked once, not once to compare and once to render

  auto edited = render(memo, kText + "\nUne phrase de plus.\n", links, diagnostics);
  CHECK_THAT(edited.html, Catch::Contains("Une phrase de plus."));
  render(memo, kText, links, diagnostics, /*french=*/false);
  CHECK(memo.misses() == 3);
  CHECK(memo.hits() == 0);
  // What the changed answer gave is what the next build takes.
  memo.build_finished();
  CHECK(render(memo, kText, links, diagnostics).html == moved.html);
  CHECK(memo.hits() == 1);
}

TEST_CASE("a render that reported a problem reports it again, and a finished build forgets the rest") {
  MarkdownMemo memo;
  Links links;
  links.broken = "guide.md";
  Diagnostics first;
  render(memo, kText, links, first);
  REQUIRE(first.has_errors());
  memo.build_finished();
  Diagnostics second;
  render(memo, kText, links, second);
  CHECK(second.error_count() == first.error_count());
  CHECK(memo.hits() == 0);

  links.broken.clear();
  Diagnostics diagnostics;
  render(memo, kText, links, diagnostics);
  render(memo, "Autre texte.\n", links, diagnostics);
  memo.build_finished();
  render(memo, kText, links, diagnostics);  // "Autre texte." is not used by this build
  memo.build_finished();
  render(memo, "Autre texte.\n", links, diagnostics);
  CHECK(memo.misses() == 1);
  // A build that did not finish (cancelled) keeps what the last finished one had.
  render(memo, kText, links, diagnostics);
  render(memo, kText, links, diagnostics);
  CHECK(memo.hits() == 2);
}

TEST_CASE("the memo is used from every core at once") {
  MarkdownMemo memo;
  std::vector<std::string> texts;
  for (int i = 0; i < 64; ++i) texts.push_back("Texte " + std::to_string(i) + " et [lien](page.md).\n");
  for (int round = 0; round < 2; ++round) {
    std::vector<std::string> html(texts.size());
    for_each_index(texts.size(), 4, [&](size_t, size_t i) {
      Diagnostics diagnostics;
      LinkResolver resolve = [](const std::string& href) { return LinkResolution{"../" + href}; };
      html[i] = memo.render({texts[i], "x.md", 1}, MarkdownOptions{}, resolve, diagnostics).html;
    });
    for (size_t i = 0; i < texts.size(); ++i) CHECK_THAT(html[i], Catch::Contains("Texte " + std::to_string(i) + " "));
    CHECK(memo.hits() == (round == 0 ? 0 : texts.size()));
    memo.build_finished();
  }
}
