#include "base/escaping.h"

#include <csv.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <initializer_list>
#include <utility>

#include "base/entities.h"
#include "base/unicode.h"

namespace passerelle {

namespace {

/// What each byte is written as: its replacement, or nullptr for the byte itself.
using ByteTable = std::array<const char*, 256>;

constexpr ByteTable byte_table(std::initializer_list<std::pair<char, const char*>> replacements) {
  ByteTable table{};
  for (const auto& [byte, replacement] : replacements) {
    table[static_cast<unsigned char>(byte)] = replacement;
  }
  return table;
}

constexpr ByteTable kHtml = byte_table(
    {{'&', "&amp;"}, {'<', "&lt;"}, {'>', "&gt;"}, {'"', "&quot;"}, {'\'', "&#39;"}});

/// `text` with each byte written as `table` says.
std::string escape_bytes(std::string_view text, const ByteTable& table) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char ch : text) {
    const char* replacement = table[static_cast<unsigned char>(ch)];
    if (replacement) out += replacement;
    else out += ch;
  }
  return out;
}

}  // namespace

std::string escape_html(std::string_view text) { return escape_bytes(text, kHtml); }

std::string neutralise_formula(std::string_view text) {
  // A number or phone number may start with + or -; anything else starting with a formula
  // character (spreadsheets skip leading blanks and line breaks) is prefixed so that it shows
  // as text.
  std::string value(text);
  size_t first = value.find_first_not_of(" ");
  char lead = first == std::string::npos ? 0 : value[first];
  bool numeric = first != std::string::npos && value.size() > first + 1 &&
                 value.find_first_not_of("0123456789 .()-", first + 1) == std::string::npos;
  if (lead == '=' || lead == '@' || lead == '\t' || lead == '\r' || lead == '\n' ||
      ((lead == '+' || lead == '-') && !numeric)) {
    value.insert(value.begin(), '\'');
  }
  return value;
}

bool is_formula_cell(std::string_view cell) { return neutralise_formula(cell).size() != cell.size(); }

std::string restore_formula_text(std::string_view cell) {
  if (cell.empty() || cell.front() != '\'') return std::string(cell);
  std::string_view rest = cell.substr(1);
  return is_formula_cell(rest) ? std::string(rest) : std::string(cell);
}

std::string neutralise_list(const std::vector<std::string>& items) {
  std::string joined;
  for (size_t i = 0; i < items.size(); ++i) joined += (i ? ";" : "") + items[i];
  // Split on every ';', those inside an item too: each piece may become a cell.
  std::string cell;
  size_t start = 0;
  for (size_t end; (end = joined.find(';', start)) != std::string::npos; start = end + 1) {
    cell += neutralise_formula(std::string_view(joined).substr(start, end - start)) + ";";
  }
  return cell + neutralise_formula(std::string_view(joined).substr(start));
}

std::string escape_csv(std::string_view text) {
  std::string value = neutralise_formula(text);
  if (value.find_first_of(",\"\n\r") == std::string::npos) return value;
  // libcsv quotes the field and doubles its quotes; it says how many bytes that takes.
  std::string quoted(csv_write(nullptr, 0, value.data(), value.size()), '\0');
  csv_write(quoted.data(), quoted.size(), value.data(), value.size());
  return quoted;
}

std::string escape_csv_list(const std::vector<std::string>& items) {
  return escape_csv(neutralise_list(items));
}

std::string toml_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04X", static_cast<unsigned char>(c));
          out += escaped;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

namespace {

/// `text` with every byte percent-encoded except ASCII letters, digits and those of `kept`.
std::string percent_encode_except(std::string_view text, std::string_view kept) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                (c != 0 && kept.find(ch) != std::string_view::npos);
    if (keep) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

}  // namespace

std::string encode_url_path(std::string_view path) { return percent_encode_except(path, "-._~/"); }

std::string encode_url(std::string_view url) {
  return percent_encode_except(url, "~-_.+!*(),%#@?=;:/$&");
}

std::string percent_decode(std::string_view text) {
  auto hex = [](char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex(text[i + 1]) >= 0 && hex(text[i + 2]) >= 0) {
      out += static_cast<char>(hex(text[i + 1]) * 16 + hex(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::optional<std::string> decode_character_reference(std::string_view reference) {
  if (reference.size() > 1 && reference[0] == '#') {
    bool hex = reference[1] == 'x' || reference[1] == 'X';
    std::string digits(reference.substr(hex ? 2 : 1));
    char* stop = nullptr;
    unsigned long code = digits.empty() ? 0 : std::strtoul(digits.c_str(), &stop, hex ? 16 : 10);
    if (digits.empty() || !stop || *stop != '\0') return std::nullopt;
    // A reference must not smuggle in what the source may not hold as a character.
    bool is_text = code == '\n' || code == '\t' ||
                   (code >= 0x20 && code <= 0x10FFFF && (code < 0xD800 || code > 0xDFFF) &&
                    !is_disallowed_code_point(static_cast<uint32_t>(code)));
    return encode_utf8(is_text ? code : 0xFFFD);
  }
  // The whole HTML5 table (base/entities.cpp); none of its names gives a character that text
  // may not hold, but that stays checked here, in the one place references are decoded.
  auto named = named_character_reference(reference);
  if (!named) return std::nullopt;
  std::string text(*named);
  if (find_disallowed_character(text)) return encode_utf8(0xFFFD);
  return text;
}

std::string decode_entities(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    size_t end = text[i] == '&' ? text.find(';', i) : std::string_view::npos;
    auto decoded = end == std::string_view::npos || end - i > 40
                       ? std::nullopt
                       : decode_character_reference(text.substr(i + 1, end - i - 1));
    if (decoded) {
      out += *decoded;
      i = end;
    } else {
      out += text[i];
    }
  }
  return out;
}

}  // namespace passerelle
