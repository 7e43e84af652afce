// The shape of a page's front matter, declared once: one entry per field between the `+++`
// lines of content/<lang>/**/*.md, saying what it holds, whether it is required, how it
// belongs to the language versions of a page, how it is checked, its default and how `new
// guideline` writes it. The front-matter parser (content/pages.cpp), `passerelle new
// guideline` (scaffold/) and the translation report (check/translations.cpp) walk this table;
// a new field is one entry here and its member in PageSource (content/pages.h), plus, for a
// field a page shows, its member in the model's Page and the template line that shows it.
#pragma once

#include <algorithm>
#include <iterator>
#include <string>
#include <variant>
#include <vector>

#include "content/field_types.h"
#include "content/pages.h"
#include "messages/messages.h"

namespace passerelle {

/// Whether a page must have the field.
enum class Required { kNo, kYes, kExceptIndex };  // kExceptIndex: all but the _index.md files

/// How a field belongs to the language versions of a page (the files of one translation key).
enum class Translation {
  kOwn,         // each version's own (its dates, its slug, whether it is a draft)
  kTranslated,  // a text to translate: a new translation starts from the source's, to translate
  kShared,      // the same in every version: a new translation takes the source's as it is
};

/// What the translation report compares to tell a translation older than its source: the
/// revised date when the version has one, else the published one.
enum class Dating { kNo, kPublished, kRevised };

/// The value of a field the front matter does not give.
enum class PageDefault {
  kEmpty,     // "", 0, [], false
  kFileStem,  // the file name without .md: "credit" for guidelines/credit.md
  kPath,      // the path below the language folder without .md: "guidelines/credit"
};

/// What is checked or made of the value beyond its type.
enum class Validation {
  kNone,
  kNotBefore,  // a date not earlier than the field `not_before` names
  kSlug,       // a-z, 0-9 and single hyphens (index files excepted: they have no slug of their own)
  kNfc,        // turned into Unicode normal form C, so that a decomposed file name pairs up
};

/// How `passerelle new guideline` writes the field: set, or commented out (an optional field
/// whose value is best left to its default until the editor wants another).
enum class Scaffolded { kSet, kCommentedOut };

/// Where the value lives in PageSource; the alternative must fit the type (checked below).
using PageMember = std::variant<bool PageSource::*, std::string PageSource::*,
                                int64_t PageSource::*, std::vector<std::string> PageSource::*>;

struct PageField {
  const char* name;  // the TOML key
  FieldType type;    // kBool, kText, kDate, kInteger or kTextList
  Required required = Required::kNo;
  PageMember member;
  Translation translation = Translation::kOwn;
  Dating dating = Dating::kNo;
  PageDefault fallback = PageDefault::kEmpty;
  Validation validation = Validation::kNone;
  const char* not_before = nullptr;  // kNotBefore: the date field it may not precede
  /// Where the parser records the line of the key (for warnings about the value); nullptr:
  /// nowhere. 0 when the value is empty.
  int PageSource::*line = nullptr;
  /// Comment lines (without "# ") above the field in `new guideline`; "{default}" stands for
  /// the value the field takes when it is left out.
  const char* scaffold = nullptr;
  Scaffolded scaffolded = Scaffolded::kSet;
};

inline constexpr PageField kPageFields[] = {
    {.name = "title", .type = FieldType::kText, .required = Required::kYes,
     .member = &PageSource::title, .translation = Translation::kTranslated,
     .scaffold = N_("Shown on the page, in lists and in the browser's tab (required).")},
    {.name = "summary", .type = FieldType::kText, .required = Required::kExceptIndex,
     .member = &PageSource::summary, .translation = Translation::kTranslated,
     .scaffold = N_("One or two sentences: shown in lists and as the page's description (required).")},
    {.name = "date", .type = FieldType::kDate, .required = Required::kExceptIndex,
     .member = &PageSource::date, .dating = Dating::kPublished, .line = &PageSource::date_line,
     .scaffold = N_("First publication, YYYY-MM-DD (required). Set it to the day you publish.")},
    {.name = "updated", .type = FieldType::kDate, .member = &PageSource::updated,
     .dating = Dating::kRevised, .validation = Validation::kNotBefore, .not_before = "date",
     .line = &PageSource::updated_line,
     .scaffold = N_("Last significant change (optional). Set it when the text changes: translations "
                 "older\nthan it are listed by `passerelle check`."),
     .scaffolded = Scaffolded::kCommentedOut},
    {.name = "weight", .type = FieldType::kInteger, .member = &PageSource::weight,
     .translation = Translation::kShared,
     .scaffold = N_("Order in lists and in the print edition, low first (optional).")},
    {.name = "tags", .type = FieldType::kTextList, .member = &PageSource::tags,
     .translation = Translation::kTranslated, .line = &PageSource::tags_line,
     .scaffold = N_("Keywords (optional).")},
    {.name = "aliases", .type = FieldType::kTextList, .member = &PageSource::aliases,
     .line = &PageSource::aliases_line,
     .scaffold = N_("Former addresses of this page, which redirect to it (optional): an old slug,\n"
                 "or a path from the site's root such as \"/fr/ancienne-adresse/\"."),
     .scaffolded = Scaffolded::kCommentedOut},
    {.name = "draft", .type = FieldType::kBool, .member = &PageSource::draft,
     .scaffold = N_("A draft is shown by `passerelle serve` (and `build --drafts`) only: remove this "
                 "line\nto publish.")},
    {.name = "slug", .type = FieldType::kText, .member = &PageSource::slug,
     .fallback = PageDefault::kFileStem, .validation = Validation::kSlug,
     .scaffold = N_("The URL slug (optional; default: the file name, \"{default}\")."),
     .scaffolded = Scaffolded::kCommentedOut},
    {.name = "translation_key", .type = FieldType::kText, .member = &PageSource::translation_key,
     .translation = Translation::kShared, .fallback = PageDefault::kPath,
     .validation = Validation::kNfc,
     .scaffold = N_("Links the language versions of a page (optional; default: the path without "
                 ".md,\n\"{default}\", the same in every language)."),
     .scaffolded = Scaffolded::kCommentedOut},
};

/// Whether `field.member` is the member its type reads and writes.
constexpr bool member_fits(const PageField& field) {
  switch (field.type) {
    case FieldType::kBool:
      return std::holds_alternative<bool PageSource::*>(field.member);
    case FieldType::kText:
    case FieldType::kDate:
      return std::holds_alternative<std::string PageSource::*>(field.member);
    case FieldType::kInteger:
      return std::holds_alternative<int64_t PageSource::*>(field.member);
    case FieldType::kTextList:
      return std::holds_alternative<std::vector<std::string> PageSource::*>(field.member);
    default:
      return false;  // the other types are actor record fields (content/actor_schema.h)
  }
}

/// What the parser, the scaffold and the translation report rely on: the member fits the
/// type; a default other than empty, and a check of the text, are for text fields; a date
/// compared names a date and only dates are compared, their lines recorded (where the
/// translation report points); lines are recorded for strings and lists only; every field
/// has a comment.
constexpr bool fits_its_type(const PageField& field) {
  bool text = field.type == FieldType::kText;
  bool date = field.type == FieldType::kDate;
  bool validated_text =
      field.validation == Validation::kSlug || field.validation == Validation::kNfc;
  return member_fits(field) && (field.fallback == PageDefault::kEmpty || text) &&
         (!validated_text || text) &&
         ((field.validation == Validation::kNotBefore) == (field.not_before != nullptr)) &&
         (field.validation != Validation::kNotBefore || date) &&
         (field.dating == Dating::kNo || (date && field.line)) && (!field.line || text || date || field.type == FieldType::kTextList) &&
         field.scaffold != nullptr;
}

static_assert(std::all_of(std::begin(kPageFields), std::end(kPageFields),
                          [](const PageField& field) { return fits_its_type(field); }),
              "an entry of kPageFields does not fit its type: see fits_its_type");

class TomlReader;

/// Reads every front-matter field from `reader` into `page`, checking each as the table says;
/// an unknown key is an error naming the closest fields. `relative` (the path below
/// content/<lang>/) gives the defaults; `is_index`: an _index.md file. The keys of
/// `taxonomies` are lists of terms, like `tags`.
void read_page_fields(TomlReader& reader, const std::string& relative, bool is_index,
                      const std::vector<TaxonomyConfig>& taxonomies, PageSource& page);

/// The date that tells how recent a version of a page is (its revised date, else its
/// published one) and the field that holds it; {nullptr, ""} when it has neither.
std::pair<const PageField*, std::string> version_date(const PageSource& page);

/// The fields of a kind of translation, in table order.
std::vector<const PageField*> page_fields(Translation translation);

/// Sets the fields of `page` that are `translation` to those of `source`.
void copy_fields(const PageSource& source, Translation translation, PageSource& page);

/// The field named `name`, or nullptr.
const PageField* find_page_field(std::string_view name);

}  // namespace passerelle
