#include "content/directory.h"

#include "content/actor_schema.h"
#include "content/pages.h"
#include "content/load_all.h"
#include "base/text.h"
#include "messages/messages.h"
#include "base/toml_fields.h"

namespace passerelle {

namespace {

// Said of a draft record whose fields have problems: they are warnings while it is a draft.
constexpr PluralMessage kDraftRecordNotice =
    N_plural("this record is a draft with %1$d problem, a warning while it is a draft: it has "
             "no page until it is fixed",
             "this record is a draft with %1$d problems, warnings while it is a draft: it has "
             "no page until they are fixed");

void read_terms(const toml::table& root, std::string_view category, bool with_slug,
                const std::string& path, const SiteConfig& config, Diagnostics& diagnostics,
                std::map<std::string, Term>& terms, bool required = true) {
  const auto* table = root.get_as<toml::table>(category);
  if (!table && !required) return;
  if (!table) {
    diagnostics.error({path, 1, 1},
                      format_message(tr("missing table [%1$s]"), std::string(category)));
    return;
  }
  std::map<std::string, std::string> slug_owner;  // "lang/slug" → term, to catch duplicates
  for (const auto& [key, node] : *table) {
    Term term;
    term.key = std::string(key.str());
    term.location = location_of(node, path);
    const auto* term_table = node.as_table();
    if (!term_table) {
      diagnostics.error(term.location,
                        format_message(tr("[%1$s.%2$s] must be a table of labels per language"),
                                       std::string(category), term.key));
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
                            format_message(tr("slug '%1$s' must use only a-z, 0-9 and single "
                                              "hyphens"),
                                           label.slug));
        }
        auto [it, fresh] = slug_owner.emplace(language.code + "/" + label.slug, term.key);
        if (!fresh) {
          diagnostics.error(label_reader.location("slug"),
                            format_message(tr("slug '%1$s' is used by both '%2$s' and '%3$s'"),
                                           label.slug, it->second, term.key));
        }
      }
      term.by_language[language.code] = label;
    }
    terms[term.key] = std::move(term);
  }
}

}  // namespace

std::optional<Vocabulary> parse_vocabulary(std::string_view text, const std::string& path,
                                           const SiteConfig& config, Diagnostics& diagnostics) {
  int errors_before = diagnostics.error_count();
  auto table = parse_toml(text, path, diagnostics);
  if (!table) return std::nullopt;
  TomlReader root(*table, path, diagnostics);
  std::vector<std::string_view> categories{"countries", "regions", "kinds", "sectors", "languages", "tags"};
  for (const auto& taxonomy : config.taxonomies) categories.push_back(taxonomy.key);
  root.reject_unknown(categories);
  Vocabulary vocabulary;
  read_terms(*table, "countries", true, path, config, diagnostics, vocabulary.countries);
  read_terms(*table, "regions", true, path, config, diagnostics, vocabulary.regions);
  read_terms(*table, "kinds", true, path, config, diagnostics, vocabulary.kinds);
  read_terms(*table, "sectors", true, path, config, diagnostics, vocabulary.sectors);
  read_terms(*table, "languages", false, path, config, diagnostics, vocabulary.languages);
  read_terms(*table, "tags", true, path, config, diagnostics, vocabulary.tags, false);
  for (const auto& taxonomy : config.taxonomies) {
    read_terms(*table, taxonomy.key, true, path, config, diagnostics,
               vocabulary.taxonomies[taxonomy.key], false);
  }
  for (const auto& [key, region] : vocabulary.regions) {
    if (!vocabulary.countries.count(region.country)) {
      diagnostics.error(region.location,
                        format_message(tr("region '%1$s' belongs to unknown country '%2$s'"), key,
                                       region.country));
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
    diagnostics.error({path, 0, 0}, format_message(tr("the file name '%1$s' is the actor's id: use "
                                                      "only a-z, 0-9 and single hyphens"),
                                                   id));
  }
  auto table = parse_toml(text, path, diagnostics);
  if (!table) return std::nullopt;
  Diagnostics found;  // the fields' problems: warnings in a draft
  TomlReader reader(*table, path, found);
  ActorRecord actor;
  actor.id = id;
  actor.path = path;
  read_actor_fields(reader, config, vocabulary, actor);
  if (append_field_problems(diagnostics, found, actor.draft, reader.location("draft"),
                            kDraftRecordNotice)) {
    actor.draft_problems = found.error_count();
  }
  if (diagnostics.error_count() > errors_before) return std::nullopt;
  return actor;
}

std::optional<ActorRecord> load_actor_file(const SourceTree& tree, const std::string& path,
                                           const SiteConfig& config, const Vocabulary& vocabulary,
                                           bool include_drafts, Diagnostics& diagnostics,
                                           bool include_incomplete_drafts) {
  std::string relative = path.substr(std::string(kActorsFolder).size());
  if (relative.find('/') != std::string::npos) {
    diagnostics.error({path, 0, 0}, tr("actor records go directly in directory-data/actors/"));
    return std::nullopt;
  }
  auto text = read_text_file(tree, path, diagnostics);
  if (!text) return std::nullopt;
  std::string id = relative.substr(0, relative.size() - 5);
  auto actor = parse_actor(*text, path, id, config, vocabulary, diagnostics);
  bool shown = include_drafts && actor && actor->draft_problems == 0;
  if (!actor || (actor->draft && !shown && !include_incomplete_drafts)) return std::nullopt;
  return actor;
}

bool is_actor_file(const std::string& path) {
  return is_source_in(path, kActorsFolder, ".toml");
}

std::vector<std::string> actor_files(const SourceTree& tree) {
  return sources_in(tree, kActorsFolder, ".toml");
}

std::optional<Vocabulary> load_vocabulary(const SourceTree& tree, const SiteConfig& config,
                                          Diagnostics& diagnostics) {
  auto text = read_text_file(tree, kVocabularyPath, diagnostics);
  if (!text) return std::nullopt;
  return parse_vocabulary(*text, kVocabularyPath, config, diagnostics);
}

std::optional<Directory> load_directory(const SourceTree& tree, const SiteConfig& config,
                                        bool include_drafts, Diagnostics& diagnostics) {
  auto vocabulary = load_vocabulary(tree, config, diagnostics);
  if (!vocabulary) return std::nullopt;
  Directory directory{std::move(*vocabulary), {}};
  directory.actors = load_all<ActorRecord>(actor_files(tree), [&](const std::string& path, Diagnostics& found) {
    return load_actor_file(tree, path, config, directory.vocabulary, include_drafts, found);
  }, diagnostics);
  return directory;
}

}  // namespace passerelle
