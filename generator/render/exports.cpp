// Open-data exports of the directory (actors.json, actors.csv) and schema.org JSON-LD for each
// actor page. nlohmann::json writes every JSON document (also check/report_json.cpp, cli/report.cpp).
#include <nlohmann/json.hpp>

#include "content/actor_schema.h"
#include "model/urls.h"
#include "render/views.h"
#include "base/text.h"

namespace passerelle {

namespace {

using nlohmann::ordered_json;

std::string schema_type(const std::string& kind) {
  if (kind == "ngo") return "NGO";
  if (kind == "public-body") return "GovernmentOrganization";
  if (kind == "research-centre") return "ResearchOrganization";
  return "Organization";
}

/// JSON text that is also inert inside an HTML <script> element.
std::string script_safe(const std::string& json) {
  std::string out;
  for (char c : json) {
    if (c == '<') out += "\\u003c";
    else if (c == '>') out += "\\u003e";
    else if (c == '&') out += "\\u0026";
    else out += c;
  }
  return out;
}

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

/// actors.csv: the id, the fields that are not per language in table order, then for each
/// site language its per-language fields and the actor's page.
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

}  // namespace

std::string actor_json_ld(const RenderContext& context, const Actor& actor,
                          const LanguageConfig& language) {
  const auto& site = context.site;
  const auto& r = actor.record;
  ordered_json json = {{"@context", "https://schema.org"}, {"@type", schema_type(r.kind)},
                       {"name", r.name}};
  ordered_json alternate = ordered_json::array();
  if (!r.short_name.empty()) alternate.push_back(r.short_name);
  for (const auto& name : r.other_names) alternate.push_back(name.name);
  if (!alternate.empty()) json["alternateName"] = alternate;
  json["url"] = absolute_url(site.config, actor_path(language, r.id));
  if (!r.website.empty()) json["sameAs"] = r.website;
  auto description = actor.descriptions.find(language.code);
  if (description != actor.descriptions.end()) json["description"] = description->second.plain_text;
  if (!r.email.empty()) json["email"] = r.email;
  if (!r.phone.empty()) json["telephone"] = r.phone;
  ordered_json address = {{"@type", "PostalAddress"}, {"addressCountry", r.country}};
  if (!r.city.empty()) address["addressLocality"] = r.city;
  if (actor.region) address["addressRegion"] = actor.region->label(language.code);
  if (!r.address.empty()) address["streetAddress"] = r.address;
  json["address"] = address;
  if (r.coordinates) {
    json["geo"] = {{"@type", "GeoCoordinates"}, {"latitude", r.coordinates->latitude},
                   {"longitude", r.coordinates->longitude}};
  }
  if (!r.languages.empty()) json["knowsLanguage"] = r.languages;
  return script_safe(json.dump());
}

void render_exports(const Site& site, RenderedPages& out) {
  out.files.push_back({"actors.json", actors_json(site)});
  out.files.push_back({"actors.csv", actors_csv(site)});
}

}  // namespace passerelle
