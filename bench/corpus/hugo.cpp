#include "hugo.h"

#include <toml++/toml.h>

#include <cstdio>
#include <filesystem>
#include <map>

#include "config/config.h"
#include "content/directory.h"
#include "content/pages.h"
#include "base/diagnostics.h"
#include "files.h"
#include "base/filesystem.h"
#include "generate.h"
#include "base/text.h"

namespace fs = std::filesystem;
using passerelle::ends_with;
using passerelle::starts_with;

namespace corpus {

namespace {

constexpr const char* kHugoMarker = ".passerelle-hugo";

/// "a/b/../c" → "a/c"; "." segments dropped.
std::string normalize(const std::string& path) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    std::string part = path.substr(start, end - start);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    start = end + 1;
  }
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : "/") + part;
  return out;
}

std::string section_path(const std::string& path, const std::string& guidelines) {
  if (starts_with(path, "guidelines/")) return guidelines + path.substr(10);
  return path;
}

std::string toml_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + toml_string(items[i]);
  return out + "]";
}

std::string label_of(const std::map<std::string, passerelle::Term>& terms, const std::string& key,
                     const std::string& language) {
  auto term = terms.find(key);
  if (term == terms.end()) return key;
  auto label = term->second.by_language.find(language);
  return label == term->second.by_language.end() ? key : label->second.label;
}

/// The theme's UI strings of one language (the site's own file first, then the bundled one).
std::map<std::string, std::string> ui_strings(const HugoOptions& options, const std::string& theme,
                                              const std::string& language) {
  std::map<std::string, std::string> strings;
  for (const auto& root : {options.site + "/themes/", options.bundled_themes + "/"}) {
    fs::path file = fs::path(root) / theme / "i18n" / (language + ".toml");
    if (!fs::is_regular_file(file)) continue;
    try {
      auto table = toml::parse_file(file.string());
      for (const auto& [key, node] : table) {
        if (auto value = node.value<std::string>()) strings[std::string(key.str())] = *value;
      }
    } catch (const toml::parse_error&) {
      continue;
    }
    break;
  }
  return strings;
}

std::string hugo_config(const passerelle::SiteConfig& config,
                        const std::map<std::string, std::map<std::string, std::string>>& strings) {
  std::string out;
  out += "# Written by passerelle-corpus hugo: the same content as the Passerelle site, for Hugo.\n";
  out += "baseURL = " + toml_string(config.base_url) + "\n";
  out += "defaultContentLanguage = " + toml_string(config.default_language) + "\n";
  out += "defaultContentLanguageInSubdir = true\n";
  out += "enableRobotsTXT = true\n";
  out += "disableHugoGeneratorInject = true\n\n";
  out += "[taxonomies]\n  country = \"countries\"\n  kind = \"kinds\"\n  sector = \"sectors\"\n"
         "  countrysector = \"countrysectors\"\n\n";
  out += "[markup.goldmark.renderer]\n  unsafe = false\n";
  out += "[markup.tableOfContents]\n  startLevel = 2\n  endLevel = 3\n  ordered = true\n\n";
  int weight = 1;
  for (const auto& language : config.languages) {
    std::string prefix = "[languages." + language.code;
    out += prefix + "]\n";
    out += "  languageName = " + toml_string(language.name) + "\n";
    out += "  languageDirection = " + toml_string(language.direction) + "\n";
    out += "  title = " + toml_string(language.title) + "\n";
    out += "  weight = " + std::to_string(weight++) + "\n";
    out += "  contentDir = " + toml_string("content/" + language.code) + "\n";
    out += prefix + ".params]\n";
    out += "  description = " + toml_string(language.description) + "\n";
    out += "  guidelines = " + toml_string(language.sections.guidelines) + "\n";
    out += "  directory = " + toml_string(language.sections.directory) + "\n";
    out += prefix + ".params.t]\n";
    for (const auto& [key, value] : strings.at(language.code)) {
      out += "  " + key + " = " + toml_string(value) + "\n";
    }
    out += "\n";
  }
  return out;
}

std::string page_file(const passerelle::PageSource& page, const std::string& guidelines,
                      const std::string& actors) {
  std::string out = "+++\n";
  out += "title = " + toml_string(page.title) + "\n";
  if (!page.summary.empty()) out += "description = " + toml_string(page.summary) + "\n";
  if (!page.date.empty()) out += "date = " + page.date + "\n";
  if (!page.updated.empty()) out += "lastmod = " + page.updated + "\n";
  if (page.weight != 0) out += "weight = " + std::to_string(page.weight) + "\n";
  if (!page.tags.empty()) out += "tags = " + toml_list(page.tags) + "\n";
  bool is_index = page.kind == passerelle::PageKind::kHome ||
                  page.kind == passerelle::PageKind::kGuidelinesIndex;
  if (!is_index) out += "slug = " + toml_string(page.slug) + "\n";
  out += "translationKey = " + toml_string(page.translation_key) + "\n";
  std::string directory = page.relative_path.find('/') == std::string::npos
                              ? ""
                              : page.relative_path.substr(0, page.relative_path.rfind('/'));
  out += "+++\n\n" + rewrite_links(page.body, directory, guidelines, actors);
  return out;
}

struct ActorText {
  std::string text;
  std::string language;
  bool translated = true;
};

template <typename Value>
const Value* in_language(const std::map<std::string, Value>& by_language, const std::string& language,
                         const passerelle::SiteConfig& config, std::string& shown, bool& translated) {
  auto found = by_language.find(language);
  if (found != by_language.end()) {
    shown = language;
    translated = true;
    return &found->second;
  }
  for (const auto& other : config.languages) {
    found = by_language.find(other.code);
    if (found != by_language.end()) {
      shown = other.code;
      translated = false;
      return &found->second;
    }
  }
  return nullptr;
}

std::string actor_file(const passerelle::ActorRecord& actor, const passerelle::Vocabulary& vocabulary,
                       const passerelle::SiteConfig& config, const std::string& language,
                       const std::string& guidelines, const std::string& actors) {
  std::string country = label_of(vocabulary.countries, actor.country, language);
  std::string region = actor.region.empty() ? "" : label_of(vocabulary.regions, actor.region, language);
  std::string kind = label_of(vocabulary.kinds, actor.kind, language);
  std::vector<std::string> sectors, country_sectors, spoken;
  for (const auto& sector : actor.sectors) {
    sectors.push_back(label_of(vocabulary.sectors, sector, language));
    country_sectors.push_back(country + ", " + sectors.back());
  }
  for (const auto& code : actor.languages) spoken.push_back(label_of(vocabulary.languages, code, language));
  std::string place;
  for (const auto& part : {actor.city, region, country}) {
    if (!part.empty()) place += (place.empty() ? "" : ", ") + part;
  }

  std::string out = "+++\n";
  out += "title = " + toml_string(actor.name) + "\n";
  out += "type = \"actor\"\n";
  out += "slug = " + toml_string(actor.id) + "\n";
  out += "translationKey = " + toml_string("actors/" + actor.id) + "\n";
  out += "date = " + actor.last_reviewed + "\n";
  out += "last_reviewed = " + toml_string(actor.last_reviewed) + "\n";
  if (!actor.short_name.empty()) out += "short_name = " + toml_string(actor.short_name) + "\n";
  out += "country_label = " + toml_string(country) + "\n";
  if (!region.empty()) out += "region_label = " + toml_string(region) + "\n";
  if (!actor.city.empty()) out += "city = " + toml_string(actor.city) + "\n";
  out += "kind_label = " + toml_string(kind) + "\n";
  out += "place = " + toml_string(place) + "\n";
  if (!spoken.empty()) out += "spoken = " + toml_list(spoken) + "\n";
  if (!actor.website.empty()) out += "website = " + toml_string(actor.website) + "\n";
  if (!actor.email.empty()) out += "email = " + toml_string(actor.email) + "\n";
  if (!actor.phone.empty()) out += "phone = " + toml_string(actor.phone) + "\n";
  if (!actor.address.empty()) out += "address = " + toml_string(actor.address) + "\n";
  if (actor.coordinates) {
    char buffer[96];
    std::snprintf(buffer, sizeof buffer, "coordinates = { lat = %.5f, lon = %.5f }\n",
                  actor.coordinates->latitude, actor.coordinates->longitude);
    out += buffer;
  }
  std::string services_language;
  bool services_translated = true;
  if (auto services = in_language(actor.services, language, config, services_language, services_translated)) {
    out += "services = " + toml_list(*services) + "\n";
    out += "services_lang = " + toml_string(services_language) + "\n";
    out += std::string("services_untranslated = ") + (services_translated ? "false" : "true") + "\n";
  }
  std::string description_language;
  bool description_translated = true;
  auto description = in_language(actor.descriptions, language, config, description_language,
                                 description_translated);
  out += "description_lang = " + toml_string(description_language) + "\n";
  out += std::string("description_untranslated = ") + (description_translated ? "false" : "true") + "\n";
  out += "countries = " + toml_list({country}) + "\n";
  out += "kinds = " + toml_list({kind}) + "\n";
  out += "sectors = " + toml_list(sectors) + "\n";
  out += "countrysectors = " + toml_list(country_sectors) + "\n";
  if (!actor.other_names.empty()) {
    out += "other_names = [\n";
    for (const auto& other : actor.other_names) {
      out += "  { name = " + toml_string(other.name) + ", lang = " + toml_string(other.language) + " },\n";
    }
    out += "]\n";
  }
  out += "+++\n\n";
  if (description) out += rewrite_links(description->text, "", guidelines, actors);
  return out;
}

void copy_tree(const fs::path& from, const fs::path& to) {
  std::error_code ec;
  if (!fs::is_directory(from, ec)) return;
  fs::create_directories(to, ec);
  fs::copy(from, to, fs::copy_options::recursive | fs::copy_options::overwrite_existing, ec);
}

}  // namespace

std::string rewrite_links(const std::string& markdown, const std::string& directory,
                          const std::string& guidelines, const std::string& actors) {
  std::string out;
  out.reserve(markdown.size() + markdown.size() / 8);
  size_t position = 0;
  while (true) {
    size_t open = markdown.find("](", position);
    if (open == std::string::npos) break;
    size_t start = open + 2;
    size_t close = markdown.find(')', start);
    if (close == std::string::npos) break;
    std::string target = markdown.substr(start, close - start);
    size_t space = target.find_first_of(" \t\n");
    std::string destination = target.substr(0, space);
    std::string rest = space == std::string::npos ? "" : target.substr(space);
    size_t hash = destination.find('#');
    std::string path = destination.substr(0, hash);
    std::string fragment = hash == std::string::npos ? "" : destination.substr(hash);
    std::string content_path;
    if (starts_with(path, "@/actors/")) {
      content_path = "/" + actors + "/" + path.substr(9) + ".md";
    } else if (starts_with(path, "@/") && ends_with(path, ".md")) {
      content_path = "/" + section_path(path.substr(2), guidelines);
    } else if (ends_with(path, ".md") && path.find(':') == std::string::npos && !starts_with(path, "/")) {
      content_path = "/" + section_path(normalize(directory + "/" + path), guidelines);
    }
    out.append(markdown, position, start - position);
    if (content_path.empty()) {
      out += target;
    } else {
      out += "{{< relref \"" + content_path + fragment + "\" >}}" + rest;
    }
    out += ')';
    position = close + 1;
  }
  out.append(markdown, position, std::string::npos);
  return out;
}

std::string convert_to_hugo(const HugoOptions& options) {
  passerelle::DiskSourceTree tree(options.site);
  passerelle::Diagnostics diagnostics;
  auto config_text = passerelle::read_text_file(tree, "site.toml", diagnostics);
  std::optional<passerelle::SiteConfig> config;
  if (config_text) config = passerelle::parse_site_config(*config_text, "site.toml", diagnostics);
  std::vector<passerelle::PageSource> pages;
  std::optional<passerelle::Directory> directory;
  if (config) {
    pages = passerelle::load_pages(tree, *config, false, diagnostics);
    directory = passerelle::load_directory(tree, *config, false, diagnostics);
  }
  if (!config || !directory || diagnostics.has_errors()) {
    std::string message = options.site + " is not a valid Passerelle site:";
    int shown = 0;
    for (const auto& diagnostic : diagnostics.sorted()) {
      if (shown++ == 10) break;
      message += "\n  " + passerelle::format_diagnostic(diagnostic);
    }
    return message;
  }

  fs::path out(options.out);
  if (auto problem = prepare_folder(out, kHugoMarker); !problem.empty()) return problem;
  std::string error;
  std::map<std::string, std::map<std::string, std::string>> strings;
  for (const auto& language : config->languages) {
    strings[language.code] = ui_strings(options, config->theme, language.code);
  }
  if (!write_file(out / "hugo.toml", hugo_config(*config, strings), error)) return error;

  for (const auto& language : config->languages) {
    fs::path content = out / "content" / language.code;
    const std::string& guidelines = language.sections.guidelines;
    const std::string& actors = language.sections.directory;
    bool has_guidelines_index = false;
    for (const auto& page : pages) {
      if (page.language != language.code) continue;
      fs::path target;
      switch (page.kind) {
        case passerelle::PageKind::kHome: target = content / "_index.md"; break;
        case passerelle::PageKind::kGuidelinesIndex:
          has_guidelines_index = true;
          target = content / guidelines / "_index.md";
          break;
        default: target = content / section_path(page.relative_path, guidelines);
      }
      if (!write_file(target, page_file(page, guidelines, actors), error)) return error;
    }
    auto& t = strings[language.code];
    if (!has_guidelines_index) {
      std::string index = "+++\ntitle = " + toml_string(t["guidelines"]) + "\n+++\n";
      if (!write_file(content / guidelines / "_index.md", index, error)) return error;
    }
    std::string directory_index = "+++\ntitle = " + toml_string(t["directory"]) +
                                  "\ndescription = " + toml_string(t["directory_description"]) + "\n+++\n";
    if (!write_file(content / actors / "_index.md", directory_index, error)) return error;
    for (const auto& actor : directory->actors) {
      std::string text = actor_file(actor, directory->vocabulary, *config, language.code, guidelines, actors);
      if (!write_file(content / actors / (actor.id + ".md"), text, error)) return error;
    }
  }

  for (const auto& [path, text] : hugo_layouts()) {
    if (!write_file(out / "layouts" / path, text, error)) return error;
  }
  copy_tree(fs::path(options.bundled_themes) / config->theme / "static", out / "static");
  copy_tree(fs::path(options.site) / "themes" / config->theme / "static", out / "static");
  if (!write_file(out / kHugoMarker, "converted from a Passerelle site\n", error)) return error;
  return "";
}

}  // namespace corpus
