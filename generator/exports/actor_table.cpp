#include "exports/actor_table.h"

#include <nlohmann/json.hpp>

#include "base/escaping.h"
#include "content/actor_schema.h"
#include "model/urls.h"

namespace passerelle::exports {

namespace {

/// The column names of a field that is not per language.
std::vector<std::string> field_columns(const ActorField& field) {
  if (field.type == FieldType::kCoordinates) return {"latitude", "longitude"};
  return {field.name};
}

/// The cells of a field that is not per language, one per column.
std::vector<std::string> field_cells(const ActorRecord& r, const ActorField& field) {
  if (is_single_value(field.type)) return {neutralise_formula(single_text(single_value(r, field)))};
  if (field.type == FieldType::kTermList) {
    return {neutralise_list(r.*std::get<std::vector<std::string> ActorRecord::*>(field.member))};
  }
  if (field.type == FieldType::kCoordinates) {
    const auto& coordinates = r.*std::get<std::optional<Coordinates> ActorRecord::*>(field.member);
    if (!coordinates) return {"", ""};
    auto number = [](double value) { return nlohmann::json(value).dump(); };
    return {number(coordinates->latitude), number(coordinates->longitude)};
  }
  // kOtherNames: each name with its language, "ar:…", so that an import gets both back.
  std::vector<std::string> names;
  for (const auto& name : r.*std::get<std::vector<OtherName> ActorRecord::*>(field.member)) {
    names.push_back(name.language + ":" + name.name);
  }
  return {neutralise_list(names)};
}

/// The cell of a per-language field in `language`: empty when the record has none in it (a
/// description borrowed from another language is left out).
std::string language_cell(const Actor& actor, const ActorField& field, const std::string& language) {
  if (field.type == FieldType::kLocalizedList) {
    using Lists = std::map<std::string, std::vector<std::string>> ActorRecord::*;
    const auto& lists = actor.record.*std::get<Lists>(field.member);
    auto items = lists.find(language);
    return items == lists.end() ? "" : neutralise_list(items->second);
  }
  auto text = actor.descriptions.find(language);
  bool translated = text != actor.descriptions.end() && text->second.translated;
  return neutralise_formula(translated ? text->second.plain_text : "");
}

}  // namespace

std::vector<std::string> actor_columns(const SiteConfig& config) {
  std::vector<std::string> header = {"id"};
  for (const auto& field : kActorFields) {
    if (!field.exported || is_per_language(field.type)) continue;
    for (auto& column : field_columns(field)) header.push_back(std::move(column));
  }
  auto per_language = per_language_fields();
  for (const auto& language : config.languages) {
    for (const auto* field : per_language) {
      if (field->exported) header.push_back(std::string(field->name) + "_" + language.code);
    }
    header.push_back("url_" + language.code);
  }
  return header;
}

std::vector<std::string> actor_cells(const SiteConfig& config, const Actor& actor) {
  const auto& r = actor.record;
  std::vector<std::string> cells = {neutralise_formula(r.id)};
  for (const auto& field : kActorFields) {
    if (!field.exported || is_per_language(field.type)) continue;
    for (auto& cell : field_cells(r, field)) cells.push_back(std::move(cell));
  }
  auto per_language = per_language_fields();
  for (const auto& language : config.languages) {
    for (const auto* field : per_language) {
      if (field->exported) cells.push_back(language_cell(actor, *field, language.code));
    }
    cells.push_back(neutralise_formula(absolute_url(config, actor_path(language, r.id))));
  }
  return cells;
}

}  // namespace passerelle::exports
