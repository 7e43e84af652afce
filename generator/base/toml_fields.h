// Reading typed fields out of toml++ tables with diagnostics that point at the value (or, for a
// missing key, at the table that lacks it). Every loader of TOML goes through these helpers.
#pragma once

#include <toml++/toml.h>

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/diagnostics.h"

namespace passerelle {

/// Where a toml++ node comes from; `line_offset` shifts it (front matter starts below line 1).
SourceLocation location_of(const toml::node& node, const std::string& path, int line_offset = 0);
SourceLocation location_of(const toml::source_region& region, const std::string& path,
                           int line_offset = 0);

/// Parses TOML text, turning a syntax error into a diagnostic at its position. Text nested
/// more than 64 levels deep is refused before parsing (toml++ would overflow the stack).
std::optional<toml::table> parse_toml(std::string_view text, const std::string& path,
                                      Diagnostics& diagnostics, int line_offset = 0);

/// The years a date of a page or record may have. Fixed, not relative to today, so that the same
/// sources always give the same result; a date outside is a typo (0001, 2999).
constexpr int kEarliestYear = 1990;
constexpr int kLatestYear = 2100;

/// A view of one table being read, so that each field access can report problems.
class TomlReader {
 public:
  TomlReader(const toml::table& table, std::string path, Diagnostics& diagnostics,
             std::string context = "", int line_offset = 0);

  std::optional<std::string> string(std::string_view key, bool required);
  std::optional<bool> boolean(std::string_view key);
  std::optional<int64_t> integer(std::string_view key);
  std::optional<double> number(std::string_view key);
  /// A TOML date (or the date part of a date-time) as YYYY-MM-DD, from kEarliestYear to
  /// kLatestYear.
  std::optional<std::string> date(std::string_view key, bool required);
  std::vector<std::string> string_list(std::string_view key, bool required);
  const toml::table* table(std::string_view key, bool required);
  const toml::array* array(std::string_view key, bool required);

  /// Reports every key of the table not in `known` as an error ("unknown field"), suggesting
  /// the closest known names; a required field suggested so is then not also reported missing.
  void reject_unknown(const std::vector<std::string_view>& known);

  SourceLocation location(std::string_view key) const;
  SourceLocation table_location() const;
  const std::string& path() const { return path_; }
  /// The table being read, for the positions of items inside its values.
  const toml::table& node_table() const { return table_; }
  Diagnostics& diagnostics() { return diagnostics_; }
  int line_offset() const { return line_offset_; }

 private:
  std::string field_name(std::string_view key) const;
  /// The value of `key`, or nullptr (reported missing when `required`).
  const toml::node* present(std::string_view key, bool required);
  /// The value of `key` as a `Node` (toml::table, toml::array), or nullptr: missing (reported
  /// when `required`) or of another type (reported with `expected`, see wrong_type).
  template <typename Node>
  const Node* typed(std::string_view key, bool required, const char* expected);
  /// The value of an optional `key` as a `Value` when `accepts` its node, else nothing
  /// (reported with `expected` when it is there, see wrong_type).
  template <typename Value, typename Accepts>
  std::optional<Value> scalar(std::string_view key, Accepts accepts, const char* expected);
  bool allowed_text(const std::string& value, const toml::node& node, std::string_view key);
  /// `message` is the translated error, with %1$s for the field's name.
  void wrong_type(std::string_view key, const char* message);
  void missing(std::string_view key);

  const toml::table& table_;
  std::string path_;
  Diagnostics& diagnostics_;
  std::string context_;
  int line_offset_;
  std::set<std::string> misspelled_;  // known fields suggested for an unknown key
};

}  // namespace passerelle
