// Changing values of a TOML record without writing it anew: toml++ finds where each value is
// (its node's source region), and only those bytes are replaced, so the record keeps its
// comments, its order and its layout. A key the record lacks is added at the end of its table.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace passerelle {

/// A value to set: `key` of the record's own table (`table` empty) or of one of its tables
/// ("description"); `value` is TOML text ("\"Rabat\"", "[\"a\", \"b\"]", "2026-01-02").
struct ValueEdit {
  std::string table;
  std::string key;
  std::string value;
};

/// `text` with every edit applied: a value that is there replaced as a whole (all its lines
/// for a multi-line one); a key that is not added at the end of its table, after its last
/// value (before the first [table] for a key of the record's own table); a table that is not
/// added at the end. nullopt, with `error` set, when `text` is not TOML or a key must go into
/// an inline table.
std::optional<std::string> splice_values(const std::string& text,
                                         const std::vector<ValueEdit>& edits, std::string* error);

}  // namespace passerelle
