// actors.csv: one row per actor, one column per exported field (a per-language field once per
// language). Every cell goes through escape_csv (libcsv's csv_write, formulas neutralised).
#include <nlohmann/json.hpp>

#include "base/escaping.h"
#include "content/actor_schema.h"
#include "exports/exports.h"
#include "model/urls.h"

namespace passerelle::exports {

namespace {

/// One line of a CSV file (RFC 4180): its cells, each already escaped, and CRLF.
std::string csv_row(const std::vector<std::string>& cells) {
  std::string row;
  for (const auto& cell : cells) row += (row.empty() ? "" : ",") + cell;
  return row + "\r\n";
}

/// The column names of a field that is not per language.
std::vector<std::string> csv_columns(const ActorField& field) {
  if (field.type == FieldType::kCoordinates) return {"latitude", "longitude"};
  return {field.name};
}

/// The escaped cells of a field that is not per language, one per column.
std::vector<std::string> csv_cells(const ActorRecord& r, const ActorField& field) {
  if (is_single_value(field.type)) return {escape_csv(single_text(single_value(r, field)))};
  if (field.type == FieldType::kTermList) {
    return {escape_csv_list(r.*std::get<std::vector<std::string> ActorRecord::*>(field.member))};
  }
  if (field.type == FieldType::kCoordinates) {
    const auto& coordinates = r.*std::get<std::optional<Coordinates> ActorRecord::*>(field.member);
    if (!coordinates) return {"", ""};
    auto number = [](double value) { return escape_csv(nlohmann::json(value).dump()); };
    return {number(coordinates->latitude), number(coordinates->longitude)};
  }
  // kOtherNames: the names, without their language.
  std::vector<std::string> names;
  for (const auto& name : r.*std::get<std::vector<OtherName> ActorRecord::*>(field.member)) {
    names.push_back(name.name);
  }
  return {escape_csv_list(names)};
}

/// The escaped cell of a per-language field in `language`.
std::string language_cell(const Actor& actor, const ActorField& field, const std::string& language) {
  if (field.type == FieldType::kLocalizedList) {
    using Lists = std::map<std::string, std::vector<std::string>> ActorRecord::*;
    const auto& lists = actor.record.*std::get<Lists>(field.member);
    auto items = lists.find(language);
    return items == lists.end() ? "" : escape_csv_list(items->second);
  }
  auto text = actor.descriptions.find(language);
  bool translated = text != actor.descriptions.end() && text->second.translated;
  return escape_csv(translated ? text->second.plain_text : "");
}

}  // namespace

std::string actors_csv(const Site& site) {
  std::vector<std::string> header = {"id"};
  auto per_language = per_language_fields();
  for (const auto& field : kActorFields) {
    if (!field.exported || is_per_language(field.type)) continue;
    for (auto& column : csv_columns(field)) header.push_back(std::move(column));
  }
  for (const auto& language : site.config.languages) {
    for (const auto* field : per_language) {
      if (field->exported) header.push_back(std::string(field->name) + "_" + language.code);
    }
    header.push_back("url_" + language.code);
  }
  std::string csv = csv_row(header);
  for (const auto& actor : site.actors) {
    const auto& r = actor.record;
    std::vector<std::string> cells = {escape_csv(r.id)};
    for (const auto& field : kActorFields) {
      if (!field.exported || is_per_language(field.type)) continue;
      for (auto& cell : csv_cells(r, field)) cells.push_back(std::move(cell));
    }
    for (const auto& language : site.config.languages) {
      for (const auto* field : per_language) {
        if (field->exported) cells.push_back(language_cell(actor, *field, language.code));
      }
      cells.push_back(escape_csv(absolute_url(site.config, actor_path(language, r.id))));
    }
    csv += csv_row(cells);
  }
  return csv;
}

OutputPlan export_files(const Site& site) {
  // Moved in, not listed in braces: an initializer list would copy both files.
  OutputPlan files;
  files.push_back({"actors.csv", actors_csv(site)});
  files.push_back({"actors.json", actors_json(site)});
  return files;
}

}  // namespace passerelle::exports
