// What Passerelle says to the person running it, in their language: English, French or
// Italian, through GNU gettext's catalogs (generator/messages/<lang>.po, compiled at build
// time). A message is marked with tr("…") where it is written; scripts/update-messages.sh
// extracts the marked messages and merges them into the catalogs.
#pragma once

#include <cstdio>
#include <functional>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>

namespace passerelle {

/// The languages of the messages; English is the text of the source code.
inline constexpr const char* kMessageLanguages[] = {"en", "fr", "it"};

/// The language to speak: `requested` (--lang) when it is one of kMessageLanguages, else the
/// first of LANGUAGE, LC_ALL, LC_MESSAGES and LANG (read through `environment`) that names
/// one, else English. Empty when `requested` is given but not a known language.
std::string message_language(std::string_view requested,
                             const std::function<const char*(const char*)>& environment);

/// Makes tr() translate into `language` from the compiled catalogs below `catalog_folder`
/// (<folder>/<lang>/LC_MESSAGES/passerelle.mo). Called once, at the start of main.
void use_message_language(const std::string& language, const std::string& catalog_folder);

/// The translation of `message` into the language in use (the message itself in English).
const char* tr(const char* message);

/// The translation of `singular` or `plural`, whichever the language uses for `count`.
const char* trn(const char* singular, const char* plural, unsigned long count);

/// The code of the language in use ("en", "fr" or "it"), for an HTML page's lang attribute.
const char* message_language_code();

/// Marks a message where tr() cannot run (a constant table) so that it is extracted; it is
/// translated where it is used, with tr(message) or MessageCatalog::tr(message).
constexpr const char* N_(const char* message) { return message; }

/// A message with a count, as N_ marks one: its singular and plural, translated where it is
/// used with trn(message.singular, message.plural, count).
struct PluralMessage {
  const char* singular;
  const char* plural;
};
constexpr PluralMessage N_plural(const char* singular, const char* plural) {
  return {singular, plural};
}

/// The messages of one language, whatever language tr() speaks: for text written into a file
/// of that language (the comments of `passerelle new`). Read from the compiled catalog in the
/// folder use_message_language was given; English, or a language without a catalog, leaves
/// every message as it is.
class MessageCatalog {
 public:
  explicit MessageCatalog(const std::string& language);
  /// The translation of `message` into the catalog's language (the message itself if none).
  const char* tr(const char* message) const;

 private:
  std::unordered_map<std::string, std::string> translations_;
};

namespace detail {
std::string format_printf(const char* format, ...) __attribute__((format(printf, 1, 2)));
inline const char* printf_argument(const std::string& value) { return value.c_str(); }
inline const char* printf_argument(const char* value) { return value; }
template <typename Number, typename = std::enable_if_t<std::is_arithmetic_v<Number>>>
Number printf_argument(Number value) {
  return value;
}
}  // namespace detail

/// A translated message with its values put in: `format` takes printf's conversions, numbered
/// (%1$s, %2$d) so that a translation may reorder them. Strings may be std::string.
template <typename... Values>
std::string format_message(const char* format, const Values&... values) {
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#pragma GCC diagnostic ignored "-Wformat-security"
  return detail::format_printf(format, detail::printf_argument(values)...);
#pragma GCC diagnostic pop
}

}  // namespace passerelle
