#include "base/source_check.h"

#include "base/text.h"
#include "messages/messages.h"

namespace passerelle {

namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

/// UTF-16 by its byte-order mark, or without one by the NUL beside each of the first two
/// ASCII characters (UTF-32 starts the same way, and is refused with the same advice).
bool is_utf16(std::string_view bytes) {
  if (starts_with(bytes, "\xFF\xFE") || starts_with(bytes, "\xFE\xFF")) return true;
  if (bytes.size() < 4) return false;
  bool little_endian = bytes[0] != '\0' && bytes[1] == '\0' && bytes[2] != '\0' && bytes[3] == '\0';
  bool big_endian = bytes[0] == '\0' && bytes[1] != '\0' && bytes[2] == '\0' && bytes[3] != '\0';
  return little_endian || big_endian;
}

/// The first carriage return that is not followed by a line feed.
std::optional<size_t> find_lone_carriage_return(std::string_view text) {
  for (size_t i = text.find('\r'); i != std::string_view::npos; i = text.find('\r', i + 1)) {
    if (i + 1 == text.size() || text[i + 1] != '\n') return i;
  }
  return std::nullopt;
}

struct Problem {
  size_t offset;
  std::string message;
};

}  // namespace

std::optional<Diagnostic> check_source_bytes(std::string_view bytes, const std::string& path) {
  if (is_utf16(bytes)) {
    return Diagnostic{Severity::kError, {path, 1, 1}, tr("this file is UTF-16; save it as UTF-8")};
  }
  std::string_view text = bytes;
  if (starts_with(text, kUtf8Bom)) text.remove_prefix(kUtf8Bom.size());
  auto error_at = [&](const Problem& problem) {
    return Diagnostic{Severity::kError, location_of_offset(path, text, problem.offset),
                      problem.message};
  };
  // A NUL means a binary file, whatever invalid UTF-8 comes before it.
  if (size_t nul = text.find('\0'); nul != std::string_view::npos) {
    return error_at({nul, tr("NUL byte: this is a binary file, not UTF-8 text")});
  }
  // Otherwise the first of the problems below, in the order of the file.
  std::optional<Problem> first;
  auto consider = [&](std::optional<size_t> offset, auto message) {
    if (offset && (!first || *offset < first->offset)) first = Problem{*offset, message()};
  };
  consider(find_invalid_utf8(text),
           [] { return tr("invalid UTF-8 byte sequence: save the file as UTF-8"); });
  consider(find_lone_carriage_return(text), [] {
    return tr("carriage return (CR) not followed by a line feed: save the file with LF or CRLF "
              "line endings (TOML allows no other)");
  });
  size_t bom = text.find(kUtf8Bom);  // in valid UTF-8 these bytes can only be U+FEFF
  consider(bom == std::string_view::npos ? std::nullopt : std::optional<size_t>(bom),
           [] { return tr("byte-order mark (U+FEFF) after the start of the file: remove it"); });
  auto disallowed = find_disallowed_character(text);
  consider(disallowed ? std::optional<size_t>(disallowed->offset) : std::nullopt,
           [&] { return format_message(tr("%1$s is not allowed in text: remove it"), disallowed->description()); });
  if (first) return error_at(*first);
  return std::nullopt;
}

}  // namespace passerelle
