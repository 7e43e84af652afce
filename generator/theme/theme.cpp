#include "theme/theme.h"

#include <regex>
#include <set>

#include "base/parallel.h"
#include "base/text.h"
#include "base/toml_fields.h"

namespace passerelle {

std::string UiStrings::get(const std::string& key) const {
  auto it = text.find(key);
  return it == text.end() ? key : it->second;
}

std::string UiStrings::count(const std::string& key, long n) const {
  std::string pattern = get(key + (n == 1 ? "_one" : "_other"));
  size_t at = pattern.find("{n}");
  if (at != std::string::npos) pattern.replace(at, 3, std::to_string(n));
  return pattern;
}

std::string UiStrings::date(const std::string& iso_date) const {
  if (iso_date.size() != 10 || months.size() != 12) return iso_date;
  int month = std::stoi(iso_date.substr(5, 2));
  int day = std::stoi(iso_date.substr(8, 2));
  std::string pattern = get("date_format");  // e.g. "{d} {month} {y}"
  auto replace = [&](const std::string& what, const std::string& with) {
    size_t at = pattern.find(what);
    if (at != std::string::npos) pattern.replace(at, what.size(), with);
  };
  // Some languages write the first day differently ("1er" in French).
  replace("{d}", day == 1 && text.count("first_day") ? text.at("first_day") : std::to_string(day));
  replace("{month}", months[static_cast<size_t>(month - 1)]);
  replace("{y}", iso_date.substr(0, 4));
  return pattern;
}

namespace {

std::optional<UiStrings> load_strings(const LayeredSourceTree& theme, const std::string& code,
                                      Diagnostics& diagnostics) {
  std::string file = "i18n/" + code + ".toml";
  std::string origin = theme.origin_of(file);
  if (!theme.is_file(file)) {
    diagnostics.error({origin, 0, 0}, "UI strings for language '" + code + "' are missing");
    return std::nullopt;
  }
  // Paths in diagnostics are the layered tree's origin, relative to the site where possible.
  auto text = theme.read(file);
  if (auto bad = find_invalid_utf8(*text)) {
    diagnostics.error(location_of_offset(origin, *text, *bad), "invalid UTF-8 byte sequence");
    return std::nullopt;
  }
  auto table = parse_toml(normalize_source(*text), origin, diagnostics);
  if (!table) return std::nullopt;
  UiStrings strings;
  for (const auto& [key, node] : *table) {
    if (key.str() == "months") {
      TomlReader reader(*table, origin, diagnostics);
      strings.months = reader.string_list("months", true);
    } else if (auto value = node.value<std::string>()) {
      bool french = is_language(code, "fr");
      strings.text[std::string(key.str())] = french ? french_spacing(*value) : *value;
    } else {
      diagnostics.error(location_of(node, origin), "UI string '" + std::string(key.str()) +
                                                       "' must be a string");
    }
  }
  return strings;
}

/// UI strings the generator itself uses (besides those the templates name).
const char* const kGeneratorStrings[] = {
    "home", "guidelines", "directory", "directory_description", "country", "kind", "sector",
    "not_translated", "list_separator", "date_format", "actors_one", "actors_other",
    // The print edition split in volumes (render/print_views.cpp, content_views.cpp).
    "print_edition", "print_edition_link", "download_pdf", "annex_title", "volume_of",
    "volume_chapter", "volume_chapters", "volume_span", "volume_ref", "download_volume_pdf",
    "print_volume_link"};

void check_generator_strings(const LayeredSourceTree& theme, const SiteConfig& config,
                             const std::map<std::string, UiStrings>& strings,
                             Diagnostics& diagnostics) {
  for (const auto& language : config.languages) {
    auto found = strings.find(language.code);
    if (found == strings.end()) continue;
    for (const char* key : kGeneratorStrings) {
      if (found->second.text.count(key)) continue;
      diagnostics.error({theme.origin_of("i18n/" + language.code + ".toml"), 0, 0},
                        "UI string '" + std::string(key) + "' is missing");
    }
    if (found->second.months.size() != 12) {
      diagnostics.error({theme.origin_of("i18n/" + language.code + ".toml"), 0, 0},
                        "'months' must list the 12 month names");
    }
  }
}

/// Every {{t.key}} a template uses must exist in every language's strings.
void check_template_strings(const LayeredSourceTree& theme, const SiteConfig& config,
                            const std::map<std::string, UiStrings>& strings,
                            Diagnostics& diagnostics) {
  static const std::regex kUse(R"(\{\{\{?[#^/]?\s*t\.([A-Za-z0-9_]+))");
  for (const auto& path : theme.list_files("templates")) {
    auto text = theme.read(path);
    if (!text) continue;
    std::set<std::string> reported;
    for (std::sregex_iterator it(text->begin(), text->end(), kUse), end; it != end; ++it) {
      std::string key = (*it)[1];
      for (const auto& language : config.languages) {
        auto found = strings.find(language.code);
        if (found == strings.end() || found->second.text.count(key)) continue;
        if (!reported.insert(key + "/" + language.code).second) continue;
        auto where = location_of_offset(theme.origin_of(path), *text,
                                        static_cast<size_t>(it->position()));
        diagnostics.error(where, "UI string 't." + key + "' is missing from i18n/" +
                                     language.code + ".toml");
      }
    }
  }
}

}  // namespace

std::optional<Theme> load_theme(const SourceTree& site, const SourceTree& bundled,
                                const SiteConfig& config, Diagnostics& diagnostics) {
  int errors_before = diagnostics.error_count();
  LayeredSourceTree theme(site, "themes/" + config.theme + "/", bundled, config.theme + "/");
  if (theme.list_files("templates").empty()) {
    diagnostics.error({"site.toml", 0, 0}, "theme '" + config.theme + "' has no templates");
    return std::nullopt;
  }
  auto origin = [&](const std::string& path) { return theme.origin_of(path); };
  auto templates = TemplateSet::load(theme, origin, diagnostics, worker_count());
  std::map<std::string, UiStrings> strings;
  for (const auto& language : config.languages) {
    if (auto loaded = load_strings(theme, language.code, diagnostics)) {
      strings[language.code] = std::move(*loaded);
    }
  }
  check_template_strings(theme, config, strings, diagnostics);
  check_generator_strings(theme, config, strings, diagnostics);
  if (!templates || diagnostics.error_count() > errors_before) return std::nullopt;
  Theme result{std::move(*templates), std::move(strings), {}};
  for (const auto& path : theme.list_files("static")) {
    result.static_files.push_back({path.substr(7), *theme.read(path)});
  }
  return result;
}

}  // namespace passerelle
