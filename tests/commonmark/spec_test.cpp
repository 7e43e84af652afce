// The CommonMark spec's examples (spec.json, see README.md) rendered by Passerelle's renderer and
// by md4c's own HTML renderer (md_html) with the same parser flags; both outputs and the
// expected HTML are normalised the same way (normalize.h) and compared. Prints both pass
// counts and fails when ours passes fewer examples than md4c-html.
//
// Left out: the sections "HTML blocks" and "Raw HTML", and every other example that holds raw
// HTML (md4c parses it differently with and without MD_FLAG_NOHTML): Passerelle escapes raw
// HTML unless a site allows it, so those examples cannot give the spec's output.
// Passerelle's renderer runs with a link resolver that returns every href unchanged, no French
// spacing, no raw HTML and no figures (a picture with a title alone in its paragraph would be
// a <figure>); its diagnostics (a picture without a text alternative…) are ignored.
//
// Usage: commonmark_spec_test spec.json [--show N] [--list] [--all]
// --show N prints example N's outputs; --list names the examples where the two renderers
// differ; --all also those both fail.
#include <md4c-html.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "markdown/markdown.h"
#include "normalize.h"

using commonmark_test::normalize_html;

namespace {

const std::set<std::string> kExcludedSections = {"HTML blocks", "Raw HTML"};

std::string md4c_html(const std::string& markdown, unsigned flags) {
  std::string out;
  md_html(markdown.data(), static_cast<MD_SIZE>(markdown.size()),
          [](const MD_CHAR* text, MD_SIZE size, void* sink) {
            static_cast<std::string*>(sink)->append(text, size);
          },
          &out, flags, 0);
  return out;
}

std::string ours(const std::string& markdown) {
  passerelle::MarkdownOptions options;
  options.figures = false;
  passerelle::Diagnostics ignored;
  auto unchanged = [](const std::string& href) {
    return passerelle::LinkResolution{href, "", "", ""};
  };
  return passerelle::render_markdown({markdown, "spec.md", 1}, options, unchanged, ignored).html;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: commonmark_spec_test spec.json [--show N] [--list] [--all]\n";
    return 2;
  }
  int show = 0;
  bool list = false, all = false;
  for (int i = 2; i < argc; ++i) {
    if (std::strcmp(argv[i], "--show") == 0 && i + 1 < argc) show = std::atoi(argv[++i]);
    if (std::strcmp(argv[i], "--list") == 0) list = true;
    if (std::strcmp(argv[i], "--all") == 0) list = all = true;
  }
  std::ifstream file(argv[1]);
  nlohmann::json examples = nlohmann::json::parse(file);
  const unsigned flags = passerelle::markdown_parser_flags(passerelle::MarkdownOptions{});
  const unsigned with_html = flags & ~static_cast<unsigned>(MD_FLAG_NOHTML);
  int compared = 0, excluded = 0, our_passes = 0, md4c_passes = 0;
  for (const auto& example : examples) {
    std::string markdown = example["markdown"];
    std::string expected = example["html"];
    std::string section = example["section"];
    int number = example["number"];
    if (kExcludedSections.count(section) ||
        md4c_html(markdown, flags) != md4c_html(markdown, with_html)) {
      ++excluded;
      continue;
    }
    ++compared;
    std::string want = normalize_html(expected);
    std::string theirs = md4c_html(markdown, flags);
    std::string mine = ours(markdown);
    bool md4c_ok = normalize_html(theirs) == want;
    bool our_ok = normalize_html(mine) == want;
    md4c_passes += md4c_ok;
    our_passes += our_ok;
    if (list && (md4c_ok != our_ok || (all && !our_ok))) {
      std::printf("example %d (%s): ours %s, md4c-html %s\n", number, section.c_str(),
                  our_ok ? "passes" : "FAILS", md4c_ok ? "passes" : "fails");
    }
    if (number == show) {
      std::cout << "markdown:\n" << markdown << "expected:\n" << expected << "md4c-html:\n"
                << theirs << "ours:\n" << mine << "normalised expected:\n" << want
                << "\nnormalised ours:\n" << normalize_html(mine) << "\n";
    }
  }
  std::printf("CommonMark 0.31.2: %d examples compared (%d with raw HTML left out)\n", compared,
              excluded);
  std::printf("  Passerelle: %d passed\n  md4c-html:  %d passed\n", our_passes, md4c_passes);
  return our_passes >= md4c_passes ? 0 : 1;
}
