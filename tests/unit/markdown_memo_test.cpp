// The memo of Markdown renders (markdown/markdown_memo.h): what serve's rebuilds take from the
// build before, and when they render again.
#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "base/parallel.h"
#include "markdown/markdown_memo.h"
#include "test_folder.h"

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

namespace {

/// A build's renders through a memo on `file`: every text of `texts`, saved.
std::vector<std::string> build_with_file(const std::string& file, const std::vector<std::string>& texts,
                                         size_t* hits = nullptr, const std::string& stamp = "stamp-1") {
  auto memo = MarkdownMemo::open_file(file, stamp);
  std::vector<std::string> html;
  for (const auto& text : texts) {
    Links links;
    Diagnostics diagnostics;
    html.push_back(render(*memo, text, links, diagnostics).html);
  }
  if (hits) *hits = memo->hits();
  memo->save();
  return html;
}

std::vector<std::string> guidelines(int count, const std::string& edited = "") {
  std::vector<std::string> texts;
  for (int i = 0; i < count; ++i) {
    texts.push_back("## Chapitre " + std::to_string(i) + "\n\n" + std::string(200, 'a' + i % 26) +
                    " [guide](guide.md)\n" + (i == 0 ? edited : ""));
  }
  return texts;
}

}  // namespace

TEST_CASE("builds keep their renders in a file: the next build takes them, an edit adds one") {
  TestFolder folder("markdown-memo");
  std::string file = (folder.path / "cache" / "markdown").string();
  size_t hits = 0;
  auto first = build_with_file(file, guidelines(5), &hits);
  CHECK(hits == 0);
  REQUIRE(std::filesystem::exists(file));
  auto second = build_with_file(file, guidelines(5), &hits);
  CHECK(hits == 5);
  CHECK(second == first);
  // Rendered anew and added at the end of the file; the others still come from it.
  auto size = std::filesystem::file_size(file);
  auto edited = build_with_file(file, guidelines(5, "Une phrase de plus.\n"), &hits);
  CHECK(hits == 4);
  CHECK_THAT(edited[0], Catch::Contains("Une phrase de plus."));
  CHECK(std::filesystem::file_size(file) > size);
  build_with_file(file, guidelines(5, "Une phrase de plus.\n"), &hits);
  CHECK(hits == 5);
  // No temporary file is left beside it.
  size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(folder.path / "cache")) files += entry.is_regular_file();
  CHECK(files == 1);
}

TEST_CASE("a renders file of another program, damaged, or mostly unused is written again") {
  TestFolder folder("markdown-memo-damaged");
  std::string file = (folder.path / "markdown").string();
  size_t hits = 0;
  auto expected = build_with_file(file, guidelines(8));
  SECTION("another program's") {
    CHECK(build_with_file(file, guidelines(8), &hits, "stamp-2") == expected);
    CHECK(hits == 0);
    build_with_file(file, guidelines(8), &hits, "stamp-2");
    CHECK(hits == 8);
  }
  SECTION("bytes changed in the middle") {
    std::string bytes = file_bytes(file);
    bytes[bytes.size() / 2] ^= 0x5A;
    std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
    CHECK(build_with_file(file, guidelines(8), &hits) == expected);
    CHECK(hits > 0);  // the entries before the damage
    CHECK(hits < 8);
    build_with_file(file, guidelines(8), &hits);
    CHECK(hits == 8);  // written again whole
  }
  SECTION("cut") {
    std::string bytes = file_bytes(file);
    std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes.substr(0, bytes.size() - 7);
    CHECK(build_with_file(file, guidelines(8), &hits) == expected);
    CHECK(hits == 7);
  }
  SECTION("a build that is not saved leaves the file as it was") {
    std::string bytes = file_bytes(file);
    std::filesystem::remove(file);
    {
      auto memo = MarkdownMemo::open_file(file, "stamp-1");
      Links links;
      Diagnostics diagnostics;
      render(*memo, kText, links, diagnostics);
    }
    CHECK_FALSE(std::filesystem::exists(file));
    CHECK(std::distance(std::filesystem::directory_iterator(folder.path), {}) == 0);
  }
  SECTION("most of it no longer used") {
    // Over 1 MB of texts, then a site of two of them: the file keeps only those two.
    std::vector<std::string> big;
    for (int i = 0; i < 300; ++i) big.push_back(std::string(4000, 'a' + i % 26) + std::to_string(i) + "\n");
    build_with_file(file, big);
    auto before = std::filesystem::file_size(file);
    CHECK(before > (1u << 20));
    build_with_file(file, {big[0], big[1]}, &hits);
    CHECK(hits == 2);
    CHECK(std::filesystem::file_size(file) < before / 10);
    build_with_file(file, {big[0], big[1]}, &hits);
    CHECK(hits == 2);
  }
}

TEST_CASE("a render read back from the file has every field of the render it was") {
  TestFolder folder("markdown-memo-fields");
  std::string file = (folder.path / "markdown").string();
  const std::string text = kText + "\n[Le formulaire](form.pdf)[^1]\n\n[^1]: Une note.\n";
  Links links;
  links.hrefs["form.pdf"] = "form.pdf";
  Diagnostics diagnostics;
  {
    auto memo = MarkdownMemo::open_file(file, "stamp-1");
    render(*memo, text, links, diagnostics);
    memo->save();
  }
  auto memo = MarkdownMemo::open_file(file, "stamp-1");
  auto stored = render(*memo, text, links, diagnostics);
  REQUIRE(memo->hits() == 1);
  Links direct_links;
  direct_links.hrefs["form.pdf"] = "form.pdf";
  auto direct = render_markdown({text, "content/fr/guidelines/retour.md", 5},
                                MarkdownOptions{false, {"main"}, true, "", 0},
                                direct_links.resolver(), diagnostics);
  CHECK(diagnostics.items().empty());
  CHECK(stored.html == direct.html);
  CHECK(stored.plain_text == direct.plain_text);
  CHECK(stored.single_paragraph == direct.single_paragraph);
  REQUIRE(stored.headings.size() == direct.headings.size());
  for (size_t i = 0; i < direct.headings.size(); ++i) {
    CHECK(stored.headings[i].level == direct.headings[i].level);
    CHECK(stored.headings[i].id == direct.headings[i].id);
    CHECK(stored.headings[i].text == direct.headings[i].text);
  }
  REQUIRE(stored.link_places.size() == direct.link_places.size());
  CHECK(direct.link_places.size() >= 3);
  for (size_t i = 0; i < direct.link_places.size(); ++i) {
    CHECK(stored.link_places[i].href == direct.link_places[i].href);
    CHECK(stored.link_places[i].location.line == direct.link_places[i].location.line);
    CHECK(stored.link_places[i].location.column == direct.link_places[i].location.column);
    CHECK(stored.link_places[i].location.path == direct.link_places[i].location.path);
  }
  CHECK(stored.downloads.size() == direct.downloads.size());
  CHECK(stored.fragment_references.size() == direct.fragment_references.size());
}
