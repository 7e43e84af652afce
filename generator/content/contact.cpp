#include "content/contact.h"

#include <cstdio>

#include "base/text.h"
#include "messages/messages.h"

namespace passerelle {

namespace {

/// "a line break (U+000A)" or "a control character (U+0007)" for the first control character
/// of `text`, or "" when it has none. Values with one are not quoted in messages: they would
/// break the one-line diagnostics.
std::string control_character(std::string_view text) {
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte != 0x7F) continue;
    char hex[16];
    std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(byte));
    bool line_break = c == '\n' || c == '\r';
    return format_message(line_break ? tr("a line break (%1$s)") : tr("a control character (%1$s)"),
                          hex);
  }
  return "";
}

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/// A domain of dot-separated labels of letters, digits and inner hyphens (bytes past ASCII
/// for internationalised names), with at least one dot.
bool is_domain(std::string_view domain) {
  if (domain.find('.') == std::string_view::npos) return false;
  size_t begin = 0;
  while (begin <= domain.size()) {
    size_t end = domain.find('.', begin);
    if (end == std::string_view::npos) end = domain.size();
    auto label = domain.substr(begin, end - begin);
    if (label.empty() || label.front() == '-' || label.back() == '-') return false;
    for (char c : label) {
      bool ok = is_ascii_letter(c) || is_ascii_digit(c) || c == '-' ||
                static_cast<unsigned char>(c) >= 0x80;
      if (!ok) return false;
    }
    begin = end + 1;
  }
  return true;
}

/// True for a phone extension: "ext. 12", "x12", "poste 12", "interno 3"…
bool is_extension(std::string_view text) {
  std::string lower = ascii_lower(text);
  for (std::string_view word : {"interno", "poste", "ext.", "ext", "int.", "x"}) {
    if (!starts_with(lower, word)) continue;
    size_t i = word.size();  // the word is ASCII: as many bytes in `text`
    while (i < text.size() && text[i] == ' ') ++i;
    size_t digits = 0;
    while (i + digits < text.size() && is_ascii_digit(text[i + digits])) ++digits;
    return digits >= 1 && digits <= 6 && i + digits == text.size();
  }
  return false;
}

}  // namespace

std::string email_problem(std::string_view email) {
  auto control = control_character(email);
  if (!control.empty()) {
    return format_message(tr("email must be one address on one line: it contains %1$s"), control);
  }
  std::string value(email);
  size_t at = email.find('@');
  if (at != std::string_view::npos && email.find('@', at + 1) != std::string_view::npos) {
    return format_message(tr("email '%1$s' must be one address, not several"), value);
  }
  if (email.find_first_of("?&") != std::string_view::npos) {
    return format_message(tr("email '%1$s' must be one address alone, such as name@example.org "
                             "(no '?', '&' or parameters)"),
                          value);
  }
  if (starts_with(ascii_lower(email), "mailto:")) {
    return format_message(tr("email '%1$s' must be the address alone, without 'mailto:'"), value);
  }
  auto local = email.substr(0, at);
  bool well_formed = at != std::string_view::npos && !local.empty() &&
                     local.find_first_of(" \t<>\"'(),;:\\[]") == std::string_view::npos &&
                     is_domain(email.substr(at + 1));
  if (!well_formed) {
    return format_message(tr("email '%1$s' is not an e-mail address such as name@example.org"),
                          value);
  }
  return "";
}

std::string phone_problem(std::string_view phone) {
  auto control = control_character(phone);
  if (!control.empty()) {
    return format_message(tr("phone must be one number on one line: it contains %1$s"), control);
  }
  auto refused = format_message(tr("phone '%1$s' is not a phone number: use digits, spaces and "
                                   "+ ( ) . - / (such as \"+212 5 22 00 00 00\"), and \"ext. 12\" "
                                   "for an extension"),
                                std::string(phone));
  // Letters may only start an extension, at the end.
  std::string_view number = phone;
  for (size_t i = 0; i < phone.size(); ++i) {
    if (!is_ascii_letter(phone[i])) continue;
    if (!is_extension(phone.substr(i))) return refused;
    number = phone.substr(0, i);
    break;
  }
  size_t digits = 0;
  for (size_t i = 0; i < number.size(); ++i) {
    char c = number[i];
    if (is_ascii_digit(c)) {
      ++digits;
    } else if (c == '+') {
      // Only as the international prefix.
      if (i != number.find_first_not_of(' ')) return refused;
    } else if (starts_with(number.substr(i), "\u00A0")) {
      i += 1;  // a no-break space, as word processors put in "+212 5 22"
    } else if (starts_with(number.substr(i), "\u202F")) {
      i += 2;  // a narrow no-break space
    } else if (std::string_view(" ().-/").find(c) == std::string_view::npos) {
      return refused;
    }
  }
  if (digits < 3 || digits > 15) return refused;
  return "";
}

}  // namespace passerelle
