#include "base/unicode.h"

#include <utf8proc.h>

#include <cstdio>

#include "messages/messages.h"

namespace passerelle {

Utf8Char utf8_char_at(std::string_view text, size_t offset) {
  utf8proc_int32_t code_point = 0;
  auto length = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + offset),
                                 static_cast<utf8proc_ssize_t>(text.size() - offset), &code_point);
  if (length <= 0) return {};
  return {code_point, static_cast<size_t>(length)};
}

std::optional<size_t> find_invalid_utf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {  // ASCII, most of a source: no decoding
      ++i;
      continue;
    }
    size_t length = utf8_char_at(text, i).length;
    if (length == 0) return i;
    i += length;
  }
  return std::nullopt;
}

bool is_disallowed_code_point(uint32_t c) {
  if (c < 0x20) return c != '\t' && c != '\n' && c != '\r';
  if (c >= 0x7F && c <= 0x9F) return true;                        // DEL and C1 controls
  if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) return true;  // bidi
  if (c >= 0xFDD0 && c <= 0xFDEF) return true;                    // noncharacters
  return (c & 0xFFFE) == 0xFFFE;                                  // U+FFFE, U+FFFF, U+1FFFE…
}

std::optional<DisallowedCharacter> find_disallowed_character(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x7F) {  // the common case, without decoding
      ++i;
      continue;
    }
    auto [code_point, length] = utf8_char_at(text, i);
    if (length == 0) return std::nullopt;  // invalid UTF-8 is reported by find_invalid_utf8
    if (is_disallowed_code_point(static_cast<uint32_t>(code_point))) {
      return DisallowedCharacter{i, static_cast<uint32_t>(code_point)};
    }
    i += length;
  }
  return std::nullopt;
}

std::string DisallowedCharacter::description() const {
  char hex[16];
  std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(code_point));
  bool bidi = (code_point >= 0x202A && code_point <= 0x202E) ||
              (code_point >= 0x2066 && code_point <= 0x2069);
  if (bidi) {
    return format_message(tr("bidirectional control character %1$s (it can make text read "
                             "differently from what it is; use the marks U+200E or U+200F if a "
                             "direction must be forced)"),
                          hex);
  }
  if (code_point >= 0xFDD0 && (code_point <= 0xFDEF || (code_point & 0xFFFE) == 0xFFFE)) {
    return format_message(tr("Unicode noncharacter %1$s"), hex);
  }
  return format_message(tr("control character %1$s"), hex);
}

std::string encode_utf8(unsigned long code_point) {
  std::string out;
  if (code_point == 0 || code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF))
    code_point = 0xFFFD;
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code_point >> 18));
    out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
  return out;
}

}  // namespace passerelle
