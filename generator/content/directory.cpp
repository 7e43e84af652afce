#include "content/directory.h"

#include <set>

#include "content/pages.h"
#include "content/load_all.h"
#include "text.h"
#include "toml_fields.h"

namespace passerelle {

namespace {

void read_terms(const toml::table& root, std::string_view category, bool with_slug,
                const std::string& path, const SiteConfig& config, Diagnostics& diagnostics,
                std::map<std::string, Term>& terms) {
  const auto* table = root.get_as<toml::table>(category);
  if (!table) {
    diagnostics.error({path, 1, 1}, "missing table [" + std::string(category) + "]");
    return;
  }
  std::map<std::string, std::string> slug_owner;  // "lang/slug" → term, to catch duplicates
  for (const auto& [key, node] : *table) {
    Term term;
    term.key = std::string(key.str());
    term.location = location_of(node, path);
    const auto* term_table = node.as_table();
    if (!term_table) {
      diagnostics.error(term.location, "[" + std::string(category) + "." + term.key +
                                           "] must be a table of labels per language");
      continue;
    }
    std::string context = std::string(category) + "." + term.key;
    TomlReader reader(*term_table, path, diagnostics, context);
    if (category == "regions") term.country = reader.string("country", true).value_or("");
    for (const auto& language : config.languages) {
      const toml::table* labels = reader.table(language.code, true);
      if (!labels) continue;
      TomlReader label_reader(*labels, path, diagnostics, context + "." + language.code);
      TermLabel label;
      label.label = label_reader.string("label", true).value_or(term.key);
      if (with_slug) {
        label.slug = label_reader.string("slug", true).value_or(term.key);
        if (!is_valid_id(label.slug)) {
          diagnostics.error(label_reader.location("slug"),
                            "slug '" + label.slug + "' must use only a-z, 0-9 and single hyphens");
        }
        auto [it, fresh] = slug_owner.emplace(language.code + "/" + label.slug, term.key);
        if (!fresh) {
          diagnostics.error(label_reader.location("slug"),
                            "slug '" + label.slug + "' is used by both '" + it->second +
                                "' and '" + term.key + "'");
        }
      }
      term.by_language[language.code] = label;
    }
    terms[term.key] = std::move(term);
  }
}

std::string allowed_keys(const std::map<std::string, Term>& terms) {
  std::string list;
  for (const auto& [key, term] : terms) list += (list.empty() ? "" : ", ") + key;
  return list;
}

bool check_term(TomlReader& reader, std::string_view field, const std::string& value,
                const std::map<std::string, Term>& terms, const toml::node* node) {
  if (terms.count(value)) return true;
  auto where = node ? location_of(*node, reader.path()) : reader.location(field);
  std::string noun(field);
  if (noun.back() == 's') noun.pop_back();  // "sectors" lists sector terms
  reader.diagnostics().error(where, "unknown " + noun + " '" + value +
                                        "' (allowed: " + allowed_keys(terms) + ")");
  return false;
}

void read_term_list(TomlReader& reader, const toml::table& table, std::string_view field,
                    bool required, const std::map<std::string, Term>& terms,
                    std::vector<std::string>& out) {
  out = reader.string_list(field, required);
  const auto* array = table.get_as<toml::array>(field);
  std::set<std::string> seen;
  for (size_t i = 0; i < out.size(); ++i) {
    const toml::node* node = array && i < array->size() ? array->get(i) : nullptr;
    check_term(reader, field, out[i], terms, node);
    if (!seen.insert(out[i]).second) {
      reader.diagnostics().error(node ? location_of(*node, reader.path()) : reader.location(field),
                                 "'" + out[i] + "' is listed twice in '" + std::string(field) + "'");
    }
  }
}

/// The shape of a BCP 47 tag: a 2- or 3-letter language, then subtags of 1 to 8 letters or
/// digits. It lands in lang="…" attributes and decides the writing direction.
bool is_language_tag(std::string_view tag) {
  size_t length = 0, subtags = 0;
  for (size_t i = 0; i <= tag.size(); ++i) {
    if (i == tag.size() || tag[i] == '-') {
      bool first = subtags++ == 0;
      if (first ? (length < 2 || length > 3) : (length < 1 || length > 8)) return false;
      length = 0;
      continue;
    }
    char c = tag[i];
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    bool digit = c >= '0' && c <= '9';
    if (!letter && !(digit && subtags > 0)) return false;
    ++length;
  }
  return true;
}

void read_other_names(TomlReader& reader, const toml::table& table, ActorRecord& actor) {
  const auto* array = reader.array("other_names", false);
  if (!array) return;
  for (const auto& node : *array) {
    const auto* entry = node.as_table();
    if (!entry) {
      reader.diagnostics().error(location_of(node, reader.path()),
                                 "each item of 'other_names' must be { name = \"…\", lang = \"…\" }");
      continue;
    }
    TomlReader name_reader(*entry, reader.path(), reader.diagnostics(), "other_names");
    name_reader.reject_unknown({"name", "lang"});
    auto name = name_reader.string("name", true);
    auto language = name_reader.string("lang", true);
    if (language && !is_language_tag(*language)) {
      reader.diagnostics().error(name_reader.location("lang"),
                                 "lang '" + *language + "' must be a language code such as \"ar\" "
                                 "or \"tzm-Latn\"");
      language.reset();
    }
    if (name && language) actor.other_names.push_back({*name, *language});
  }
  (void)table;
}

void read_localized(TomlReader& reader, const SiteConfig& config, ActorRecord& actor) {
  if (const auto* services = reader.table("services", false)) {
    TomlReader services_reader(*services, reader.path(), reader.diagnostics(), "services");
    std::vector<std::string_view> codes;
    for (const auto& language : config.languages) codes.push_back(language.code);
    services_reader.reject_unknown(codes);
    for (const auto& language : config.languages) {
      auto items = services_reader.string_list(language.code, false);
      if (!items.empty()) actor.services[language.code] = std::move(items);
    }
  }
  const auto* descriptions = reader.table("description", true);
  if (!descriptions) return;
  TomlReader description_reader(*descriptions, reader.path(), reader.diagnostics(), "description");
  std::vector<std::string_view> codes;
  for (const auto& language : config.languages) codes.push_back(language.code);
  description_reader.reject_unknown(codes);
  for (const auto& language : config.languages) {
    // A blank text (as `passerelle new actor` leaves it) counts as no text.
    auto text = description_reader.string(language.code, false);
    if (text && !is_blank_text(*text)) {
      actor.descriptions[language.code] = {*text, description_reader.location(language.code).line};
    }
  }
  if (actor.descriptions.empty()) {
    reader.diagnostics().error(reader.location("description"),
                               "[description] needs a text in at least one site language");
  }
}

void read_contact(TomlReader& reader, ActorRecord& actor) {
  actor.website = reader.string("website", false).value_or("");
  if (!actor.website.empty() && !is_http_url(actor.website)) {
    reader.diagnostics().error(reader.location("website"),
                               "website must be an http:// or https:// URL");
  }
  actor.email = reader.string("email", false).value_or("");
  if (auto problem = email_problem(actor.email); !actor.email.empty() && !problem.empty()) {
    reader.diagnostics().error(reader.location("email"), problem);
  }
  actor.phone = reader.string("phone", false).value_or("");
  if (auto problem = phone_problem(actor.phone); !actor.phone.empty() && !problem.empty()) {
    reader.diagnostics().error(reader.location("phone"), problem);
  }
  actor.address = reader.string("address", false).value_or("");
  if (const auto* coordinates = reader.table("coordinates", false)) {
    TomlReader position(*coordinates, reader.path(), reader.diagnostics(), "coordinates");
    position.reject_unknown({"lat", "lon"});
    auto latitude = position.number("lat");
    auto longitude = position.number("lon");
    if (!latitude || !longitude || *latitude < -90 || *latitude > 90 || *longitude < -180 ||
        *longitude > 180) {
      reader.diagnostics().error(reader.location("coordinates"),
                                 "coordinates must be { lat = -90…90, lon = -180…180 }");
    } else {
      actor.coordinates = Coordinates{*latitude, *longitude};
    }
  }
}

}  // namespace

std::optional<Vocabulary> parse_vocabulary(std::string_view text, const std::string& path,
                                           const SiteConfig& config, Diagnostics& diagnostics) {
  int errors_before = diagnostics.error_count();
  auto table = parse_toml(text, path, diagnostics);
  if (!table) return std::nullopt;
  TomlReader root(*table, path, diagnostics);
  root.reject_unknown({"countries", "regions", "kinds", "sectors", "languages"});
  Vocabulary vocabulary;
  read_terms(*table, "countries", true, path, config, diagnostics, vocabulary.countries);
  read_terms(*table, "regions", true, path, config, diagnostics, vocabulary.regions);
  read_terms(*table, "kinds", true, path, config, diagnostics, vocabulary.kinds);
  read_terms(*table, "sectors", true, path, config, diagnostics, vocabulary.sectors);
  read_terms(*table, "languages", false, path, config, diagnostics, vocabulary.languages);
  for (const auto& [key, region] : vocabulary.regions) {
    if (!vocabulary.countries.count(region.country)) {
      diagnostics.error(region.location, "region '" + key + "' belongs to unknown country '" +
                                             region.country + "'");
    }
  }
  if (diagnostics.error_count() > errors_before) return std::nullopt;
  return vocabulary;
}

std::optional<ActorRecord> parse_actor(std::string_view text, const std::string& path,
                                       const std::string& id, const SiteConfig& config,
                                       const Vocabulary& vocabulary, Diagnostics& diagnostics) {
  int errors_before = diagnostics.error_count();
  if (!is_valid_id(id)) {
    diagnostics.error({path, 0, 0}, "the file name '" + id +
                                        "' is the actor's id: use only a-z, 0-9 and single hyphens");
  }
  auto table = parse_toml(text, path, diagnostics);
  if (!table) return std::nullopt;
  TomlReader reader(*table, path, diagnostics);
  reader.reject_unknown({"name", "short_name", "country", "region", "city", "kind", "sectors",
                         "languages", "website", "email", "phone", "address", "coordinates",
                         "last_reviewed", "other_names", "services", "description"});
  ActorRecord actor;
  actor.id = id;
  actor.path = path;
  actor.name = reader.string("name", true).value_or("");
  actor.short_name = reader.string("short_name", false).value_or("");
  actor.country = reader.string("country", true).value_or("");
  bool known_country = !actor.country.empty() &&
                       check_term(reader, "country", actor.country, vocabulary.countries, nullptr);
  actor.region = reader.string("region", false).value_or("");
  // Without a known country the region cannot be compared: one root cause, one error.
  if (!actor.region.empty() &&
      check_term(reader, "region", actor.region, vocabulary.regions, nullptr) && known_country &&
      vocabulary.regions.at(actor.region).country != actor.country) {
    diagnostics.error(reader.location("region"), "region '" + actor.region +
                                                     "' is not in country '" + actor.country + "'");
  }
  actor.city = reader.string("city", false).value_or("");
  actor.kind = reader.string("kind", true).value_or("");
  if (!actor.kind.empty()) check_term(reader, "kind", actor.kind, vocabulary.kinds, nullptr);
  read_term_list(reader, *table, "sectors", true, vocabulary.sectors, actor.sectors);
  read_term_list(reader, *table, "languages", false, vocabulary.languages, actor.languages);
  read_contact(reader, actor);
  actor.last_reviewed = reader.date("last_reviewed", true).value_or("");
  read_other_names(reader, *table, actor);
  read_localized(reader, config, actor);
  if (diagnostics.error_count() > errors_before) return std::nullopt;
  return actor;
}

std::optional<ActorRecord> load_actor_file(const SourceTree& tree, const std::string& path,
                                           const SiteConfig& config, const Vocabulary& vocabulary,
                                           Diagnostics& diagnostics) {
  std::string relative = path.substr(std::string(kActorsFolder).size());
  if (relative.find('/') != std::string::npos) {
    diagnostics.error({path, 0, 0}, "actor records go directly in directory-data/actors/");
    return std::nullopt;
  }
  auto text = read_text_file(tree, path, diagnostics);
  if (!text) return std::nullopt;
  std::string id = relative.substr(0, relative.size() - 5);
  return parse_actor(*text, path, id, config, vocabulary, diagnostics);
}

bool is_actor_file(const std::string& path) {
  return starts_with(path, kActorsFolder) && ends_with(path, ".toml");
}

std::vector<std::string> actor_files(const SourceTree& tree) {
  std::vector<std::string> paths;
  for (auto& path : tree.list_files("directory-data/actors")) {
    if (is_actor_file(path)) paths.push_back(std::move(path));
  }
  return paths;
}

std::optional<Vocabulary> load_vocabulary(const SourceTree& tree, const SiteConfig& config,
                                          Diagnostics& diagnostics) {
  auto text = read_text_file(tree, kVocabularyPath, diagnostics);
  if (!text) return std::nullopt;
  return parse_vocabulary(*text, kVocabularyPath, config, diagnostics);
}

std::optional<Directory> load_directory(const SourceTree& tree, const SiteConfig& config,
                                        Diagnostics& diagnostics) {
  auto vocabulary = load_vocabulary(tree, config, diagnostics);
  if (!vocabulary) return std::nullopt;
  Directory directory{std::move(*vocabulary), {}};
  directory.actors = load_all<ActorRecord>(actor_files(tree), [&](const std::string& path, Diagnostics& found) {
    return load_actor_file(tree, path, config, directory.vocabulary, found);
  }, diagnostics);
  return directory;
}

}  // namespace passerelle
