#include "messages/messages.h"

#include <libintl.h>

#include <clocale>
#include <cstdarg>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <optional>
#include <vector>

namespace passerelle {

namespace {

constexpr const char* kDomain = "passerelle";

/// The folder of the compiled catalogs, as use_message_language was given it (set once, at
/// the start of main, like gettext's own binding).
std::string& catalog_folder_in_use() {
  static std::string folder;
  return folder;
}

/// The translations of a compiled catalog (GNU .mo: a header, then two tables of length and
/// offset pairs for the messages and their translations); empty when the file is unreadable.
std::unordered_map<std::string, std::string> read_catalog(const std::string& path) {
  std::unordered_map<std::string, std::string> translations;
  std::ifstream file(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  auto word = [&](size_t offset) -> std::optional<uint32_t> {
    if (offset + 4 > bytes.size()) return std::nullopt;
    uint32_t value;
    std::memcpy(&value, bytes.data() + offset, 4);
    return value;
  };
  auto text = [&](uint32_t table, uint32_t index) -> std::optional<std::string> {
    auto length = word(table + 8 * size_t{index});
    auto offset = word(table + 8 * size_t{index} + 4);
    if (!length || !offset || size_t{*offset} + *length > bytes.size()) return std::nullopt;
    return bytes.substr(*offset, *length);
  };
  auto magic = word(0), count = word(8), originals = word(12), translated = word(16);
  // Written by msgfmt on this machine: the same byte order, so the magic number reads as is.
  if (!magic || *magic != 0x950412de || !count || !originals || !translated) return translations;
  for (uint32_t i = 0; i < *count; ++i) {
    auto original = text(*originals, i);
    auto translation = text(*translated, i);
    if (original && translation && !original->empty()) translations[*original] = *translation;
  }
  return translations;
}

/// "fr" for "fr_FR.UTF-8", "fr_CH" or "fr"; "" when the value names no known language.
/// LANGUAGE may list several, separated by ':'; the first known one wins.
std::string known_language_in(std::string_view value) {
  while (!value.empty()) {
    std::string_view item = value.substr(0, value.find(':'));
    std::string_view code = item.substr(0, item.find_first_of("_.@"));
    for (const char* language : kMessageLanguages) {
      if (code == language) return language;
    }
    if (item.size() == value.size()) break;
    value.remove_prefix(item.size() + 1);
  }
  return "";
}

}  // namespace

std::string message_language(std::string_view requested,
                             const std::function<const char*(const char*)>& environment) {
  if (!requested.empty()) {
    for (const char* language : kMessageLanguages) {
      if (requested == language) return language;
    }
    return "";
  }
  // The order in which gettext itself reads them; "C" or "POSIX" in LC_ALL means English.
  for (const char* name : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = environment(name);
    if (!value || !*value) continue;
    if (std::string language = known_language_in(value); !language.empty()) return language;
    if (std::string_view(name) != "LANGUAGE") return "en";
  }
  return "en";
}

void use_message_language(const std::string& language, const std::string& catalog_folder) {
  // Only the messages' category changes: numbers, dates and sorting in the built site must not
  // depend on the editor's locale. C.UTF-8 always exists; under it gettext follows LANGUAGE.
  catalog_folder_in_use() = catalog_folder;
  std::setlocale(LC_MESSAGES, "C.UTF-8");
  setenv("LANGUAGE", language.c_str(), 1);
  bindtextdomain(kDomain, catalog_folder.c_str());
  bind_textdomain_codeset(kDomain, "UTF-8");
  textdomain(kDomain);
}

const char* tr(const char* message) { return dgettext(kDomain, message); }

const char* trn(const char* singular, const char* plural, unsigned long count) {
  return dngettext(kDomain, singular, plural, count);
}

const char* message_language_code() {
  // TRANSLATORS: the code of your language, as in an HTML page's lang attribute ("fr", "it").
  return tr("en");
}

MessageCatalog::MessageCatalog(const std::string& language) {
  if (language == "en" || catalog_folder_in_use().empty()) return;
  translations_ = read_catalog(catalog_folder_in_use() + "/" + language + "/LC_MESSAGES/" +
                               kDomain + ".mo");
}

const char* MessageCatalog::tr(const char* message) const {
  if (!message) return message;
  auto found = translations_.find(message);
  return found == translations_.end() ? message : found->second.c_str();
}

namespace detail {

std::string format_printf(const char* format, ...) {
  va_list values;
  va_start(values, format);
  va_list again;
  va_copy(again, values);
  int size = std::vsnprintf(nullptr, 0, format, values);
  va_end(values);
  std::string text(size > 0 ? static_cast<size_t>(size) : 0, '\0');
  if (size > 0) std::vsnprintf(text.data(), text.size() + 1, format, again);
  va_end(again);
  return text;
}

}  // namespace detail

}  // namespace passerelle
