#include "check/translations.h"

#include <algorithm>
#include <regex>
#include <set>

#include "content/actor_schema.h"
#include "content/page_schema.h"
#include "base/text.h"
#include "messages/messages.h"
#include "base/toml_fields.h"

namespace passerelle {

namespace {

// UI strings a theme may give in some languages only.
const std::set<std::string> kOptionalUiStrings = {"first_day"};

/// The per-language field of actor records whose gaps are `what` ("actor description"), or
/// nullptr.
const ActorField* per_language_field(const std::string& what) {
  for (const auto* field : per_language_fields()) {
    if (what == field->translation.item) return field;
  }
  return nullptr;
}

void replace_all(std::string& text, std::string_view from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

/// The first line of `path` that `pattern` matches from its start; the file alone if none.
SourceLocation line_of(const SourceTree& tree, const std::string& path, const std::regex& pattern) {
  auto text = tree.read(path);
  if (!text) return {path, 0, 0};
  std::string normalized = normalize_source(*text);
  size_t begin = 0;
  for (int line = 1; begin < normalized.size(); ++line) {
    size_t end = normalized.find('\n', begin);
    if (end == std::string::npos) end = normalized.size();
    std::string current = normalized.substr(begin, end - begin);
    if (std::regex_search(current, pattern, std::regex_constants::match_continuous)) {
      return {path, line, 1};
    }
    begin = end + 1;
  }
  return {path, 0, 0};
}

void add_pages(const SourceTree& tree, const SiteConfig& config,
               const std::vector<PageSource>& pages, TranslationReport& report) {
  std::map<std::string, std::map<std::string, const PageSource*>> by_key;
  for (const auto& page : pages) by_key[page.translation_key][page.language] = &page;
  Coverage coverage;
  coverage.total = by_key.size();
  for (const auto& [key, versions] : by_key) {
    auto source = versions.find(config.default_language);
    const PageSource* reference =
        source != versions.end() ? source->second : versions.begin()->second;
    for (const auto& language : config.languages) {
      auto version = versions.find(language.code);
      if (version == versions.end()) {
        // A translation whose file is there but did not load (its errors are reported) is not
        // missing: `passerelle new` would refuse to write it.
        if (tree.is_file("content/" + language.code + "/" + key + ".md")) {
          ++coverage.present[language.code];
        } else {
          report.missing.push_back({N_("page"), key, language.code, {reference->path, 0, 0}});
        }
        continue;
      }
      ++coverage.present[language.code];
      if (source == versions.end() || version == source) continue;
      auto [field, date] = version_date(*version->second);
      std::string source_date = version_date(*source->second).second;
      if (date.empty() || source_date.empty() || date >= source_date) continue;
      const PageSource& page = *version->second;
      int line = page.*field->line;  // where the parser found the date that is compared
      SourceLocation where{page.path, line, line > 0 ? 1 : 0};
      report.stale.push_back({key, language.code, where, date, source->second->path, source_date});
    }
  }
  report.coverage.emplace_back(N_("pages"), coverage);
}

/// The per-language fields of the records (descriptions, services): an actor counts for a
/// field that is required, or that it has in some language.
void add_actors(const SourceTree& tree, const SiteConfig& config, const Directory& directory,
                TranslationReport& report) {
  auto fields = per_language_fields();
  std::vector<Coverage> coverage(fields.size());
  std::vector<std::regex> headers;  // the line of the field's table: "[description]"
  for (const auto* field : fields) headers.emplace_back("\\[" + std::string(field->name) + "\\]");
  for (const auto& actor : directory.actors) {
    std::vector<std::vector<std::string>> present;
    for (size_t f = 0; f < fields.size(); ++f) {
      present.push_back(languages_of(actor, *fields[f]));
      if (fields[f]->required || !present[f].empty()) ++coverage[f].total;
    }
    for (const auto& language : config.languages) {
      for (size_t f = 0; f < fields.size(); ++f) {
        if (!fields[f]->required && present[f].empty()) continue;
        if (std::find(present[f].begin(), present[f].end(), language.code) != present[f].end()) {
          ++coverage[f].present[language.code];
        } else {
          report.missing.push_back({fields[f]->translation.item, actor.id, language.code,
                                    line_of(tree, actor.path, headers[f])});
        }
      }
    }
  }
  for (size_t f = 0; f < fields.size(); ++f) {
    report.coverage.emplace_back(fields[f]->translation.coverage, coverage[f]);
  }
}

void add_ui_strings(const SourceTree& tree, const SourceTree& bundled, const SiteConfig& config,
                    TranslationReport& report) {
  LayeredSourceTree theme(tree, "themes/" + config.theme + "/", bundled, config.theme + "/");
  std::map<std::string, std::set<std::string>> keys;  // language → keys
  std::set<std::string> all;
  for (const auto& language : config.languages) {
    std::string file = "i18n/" + language.code + ".toml";
    auto text = theme.read(file);
    Diagnostics ignored;  // the build reports unreadable files
    auto table = text ? parse_toml(normalize_source(*text), file, ignored) : std::nullopt;
    if (!table) continue;
    for (const auto& [key, node] : *table) {
      keys[language.code].insert(std::string(key.str()));
      all.insert(std::string(key.str()));
    }
  }
  Coverage coverage;
  for (const auto& key : all) {
    if (kOptionalUiStrings.count(key)) continue;
    ++coverage.total;
    for (const auto& language : config.languages) {
      if (keys[language.code].count(key)) {
        ++coverage.present[language.code];
      } else {
        std::string file = "i18n/" + language.code + ".toml";
        report.missing.push_back({N_("UI string"), key, language.code, {theme.origin_of(file), 0, 0}});
      }
    }
  }
  report.coverage.emplace_back(N_("UI strings"), coverage);
}

void add_vocabulary(const SourceTree& tree, const SiteConfig& config, TranslationReport& report) {
  const std::string path = "directory-data/vocabulary.toml";
  auto text = tree.read(path);
  Diagnostics ignored;  // the build reports a broken vocabulary
  auto table = text ? parse_toml(normalize_source(*text), path, ignored) : std::nullopt;
  Coverage coverage;
  if (table) {
    for (std::string category : {"countries", "regions", "kinds", "sectors", "languages"}) {
      const auto* terms = table->get_as<toml::table>(category);
      if (!terms) continue;
      bool with_slug = category != "languages";
      for (const auto& [key, node] : *terms) {
        ++coverage.total;
        const auto* term = node.as_table();
        for (const auto& language : config.languages) {
          const auto* labels = term ? term->get_as<toml::table>(language.code) : nullptr;
          auto label = labels ? labels->get_as<std::string>("label") : nullptr;
          auto slug = labels ? labels->get_as<std::string>("slug") : nullptr;
          bool complete =
              label && !label->get().empty() && (!with_slug || (slug && !slug->get().empty()));
          if (complete) {
            ++coverage.present[language.code];
          } else {
            report.missing.push_back({N_("vocabulary label"), category + "." + std::string(key.str()),
                                      language.code, location_of(node, path)});
          }
        }
      }
    }
  }
  report.coverage.emplace_back(N_("vocabulary labels"), coverage);
}

}  // namespace

TranslationReport translation_report(const SourceTree& tree, const SourceTree& bundled_themes,
                                     const SiteConfig& config, const std::vector<PageSource>& pages,
                                     const Directory* directory) {
  TranslationReport report;
  report.source_language = config.default_language;
  for (const auto& language : config.languages) report.languages.push_back(language.code);
  add_pages(tree, config, pages, report);
  if (directory) add_actors(tree, config, *directory, report);
  add_ui_strings(tree, bundled_themes, config, report);
  add_vocabulary(tree, config, report);
  return report;
}

void add_translation_warnings(const TranslationReport& report, const SiteConfig& config,
                              Diagnostics& diagnostics) {
  auto name_of = [&](const std::string& code) {
    const auto* language = config.language(code);
    return language && !language->name.empty() ? language->name + " (" + code + ")" : code;
  };
  for (const auto& gap : report.missing) {
    std::string in = name_of(gap.language);
    if (gap.what == "page") {
      bool guideline =
          starts_with(gap.item, "guidelines/") && gap.item.find('/', 11) == std::string::npos;
      diagnostics.warning(
          gap.where,
          guideline ? format_message(tr("no translation in %1$s of this page (translation key "
                                        "'%2$s'); 'passerelle new guideline %3$s --lang %4$s' "
                                        "starts it from this one"),
                                     in, gap.item, gap.item.substr(11), gap.language)
                    : format_message(tr("no translation in %1$s of this page (translation key "
                                        "'%2$s')"),
                                     in, gap.item));
    } else if (const auto* field = per_language_field(gap.what)) {
      std::string warning = tr(field->translation.warning);
      replace_all(warning, "{in}", in);
      replace_all(warning, "{lang}", gap.language);
      diagnostics.warning(gap.where, warning);
    } else if (gap.what == "UI string") {
      diagnostics.warning(gap.where, format_message(tr("UI string '%1$s' is missing in %2$s (other "
                                                       "languages have it)"),
                                                    gap.item, in));
    }
  }
  for (const auto& stale : report.stale) {
    diagnostics.warning(stale.where,
                        format_message(tr("translation older than its source: %1$s here, %2$s in "
                                          "%3$s"),
                                       stale.date, stale.source_date, stale.source_path));
  }
}

}  // namespace passerelle
