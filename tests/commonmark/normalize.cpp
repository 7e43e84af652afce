#include "normalize.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <set>
#include <utility>
#include <vector>

namespace commonmark_test {

namespace {

const std::set<std::string> kBlockTags = {
    "article", "header", "aside",   "hgroup",     "blockquote", "hr",    "iframe",   "body",
    "li",      "map",    "button",  "object",     "canvas",     "ol",    "caption",  "output",
    "col",     "p",      "colgroup", "pre",       "dd",         "progress", "div",   "section",
    "dl",      "table",  "td",      "dt",         "tbody",      "embed", "textarea", "fieldset",
    "tfoot",   "figcaption", "th",  "figure",     "thead",      "footer", "tr",      "form",
    "ul",      "h1",     "h2",      "h3",         "h4",         "h5",    "h6",       "video",
    "script",  "style"};

std::string utf8(unsigned long c) {
  std::string out;
  if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = 0xFFFD;
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
  return out;
}

/// Decodes numeric references and the five a renderer writes; escapes & < > " again.
std::string canonical_text(std::string_view text) {
  std::string decoded;
  for (size_t i = 0; i < text.size(); ++i) {
    size_t end = text[i] == '&' ? text.find(';', i) : std::string_view::npos;
    if (end != std::string_view::npos && end - i <= 12) {
      std::string name(text.substr(i + 1, end - i - 1));
      std::string value;
      if (name.size() > 1 && name[0] == '#') {
        bool hex = name[1] == 'x' || name[1] == 'X';
        std::string digits = name.substr(hex ? 2 : 1);
        char* stop = nullptr;
        unsigned long code = std::strtoul(digits.c_str(), &stop, hex ? 16 : 10);
        if (!digits.empty() && *stop == '\0') value = utf8(code);
      } else if (name == "amp") {
        value = "&";
      } else if (name == "lt") {
        value = "<";
      } else if (name == "gt") {
        value = ">";
      } else if (name == "quot") {
        value = "\"";
      } else if (name == "apos") {
        value = "'";
      }
      if (!value.empty()) {
        decoded += value;
        i = end;
        continue;
      }
    }
    decoded += text[i];
  }
  std::string out;
  for (char c : decoded) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string collapse(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (is_space(c)) {
      if (out.empty() || out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

void strip_right(std::string& text) {
  while (!text.empty() && is_space(text.back())) text.pop_back();
}

std::string_view strip_left(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  return text;
}

struct Tag {
  std::string name;
  bool closing = false;
  std::vector<std::pair<std::string, std::string>> attributes;  // value: nullopt as "\x01"
};

/// Parses `<...>` (without the brackets); false when it is not a tag.
bool parse_tag(std::string_view inner, Tag& tag) {
  size_t i = 0;
  if (i < inner.size() && inner[i] == '/') {
    tag.closing = true;
    ++i;
  }
  if (i >= inner.size() || !std::isalpha(static_cast<unsigned char>(inner[i]))) return false;
  while (i < inner.size() && !is_space(inner[i]) && inner[i] != '/') {
    tag.name += static_cast<char>(std::tolower(static_cast<unsigned char>(inner[i++])));
  }
  while (i < inner.size()) {
    while (i < inner.size() && (is_space(inner[i]) || inner[i] == '/')) ++i;
    if (i >= inner.size()) break;
    std::string name;
    while (i < inner.size() && !is_space(inner[i]) && inner[i] != '=' && inner[i] != '/') {
      name += static_cast<char>(std::tolower(static_cast<unsigned char>(inner[i++])));
    }
    while (i < inner.size() && is_space(inner[i])) ++i;
    std::string value = "\x01";
    if (i < inner.size() && inner[i] == '=') {
      ++i;
      while (i < inner.size() && is_space(inner[i])) ++i;
      if (i < inner.size() && (inner[i] == '"' || inner[i] == '\'')) {
        char quote = inner[i++];
        size_t end = inner.find(quote, i);
        if (end == std::string_view::npos) return false;
        value = std::string(inner.substr(i, end - i));
        i = end + 1;
      } else {
        size_t start = i;
        while (i < inner.size() && !is_space(inner[i])) ++i;
        value = std::string(inner.substr(start, i - start));
      }
    }
    tag.attributes.emplace_back(std::move(name), std::move(value));
  }
  return true;
}

}  // namespace

std::string normalize_html(std::string_view html) {
  std::string out;
  bool in_pre = false;
  enum { kNone, kStart, kEnd, kData } last = kNone;
  std::string last_tag;
  size_t i = 0;
  while (i < html.size()) {
    if (html.compare(i, 4, "<!--") == 0 || html.compare(i, 9, "<![CDATA[") == 0) {
      size_t end = html.find('>', i);
      end = end == std::string_view::npos ? html.size() : end + 1;
      out += html.substr(i, end - i);
      i = end;
      last = kData;
      continue;
    }
    if (html[i] == '<') {
      size_t end = html.find('>', i);
      Tag tag;
      if (end != std::string_view::npos && parse_tag(html.substr(i + 1, end - i - 1), tag)) {
        bool self_closing = html[end - 1] == '/';
        bool block = kBlockTags.count(tag.name) > 0;
        if (tag.name == "pre") in_pre = !tag.closing;
        if (block && !(tag.closing && tag.name == "pre")) strip_right(out);
        out += tag.closing ? "</" : "<";
        out += tag.name;
        std::vector<std::pair<std::string, std::string>> kept;
        for (auto& attribute : tag.attributes) {
          const std::string& name = attribute.first;
          if (name == "id") continue;
          if (tag.name == "img" && (name == "loading" || name == "decoding")) continue;
          kept.push_back(attribute);
        }
        std::sort(kept.begin(), kept.end());
        for (const auto& [name, value] : kept) {
          out += " " + name;
          if (value != "\x01") out += "=\"" + canonical_text(value) + "\"";
        }
        out += ">";
        last_tag = tag.name;
        last = tag.closing || self_closing ? kEnd : kStart;
        i = end + 1;
        continue;
      }
    }
    size_t end = html.find('<', i + 1);
    if (end == std::string_view::npos) end = html.size();
    std::string_view data = html.substr(i, end - i);
    i = end;
    bool after_tag = last == kStart || last == kEnd;
    bool after_block = after_tag && kBlockTags.count(last_tag) > 0;
    std::string text;
    if (after_tag && last_tag == "br") {
      while (!data.empty() && data.front() == '\n') data.remove_prefix(1);
    }
    text = in_pre ? std::string(data) : collapse(data);
    if (after_block && !in_pre) {
      std::string_view view = strip_left(text);
      text = std::string(view);
      if (last == kEnd) strip_right(text);
    }
    out += canonical_text(text);
    last = kData;
  }
  return out;
}

}  // namespace commonmark_test
