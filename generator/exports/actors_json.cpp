// actors.json. nlohmann::json writes every JSON document (also check/report_json.cpp,
// cli/report.cpp).
#include <nlohmann/json.hpp>

#include "content/actor_schema.h"
#include "exports/exports.h"
#include "model/urls.h"

namespace passerelle::exports {

namespace {

using nlohmann::ordered_json;

ordered_json labels_of(const SiteTerms& terms) {
  ordered_json out = ordered_json::object();
  for (const auto& [key, term] : terms) {
    ordered_json labels = ordered_json::object();
    for (const auto& [language, label] : term->by_language) labels[language] = label.label;
    out[key] = labels;
  }
  return out;
}

/// The value of `field` in actors.json, or null to leave it out (an optional single value
/// that the record does not have).
ordered_json field_json(const Actor& actor, const ActorField& field) {
  const auto& r = actor.record;
  if (is_single_value(field.type)) {
    auto value = single_value(r, field);
    if (const auto* text = std::get_if<std::string>(&value)) return *text;
    if (const auto* number = std::get_if<int64_t>(&value)) return *number;
    return nullptr;
  }
  if (field.type == FieldType::kTermList) {
    return r.*std::get<std::vector<std::string> ActorRecord::*>(field.member);
  }
  if (field.type == FieldType::kCoordinates) {
    const auto& coordinates = r.*std::get<std::optional<Coordinates> ActorRecord::*>(field.member);
    if (!coordinates) return nullptr;
    return {{"lat", coordinates->latitude}, {"lon", coordinates->longitude}};
  }
  if (field.type == FieldType::kOtherNames) {
    ordered_json names = ordered_json::array();
    for (const auto& name : r.*std::get<std::vector<OtherName> ActorRecord::*>(field.member)) {
      names.push_back({{"name", name.name}, {"lang", name.language}});
    }
    return names;
  }
  if (field.type == FieldType::kLocalizedList) {
    using Lists = std::map<std::string, std::vector<std::string>> ActorRecord::*;
    ordered_json lists = ordered_json::object();
    for (const auto& [language, items] : r.*std::get<Lists>(field.member)) lists[language] = items;
    return lists;
  }
  // kLocalizedText: as plain text, in the languages that have their own.
  ordered_json texts = ordered_json::object();
  for (const auto& [language, text] : actor.descriptions) {
    if (text.translated) texts[language] = text.plain_text;
  }
  return texts;
}

ordered_json actor_json(const Site& site, const Actor& actor) {
  const auto& r = actor.record;
  ordered_json json = {{"id", r.id}};
  for (const auto& field : kActorFields) {
    if (!field.exported) continue;
    ordered_json value = field_json(actor, field);
    if (!value.is_null()) json[field.name] = std::move(value);
  }
  ordered_json urls = ordered_json::object();
  for (const auto& language : site.config.languages) {
    urls[language.code] = absolute_url(site.config, actor_path(language, r.id));
  }
  json["urls"] = urls;
  return json;
}

}  // namespace

std::string actors_json(const Site& site) {
  ordered_json json;
  json["vocabulary"] = {{"countries", labels_of(site.terms.countries)},
                        {"regions", labels_of(site.terms.regions)},
                        {"kinds", labels_of(site.terms.kinds)},
                        {"sectors", labels_of(site.terms.sectors)},
                        {"languages", labels_of(site.terms.languages)}};
  json["actors"] = ordered_json::array();
  for (const auto& actor : site.actors) json["actors"].push_back(actor_json(site, actor));
  return json.dump(2) + "\n";
}

}  // namespace passerelle::exports
