#include "content/published_urls.h"

#include <nlohmann/json.hpp>

namespace passerelle {

namespace {

/// A JSON object of strings into `into`; false when it is anything else.
bool read_string_map(const nlohmann::json& object, std::map<std::string, std::string>& into) {
  if (!object.is_object()) return false;
  for (const auto& [key, value] : object.items()) {
    if (!value.is_string()) return false;
    into[key] = value.get<std::string>();
  }
  return true;
}

}  // namespace

std::optional<PublishedUrls> parse_published_urls(const std::string& text) {
  auto json = nlohmann::json::parse(text, nullptr, false);
  if (json.is_discarded() || !json.is_object() || json.value("version", 0) != 1) return std::nullopt;
  PublishedUrls urls;
  if (!read_string_map(json.value("pages", nlohmann::json::object()), urls.pages) ||
      !read_string_map(json.value("redirects", nlohmann::json::object()), urls.redirects)) {
    return std::nullopt;
  }
  return urls;
}

std::string published_urls_json(const PublishedUrls& urls) {
  nlohmann::ordered_json json;
  json["version"] = 1;
  json["pages"] = urls.pages;  // std::map: sorted
  json["redirects"] = urls.redirects;
  return json.dump(1) + "\n";
}

}  // namespace passerelle
