// schema.org JSON-LD for each actor page, written by nlohmann::json.
#include <nlohmann/json.hpp>

#include "model/urls.h"
#include "render/views.h"

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

}  // namespace passerelle
