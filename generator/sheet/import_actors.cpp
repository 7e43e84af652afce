#include "sheet/import_actors.h"

#include <algorithm>
#include <map>

#include <toml++/toml.h>

#include "base/text.h"
#include "content/actor_schema.h"
#include "exports/actor_table.h"
#include "messages/messages.h"
#include "pipeline/build.h"
#include "sheet/cell_values.h"
#include "sheet/matching.h"
#include "sheet/sheet_columns.h"
#include "sheet/sheet_csv.h"
#include "sheet/toml_splice.h"

namespace passerelle {

namespace {

/// What the rows are checked and matched against.
struct ImportContext {
  const SourceTree& tree;
  std::string sheet_path;
  SiteConfig config;
  Directory directory;                                   // drafts included
  std::map<std::string, std::vector<std::string>> exported;  // id → its cells in actors.csv
  std::map<std::string, size_t> export_column;           // column name → index in those cells
  std::vector<SheetColumn> columns;
};

/// An edit and the column of the sheet it comes from.
struct CellEdit {
  ValueEdit edit;
  int column = 0;
  int order = 0;  // the field's place in kActorFields, then the language's in the site
};

/// One row of the sheet, read against the context.
class RowReader {
 public:
  RowReader(const ImportContext& context, const std::vector<std::string>& cells, int row,
            Diagnostics& diagnostics)
      : context_(context), cells_(cells), row_(row), diagnostics_(diagnostics) {}

  std::string cell(size_t column) const { return column < cells_.size() ? cells_[column] : ""; }
  std::optional<size_t> column_of(std::string_view name) const {
    for (size_t i = 0; i < context_.columns.size(); ++i) {
      if (context_.columns[i].name == name) return i;
    }
    return std::nullopt;
  }
  /// The text of the cell of column `name`, its export's ' taken off, trimmed.
  std::string text_of(std::string_view name) const {
    auto column = column_of(name);
    return column ? collapse_whitespace(restore_formula_text(cell(*column))) : "";
  }
  void error(size_t column, const std::string& message) const {
    std::string shown = cell(column);
    if (shown.size() > 80) shown = truncate_words(shown, 60);
    diagnostics_.error({context_.sheet_path, row_, static_cast<int>(column + 1)},
                       message + " (cell: \"" + shown + "\")");
  }
  void row_error(const std::string& message) const {
    diagnostics_.error({context_.sheet_path, row_, 0}, message);
  }
  /// Whether the cell of `column` is what actors.csv has for the record `id`.
  bool as_exported(const std::string& id, size_t column) const {
    auto cells = context_.exported.find(id);
    auto index = context_.export_column.find(context_.columns[column].name);
    if (cells == context_.exported.end() || index == context_.export_column.end()) return false;
    return cells->second[index->second] == cell(column);
  }
  std::vector<CellEdit> edits(const std::string& id) const;
  int row() const { return row_; }

 private:
  std::optional<CellEdit> coordinates_edit(const std::string& id, size_t latitude) const;

  const ImportContext& context_;
  const std::vector<std::string>& cells_;
  int row_;
  Diagnostics& diagnostics_;
};

int field_order(const ActorField* field) { return static_cast<int>(field - std::begin(kActorFields)); }

std::optional<CellEdit> RowReader::coordinates_edit(const std::string& id, size_t latitude) const {
  auto longitude = column_of("longitude");
  std::string lon = longitude ? cell(*longitude) : "";
  bool same = as_exported(id, latitude) && (!longitude || as_exported(id, *longitude));
  if (same || (is_blank_text(cell(latitude)) && is_blank_text(lon))) return std::nullopt;
  auto value = coordinates_value(cell(latitude), lon);
  if (!value.error.empty()) {
    error(latitude, value.error);
    return std::nullopt;
  }
  const ActorField* field = context_.columns[latitude].field;
  return CellEdit{{"", field->name, value.toml}, static_cast<int>(latitude + 1),
                  field_order(field) * 100};
}

std::vector<CellEdit> RowReader::edits(const std::string& id) const {
  std::vector<CellEdit> edits;
  for (size_t i = 0; i < context_.columns.size(); ++i) {
    const SheetColumn& column = context_.columns[i];
    if (!column.field || column.name == "longitude") continue;
    if (column.name == "latitude") {
      if (auto edit = coordinates_edit(id, i)) edits.push_back(std::move(*edit));
      continue;
    }
    if (as_exported(id, i) || is_blank_text(cell(i))) continue;
    auto value = cell_value(*column.field, cell(i), context_.directory.vocabulary);
    if (!value.error.empty()) {
      error(i, value.error);
      continue;
    }
    int order = field_order(column.field) * 100;
    ValueEdit edit{"", column.field->name, value.toml};
    if (!column.language.empty()) {
      edit = {column.field->name, column.language, value.toml};
      for (size_t l = 0; l < context_.config.languages.size(); ++l) {
        if (context_.config.languages[l].code == column.language) order += static_cast<int>(l) + 1;
      }
    }
    edits.push_back({std::move(edit), static_cast<int>(i + 1), order});
  }
  std::stable_sort(edits.begin(), edits.end(),
                   [](const CellEdit& a, const CellEdit& b) { return a.order < b.order; });
  return edits;
}

/// The record a row is, found by its id or name; empty (with an error) when it has neither.
std::string row_target(const RowReader& row, ActorIndex& index, bool& exists) {
  std::string id = row.text_of("id");
  exists = false;
  if (!id.empty()) {
    if (!is_valid_id(id)) {
      row.error(*row.column_of("id"),
                tr("not a valid id: lower-case letters a-z, digits and single hyphens, at most "
                   "80 characters"));
      return "";
    }
    auto found = index.by_id(id);
    exists = found && !index.is_new(*found);
    if (!found) index.add(id, row.text_of("name"));
    return found ? *found : id;
  }
  std::string name = row.text_of("name");
  if (name.empty()) {
    row.row_error(tr("this row has neither an id nor a name: fill one, or delete the row"));
    return "";
  }
  if (auto found = index.by_name(name)) {
    // A record of the directory, or a row above that made a new one (then an error).
    exists = index.by_id(*found).has_value() && !index.is_new(*found);
    return *found;
  }
  std::string made = index.new_id(name);
  index.add(made, name);
  return made;
}

/// The errors of the record as the build would read it, at the cells their values come from.
void report_record_errors(const RowReader& row, const std::string& text,
                          const std::vector<CellEdit>& edits, const Diagnostics& found) {
  toml::table root;
  try {
    root = toml::parse(std::string_view(text), std::string_view("record"));
  } catch (const toml::parse_error&) {
  }
  for (const auto& diagnostic : found.items()) {
    if (diagnostic.severity != Severity::kError) continue;
    int column = 0;
    for (const auto& edit : edits) {
      const toml::node* node = edit.edit.table.empty() ? root.get(edit.edit.key)
                                                       : root.at_path(edit.edit.table + "." + edit.edit.key).node();
      if (!node) continue;
      // Inside the value (a missing field is reported at its table's header, never in a value).
      auto where = node->source();
      auto at = std::make_pair(diagnostic.location.line, diagnostic.location.column);
      auto begin = std::make_pair(static_cast<int>(where.begin.line), static_cast<int>(where.begin.column));
      auto end = std::make_pair(static_cast<int>(where.end.line), static_cast<int>(where.end.column));
      if (begin <= at && at <= end) column = edit.column;
    }
    if (column > 0) {
      row.error(static_cast<size_t>(column - 1), diagnostic.message);
    } else {
      row.row_error(diagnostic.message);
    }
  }
}

/// The change a row makes, if any; errors reported.
std::optional<RecordChange> import_row(const ImportContext& context, const RowReader& row,
                                       ActorIndex& index, std::map<std::string, int>& rows_of,
                                       const Diagnostics& diagnostics) {
  bool exists = false;
  std::string id = row_target(row, index, exists);
  if (id.empty()) return std::nullopt;
  auto [earlier, added] = rows_of.emplace(id, row.row());
  if (!added) {
    row.row_error(format_message(tr("rows %1$s and %2$s are both the actor '%3$s': keep one row "
                                    "per actor"),
                                 std::to_string(earlier->second), std::to_string(row.row()), id));
    return std::nullopt;
  }
  RecordChange change{id, std::string(kActorsFolder) + id + ".toml", "", "", !exists};
  if (exists) change.before = context.tree.read(change.path).value_or("");
  int errors = diagnostics.error_count();
  auto edits = row.edits(id);
  if (diagnostics.error_count() > errors) return std::nullopt;  // the record is checked once whole
  std::vector<ValueEdit> values;
  for (const auto& edit : edits) values.push_back(edit.edit);
  std::string problem;
  auto after = splice_values(change.before, values, &problem);
  if (!after) {
    row.row_error(change.path + ": " + problem);
    return std::nullopt;
  }
  change.after = std::move(*after);
  Diagnostics found;
  parse_actor(change.after, change.path, id, context.config, context.directory.vocabulary, found);
  report_record_errors(row, change.after, edits, found);
  if (found.has_errors() || change.after == change.before) return std::nullopt;
  return change;
}

/// The cells actors.csv has for each record of the site, when the site loads: a cell equal to
/// its export is left as the record writes it (a description's Markdown, a number's digits).
void read_exported(const SourceTree& tree, ImportContext& context) {
  Diagnostics ignored;  // a site that does not load yet: cells are compared with the records
  auto site = load_site(tree, BuildOptions{}, ignored);
  auto columns = exports::actor_columns(context.config);
  for (size_t i = 0; i < columns.size(); ++i) context.export_column[columns[i]] = i;
  if (!site) return;
  for (const auto& actor : site->actors) {
    context.exported[actor.record.id] = exports::actor_cells(site->config, actor);
  }
}

/// The rows of the sheet, decoded and parsed, header first; nullopt when it has none.
std::optional<std::vector<std::vector<std::string>>> read_rows(const std::string& path,
                                                               std::string_view bytes,
                                                               const ImportOptions& options,
                                                               Diagnostics& diagnostics) {
  auto text = decode_sheet(bytes, path, diagnostics);
  if (!text) return std::nullopt;
  char separator = options.separator ? options.separator : detect_separator(*text);
  auto rows = parse_sheet(*text, separator, path, diagnostics);
  if (!rows) return std::nullopt;
  auto blank = [](const std::vector<std::string>& row) {
    return std::all_of(row.begin(), row.end(), [](const auto& cell) { return is_blank_text(cell); });
  };
  size_t filled = std::count_if(rows->begin(), rows->end(), [&](const auto& row) { return !blank(row); });
  if (filled < 2) {
    diagnostics.error({path, 0, 0}, filled == 0 ? tr("the sheet is empty: nothing to import")
                                                : tr("the sheet has a header but no actors under it: "
                                                     "nothing to import"));
    return std::nullopt;
  }
  for (auto& row : *rows) {
    if (blank(row)) row.clear();
  }
  return rows;
}

}  // namespace

std::optional<ImportPlan> plan_actor_import(const SourceTree& tree, const std::string& sheet_path,
                                            std::string_view bytes, const ImportOptions& options,
                                            Diagnostics& diagnostics) {
  auto rows = read_rows(sheet_path, bytes, options, diagnostics);
  if (!rows) return std::nullopt;
  auto config = load_config(tree, BuildOptions{}, diagnostics);
  if (!config) return std::nullopt;
  auto columns = map_columns(rows->front(), *config, sheet_path, diagnostics);
  auto directory = load_directory(tree, *config, true, diagnostics);
  if (!columns || !directory) return std::nullopt;
  ImportContext context{tree, sheet_path, *config, std::move(*directory), {}, {}, std::move(*columns)};
  read_exported(tree, context);
  ActorIndex index(context.directory.actors);
  std::map<std::string, int> rows_of;
  ImportPlan plan;
  int errors = diagnostics.error_count();
  for (size_t r = 1; r < rows->size(); ++r) {
    const auto& cells = (*rows)[r];
    if (cells.empty()) continue;
    ++plan.rows;
    RowReader row(context, cells, static_cast<int>(r + 1), diagnostics);
    for (size_t i = 0; i < cells.size(); ++i) {
      bool headed = i < context.columns.size() && !context.columns[i].name.empty();
      if (!headed && !is_blank_text(cells[i])) row.error(i, tr("this cell has no column header"));
    }
    if (auto change = import_row(context, row, index, rows_of, diagnostics)) {
      plan.changes.push_back(std::move(*change));
    }
  }
  if (diagnostics.error_count() > errors) return std::nullopt;
  return plan;
}

}  // namespace passerelle
