// Open-data exports of the directory (actors.json, actors.csv) and schema.org JSON-LD for each
// actor page. nlohmann::json writes every JSON document (also check/report_json.cpp, cli/report.cpp).
#include <nlohmann/json.hpp>

#include "model/urls.h"
#include "render/views.h"
#include "text.h"

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

ordered_json labels_of(const std::map<std::string, Term>& terms) {
  ordered_json out = ordered_json::object();
  for (const auto& [key, term] : terms) {
    ordered_json labels = ordered_json::object();
    for (const auto& [language, label] : term.by_language) labels[language] = label.label;
    out[key] = labels;
  }
  return out;
}

ordered_json actor_json(const Site& site, const Actor& actor) {
  const auto& r = actor.record;
  ordered_json json = {{"id", r.id}, {"name", r.name}};
  auto optional = [&](const char* key, const std::string& value) {
    if (!value.empty()) json[key] = value;
  };
  optional("short_name", r.short_name);
  json["country"] = r.country;
  optional("region", r.region);
  optional("city", r.city);
  json["kind"] = r.kind;
  json["sectors"] = r.sectors;
  json["languages"] = r.languages;
  optional("website", r.website);
  optional("email", r.email);
  optional("phone", r.phone);
  optional("address", r.address);
  if (r.coordinates) json["coordinates"] = {{"lat", r.coordinates->latitude}, {"lon", r.coordinates->longitude}};
  json["last_reviewed"] = r.last_reviewed;
  ordered_json other_names = ordered_json::array();
  for (const auto& name : r.other_names) other_names.push_back({{"name", name.name}, {"lang", name.language}});
  json["other_names"] = other_names;
  ordered_json services = ordered_json::object(), descriptions = ordered_json::object(),
               urls = ordered_json::object();
  for (const auto& [language, items] : r.services) services[language] = items;
  for (const auto& [language, text] : actor.descriptions) {
    if (text.translated) descriptions[language] = text.plain_text;
  }
  for (const auto& language : site.config.languages) {
    urls[language.code] = absolute_url(site.config, actor_path(language, r.id));
  }
  json["services"] = services;
  json["description"] = descriptions;
  json["urls"] = urls;
  return json;
}

std::string actors_json(const Site& site) {
  ordered_json json;
  json["vocabulary"] = {{"countries", labels_of(site.vocabulary.countries)},
                        {"regions", labels_of(site.vocabulary.regions)},
                        {"kinds", labels_of(site.vocabulary.kinds)},
                        {"sectors", labels_of(site.vocabulary.sectors)},
                        {"languages", labels_of(site.vocabulary.languages)}};
  json["actors"] = ordered_json::array();
  for (const auto& actor : site.actors) json["actors"].push_back(actor_json(site, actor));
  return json.dump(2) + "\n";
}

std::string join(const std::vector<std::string>& items, const std::string& separator) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

std::string actors_csv(const Site& site) {
  std::vector<std::string> header = {"id", "name", "short_name", "country", "region", "city",
                                     "kind", "sectors", "languages", "website", "email", "phone",
                                     "address", "latitude", "longitude", "last_reviewed", "other_names"};
  for (const auto& language : site.config.languages) {
    header.push_back("description_" + language.code);
    header.push_back("services_" + language.code);
    header.push_back("url_" + language.code);
  }
  std::string csv = join(header, ",") + "\r\n";
  for (const auto& actor : site.actors) {
    const auto& r = actor.record;
    std::vector<std::string> names;
    for (const auto& name : r.other_names) names.push_back(name.name);
    auto coordinate = [&](double value) { return nlohmann::json(value).dump(); };
    // Cells escaped as they are made: list cells item by item (escape_csv_list).
    std::vector<std::string> escaped;
    for (const auto& field : {r.id, r.name, r.short_name, r.country, r.region, r.city, r.kind}) {
      escaped.push_back(escape_csv(field));
    }
    escaped.push_back(escape_csv_list(r.sectors));
    escaped.push_back(escape_csv_list(r.languages));
    for (const auto& field : {r.website, r.email, r.phone, r.address,
                              r.coordinates ? coordinate(r.coordinates->latitude) : "",
                              r.coordinates ? coordinate(r.coordinates->longitude) : "",
                              r.last_reviewed}) {
      escaped.push_back(escape_csv(field));
    }
    escaped.push_back(escape_csv_list(names));
    for (const auto& language : site.config.languages) {
      auto description = actor.descriptions.find(language.code);
      auto services = r.services.find(language.code);
      bool translated = description != actor.descriptions.end() && description->second.translated;
      escaped.push_back(escape_csv(translated ? description->second.plain_text : ""));
      escaped.push_back(services == r.services.end() ? "" : escape_csv_list(services->second));
      escaped.push_back(escape_csv(absolute_url(site.config, actor_path(language, r.id))));
    }
    csv += join(escaped, ",") + "\r\n";
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
  if (!r.region.empty()) address["addressRegion"] = label_of(site.vocabulary.regions, r.region, language.code).label;
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
