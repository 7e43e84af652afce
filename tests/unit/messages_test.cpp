#include <catch2/catch.hpp>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "messages/messages.h"

using passerelle::format_message;
using passerelle::message_language;

namespace {

/// An environment holding only `variables`.
auto environment(std::map<std::string, std::string> variables) {
  return [variables = std::move(variables)](const char* name) -> const char* {
    auto found = variables.find(name);
    return found == variables.end() ? nullptr : found->second.c_str();
  };
}

}  // namespace

TEST_CASE("message language: --lang wins, and must be one Passerelle speaks") {
  auto french = environment({{"LANG", "fr_FR.UTF-8"}});
  CHECK(message_language("it", french) == "it");
  CHECK(message_language("en", french) == "en");
  CHECK(message_language("de", french).empty());
  CHECK(message_language("fr_FR", french).empty());
}

TEST_CASE("message language: from the environment, in gettext's order") {
  CHECK(message_language("", environment({})) == "en");
  CHECK(message_language("", environment({{"LANG", "fr_FR.UTF-8"}})) == "fr");
  CHECK(message_language("", environment({{"LANG", "it_CH.UTF-8@euro"}})) == "it");
  CHECK(message_language("", environment({{"LANG", "fr_FR.UTF-8"}, {"LC_MESSAGES", "it_IT"}})) ==
        "it");
  CHECK(message_language("", environment({{"LANG", "it_IT.UTF-8"}, {"LC_ALL", "fr_BE"}})) == "fr");
  // LANGUAGE lists languages by preference; an unknown one is skipped.
  CHECK(message_language("", environment({{"LANGUAGE", "de:it:fr"}, {"LANG", "fr_FR"}})) == "it");
  CHECK(message_language("", environment({{"LANGUAGE", "de"}, {"LANG", "fr_FR"}})) == "fr");
  // A locale variable that names another language means English, not the next variable.
  CHECK(message_language("", environment({{"LC_ALL", "C"}, {"LANG", "fr_FR.UTF-8"}})) == "en");
  CHECK(message_language("", environment({{"LANG", "de_DE.UTF-8"}})) == "en");
  CHECK(message_language("", environment({{"LANG", ""}, {"LC_MESSAGES", ""}})) == "en");
}

TEST_CASE("format_message puts values in by number, in the translation's order") {
  std::string name = "financing.md";
  CHECK(format_message("link to '%1$s' at line %2$d", name, 12) ==
        "link to 'financing.md' at line 12");
  CHECK(format_message("ligne %2$d : lien vers « %1$s »", name, 12) ==
        "ligne 12 : lien vers « financing.md »");
  CHECK(format_message("%1$zu file(s)", size_t{3}) == "3 file(s)");
  CHECK(format_message("no value") == "no value");
  std::string long_value(5000, 'x');
  CHECK(format_message("[%1$s]", long_value).size() == 5002);
}

TEST_CASE("MessageCatalog: a language's messages from its compiled catalog, whatever tr() speaks") {
  // A catalog as msgfmt writes it: header, a table of originals, a table of translations.
  auto folder = std::filesystem::temp_directory_path() / "passerelle-catalog-test";
  std::filesystem::create_directories(folder / "fr" / "LC_MESSAGES");
  std::string original = "Keywords (optional).";
  std::string translation = "Mots-clés (facultatif).";
  std::vector<uint32_t> words = {0x950412de, 0, 1, 28, 36, 0, 44,
                                 static_cast<uint32_t>(original.size()), 44,
                                 static_cast<uint32_t>(translation.size()),
                                 static_cast<uint32_t>(45 + original.size())};
  std::string bytes(reinterpret_cast<const char*>(words.data()), words.size() * 4);
  bytes += original + '\0' + translation + '\0';
  std::ofstream(folder / "fr" / "LC_MESSAGES" / "passerelle.mo", std::ios::binary) << bytes;
  passerelle::use_message_language("en", folder.string());

  passerelle::MessageCatalog french("fr");
  CHECK(std::string(french.tr("Keywords (optional).")) == "Mots-clés (facultatif).");
  CHECK(std::string(french.tr("Not in the catalog.")) == "Not in the catalog.");
  CHECK(french.tr(nullptr) == nullptr);
  // English, and a language without a catalog, leave every message as it is.
  CHECK(std::string(passerelle::MessageCatalog("en").tr("Keywords (optional).")) ==
        "Keywords (optional).");
  CHECK(std::string(passerelle::MessageCatalog("it").tr("Keywords (optional).")) ==
        "Keywords (optional).");
  // tr() still speaks the language in use.
  CHECK(std::string(passerelle::tr("Keywords (optional).")) == "Keywords (optional).");
  std::filesystem::remove_all(folder);
}
