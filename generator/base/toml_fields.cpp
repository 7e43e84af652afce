#include "base/toml_fields.h"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "messages/messages.h"
#include "base/suggest.h"
#include "base/text.h"
#include "base/toml_advice.h"

namespace passerelle {

SourceLocation location_of(const toml::node& node, const std::string& path, int line_offset) {
  return location_of(node.source(), path, line_offset);
}

SourceLocation location_of(const toml::source_region& region, const std::string& path,
                           int line_offset) {
  const auto& begin = region.begin;
  return {path, static_cast<int>(begin.line) + line_offset, static_cast<int>(begin.column)};
}

namespace {

/// Where `text` nests deeper than `limit` levels of tables, or nullopt. toml++ limits nested
/// arrays and inline tables, but builds dotted keys and table headers ("a.a.a…" many thousand
/// times) recursively until the stack overflows; this scan bounds every kind of nesting before
/// toml++ sees the text. It skips strings and comments; within a statement each '.' of a key,
/// each open bracket or brace counts one level (floats and dates count a little, harmlessly).
std::optional<size_t> find_deep_nesting(std::string_view text, int limit) {
  std::vector<int> dots{0};  // dots of the key being read, per open bracket or brace
  int depth = 1;             // the sum over `dots` of 1 + dots
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '#') {
      while (i + 1 < text.size() && text[i + 1] != '\n') ++i;
    } else if (c == '"' || c == '\'') {
      bool triple = text.substr(i, 3) == std::string(3, c);
      i += triple ? 3 : 1;
      for (; i < text.size(); ++i) {
        if (c == '"' && text[i] == '\\') { ++i; continue; }
        if (!triple && text[i] == '\n') break;
        if (text[i] == c && (!triple || text.substr(i, 3) == std::string(3, c))) {
          if (triple) i += 2;
          break;
        }
      }
    } else if (c == '.') {
      ++dots.back();
      if (++depth > limit) return i;
    } else if (c == '[' || c == '{') {
      dots.push_back(0);
      if (++depth > limit) return i;
    } else if ((c == ']' || c == '}') && dots.size() > 1) {
      depth -= 1 + dots.back();
      dots.pop_back();
    } else if (c == ',' || c == '\n') {
      depth -= dots.back();
      dots.back() = 0;
    }
  }
  return std::nullopt;
}

constexpr int kMaxTomlNesting = 64;

}  // namespace

std::optional<toml::table> parse_toml(std::string_view text, const std::string& path,
                                      Diagnostics& diagnostics, int line_offset) {
  if (auto deep = find_deep_nesting(text, kMaxTomlNesting)) {
    auto where = location_of_offset(path, text, *deep);
    where.line += line_offset;
    diagnostics.error(where, format_message(tr("tables, keys and lists are nested more than %1$d "
                                               "levels deep here"),
                                            kMaxTomlNesting));
    return std::nullopt;
  }
  try {
    return toml::parse(text, std::string_view(path));
  } catch (const toml::parse_error& error) {
    const auto& begin = error.source().begin;
    auto advice =
        toml_advice(error.description(), text, static_cast<int>(begin.line), line_offset);
    int line = advice.line ? advice.line : static_cast<int>(begin.line);
    diagnostics.error({path, line + line_offset,
                       advice.column ? advice.column : static_cast<int>(begin.column)},
                      std::move(advice.message));
    return std::nullopt;
  }
}

TomlReader::TomlReader(const toml::table& table, std::string path, Diagnostics& diagnostics,
                       std::string context, int line_offset)
    : table_(table),
      path_(std::move(path)),
      diagnostics_(diagnostics),
      context_(std::move(context)),
      line_offset_(line_offset) {}

std::string TomlReader::field_name(std::string_view key) const {
  return context_.empty() ? std::string(key) : context_ + "." + std::string(key);
}

SourceLocation TomlReader::location(std::string_view key) const {
  if (const auto* node = table_.get(key)) return location_of(*node, path_, line_offset_);
  return table_location();
}

SourceLocation TomlReader::table_location() const {
  if (table_.source().begin.line == 0) return {path_, 0, 0};
  return location_of(table_, path_, line_offset_);
}

bool TomlReader::allowed_text(const std::string& value, const toml::node& node,
                              std::string_view key) {
  // The file's own bytes were checked when it was read; escapes such as "\u202E" were not.
  auto bad = find_disallowed_character(value);
  if (!bad) return true;
  diagnostics_.error(location_of(node, path_, line_offset_),
                     format_message(tr("field '%1$s' contains a %2$s: remove it"), field_name(key),
                                    bad->description()));
  return false;
}

void TomlReader::wrong_type(std::string_view key, const char* message) {
  diagnostics_.error(location(key), format_message(message, field_name(key)));
}

void TomlReader::missing(std::string_view key) {
  // "titre" was reported as unknown with 'title' suggested: one root cause, one error.
  if (misspelled_.count(std::string(key))) return;
  auto where = table_location();
  if (where.line == 0) where = {path_, 1 + line_offset_, 1};
  diagnostics_.error(where, format_message(tr("missing required field '%1$s'"), field_name(key)));
}

const toml::node* TomlReader::present(std::string_view key, bool required) {
  const auto* node = table_.get(key);
  if (!node && required) missing(key);
  return node;
}

template <typename Node>
const Node* TomlReader::typed(std::string_view key, bool required, const char* expected) {
  const auto* node = present(key, required);
  if (!node) return nullptr;
  if (const auto* typed = node->as<Node>()) return typed;
  wrong_type(key, expected);
  return nullptr;
}

std::optional<std::string> TomlReader::string(std::string_view key, bool required) {
  const auto* node = present(key, required);
  if (!node) return std::nullopt;
  if (auto value = node->value<std::string>()) {
    if (!allowed_text(*value, *node, key)) return std::nullopt;
    if (required && is_blank_text(*value)) {
      // "   " or a zero-width space would show as a blank name or title.
      diagnostics_.error(location(key),
                         format_message(value->empty()
                                            ? tr("field '%1$s' must not be empty")
                                            : tr("field '%1$s' must not be empty (it has only "
                                                 "spaces or invisible characters)"),
                                        field_name(key)));
      return std::nullopt;
    }
    return value;
  }
  wrong_type(key, tr("field '%1$s' must be a string"));
  return std::nullopt;
}

template <typename Value, typename Accepts>
std::optional<Value> TomlReader::scalar(std::string_view key, Accepts accepts,
                                        const char* expected) {
  const auto* node = table_.get(key);
  if (!node) return std::nullopt;
  if (accepts(*node)) return node->value<Value>();
  wrong_type(key, expected);
  return std::nullopt;
}

std::optional<bool> TomlReader::boolean(std::string_view key) {
  return scalar<bool>(key, [](const toml::node& node) { return node.is_boolean(); },
                      tr("field '%1$s' must be true or false"));
}

std::optional<int64_t> TomlReader::integer(std::string_view key) {
  return scalar<int64_t>(key, [](const toml::node& node) { return node.is_integer(); },
                         tr("field '%1$s' must be a whole number"));
}

std::optional<double> TomlReader::number(std::string_view key) {
  return scalar<double>(key, [](const toml::node& node) { return node.is_number(); },
                        tr("field '%1$s' must be a number"));
}

std::optional<std::string> TomlReader::date(std::string_view key, bool required) {
  const auto* node = present(key, required);
  if (!node) return std::nullopt;
  std::optional<toml::date> date;
  if (node->is_date()) date = node->as_date()->get();
  if (node->is_date_time()) date = node->as_date_time()->get().date;
  if (!date) {
    auto text = node->value<std::string>();
    if (text && !text->empty()) {
      // A date in quotes is text to TOML; the editor meant the date.
      diagnostics_.error(location(key),
                         format_message(tr("field '%1$s' is a date: write it without quotes, such as "
                                        "%2$s = 2026-11-20"),
                                        field_name(key), std::string(key)));
    } else {
      wrong_type(key, tr("field '%1$s' must be a date such as 2026-11-20 (no quotes)"));
    }
    return std::nullopt;
  }
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", static_cast<int>(date->year),
                static_cast<int>(date->month), static_cast<int>(date->day));
  if (date->year < kEarliestYear || date->year > kLatestYear) {
    diagnostics_.error(location(key),
                       format_message(tr("field '%1$s' must be a date between %2$d-01-01 and "
                                         "%3$d-12-31 (it is %4$s)"),
                                      field_name(key), kEarliestYear, kLatestYear, buffer));
    return std::nullopt;
  }
  return std::string(buffer);
}

std::vector<std::string> TomlReader::string_list(std::string_view key, bool required) {
  std::vector<std::string> values;
  const auto* array =
      typed<toml::array>(key, required,
                         tr("field '%1$s' must be a list of strings, such as [\"a\", \"b\"]"));
  if (!array) return values;
  for (const auto& element : *array) {
    if (auto value = element.value<std::string>()) {
      if (allowed_text(*value, element, key)) values.push_back(*value);
    } else {
      diagnostics_.error(location_of(element, path_, line_offset_),
                         format_message(tr("every item of '%1$s' must be a string"),
                                        field_name(key)));
    }
  }
  if (required && values.empty() && array->empty()) {
    diagnostics_.error(location(key),
                       format_message(tr("field '%1$s' must not be empty"), field_name(key)));
  }
  return values;
}

const toml::table* TomlReader::table(std::string_view key, bool required) {
  return typed<toml::table>(key, required, tr("field '%1$s' must be a table"));
}

const toml::array* TomlReader::array(std::string_view key, bool required) {
  return typed<toml::array>(key, required, tr("field '%1$s' must be a list"));
}

void TomlReader::reject_unknown(const std::vector<std::string_view>& known) {
  std::vector<std::string> names(known.begin(), known.end());
  for (const auto& [key, node] : table_) {
    if (std::find(names.begin(), names.end(), key.str()) != names.end()) continue;
    // The caret goes under the key; a key toml++ gives no place (none do) falls back on its value.
    auto where = key.source().begin.line ? location_of(key.source(), path_, line_offset_)
                                         : location_of(node, path_, line_offset_);
    auto candidates = suggest(key.str(), names);
    if (!candidates.empty()) misspelled_.insert(candidates.front());
    diagnostics_.error(where, candidates.empty()
                                  ? format_message(tr("unknown field '%1$s' (the fields are: %2$s)"),
                                                   field_name(key.str()), join_with(names, ", "))
                                  : format_message(tr("unknown field '%1$s'; did you mean %2$s?"),
                                                   field_name(key.str()),
                                                    quoted_alternatives(candidates)));
  }
}

}  // namespace passerelle
