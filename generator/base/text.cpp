#include "base/text.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>

namespace passerelle {

std::string normalize_source(std::string_view text) {
  if (starts_with(text, "\xEF\xBB\xBF")) text.remove_prefix(3);
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r' || i + 1 == text.size() || text[i + 1] != '\n') out += text[i];
  }
  return out;
}

bool is_blank_text(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    auto [c, length] = utf8_char_at(text, i);
    if (length == 0) return false;
    switch (utf8proc_category(c)) {
      case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
      case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF:
        break;
      default:  // Hangul fillers and the braille blank are letters or symbols that show nothing
        if (c != 0x115F && c != 0x1160 && c != 0x3164 && c != 0xFFA0 && c != 0x2800) return false;
    }
    i += length;
  }
  return true;
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

namespace {

/// `text` through utf8proc_map with `options`; invalid UTF-8 comes back unchanged (it is
/// reported elsewhere).
std::string map_utf8(std::string_view text, int options) {
  utf8proc_uint8_t* mapped = nullptr;
  auto length = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                             static_cast<utf8proc_ssize_t>(text.size()), &mapped,
                             static_cast<utf8proc_option_t>(options));
  if (length < 0) return std::string(text);
  std::string result(reinterpret_cast<char*>(mapped), static_cast<size_t>(length));
  std::free(mapped);
  return result;
}

}  // namespace

std::string fold_text(std::string_view text) {
  return map_utf8(text, UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD);
}

std::string to_nfc(std::string_view text) {
  return map_utf8(text, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
}

namespace {

bool is_letter_or_digit(utf8proc_int32_t code_point) {
  switch (utf8proc_category(code_point)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
      return true;
    default:
      return false;
  }
}

}  // namespace

std::string slugify(std::string_view text) {
  std::string folded = fold_text(text);
  std::string slug;
  bool pending_hyphen = false;
  size_t i = 0;
  while (i < folded.size()) {
    auto [code_point, length] = utf8_char_at(folded, i);
    if (length == 0) { ++i; continue; }
    if (is_letter_or_digit(code_point)) {
      if (pending_hyphen && !slug.empty()) slug += '-';
      pending_hyphen = false;
      slug.append(folded, i, length);
    } else {
      pending_hyphen = true;
    }
    i += length;
  }
  return slug;
}

bool is_valid_id(std::string_view id) {
  if (id.empty() || id.size() > 80 || id.front() == '-' || id.back() == '-') return false;
  char previous = 0;
  for (char c : id) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && previous == '-')) return false;
    previous = c;
  }
  return true;
}

bool is_language(std::string_view code, std::string_view base) {
  return code.substr(0, base.size()) == base && (code.size() == base.size() || code[base.size()] == '-');
}

std::string french_spacing(std::string_view text) {
  static const std::string kNarrow = "\u202F";  // before ; ! ? (and around guillemets)
  static const std::string kNoBreak = "\u00A0";  // before :
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool space = c == ' ';
    if (space && i + 1 < text.size()) {
      char next = text[i + 1];
      if (next == ':') { out += kNoBreak; continue; }
      if (next == ';' || next == '!' || next == '?') { out += kNarrow; continue; }
      if (text.substr(i + 1, 2) == "»") { out += kNarrow; continue; }
    }
    if (space && i >= 2 && text.substr(i - 2, 2) == "«") { out += kNarrow; continue; }
    out += c;
  }
  return out;
}

std::string collapse_whitespace(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      space = false;
      out += c;
    }
  }
  return out;
}

std::string truncate_words(std::string_view text, size_t max_chars) {
  size_t chars = 0, i = 0, last_space = std::string_view::npos;
  while (i < text.size() && chars < max_chars) {
    if (text[i] == ' ') last_space = i;
    ++i;
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
    ++chars;
  }
  if (i >= text.size()) return std::string(text);
  size_t cut = last_space != std::string_view::npos ? last_space : i;
  std::string out(text.substr(0, cut));
  while (!out.empty() && (out.back() == ',' || out.back() == ';' || out.back() == ':')) {
    out.pop_back();
  }
  return out + "…";
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

std::string join_with(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += separator;
    out += items[i];
  }
  return out;
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}


std::optional<std::string> join_relative_path(const std::string& from_file,
                                              const std::string& relative) {
  std::vector<std::string> parts;
  std::string whole = from_file.substr(0, from_file.rfind('/') + 1) + relative;
  size_t start = 0;
  while (start <= whole.size()) {
    size_t end = whole.find('/', start);
    if (end == std::string::npos) end = whole.size();
    std::string part = whole.substr(start, end - start);
    if (part == "..") {
      if (parts.empty()) return std::nullopt;
      parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    start = end + 1;
  }
  return join_with(parts, "/");
}


std::string local_time_text(std::time_t when, const char* format) {
  std::tm local{};
  localtime_r(&when, &local);
  char text[64];
  size_t length = std::strftime(text, sizeof text, format, &local);
  return std::string(text, length);
}

}  // namespace passerelle
