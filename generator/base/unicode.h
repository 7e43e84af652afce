// Code points and UTF-8: validity, the characters a page may not hold, encoding one code
// point. The lowest layer of the text utilities (escaping.h and text.h build on it).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace passerelle {

/// One code point of UTF-8 text and how many bytes it takes; `length` is 0 where the bytes
/// are not valid UTF-8.
struct Utf8Char {
  int32_t code_point = 0;
  size_t length = 0;
};

/// The code point that starts at byte `offset` of `text` (which must be before its end).
Utf8Char utf8_char_at(std::string_view text, size_t offset);

/// Byte offset of the first invalid UTF-8 sequence, or nullopt when `text` is valid.
std::optional<size_t> find_invalid_utf8(std::string_view text);

/// A character that has no place in the text of a page or record: a control character other
/// than tab and line breaks (not allowed in XML feeds, invisible in HTML), a bidirectional
/// embedding, override or isolate (it can make text read differently from what it is), or a
/// Unicode noncharacter.
struct DisallowedCharacter {
  size_t offset = 0;         // byte offset in the text
  uint32_t code_point = 0;
  std::string description() const;  // "control character U+0007", for messages
};

/// The first disallowed character of valid UTF-8 `text`, or nullopt.
std::optional<DisallowedCharacter> find_disallowed_character(std::string_view text);

/// True for a code point `find_disallowed_character` reports (tab, LF and CR are allowed).
bool is_disallowed_code_point(uint32_t code_point);

/// The UTF-8 bytes of a code point; U+FFFD for NUL, surrogates and values past U+10FFFF.
std::string encode_utf8(unsigned long code_point);

}  // namespace passerelle
