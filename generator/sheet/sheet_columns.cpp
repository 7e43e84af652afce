#include "sheet/sheet_columns.h"

#include <map>

#include "base/suggest.h"
#include "base/text.h"
#include "exports/actor_table.h"
#include "messages/messages.h"

namespace passerelle {

namespace {

/// The French and Italian names of the columns of actors.csv, by their name there (a
/// per-language column without its "_<lang>"). The one list of them.
const std::map<std::string, std::vector<std::string>>& translated_names() {
  static const std::map<std::string, std::vector<std::string>> names = {
      {"id", {"identifiant", "identificativo"}},
      {"name", {"nom", "nome"}},
      {"short_name", {"sigle", "nom court", "sigla", "nome breve"}},
      {"country", {"pays", "paese"}},
      {"region", {"région", "regione"}},
      {"city", {"ville", "città"}},
      {"kind", {"type", "tipo"}},
      {"founded", {"fondation", "année de fondation", "fondazione", "anno di fondazione"}},
      {"sectors", {"secteurs", "settori"}},
      {"languages", {"langues", "lingue"}},
      {"website", {"site web", "sito web"}},
      {"email", {"courriel", "e-mail"}},
      {"phone", {"téléphone", "telefono"}},
      {"address", {"adresse", "indirizzo"}},
      {"logo", {}},
      {"aliases", {"alias", "anciens identifiants", "identificativi precedenti"}},
      {"latitude", {"latitudine"}},
      {"longitude", {"longitudine"}},
      {"last_reviewed", {"dernière vérification", "ultima verifica"}},
      {"other_names", {"autres noms", "altri nomi"}},
      {"services", {"services", "servizi"}},
      {"description", {"description", "descrizione"}},
      {"url", {"page", "pagina"}},
  };
  return names;
}

/// A header as compared: folded (case and accents), '_', '-', brackets and blanks as one space.
std::string header_key(std::string_view header) {
  std::string key;
  for (char c : fold_text(header)) {
    bool blank = c == '_' || c == '-' || c == '(' || c == ')' || c == ' ' || c == '\t';
    if (!blank) key += c;
    else if (!key.empty() && key.back() != ' ') key += ' ';
  }
  if (!key.empty() && key.back() == ' ') key.pop_back();
  return key;
}

/// Every column a sheet may have: those of actors.csv, and the aliases (not exported).
std::vector<std::string> column_names(const SiteConfig& config) {
  auto names = exports::actor_columns(config);
  names.push_back("aliases");
  return names;
}

/// Every accepted header (compared as header_key) and the column it names.
std::map<std::string, std::string> accepted_headers(const SiteConfig& config) {
  std::map<std::string, std::string> accepted;
  for (const auto& column : column_names(config)) {
    accepted.emplace(header_key(column), column);
    std::string base = column, suffix;
    for (const auto& language : config.languages) {
      if (ends_with(column, "_" + language.code)) {
        base = column.substr(0, column.size() - language.code.size() - 1);
        suffix = " " + language.code;
      }
    }
    auto names = translated_names().find(base);
    if (names == translated_names().end()) continue;
    for (const auto& name : names->second) accepted.emplace(header_key(name + suffix), column);
  }
  return accepted;
}

SheetColumn column_of(const std::string& name, const SiteConfig& config) {
  SheetColumn column;
  column.name = name;
  if (name == "latitude" || name == "longitude") {
    column.field = find_actor_field("coordinates");
    return column;
  }
  column.field = find_actor_field(name);
  for (const auto& language : config.languages) {
    if (column.field || !ends_with(name, "_" + language.code)) continue;
    column.field = find_actor_field(name.substr(0, name.size() - language.code.size() - 1));
    column.language = language.code;
  }
  return column;
}

}  // namespace

std::optional<SheetColumn> column_named(const std::string& header, const SiteConfig& config) {
  auto accepted = accepted_headers(config);
  auto found = accepted.find(header_key(header));
  if (found == accepted.end()) return std::nullopt;
  return column_of(found->second, config);
}

std::optional<std::vector<SheetColumn>> map_columns(const std::vector<std::string>& header,
                                                    const SiteConfig& config,
                                                    const std::string& path,
                                                    Diagnostics& diagnostics) {
  int errors = diagnostics.error_count();
  std::vector<std::string> known;
  for (const auto& [key, column] : accepted_headers(config)) known.push_back(key);
  std::vector<SheetColumn> columns;
  std::map<std::string, size_t> seen;  // column name → its first index
  for (size_t i = 0; i < header.size(); ++i) {
    SourceLocation where{path, 1, static_cast<int>(i + 1)};
    if (is_blank_text(header[i])) {  // a column left empty at the end of a sheet
      columns.emplace_back();
      continue;
    }
    auto column = column_named(header[i], config);
    if (!column) {
      auto close = suggest(header_key(header[i]), known);
      diagnostics.error(where, format_message(tr("unknown column '%1$s'%2$s (the columns are "
                                                 "those of actors.csv)"),
                                              header[i],
                                              close.empty() ? std::string()
                                                            : format_message(tr(": did you mean %1$s?"),
                                                                             quoted_alternatives(close))));
      columns.emplace_back();
      continue;
    }
    auto [first, added] = seen.emplace(column->name, i);
    if (!added) {
      diagnostics.error(where, format_message(tr("column '%1$s' is given twice (also column %2$s, "
                                                 "'%3$s'): keep one"),
                                              header[i], std::to_string(first->second + 1),
                                              header[first->second]));
    }
    columns.push_back(std::move(*column));
  }
  if (!seen.count("id") && !seen.count("name")) {
    diagnostics.error({path, 1, 0}, tr("the sheet has neither an 'id' nor a 'name' column: an "
                                       "actor is found by one of them"));
  }
  if (diagnostics.error_count() > errors) return std::nullopt;
  return columns;
}

}  // namespace passerelle
