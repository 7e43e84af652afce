#include "sheet/cell_values.h"

#include <cmath>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "base/suggest.h"
#include "base/text.h"
#include "messages/messages.h"

namespace passerelle {

namespace {

std::string trim(std::string_view text) {
  size_t first = text.find_first_not_of(" \t\n");
  if (first == std::string_view::npos) return "";
  return std::string(text.substr(first, text.find_last_not_of(" \t\n") - first + 1));
}

/// The text of a cell or item as the record holds it: the export's ' before a formula taken
/// off; false with `error` set when it is still a formula.
bool restore_text(std::string_view cell, std::string& text, std::string& error) {
  if (is_formula_cell(cell)) {
    error = tr("a formula is not imported: write the value itself, or put a ' before it to "
               "keep it as text");
    return false;
  }
  text = trim(restore_formula_text(cell));
  return true;
}

/// The items of a list cell, split on ';', each restored and trimmed, empty ones left out.
bool split_items(std::string_view cell, std::vector<std::string>& items, std::string& error) {
  size_t start = 0;
  while (start <= cell.size()) {
    size_t end = std::min(cell.find(';', start), cell.size());
    std::string item;
    if (!restore_text(cell.substr(start, end - start), item, error)) return false;
    if (!item.empty()) items.push_back(std::move(item));
    start = end + 1;
  }
  return true;
}

std::string toml_array(const std::vector<std::string>& values) {
  std::string out = "[";
  for (size_t i = 0; i < values.size(); ++i) out += (i ? ", " : "") + values[i];
  return out + "]";
}

std::string unknown_term(const std::map<std::string, Term>& terms, const std::string& item) {
  std::vector<SuggestionCandidate> candidates;
  for (const auto& [key, term] : terms) {
    SuggestionCandidate candidate{key, {key}};
    for (const auto& [language, label] : term.by_language) candidate.names.push_back(label.label);
    candidates.push_back(std::move(candidate));
  }
  auto close = suggest_values(item, candidates);
  return format_message(tr("'%1$s' is not in the vocabulary%2$s"), item,
                        close.empty() ? std::string()
                                      : format_message(tr(": did you mean %1$s?"),
                                                       quoted_alternatives(close)));
}

CellValue terms_value(const ActorField& field, const std::vector<std::string>& items,
                      const Vocabulary& vocabulary) {
  const auto& terms = vocabulary.*field.vocabulary;
  std::vector<std::string> keys;
  for (const auto& item : items) {
    std::string key = term_key(terms, item);
    if (key.empty()) return {"", unknown_term(terms, item)};
    keys.push_back(toml_string(key));
  }
  if (field.type == FieldType::kTerm) return {keys.empty() ? "" : keys.front(), ""};
  return {toml_array(keys), ""};
}

CellValue other_names_value(const std::vector<std::string>& items) {
  std::vector<std::string> names;
  for (const auto& item : items) {
    size_t colon = item.find(':');
    std::string language = colon == std::string::npos ? "" : trim(item.substr(0, colon));
    bool code = !language.empty() && language.size() <= 12 &&
                language.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-") ==
                    std::string::npos;
    if (!code) {
      return {"", format_message(tr("'%1$s' has no language: write each other name as "
                                    "lang:name, for example ar:%1$s"),
                                 item)};
    }
    names.push_back("{ name = " + toml_string(trim(item.substr(colon + 1))) +
                    ", lang = " + toml_string(language) + " }");
  }
  return {toml_array(names), ""};
}

/// YYYY-MM-DD as written, or DD/MM/YYYY as French and Italian spreadsheets show a date.
CellValue date_value(const std::string& text) {
  int day = 0, month = 0, year = 0;
  char end = 0;
  if (std::sscanf(text.c_str(), "%2d/%2d/%4d%c", &day, &month, &year, &end) == 3) {
    char iso[16];
    std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, month, day);
    return {iso, ""};
  }
  bool iso = text.size() == 10 && text[4] == '-' && text[7] == '-' &&
             text.find_first_not_of("0123456789-") == std::string::npos;
  if (!iso) return {"", tr("not a date: write it YYYY-MM-DD (or DD/MM/YYYY)")};
  return {text, ""};
}

/// A number of a cell, with a decimal point or comma; nullopt when it is none.
std::optional<double> number_of(std::string text) {
  for (auto& c : text) c = c == ',' ? '.' : c;
  char* end = nullptr;
  double value = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0' || !std::isfinite(value)) return std::nullopt;
  return value;
}

}  // namespace

std::string term_key(const std::map<std::string, Term>& terms, std::string_view cell) {
  std::string folded = fold_text(cell);
  for (const auto& [key, term] : terms) {
    if (fold_text(key) == folded) return key;
    for (const auto& [language, label] : term.by_language) {
      if (fold_text(label.label) == folded) return key;
    }
  }
  return "";
}

CellValue cell_value(const ActorField& field, std::string_view cell, const Vocabulary& vocabulary) {
  std::string error;
  if (is_list(field.type) || field.type == FieldType::kLocalizedList) {
    std::vector<std::string> items;
    if (!split_items(cell, items, error)) return {"", error};
    if (field.type == FieldType::kTermList) return terms_value(field, items, vocabulary);
    if (field.type == FieldType::kOtherNames) return other_names_value(items);
    for (auto& item : items) item = toml_string(item);
    return {toml_array(items), ""};
  }
  std::string text;
  if (!restore_text(cell, text, error)) return {"", error};
  if (field.type == FieldType::kTerm) return terms_value(field, {text}, vocabulary);
  if (field.type == FieldType::kDate) return date_value(text);
  if (field.type == FieldType::kYear) {
    bool digits = !text.empty() && text.size() <= 4 &&
                  text.find_first_not_of("0123456789") == std::string::npos;
    if (!digits) return {"", tr("not a year: write it with four digits, for example 1990")};
    return {std::to_string(std::atoi(text.c_str())), ""};
  }
  return {toml_string(text), ""};
}

CellValue coordinates_value(std::string_view latitude, std::string_view longitude) {
  auto lat = number_of(trim(latitude));
  auto lon = number_of(trim(longitude));
  if (!lat || !lon) {
    return {"", tr("latitude and longitude go together, as decimal numbers (34.02 and -6.83)")};
  }
  return {"{ lat = " + nlohmann::json(*lat).dump() + ", lon = " + nlohmann::json(*lon).dump() +
              " }",
          ""};
}

}  // namespace passerelle
