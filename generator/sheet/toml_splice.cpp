#include "sheet/toml_splice.h"

#include <algorithm>
#include <map>

#include <toml++/toml.h>

namespace passerelle {

namespace {

/// Byte offsets in a text from toml++'s positions (1-based lines, columns in code points).
class Positions {
 public:
  explicit Positions(const std::string& text) : text_(text) {
    line_starts_.push_back(0);
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') line_starts_.push_back(i + 1);
    }
  }
  size_t offset(const toml::source_position& position) const {
    size_t at = line_start(position.line);
    for (size_t column = 1; column < position.column && at < text_.size(); ++column) {
      do ++at;
      while (at < text_.size() && (static_cast<unsigned char>(text_[at]) & 0xC0) == 0x80);
    }
    return at;
  }
  size_t line_start(size_t line) const {
    return line == 0 || line > line_starts_.size() ? text_.size() : line_starts_[line - 1];
  }
  /// The offset just after the line break ending the line that holds `offset`.
  size_t next_line(size_t offset) const {
    size_t end = text_.find('\n', offset);
    return end == std::string::npos ? text_.size() : end + 1;
  }
  /// The line of `line`'s start, moved up over blank and comment lines just above it.
  size_t above_comments(size_t line) const {
    while (line > 1) {
      size_t start = line_start(line - 1);
      size_t first = text_.find_first_not_of(" \t", start);
      if (first < line_start(line) && text_[first] != '#' && text_[first] != '\n' &&
          text_[first] != '\r') {
        break;
      }
      --line;
    }
    return line;
  }

 private:
  const std::string& text_;
  std::vector<size_t> line_starts_;
};

struct Replacement {
  size_t begin;
  size_t end;
  std::string text;
};

/// Where keys of the record's own table go: before the first [table] or [[array]] header and
/// the comments just above it; the end of the text when there is none.
size_t root_end(const toml::table& root, const Positions& positions, size_t text_size) {
  size_t first_header = 0;
  for (auto&& [key, node] : root) {
    // [[array]] headers; toml++ also calls a list of inline tables an array of tables.
    const toml::array* array = node.as_array();
    bool header = (node.is_table() && !node.as_table()->is_inline()) ||
                  (node.is_array_of_tables() && !array->empty() &&
                   !array->front().as_table()->is_inline());
    size_t line = node.source().begin.line;
    if (header && (first_header == 0 || line < first_header)) first_header = line;
  }
  if (first_header == 0) return text_size;
  return positions.line_start(positions.above_comments(first_header));
}

/// Where keys of `table` go: after the line of its last value, or after its header.
size_t table_end(const toml::table& table, const Positions& positions) {
  size_t end = positions.offset(table.source().end);
  for (auto&& [key, node] : table) end = std::max(end, positions.offset(node.source().end));
  return positions.next_line(end == 0 ? 0 : end - 1);
}

/// Whether `value` (TOML text) is the value `node` holds, written otherwise ([ "a" ] and
/// ["a"], a list on several lines): then the record keeps its own way of writing it.
bool same_value(const toml::node& node, const std::string& value) {
  try {
    toml::table parsed = toml::parse(std::string_view("v = " + value), std::string_view("value"));
    toml::table held;
    held.insert("v", node);
    return parsed == held;
  } catch (const toml::parse_error&) {
    return false;
  }
}

}  // namespace

std::optional<std::string> splice_values(const std::string& text,
                                         const std::vector<ValueEdit>& edits, std::string* error) {
  toml::table root;
  try {
    root = toml::parse(std::string_view(text), std::string_view("record"));
  } catch (const toml::parse_error& problem) {
    *error = std::string(problem.description());
    return std::nullopt;
  }
  Positions positions(text);
  std::vector<Replacement> replacements;
  std::map<size_t, std::string> inserts;          // offset → lines added there, in edit order
  std::vector<std::string> new_tables;            // tables added at the end, in edit order
  std::map<std::string, std::string> new_table_lines;
  for (const auto& edit : edits) {
    const toml::table* parent = &root;
    if (!edit.table.empty()) parent = root[edit.table].as_table();
    std::string line = edit.key + " = " + edit.value + "\n";
    if (!parent) {
      if (!new_table_lines.count(edit.table)) new_tables.push_back(edit.table);
      new_table_lines[edit.table] += line;
      continue;
    }
    if (const toml::node* node = parent->get(edit.key)) {
      size_t begin = positions.offset(node->source().begin);
      size_t end = positions.offset(node->source().end);
      if (text.compare(begin, end - begin, edit.value) != 0 && !same_value(*node, edit.value)) {
        replacements.push_back({begin, end, edit.value});
      }
      continue;
    }
    if (parent->is_inline()) {
      *error = "'" + edit.table + "' is an inline table: add '" + edit.key + "' to it by hand";
      return std::nullopt;
    }
    size_t at = parent == &root ? root_end(root, positions, text.size()) : table_end(*parent, positions);
    inserts[at] += line;
  }
  for (auto& [at, lines] : inserts) replacements.push_back({at, at, std::move(lines)});
  std::string tail;
  for (const auto& table : new_tables) tail += "\n[" + table + "]\n" + new_table_lines[table];
  std::sort(replacements.begin(), replacements.end(),
            [](const Replacement& a, const Replacement& b) { return a.begin > b.begin; });
  std::string out = text;
  for (const auto& replacement : replacements) {
    // An insertion at the very end of a text without a final line break starts a line.
    std::string added = replacement.text;
    if (replacement.begin == replacement.end && replacement.begin == text.size() &&
        !text.empty() && text.back() != '\n') {
      added = "\n" + added;
    }
    out.replace(replacement.begin, replacement.end - replacement.begin, added);
  }
  if (!tail.empty()) {
    if (!out.empty() && out.back() != '\n') out += '\n';
    out += out.empty() ? tail.substr(1) : tail;
  }
  return out;
}

}  // namespace passerelle
