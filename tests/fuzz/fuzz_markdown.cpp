// Fuzz target: the Markdown stage (md4c and our renderer) with a link resolver that behaves
// like the site's: internal targets that exist or not, fragments, external links. With raw
// HTML off (the default, and always for actor records) the output must be made of our own
// elements and attributes only, with no link that could run a script.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "fuzz_support.h"
#include "markdown/markdown.h"
#include "base/text.h"

using namespace passerelle;

namespace {

LinkResolution resolve(const std::string& written) {
  size_t hash = written.find('#');
  std::string target = written.substr(0, hash);
  std::string fragment = hash == std::string::npos ? "" : written.substr(hash + 1);
  if (target.empty()) return {"#" + fragment, "", "page:self", fragment};
  if (target == "@/actors/known") return {"../known/", "", "actor:known", fragment};
  if (starts_with(target, "@/")) return {"", "no page " + target, "", ""};
  if (ends_with(target, ".md"))
    return {"../x/" + (fragment.empty() ? "" : "#" + fragment), "", "page:x", fragment};
  return {written, "", "", ""};
}

std::string unescape(std::string_view value) {
  std::string out;
  for (size_t i = 0; i < value.size(); ++i) {
    if (value[i] != '&') {
      out += value[i];
      continue;
    }
    static const std::pair<std::string_view, char> kEntities[] = {
        {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
    bool known = false;
    for (const auto& [entity, c] : kEntities) {
      if (value.substr(i, entity.size()) == entity) {
        out += c;
        i += entity.size() - 1;
        known = true;
        break;
      }
    }
    fuzz::require(known, "every & in an attribute starts one of our entities");
  }
  return out;
}

/// A small tokenizer for the HTML our renderer writes: every tag and attribute must be ours.
void require_only_our_markup(const std::string& html) {
  static const std::set<std::string, std::less<>> kTags = {
      "p",     "em",         "strong", "code", "del", "u",  "a",   "img", "ul", "ol",
      "li",    "blockquote", "hr",     "h1",   "h2",  "h3", "h4",  "h5",  "h6", "pre",
      "table", "thead",      "tbody",  "tr",   "th",  "td", "div", "br", "figure", "figcaption",
      "span"};
  static const std::set<std::string, std::less<>> kAttributes = {
      "href",  "src",   "title",    "alt",  "class",          "id",
      "start", "scope", "tabindex", "role", "aria-labelledby", "loading", "decoding"};
  size_t i = 0;
  while ((i = html.find('<', i)) != std::string::npos) {
    size_t end = html.find('>', i);
    fuzz::require(end != std::string::npos, "every tag is closed");
    size_t p = i + 1;
    if (p < end && html[p] == '/') ++p;
    size_t name_end = p;
    while (name_end < end && html[name_end] != ' ') ++name_end;
    fuzz::require(kTags.count(std::string_view(html).substr(p, name_end - p)) == 1,
                  "only the renderer's own elements");
    p = name_end;
    while (p < end) {
      fuzz::require(html[p] == ' ', "attributes are separated by one space");
      size_t equals = html.find("=\"", p);
      fuzz::require(equals != std::string::npos && equals < end, "attributes have quoted values");
      std::string name = html.substr(p + 1, equals - p - 1);
      fuzz::require(kAttributes.count(name) == 1, "only the renderer's own attributes");
      size_t close = html.find('"', equals + 2);
      fuzz::require(close != std::string::npos, "attribute values are closed");
      std::string value = unescape(std::string_view(html).substr(equals + 2, close - equals - 2));
      if (name == "href" || name == "src") {
        fuzz::require(!is_unsafe_url(value), "no script or data URL in a link");
      }
      p = close + 1;
      end = html.find('>', p);  // a '>' inside a value would be escaped; find the real end
      fuzz::require(end != std::string::npos, "every tag is closed");
    }
    i = end + 1;
  }
}

void require_clean_text(const std::string& html) {
  fuzz::require(!find_invalid_utf8(html), "the HTML is valid UTF-8");
  for (size_t i = 0; i < html.size(); ++i) {
    auto c = static_cast<unsigned char>(html[i]);
    fuzz::require(c >= 0x20 || c == '\n' || c == '\t', "no control character in the HTML");
    fuzz::require(
        html.compare(i, 3, "\xEF\xBF\xBE") != 0 && html.compare(i, 3, "\xEF\xBF\xBF") != 0,
        "no U+FFFE or U+FFFF (not allowed in XML feeds)");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  // The build only hands the Markdown stage text that passed these checks.
  if (bytes.find('\0') != std::string::npos || find_invalid_utf8(bytes) ||
      find_disallowed_character(bytes)) {
    return 0;
  }
  MarkdownSource source{normalize_source(bytes), "content/fr/guidelines/fuzz.md", 7};
  Diagnostics diagnostics;
  MarkdownOptions options;
  options.reserved_ids = {"main", "toc"};
  options.french_spacing = size % 2 == 0;
  auto rendered = render_markdown(source, options, resolve, diagnostics);
  require_only_our_markup(rendered.html);
  require_clean_text(rendered.html);
  std::set<std::string> ids;
  for (const auto& heading : rendered.headings) {
    fuzz::require(ids.insert(heading.id).second, "heading ids are unique");
    fuzz::require(!options.reserved_ids.count(heading.id), "heading ids avoid the template's");
  }
  for (const auto& d : diagnostics.items()) {
    fuzz::require(d.location.line == 0 || d.location.line >= source.first_line,
                  "link errors point into the body");
  }
  // Raw HTML is the editors' own choice for their pages: it must still never crash.
  Diagnostics raw_diagnostics;
  options.allow_raw_html = true;
  render_markdown(source, options, resolve, raw_diagnostics);
  return 0;
}
