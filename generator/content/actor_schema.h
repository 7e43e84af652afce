// The shape of an actor record, declared once: one entry per field of
// directory-data/actors/<id>.toml, saying what it holds, whether it is required or translated,
// its vocabulary, how it is shown, exported, indexed and scaffolded. The record parser, the
// translation report, actors.json and actors.csv, the search documents and `passerelle new
// actor` all walk this table; a new field is one entry here and its member in ActorRecord
// (content/directory.h), plus the template line that shows it.
#pragma once

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "content/directory.h"
#include "content/field_types.h"
#include "messages/messages.h"

namespace passerelle {

/// Where the search index puts the field's text (search/documents.cpp): short fields weigh
/// more (title, label); per-language fields go to the long texts snippets are cut from.
enum class Indexed { kNo, kTitle, kLabel, kBody, kSummary };

/// How the actor page gets the field. kCustom: the view code builds it (links to facets,
/// contact links, labels). kDetail: the view's `details` holds it as text under the field's
/// name, empty when the record has none (`{{#details}}{{#founded}}…{{/founded}}{{/details}}`).
enum class Shown { kCustom, kDetail };

/// Where the value of a field lives in ActorRecord; the alternative must fit the type
/// (checked at compile time below).
using ActorMember =
    std::variant<bool ActorRecord::*, std::string ActorRecord::*, std::optional<int> ActorRecord::*,
                 std::vector<std::string> ActorRecord::*,
                 std::optional<Coordinates> ActorRecord::*, std::vector<OtherName> ActorRecord::*,
                 std::map<std::string, std::vector<std::string>> ActorRecord::*,
                 std::map<std::string, LocalizedText> ActorRecord::*>;

/// The earliest year an organisation may have been founded in (kYear); a year before is a typo.
constexpr int kEarliestFoundingYear = 1800;

using VocabularyCategory = std::map<std::string, Term> Vocabulary::*;

/// How `passerelle check` reports a per-language field missing in a language.
struct TranslationNote {
  const char* item = nullptr;      // "actor description": what a gap is
  const char* coverage = nullptr;  // "actor descriptions": its line in the coverage table
  /// The warning for a gap; {in} is the language's name and code, {lang} its code.
  const char* warning = nullptr;
};

struct ActorField {
  const char* name;  // the TOML key; also the key in actors.json and the column of actors.csv
  FieldType type;
  bool required = false;  // a per-language field: required in at least one language
  ActorMember member;
  VocabularyCategory vocabulary = nullptr;  // kTerm, kTermList: the terms allowed
  bool in_country = false;  // kTerm: the term's country must be the record's country
  Shown shown = Shown::kCustom;
  /// In actors.json (under its name: a string, a list or an object; an optional single value
  /// is left out when absent, a list or table is always there) and in actors.csv (one column
  /// named after it; latitude and longitude for coordinates; <name>_<lang> per site language
  /// for per-language fields).
  bool exported = true;
  Indexed indexed = Indexed::kNo;
  /// Comment lines (without "# ") above the field in `passerelle new actor`; for a vocabulary
  /// field the introduction of the list of allowed terms. nullptr: no comment (a field
  /// described with the one before).
  const char* scaffold = nullptr;
  /// An example value the scaffold writes commented out ("# coordinates = { … }") for a field
  /// that has no empty value; nullptr: the field is written empty ("", [], today's date).
  const char* example = nullptr;
  TranslationNote translation{};  // per-language fields
};

inline constexpr ActorField kActorFields[] = {
    // Not exported: a draft is not in a build's exports at all.
    {.name = "draft", .type = FieldType::kBool, .member = &ActorRecord::draft, .exported = false,
     .scaffold = N_("A draft: `passerelle serve` shows it with a \"draft\" banner, `build` leaves it out,\n"
                 "and a required field still empty is a warning, not an error. Remove this line\n"
                 "when the record is complete.")},
    {.name = "name", .type = FieldType::kText, .required = true, .member = &ActorRecord::name,
     .indexed = Indexed::kTitle, .scaffold = N_("Official name (required).")},
    {.name = "short_name", .type = FieldType::kText, .member = &ActorRecord::short_name,
     .indexed = Indexed::kTitle,
     .scaffold = N_("Short name or acronym, shown with the name (optional).")},
    {.name = "country", .type = FieldType::kTerm, .required = true,
     .member = &ActorRecord::country, .vocabulary = &Vocabulary::countries,
     .indexed = Indexed::kLabel, .scaffold = N_("Country (required), one of:")},
    {.name = "region", .type = FieldType::kTerm, .member = &ActorRecord::region,
     .vocabulary = &Vocabulary::regions, .in_country = true, .indexed = Indexed::kLabel,
     .scaffold = N_("Region (optional), in the country, one of:")},
    {.name = "city", .type = FieldType::kText, .member = &ActorRecord::city,
     .indexed = Indexed::kLabel, .scaffold = N_("City (optional).")},
    {.name = "kind", .type = FieldType::kTerm, .required = true, .member = &ActorRecord::kind,
     .vocabulary = &Vocabulary::kinds, .indexed = Indexed::kLabel,
     .scaffold = N_("Kind of organisation (required), one of:")},
    {.name = "founded", .type = FieldType::kYear, .member = &ActorRecord::founded,
     .shown = Shown::kDetail,
     .scaffold = N_("Year the organisation was founded (optional): remove the '#' and set it."),
     .example = "1990"},
    {.name = "sectors", .type = FieldType::kTermList, .required = true,
     .member = &ActorRecord::sectors, .vocabulary = &Vocabulary::sectors,
     .indexed = Indexed::kLabel, .scaffold = N_("Sectors (required, at least one), among:")},
    {.name = "languages", .type = FieldType::kTermList, .member = &ActorRecord::languages,
     .vocabulary = &Vocabulary::languages, .scaffold = N_("Languages spoken (optional), among:")},
    {.name = "website", .type = FieldType::kUrl, .member = &ActorRecord::website,
     .scaffold = N_("Contact (optional): website (http:// or https://), e-mail, phone, postal "
                 "address.")},
    {.name = "email", .type = FieldType::kEmail, .member = &ActorRecord::email},
    {.name = "phone", .type = FieldType::kPhone, .member = &ActorRecord::phone},
    {.name = "address", .type = FieldType::kText, .member = &ActorRecord::address,
     .shown = Shown::kDetail},
    {.name = "logo", .type = FieldType::kText, .member = &ActorRecord::logo,
     .scaffold = N_("Logo (optional): a picture kept in content/media/, named by its path there,\n"
                 "for example \"logos/name.png\". It is shown beside the name.")},
    {.name = "aliases", .type = FieldType::kTextList, .member = &ActorRecord::aliases,
     .exported = false,
     .scaffold = N_("Former ids of this record (optional): their pages redirect to this one.")},
    {.name = "coordinates", .type = FieldType::kCoordinates, .member = &ActorRecord::coordinates,
     .scaffold = N_("Position on a map (optional): remove the '#' and set the numbers."),
     .example = "{ lat = 34.02, lon = -6.83 }"},
    {.name = "last_reviewed", .type = FieldType::kDate, .required = true,
     .member = &ActorRecord::last_reviewed,
     .scaffold = N_("When an editor last checked this record, YYYY-MM-DD (required).")},
    {.name = "other_names", .type = FieldType::kOtherNames, .member = &ActorRecord::other_names,
     .indexed = Indexed::kTitle,
     .scaffold = N_("Acronyms and names in other languages or scripts (optional), for example\n"
                 "[{ name = \"IOM\", lang = \"en\" }, { name = \"…\", lang = \"ar\" }].")},
    {.name = "services", .type = FieldType::kLocalizedList, .member = &ActorRecord::services,
     .indexed = Indexed::kSummary,
     .scaffold = N_("What the actor offers, a list per site language (optional)."),
     .translation = {N_("actor services"), N_("actor services"),
                     N_("no services listed in {in}: the {lang} page shows another language's "
                     "list")}},
    {.name = "description", .type = FieldType::kLocalizedText, .required = true,
     .member = &ActorRecord::descriptions, .indexed = Indexed::kBody,
     .scaffold = N_("The actor in a few sentences, per site language (Markdown; required in at "
                 "least one\nlanguage: a language left empty shows another language's text, "
                 "marked as not\ntranslated)."),
     .translation = {N_("actor description"), N_("actor descriptions"),
                     N_("no description in {in}: the {lang} page shows another language's text, "
                     "marked as not translated")}},
};

/// True for the fields written as a table of site languages ([services], [description]).
constexpr bool is_per_language(FieldType type) {
  return type == FieldType::kLocalizedList || type == FieldType::kLocalizedText;
}

/// True for the types held in one string of ActorRecord.
constexpr bool is_one_string(FieldType type) {
  return type == FieldType::kText || type == FieldType::kUrl || type == FieldType::kEmail ||
         type == FieldType::kPhone || type == FieldType::kTerm || type == FieldType::kDate;
}

/// True for the types that hold one value, shown, exported and indexed as it is (see
/// single_value): the consumers of the table need no code of their own for a new one.
constexpr bool is_single_value(FieldType type) {
  return is_one_string(type) || type == FieldType::kYear;
}

/// True for the types written as a list, `name = […]`.
constexpr bool is_list(FieldType type) {
  return type == FieldType::kTermList || type == FieldType::kOtherNames ||
         type == FieldType::kTextList;
}

/// Whether `field.member` is the member its type reads and writes.
constexpr bool member_fits(const ActorField& field) {
  using Lists = std::map<std::string, std::vector<std::string>> ActorRecord::*;
  using Texts = std::map<std::string, LocalizedText> ActorRecord::*;
  switch (field.type) {
    case FieldType::kBool:
      return std::holds_alternative<bool ActorRecord::*>(field.member);
    case FieldType::kText:
    case FieldType::kUrl:
    case FieldType::kEmail:
    case FieldType::kPhone:
    case FieldType::kTerm:
    case FieldType::kDate:
      return std::holds_alternative<std::string ActorRecord::*>(field.member);
    case FieldType::kYear:
      return std::holds_alternative<std::optional<int> ActorRecord::*>(field.member);
    case FieldType::kTermList:
    case FieldType::kTextList:
      return std::holds_alternative<std::vector<std::string> ActorRecord::*>(field.member);
    case FieldType::kCoordinates:
      return std::holds_alternative<std::optional<Coordinates> ActorRecord::*>(field.member);
    case FieldType::kOtherNames:
      return std::holds_alternative<std::vector<OtherName> ActorRecord::*>(field.member);
    case FieldType::kLocalizedList:
      return std::holds_alternative<Lists>(field.member);
    case FieldType::kInteger:
      return false;  // front matter only: the consumers of this table have no code for it
    case FieldType::kLocalizedText:
      // Rendered into Actor::descriptions when the site is assembled: one such field.
      return std::holds_alternative<Texts>(field.member) &&
             std::get<Texts>(field.member) == &ActorRecord::descriptions;
  }
  return false;
}

/// What the consumers of the table rely on: the member fits the type; vocabulary fields, and
/// only they, name a category; per-language fields, and only they, say how gaps are reported;
/// `details` holds single values other than terms (keys) and dates (the view formats those);
/// a field that cannot be written empty ("", [], a table, today's date) has an example.
constexpr bool fits_its_type(const ActorField& field) {
  bool terms = field.type == FieldType::kTerm || field.type == FieldType::kTermList;
  bool translated = field.translation.item != nullptr;
  bool written_empty = is_one_string(field.type) || is_list(field.type) ||
                       is_per_language(field.type) || field.type == FieldType::kBool;
  return member_fits(field) && terms == (field.vocabulary != nullptr) &&
         (!field.in_country || field.type == FieldType::kTerm) &&
         translated == is_per_language(field.type) &&
         (field.shown != Shown::kDetail ||
          (is_single_value(field.type) && field.type != FieldType::kTerm &&
           field.type != FieldType::kDate)) &&
         (written_empty || field.example != nullptr) &&
         (field.type != FieldType::kBool ||
          (!field.required && !field.exported && field.indexed == Indexed::kNo)) &&
         (!field.example || !is_per_language(field.type));
}

static_assert(std::all_of(std::begin(kActorFields), std::end(kActorFields),
                          [](const ActorField& field) { return fits_its_type(field); }),
              "an entry of kActorFields does not fit its type: see fits_its_type");

class TomlReader;

/// Reads every field of an actor record from `reader` (the record's table) into `actor`,
/// checking each as its type says; an unknown key is an error listing the fields.
void read_actor_fields(TomlReader& reader, const SiteConfig& config, const Vocabulary& vocabulary,
                       ActorRecord& actor);

/// The value of a one-string field (kText, kUrl, kEmail, kPhone, kTerm, kDate) of `record`.
const std::string& string_value(const ActorRecord& record, const ActorField& field);

/// The value of a single-value field: nothing (an optional field the record does not have), a
/// string (a term is its key) or a whole number.
using SingleValue = std::variant<std::monostate, std::string, int64_t>;
SingleValue single_value(const ActorRecord& record, const ActorField& field);

/// A single value as text: "" for nothing, a number in decimal.
std::string single_text(const SingleValue& value);

/// The site languages a per-language field of `record` has a value in.
std::vector<std::string> languages_of(const ActorRecord& record, const ActorField& field);

/// The per-language fields in the order the CSV columns of one language, the translation
/// report and an actor's search text take them: required ones first (the description before
/// the services), then in table order.
std::vector<const ActorField*> per_language_fields();

/// The field named `name`, or nullptr.
const ActorField* find_actor_field(std::string_view name);

}  // namespace passerelle
