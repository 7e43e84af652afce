// What each type of actor field means: how it is read from a record and checked, and the
// value the consumers of the table (exports, views, search) take from it.
#include "content/actor_schema.h"

#include <set>

#include "base/link_warnings.h"
#include "content/contact.h"
#include "messages/messages.h"
#include "base/suggest.h"
#include "base/text.h"
#include "base/toml_fields.h"

namespace passerelle {

namespace {

/// The member of a one-string field, to read into.
std::string& string_member(ActorRecord& record, const ActorField& field) {
  return record.*std::get<std::string ActorRecord::*>(field.member);
}

std::string allowed_keys(const std::map<std::string, Term>& terms) {
  std::string list;
  for (const auto& [key, term] : terms) list += (list.empty() ? "" : ", ") + key;
  return list;
}

/// The vocabulary's terms as suggestions: a key may have been typed as a label or slug of any
/// language ("Maroc" for MA), or in another case ("Social" for social).
std::vector<SuggestionCandidate> term_candidates(const std::map<std::string, Term>& terms) {
  std::vector<SuggestionCandidate> candidates;
  for (const auto& [key, term] : terms) {
    SuggestionCandidate candidate{key, {key}};
    for (const auto& [language, label] : term.by_language) {
      candidate.names.push_back(label.label);
      if (!label.slug.empty()) candidate.names.push_back(label.slug);
    }
    candidates.push_back(std::move(candidate));
  }
  return candidates;
}

/// The errors for a term missing from a field's vocabulary table: one whole sentence per
/// table, so that each language can say "country", "sector"… with its own grammar.
struct UnknownTermMessages {
  VocabularyCategory category;
  const char* with_candidates;  // the term, the candidates, the vocabulary's path
  const char* alone;            // the term, the vocabulary's path, the allowed keys
};

constexpr UnknownTermMessages kUnknownTermMessages[] = {
    {&Vocabulary::countries,
     N_("unknown country '%1$s'; did you mean %2$s? (the countries are the keys of [countries] "
        "in %3$s)"),
     N_("unknown country '%1$s' (the countries are the keys of [countries] in %2$s: %3$s)")},
    {&Vocabulary::regions,
     N_("unknown region '%1$s'; did you mean %2$s? (the regions are the keys of [regions] in "
        "%3$s)"),
     N_("unknown region '%1$s' (the regions are the keys of [regions] in %2$s: %3$s)")},
    {&Vocabulary::kinds,
     N_("unknown kind '%1$s'; did you mean %2$s? (the kinds are the keys of [kinds] in %3$s)"),
     N_("unknown kind '%1$s' (the kinds are the keys of [kinds] in %2$s: %3$s)")},
    {&Vocabulary::sectors,
     N_("unknown sector '%1$s'; did you mean %2$s? (the sectors are the keys of [sectors] in "
        "%3$s)"),
     N_("unknown sector '%1$s' (the sectors are the keys of [sectors] in %2$s: %3$s)")},
    {&Vocabulary::languages,
     N_("unknown language '%1$s'; did you mean %2$s? (the languages are the keys of [languages] "
        "in %3$s)"),
     N_("unknown language '%1$s' (the languages are the keys of [languages] in %2$s: %3$s)")},
};

const char* unknown_term_message(VocabularyCategory category, bool with_candidates) {
  const UnknownTermMessages* found = &kUnknownTermMessages[0];  // every category is listed
  for (const auto& messages : kUnknownTermMessages) {
    if (messages.category == category) found = &messages;
  }
  return tr(with_candidates ? found->with_candidates : found->alone);
}

bool check_term(TomlReader& reader, const ActorField& field, const std::string& value,
                const std::map<std::string, Term>& terms, const toml::node* node) {
  if (terms.count(value)) return true;
  auto where = node ? location_of(*node, reader.path()) : reader.location(field.name);
  auto candidates = suggest_values(value, term_candidates(terms));
  const char* message = unknown_term_message(field.vocabulary, !candidates.empty());
  reader.diagnostics().error(
      where, candidates.empty()
                 ? format_message(message, value, kVocabularyPath, allowed_keys(terms))
                 : format_message(message, value, quoted_alternatives(candidates), kVocabularyPath));
  return false;
}

void read_term_list(TomlReader& reader, const ActorField& field, bool required,
                    const std::map<std::string, Term>& terms, std::vector<std::string>& out) {
  out = reader.string_list(field.name, required);
  const auto* array = reader.node_table().get_as<toml::array>(field.name);
  std::set<std::string> seen;
  for (size_t i = 0; i < out.size(); ++i) {
    const toml::node* node = array && i < array->size() ? array->get(i) : nullptr;
    check_term(reader, field, out[i], terms, node);
    if (!seen.insert(out[i]).second) {
      reader.diagnostics().error(node ? location_of(*node, reader.path()) : reader.location(field.name),
                                 format_message(tr("'%1$s' is listed twice in '%2$s': remove one"),
                                                out[i], field.name));
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

void read_other_names(TomlReader& reader, const std::string& field,
                      std::vector<OtherName>& out) {
  const auto* array = reader.array(field, false);
  if (!array) return;
  for (const auto& node : *array) {
    const auto* entry = node.as_table();
    if (!entry) {
      reader.diagnostics().error(location_of(node, reader.path()),
                                 format_message(tr("each item of '%1$s' must be { name = \"…\", "
                                                   "lang = \"…\" }"),
                                                field));
      continue;
    }
    TomlReader name_reader(*entry, reader.path(), reader.diagnostics(), field);
    name_reader.reject_unknown({"name", "lang"});
    auto name = name_reader.string("name", true);
    auto language = name_reader.string("lang", true);
    if (language && !is_language_tag(*language)) {
      reader.diagnostics().error(name_reader.location("lang"),
                                 format_message(tr("lang '%1$s' must be a language code such "
                                                   "as \"ar\" or \"tzm-Latn\""),
                                                *language));
      language.reset();
    }
    if (name && language) out.push_back({*name, *language});
  }
}

void read_coordinates(TomlReader& reader, const std::string& field,
                      std::optional<Coordinates>& out) {
  const auto* coordinates = reader.table(field, false);
  if (!coordinates) return;
  TomlReader position(*coordinates, reader.path(), reader.diagnostics(), field);
  int errors_before = reader.diagnostics().error_count();
  position.reject_unknown({"lat", "lon"});
  // "lng" for "lon" is reported as such: one root cause, one error.
  bool misspelled = reader.diagnostics().error_count() > errors_before;
  auto latitude = position.number("lat");
  auto longitude = position.number("lon");
  if (misspelled) return;
  if (!latitude || !longitude || *latitude < -90 || *latitude > 90 || *longitude < -180 ||
      *longitude > 180) {
    reader.diagnostics().error(reader.location(field),
                               format_message(tr("%1$s must be { lat = -90…90, lon = -180…180 }"),
                                              field));
  } else {
    out = Coordinates{*latitude, *longitude};
  }
}

/// A year: a whole number from kEarliestFoundingYear to kLatestYear, or nothing.
std::optional<int> read_year(TomlReader& reader, const std::string& field) {
  const auto* node = reader.node_table().get(field);
  if (!node) return std::nullopt;
  auto year = node->value<int64_t>();
  if (!node->is_integer() || !year) {
    reader.diagnostics().error(reader.location(field),
                               format_message(tr("field '%1$s' must be a year such as 1990 (a "
                                                 "whole number, without quotes)"),
                                              field));
    return std::nullopt;
  }
  if (*year < kEarliestFoundingYear || *year > kLatestYear) {
    reader.diagnostics().error(reader.location(field),
                               format_message(tr("field '%1$s' must be a year between %2$d and "
                                                 "%3$d (it is %4$lld)"),
                                              field, kEarliestFoundingYear, kLatestYear,
                                              static_cast<long long>(*year)));
    return std::nullopt;
  }
  return static_cast<int>(*year);
}

/// A table of one value per site language ([services], [description]), read by `read_one`.
template <typename Value, typename ReadOne>
void read_per_language(TomlReader& reader, const SiteConfig& config, const ActorField& field,
                       std::map<std::string, Value>& out, ReadOne read_one) {
  const auto* table = reader.table(field.name, field.required);
  if (!table) return;
  TomlReader language_reader(*table, reader.path(), reader.diagnostics(), field.name);
  std::vector<std::string_view> codes;
  for (const auto& language : config.languages) codes.push_back(language.code);
  language_reader.reject_unknown(codes);
  for (const auto& language : config.languages) {
    if (auto value = read_one(language_reader, language.code)) out[language.code] = std::move(*value);
  }
  if (field.required && out.empty()) {
    reader.diagnostics().error(reader.location(field.name),
                               format_message(tr("[%1$s] needs a text in at least one site "
                                                 "language"),
                                              field.name));
  }
}

/// What reading one record knows besides the record.
struct RecordReading {
  TomlReader& reader;
  const SiteConfig& config;
  const Vocabulary& vocabulary;
  std::set<std::string> known_terms;  // kTerm fields whose value is in the vocabulary
};

/// Reads and checks `field` of the record into its member of `actor`, as its type says.
void read_field(const ActorField& field, RecordReading& in, ActorRecord& actor) {
  TomlReader& reader = in.reader;
  const std::string name = field.name;
  auto& diagnostics = reader.diagnostics();
  switch (field.type) {
    case FieldType::kBool:
      actor.*std::get<bool ActorRecord::*>(field.member) = reader.boolean(name).value_or(false);
      break;
    case FieldType::kText:
      string_member(actor, field) = reader.string(name, field.required).value_or("");
      break;
    case FieldType::kUrl: {
      auto& value = string_member(actor, field) = reader.string(name, field.required).value_or("");
      if (!value.empty() && !is_http_url(value)) {
        diagnostics.error(reader.location(name),
                          format_message(tr("%1$s must be an http:// or https:// URL"), name));
      } else if (auto problem = link_warning(value); !problem.empty()) {
        diagnostics.warning(reader.location(name), problem);
      }
      break;
    }
    case FieldType::kEmail:
    case FieldType::kPhone: {
      auto& value = string_member(actor, field) = reader.string(name, field.required).value_or("");
      auto problem = field.type == FieldType::kEmail ? email_problem(value) : phone_problem(value);
      if (!value.empty() && !problem.empty()) diagnostics.error(reader.location(name), problem);
      break;
    }
    case FieldType::kTerm: {
      auto& value = string_member(actor, field) = reader.string(name, field.required).value_or("");
      const auto& terms = in.vocabulary.*field.vocabulary;
      if (value.empty() || !check_term(reader, field, value, terms, nullptr)) break;
      in.known_terms.insert(name);
      // Without a known country the term cannot be compared: one root cause, one error.
      if (field.in_country && in.known_terms.count("country") &&
          terms.at(value).country != actor.country) {
        diagnostics.error(reader.location(name),
                          format_message(tr("%1$s '%2$s' is not in country '%3$s'"), name, value,
                                         actor.country));
      }
      break;
    }
    case FieldType::kTermList:
      read_term_list(reader, field, field.required, in.vocabulary.*field.vocabulary,
                     actor.*std::get<std::vector<std::string> ActorRecord::*>(field.member));
      break;
    case FieldType::kDate:
      string_member(actor, field) = reader.date(name, field.required).value_or("");
      break;
    case FieldType::kYear:
      actor.*std::get<std::optional<int> ActorRecord::*>(field.member) = read_year(reader, name);
      break;
    case FieldType::kTextList:
      actor.*std::get<std::vector<std::string> ActorRecord::*>(field.member) =
          reader.string_list(name, field.required);
      break;
    case FieldType::kInteger:
      break;  // not an actor field's type (member_fits)
    case FieldType::kCoordinates:
      read_coordinates(reader, name,
                       actor.*std::get<std::optional<Coordinates> ActorRecord::*>(field.member));
      break;
    case FieldType::kOtherNames:
      read_other_names(reader, name,
                       actor.*std::get<std::vector<OtherName> ActorRecord::*>(field.member));
      break;
    case FieldType::kLocalizedList: {
      using Lists = std::map<std::string, std::vector<std::string>> ActorRecord::*;
      read_per_language(reader, in.config, field, actor.*std::get<Lists>(field.member),
                        [](TomlReader& lists, const std::string& code) {
                          auto items = lists.string_list(code, false);
                          return items.empty() ? std::nullopt : std::optional(std::move(items));
                        });
      break;
    }
    case FieldType::kLocalizedText: {
      using Texts = std::map<std::string, LocalizedText> ActorRecord::*;
      read_per_language(reader, in.config, field, actor.*std::get<Texts>(field.member),
                        [](TomlReader& texts, const std::string& code) {
                          // A blank text (as `passerelle new actor` leaves it) counts as none.
                          auto text = texts.string(code, false);
                          if (!text || is_blank_text(*text)) return std::optional<LocalizedText>();
                          return std::optional(LocalizedText{*text, texts.location(code).line});
                        });
      break;
    }
  }
}

}  // namespace

void read_actor_fields(TomlReader& reader, const SiteConfig& config, const Vocabulary& vocabulary,
                       ActorRecord& actor) {
  reader.reject_unknown(field_names(kActorFields));
  RecordReading reading{reader, config, vocabulary, {}};
  for (const auto& field : kActorFields) {
    read_field(field, reading, actor);
    if (reader.node_table().get(field.name)) actor.lines[field.name] = reader.location(field.name).line;
  }
}

const std::string& string_value(const ActorRecord& record, const ActorField& field) {
  return record.*std::get<std::string ActorRecord::*>(field.member);
}

SingleValue single_value(const ActorRecord& record, const ActorField& field) {
  if (is_one_string(field.type)) {
    const auto& value = string_value(record, field);
    if (value.empty() && !field.required) return std::monostate();
    return value;
  }
  if (const auto* member = std::get_if<std::optional<int> ActorRecord::*>(&field.member)) {
    const auto& number = record.**member;
    if (number) return static_cast<int64_t>(*number);
  }
  return std::monostate();
}

std::string single_text(const SingleValue& value) {
  if (const auto* text = std::get_if<std::string>(&value)) return *text;
  if (const auto* number = std::get_if<int64_t>(&value)) return std::to_string(*number);
  return "";
}

std::vector<std::string> languages_of(const ActorRecord& record, const ActorField& field) {
  std::vector<std::string> codes;
  if (field.type == FieldType::kLocalizedList) {
    using Lists = std::map<std::string, std::vector<std::string>> ActorRecord::*;
    for (const auto& [code, items] : record.*std::get<Lists>(field.member)) codes.push_back(code);
  } else if (field.type == FieldType::kLocalizedText) {
    using Texts = std::map<std::string, LocalizedText> ActorRecord::*;
    for (const auto& [code, text] : record.*std::get<Texts>(field.member)) codes.push_back(code);
  }
  return codes;
}

std::vector<const ActorField*> per_language_fields() {
  std::vector<const ActorField*> fields;
  for (const auto& field : kActorFields) {
    if (is_per_language(field.type)) fields.push_back(&field);
  }
  std::stable_partition(fields.begin(), fields.end(),
                        [](const ActorField* field) { return field->required; });
  return fields;
}

const ActorField* find_actor_field(std::string_view name) {
  return find_field(kActorFields, name);
}

}  // namespace passerelle
