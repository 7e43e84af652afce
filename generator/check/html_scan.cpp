#include "check/html_scan.h"
#include "base/text.h"

#include <cctype>
#include <map>

namespace passerelle {

namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool is_raw_text(const std::string& tag) {
  return tag == "script" || tag == "style" || tag == "textarea" || tag == "title" ||
         tag == "iframe" || tag == "noembed" || tag == "noframes" || tag == "xmp";
}

}  // namespace

std::vector<HtmlAttribute> scan_attributes(std::string_view html) {
  std::vector<HtmlAttribute> result;
  size_t i = 0;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    if (html.substr(i, 4) == "<!--") {
      size_t end = html.find("-->", i + 4);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    if (i + 1 >= html.size() || !std::isalpha(static_cast<unsigned char>(html[i + 1]))) {
      // "</x>", "<!DOCTYPE>", "<?x?>" or a lone '<' in text.
      bool markup =
          i + 1 < html.size() && (html[i + 1] == '/' || html[i + 1] == '!' || html[i + 1] == '?');
      size_t end = markup ? html.find('>', i) : i;
      i = end == std::string_view::npos ? html.size() : end + 1;
      continue;
    }
    size_t start = i;
    size_t j = i + 1;
    while (j < html.size() && !is_space(html[j]) && html[j] != '/' && html[j] != '>') ++j;
    std::string tag = lower(html.substr(i + 1, j - i - 1));
    // Attributes until the tag's '>'.
    while (j < html.size() && html[j] != '>') {
      if (is_space(html[j]) || html[j] == '/') {
        ++j;
        continue;
      }
      size_t name_start = j;
      while (j < html.size() && !is_space(html[j]) && html[j] != '=' && html[j] != '>' &&
             html[j] != '/') {
        ++j;
      }
      std::string name = lower(html.substr(name_start, j - name_start));
      while (j < html.size() && is_space(html[j])) ++j;
      std::string value;
      if (j < html.size() && html[j] == '=') {
        ++j;
        while (j < html.size() && is_space(html[j])) ++j;
        if (j < html.size() && (html[j] == '"' || html[j] == '\'')) {
          char quote = html[j];
          size_t close = html.find(quote, j + 1);
          if (close == std::string_view::npos) close = html.size();
          value = decode_entities(html.substr(j + 1, close - j - 1));
          j = close + 1;
        } else {
          size_t value_start = j;
          while (j < html.size() && !is_space(html[j]) && html[j] != '>') ++j;
          value = decode_entities(html.substr(value_start, j - value_start));
        }
      }
      if (!name.empty()) result.push_back({tag, name, std::move(value), start});
    }
    i = j + 1;
    if (is_raw_text(tag)) {
      std::string closing = "</" + tag;
      size_t k = i;
      // Case-insensitive search for the end tag.
      for (; k < html.size(); ++k) {
        if (html[k] == '<' && lower(html.substr(k, closing.size())) == closing) break;
      }
      i = k;
    }
  }
  return result;
}

}  // namespace passerelle
