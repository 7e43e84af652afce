#include "scaffold/scaffold.h"

#include <algorithm>
#include <cstdio>
#include <type_traits>
#include <variant>

#include "content/actor_schema.h"
#include "content/directory.h"
#include "content/page_schema.h"
#include "content/pages.h"
#include "base/text.h"
#include "messages/messages.h"

namespace passerelle {

namespace {

struct Placeholders {
  const char* summary;
  const char* heading;
  const char* paragraph;
};

Placeholders placeholders_for(const std::string& language) {
  if (is_language(language, "fr")) {
    return {"À compléter : une ou deux phrases qui résument cette ligne directrice.",
            "Première partie", "Rédigez ici le texte de la ligne directrice."};
  }
  if (is_language(language, "it")) {
    return {"Da completare: una o due frasi che riassumono questa linea guida.", "Prima parte",
            "Scrivete qui il testo della linea guida."};
  }
  return {"To do: one or two sentences that sum up this guideline.", "First part",
          "Write the guideline here."};
}

/// The errors for a name that cannot name a new file: alone, and with a name that can.
struct NameErrors {
  const char* refused;
  const char* with_example;
};

constexpr NameErrors kSlugErrors{
    N_("'%1$s' is not a valid slug: use a-z, 0-9 and single hyphens"),
    N_("'%1$s' is not a valid slug: use a-z, 0-9 and single hyphens (for example '%2$s')")};
constexpr NameErrors kActorIdErrors{
    N_("'%1$s' is not a valid actor id: use a-z, 0-9 and single hyphens"),
    N_("'%1$s' is not a valid actor id: use a-z, 0-9 and single hyphens (for example '%2$s')")};

/// Whether `name` can name a new file and its page (a slug or an actor id); when not, an
/// error says so, with a name that can, made from it, where there is one.
bool is_valid_name(const std::string& name, const NameErrors& errors, Diagnostics& diagnostics) {
  if (is_valid_id(name)) return true;
  std::string suggestion = slugify(name);
  diagnostics.error({}, is_valid_id(suggestion)
                            ? format_message(tr(errors.with_example), name, suggestion)
                            : format_message(tr(errors.refused), name));
  return false;
}

/// Whether `path` is free; `new` never overwrites a file.
bool is_new_file(const SourceTree& tree, const std::string& path, Diagnostics& diagnostics) {
  if (!tree.is_file(path)) return true;
  diagnostics.error({path, 0, 0},
                    tr("this file exists already; 'passerelle new' never overwrites"));
  return false;
}

/// "aide-au-logement" → "Aide au logement": a starting title the editor will change.
std::string title_from_slug(const std::string& slug) {
  std::string title = slug;
  std::replace(title.begin(), title.end(), '-', ' ');
  if (!title.empty() && title[0] >= 'a' && title[0] <= 'z')
    title[0] = static_cast<char>(title[0] - 32);
  return title;
}

std::string toml_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (const auto& item : items) out += (out.size() > 1 ? ", " : "") + toml_string(item);
  return out + "]";
}

std::string language_name(const SiteConfig& config, const std::string& code) {
  const auto* language = config.language(code);
  return language && !language->name.empty() ? language->name : code;
}

std::string codes(const SiteConfig& config) {
  std::string list;
  for (const auto& language : config.languages) list += (list.empty() ? "" : ", ") + language.code;
  return list;
}

/// True if `language` is one of the site's; else says so in `diagnostics`.
bool is_site_language(const SiteConfig& config, const std::string& language,
                      Diagnostics& diagnostics) {
  if (config.language(language)) return true;
  diagnostics.error({}, format_message(tr("'%1$s' is not a language of site.toml (%2$s)"),
                                       language, codes(config)));
  return false;
}

/// "# " comment lines listing `items`, wrapped before 100 columns.
std::string comment_list(const std::string& intro, const std::vector<std::string>& items) {
  std::string out;
  std::string line = "# " + intro;
  for (size_t i = 0; i < items.size(); ++i) {
    std::string item = items[i] + (i + 1 < items.size() ? "," : ".");
    if (line.size() + 1 + item.size() > 98) {
      out += line + "\n";
      line = "#  ";
    }
    line += " " + item;
  }
  return out + line + "\n";
}

std::vector<std::string> terms(const std::map<std::string, Term>& vocabulary,
                               const std::string& language, bool with_country) {
  std::vector<std::string> items;
  for (const auto& [key, term] : vocabulary) {
    std::string item = key;
    auto label = term.by_language.find(language);
    std::string detail = label != term.by_language.end() ? label->second.label : "";
    if (with_country) detail += (detail.empty() ? "" : ", ") + term.country;
    if (!detail.empty() && detail != key) item += " (" + detail + ")";
    items.push_back(item);
  }
  return items;
}

/// The catalog of the comments of a file in `language` ("fr-MA" speaks "fr").
MessageCatalog catalog_for(const std::string& language) {
  return MessageCatalog(language.substr(0, language.find('-')));
}

/// `text` as "# " comment lines ("" for nullptr).
std::string comment_lines(const char* text) {
  if (!text) return "";
  std::string out;
  std::string_view rest = text;
  while (true) {
    size_t end = rest.find('\n');
    out += "# " + std::string(rest.substr(0, end)) + "\n";
    if (end == std::string_view::npos) return out;
    rest.remove_prefix(end + 1);
  }
}

/// The names of the page fields of a kind of translation, each after `article`: "title,
/// summary, tags".
std::string field_list(Translation translation, const std::string& article) {
  std::string list;
  for (const auto* field : page_fields(translation)) {
    list += (list.empty() ? "" : ", ") + article + field->name;
  }
  return list;
}

/// A page field's value as TOML: "text", 2026-12-01, 10, ["a", "b"] or true.
std::string toml_value(const PageSource& page, const PageField& field) {
  return std::visit(
      [&](auto member) -> std::string {
        const auto& value = page.*member;
        using Value = std::decay_t<decltype(value)>;
        if constexpr (std::is_same_v<Value, bool>) {
          return value ? "true" : "false";
        } else if constexpr (std::is_same_v<Value, int64_t>) {
          return std::to_string(value);
        } else if constexpr (std::is_same_v<Value, std::string>) {
          return field.type == FieldType::kDate ? value : toml_string(value);
        } else {
          return toml_list(value);
        }
      },
      field.member);
}

/// A field of a new page, under its comment ("{default}": the value it takes when left out,
/// which is the one written here); set, or commented out.
std::string field_lines(const PageField& field, const PageSource& page,
                        const MessageCatalog& in_file) {
  std::string comment = in_file.tr(field.scaffold);
  if (size_t at = comment.find("{default}"); at != std::string::npos) {
    comment.replace(at, 9, page.*std::get<std::string PageSource::*>(field.member));
  }
  bool commented = field.scaffolded == Scaffolded::kCommentedOut;
  return comment_lines(comment.c_str()) + (commented ? "# " : "") + field.name + " = " +
         toml_value(page, field) + "\n";
}

/// The comment above a field of a new record; for a vocabulary field, the allowed terms with
/// their labels in `language` (and their country, for terms that belong to one).
std::string field_comment(const ActorField& field, const Vocabulary* vocabulary,
                          const std::string& language, const MessageCatalog& in_file) {
  if (!field.scaffold) return "";
  if (!field.vocabulary) return comment_lines(in_file.tr(field.scaffold));
  std::string intro = in_file.tr(field.scaffold);
  if (!vocabulary) {
    return comment_lines(
        format_message(in_file.tr("%1$s see directory-data/vocabulary.toml."), intro).c_str());
  }
  const auto& category = vocabulary->*field.vocabulary;
  return comment_list(intro, terms(category, language, field.in_country));
}

/// A field of a new record: empty, today's date, or an example commented out.
std::string field_line(const ActorField& field, const std::string& today) {
  std::string name = field.name;
  if (field.type == FieldType::kBool) return name + " = true\n";  // draft: a new record is one
  if (field.example) return "# " + name + " = " + field.example + "\n";
  if (field.type == FieldType::kDate) return name + " = " + today + "\n";
  if (is_list(field.type)) return name + " = []\n";
  return name + " = \"\"\n";  // a string (kActorFields gives the others an example)
}

}  // namespace

std::optional<Scaffold> scaffold_guideline(const SourceTree& tree, const SiteConfig& config,
                                           const std::string& slug, const std::string& language,
                                           const std::string& today, Diagnostics& diagnostics,
                                           bool folder) {
  return scaffold_page(tree, config, PageKind::kGuideline, slug, language, today, diagnostics,
                       folder);
}

std::optional<Scaffold> scaffold_page(const SourceTree& tree, const SiteConfig& config,
                                      PageKind kind, const std::string& slug,
                                      const std::string& language, const std::string& today,
                                      Diagnostics& diagnostics, bool folder) {
  if (!is_site_language(config, language, diagnostics)) return std::nullopt;
  if (!is_valid_name(slug, kSlugErrors, diagnostics)) return std::nullopt;
  const bool guideline = kind == PageKind::kGuideline;
  Scaffold scaffold;
  std::string guidelines = "content/" + language + (guideline ? "/guidelines/" : "/");
  scaffold.path = guidelines + slug + (folder ? "/index.md" : ".md");
  // The same page in the other form would be a second page with the same slug.
  std::string other_form = guidelines + slug + (folder ? ".md" : "/index.md");
  if (!is_new_file(tree, scaffold.path, diagnostics) || !is_new_file(tree, other_form, diagnostics)) {
    return std::nullopt;
  }
  Diagnostics ignored;  // a broken page elsewhere must not stop a new one
  auto pages = load_pages(tree, config, true, ignored);
  std::string key = (guideline ? "guidelines/" : "") + slug;
  const PageSource* source = nullptr;
  int64_t last_weight = 0;
  for (const auto& page : pages) {
    if (page.language == language && page.kind == kind) {
      last_weight = std::max(last_weight, page.weight);
      if (page.slug == slug) {
        diagnostics.error({page.path, 0, 0},
                          format_message(guideline ? tr("this guideline already has the slug "
                                                        "'%1$s' in %2$s; choose another")
                                                   : tr("this page already has the slug '%1$s' "
                                                        "in %2$s; choose another"),
                                         slug, language));
        return std::nullopt;
      }
    }
    if (page.translation_key != key || page.language == language) continue;
    // The default language's version is the source of translations; else the first found.
    if (!source || page.language == config.default_language) source = &page;
  }
  const Placeholders text = placeholders_for(language);
  const std::string url =
      guideline ? language + "/" + config.language(language)->sections.guidelines + "/" + slug + "/"
                : language + "/" + slug + "/";
  PageSource page;  // the new page, as its front matter will say
  page.title = title_from_slug(slug);
  page.summary = text.summary;
  page.date = page.updated = today;
  page.weight = last_weight + 10;
  page.draft = true;
  page.slug = slug;
  page.translation_key = key;
  // The comments are in the language of the file, the notes in the editor's.
  const MessageCatalog in_file = catalog_for(language);
  std::string out = "+++\n";
  if (source) {
    copy_fields(*source, Translation::kTranslated, page);
    copy_fields(*source, Translation::kShared, page);
    out += comment_lines(
        format_message(in_file.tr("Translation of %1$s.\n"
                                  "The fields %2$s and the text below are still in %3$s: "
                                  "translate them,\n"
                                  "give the page its own slug if you like, then remove `draft = "
                                  "true` to publish.\n"
                                  "Links to #headings name the headings of that language: the "
                                  "build tells which to fix."),
                       source->path, field_list(Translation::kTranslated, ""),
                       language_name(config, source->language))
            .c_str());
  }
  out += comment_lines(format_message(guideline ? in_file.tr("A guideline, published at /%1$s\n"
                                                             "and listed in the guidelines index, "
                                                             "the feed and the print edition.\n"
                                                             "Every field is described in "
                                                             "docs/content-model.md.")
                                                 : in_file.tr("A page, published at /%1$s\n"
                                                              "and linked from the menu of every "
                                                              "page of its language.\n"
                                                              "Every field is described in "
                                                              "docs/content-model.md."),
                                      url)
                           .c_str()) +
         "\n";
  for (const auto& field : kPageFields) out += field_lines(field, page, in_file);
  out += "+++\n";
  if (source) {
    out += source->body;
    scaffold.translated_from = source->path;
    scaffold.notes.push_back(format_message(tr("Pre-filled from %1$s: translate the fields %2$s "
                                               "and the text into %3$s."),
                                            source->path, field_list(Translation::kTranslated, ""),
                                            language_name(config, language)));
  } else {
    out += "\n## " + std::string(text.heading) + "\n\n" + text.paragraph + "\n";
    for (const auto& other : config.languages) {
      if (other.code == language) continue;
      scaffold.notes.push_back(format_message(tr("When it is ready, 'passerelle new %1$s %2$s "
                                                 "--lang %3$s' starts the %4$s translation from "
                                                 "it."),
                                              guideline ? "guideline" : "page", slug, other.code,
                                              language_name(config, other.code)));
    }
  }
  if (folder) {
    scaffold.notes.push_back(format_message(tr("Put its pictures and downloads beside it, in %1$s, "
                                               "and link them by their name: ![what it shows]"
                                               "(picture.png)."),
                                            guidelines + slug + "/"));
  }
  scaffold.notes.push_back(format_message(tr("It is a draft: 'passerelle serve' shows it at /%1$s; "
                                             "'passerelle build' leaves it out until you remove "
                                             "'draft = true'."),
                                          url));
  scaffold.text = std::move(out);
  return scaffold;
}

std::optional<Scaffold> scaffold_actor(const SourceTree& tree, const SiteConfig& config,
                                       const std::string& id, const std::string& language,
                                       const std::string& today, Diagnostics& diagnostics) {
  if (!is_site_language(config, language, diagnostics)) return std::nullopt;
  if (!is_valid_name(id, kActorIdErrors, diagnostics)) return std::nullopt;
  for (const auto& language : config.languages) {
    const auto& s = language.sections;
    if (id == s.country || id == s.kind || id == s.sector) {
      diagnostics.error({}, format_message(tr("'%1$s' is the name of a directory section in %2$s; "
                                              "choose another id"),
                                           id, language.code));
      return std::nullopt;
    }
  }
  Scaffold scaffold;
  scaffold.path = "directory-data/actors/" + id + ".toml";
  if (!is_new_file(tree, scaffold.path, diagnostics)) return std::nullopt;
  Diagnostics ignored;
  std::optional<Vocabulary> vocabulary;
  if (auto text = read_text_file(tree, "directory-data/vocabulary.toml", ignored)) {
    vocabulary = parse_vocabulary(*text, "directory-data/vocabulary.toml", config, ignored);
  }
  const MessageCatalog in_file = catalog_for(language);
  std::string out =
      comment_lines(format_message(in_file.tr("Actor record \"%1$s\": the file name is the "
                                              "actor's id and the last part of its\n"
                                              "address. Fields: docs/content-model.md. Required "
                                              "fields left empty are reported by\n"
                                              "`passerelle serve`, `check` and `build` (as "
                                              "warnings while it is a draft)."),
                                   id)
                        .c_str()) +
      "\n";
  // The fields of the record itself, then the per-language tables (TOML wants them last).
  for (const auto& field : kActorFields) {
    if (!is_per_language(field.type)) {
      out += field_comment(field, vocabulary ? &*vocabulary : nullptr, language, in_file) +
             field_line(field, today);
    }
  }
  for (const auto& field : kActorFields) {
    if (!is_per_language(field.type)) continue;
    out += "\n" + comment_lines(in_file.tr(field.scaffold)) + "[" + field.name + "]\n";
    const char* empty = field.type == FieldType::kLocalizedText ? "\"\"\"\n\"\"\"" : "[]";
    for (const auto& language : config.languages) out += language.code + " = " + empty + "\n";
  }
  scaffold.text = std::move(out);
  scaffold.notes.push_back(
      tr("The record is a draft: `serve` shows it once the name, country, kind, sectors and a "
         "description are filled in; `build` publishes it when the line draft = true is "
         "removed."));
  return scaffold;
}

}  // namespace passerelle
