#include "search/documents.h"

#include <algorithm>
#include <string_view>

#include "content/actor_schema.h"
#include "base/text.h"
#include "model/urls.h"

namespace passerelle::search {

double field_weight(Field field) {
  switch (field) {
    case Field::kTitle: return 6;
    case Field::kHeading: return 3;
    case Field::kLabel: return 2;
    case Field::kSummary: return 2;
    case Field::kBody: return 1;
  }
  return 1;
}

namespace {

Document page_document(const Site& site, const Page& page) {
  Document document;
  for (const auto& tag : page.tags) {
    if (const TagTerm* term = site.tags.find(page.language, tag)) document.tags.push_back(term->slug);
  }
  document.kind = page.kind == PageKind::kGuideline ? "guideline" : "page";
  document.title = page.title;
  document.path = page.path;
  document.fields.push_back({Field::kTitle, page.title});
  for (const auto& heading : page.headings) document.fields.push_back({Field::kHeading, heading.text});
  document.fields.push_back({Field::kHeading, join_with(page.tags, " ")});
  // A download is found by the words of its link, as a heading of the page that offers it
  // ("formulaire de candidature"), and by its type ("PDF").
  for (const auto& download : page.downloads) {
    std::string type = download.note.substr(0, download.note.find(','));
    document.fields.push_back({Field::kHeading, download.title + " " + type});
  }
  document.text.push_back({Field::kSummary, page.summary});
  document.text.push_back({Field::kBody, page.plain_text});
  return document;
}

/// The words `field` of an actor brings to its document in `language`: one text per value
/// (a term's label, each name of a list).
std::vector<std::string> texts_of(const Site& site, const Actor& actor, const ActorField& field,
                                  const std::string& language) {
  const auto& record = actor.record;
  if (field.type == FieldType::kTerm || field.type == FieldType::kTermList) {
    std::vector<std::string> labels;
    for (const SiteTerm* term : actor.terms_of(field)) labels.push_back(term->label(language));
    // An optional term left out still counts as one (empty) text.
    if (field.type == FieldType::kTerm && labels.empty()) labels.emplace_back();
    return labels;
  }
  if (is_single_value(field.type)) return {single_text(single_value(record, field))};
  if (field.type == FieldType::kOtherNames) {
    std::vector<std::string> names;
    for (const auto& other : record.*std::get<std::vector<OtherName> ActorRecord::*>(field.member)) {
      names.push_back(other.name);
    }
    return names;
  }
  if (field.type == FieldType::kLocalizedList) {
    // The list the page shows: this language's, else the first site language's that has one.
    using Lists = std::map<std::string, std::vector<std::string>> ActorRecord::*;
    const auto& lists = record.*std::get<Lists>(field.member);
    auto found = lists.find(language);
    for (const auto& other : site.config.languages) {
      if (found == lists.end()) found = lists.find(other.code);
    }
    if (found == lists.end()) return {};
    return {join_with(found->second, ". ") + "."};
  }
  if (field.type == FieldType::kLocalizedText) {
    auto found = actor.descriptions.find(language);
    if (found == actor.descriptions.end()) return {};
    return {found->second.plain_text};
  }
  return {};  // coordinates
}

Field search_field(Indexed indexed) {
  switch (indexed) {
    case Indexed::kTitle: return Field::kTitle;
    case Indexed::kLabel: return Field::kLabel;
    case Indexed::kBody: return Field::kBody;
    case Indexed::kSummary: return Field::kSummary;
    case Indexed::kNo: break;
  }
  return Field::kBody;
}

Document actor_document(const Site& site, const Actor& actor, const LanguageConfig& language,
                        std::string_view list_separator) {
  const auto& record = actor.record;
  const std::string& code = language.code;
  Document document;
  document.kind = "actor";
  document.title = record.name;
  document.path = actor_path(language, record.id);
  document.actor_id = record.id;
  document.country = record.country;
  document.actor_kind = record.kind;
  document.region = record.region;
  document.sectors = record.sectors;

  // Titles one by one, labels as one field; the long texts in the order snippets take them.
  std::vector<std::string> labels;
  for (const auto& field : kActorFields) {
    if (field.indexed != Indexed::kTitle && field.indexed != Indexed::kLabel) continue;
    for (auto& text : texts_of(site, actor, field, code)) {
      if (field.indexed == Indexed::kLabel) {
        if (std::string_view(field.name) == "sectors" && !text.empty()) document.sector_labels.push_back(text);
        labels.push_back(std::move(text));
      } else {
        if (!text.empty() && text != record.name) document.aliases.push_back(text);
        document.fields.push_back({Field::kTitle, std::move(text)});
      }
    }
  }
  document.fields.push_back({Field::kLabel, join_with(labels, " ")});
  std::vector<const ActorField*> long_texts;  // the required ones first: the description
  for (const auto& field : kActorFields) {
    if (field.indexed == Indexed::kBody || field.indexed == Indexed::kSummary) {
      long_texts.push_back(&field);
    }
  }
  std::stable_partition(long_texts.begin(), long_texts.end(),
                        [](const ActorField* field) { return field->required; });
  for (const auto* field : long_texts) {
    for (auto& text : texts_of(site, actor, *field, code)) {
      document.text.push_back({search_field(field->indexed), std::move(text)});
    }
  }

  const std::string& country = actor.country->label(code);
  const std::string& kind = actor.kind->label(code);
  std::string place = record.city.empty() ? country : record.city + std::string(list_separator) + country;
  document.meta = kind.empty() ? place : kind + " · " + place;
  return document;
}

}  // namespace

std::vector<Document> documents_of(const Site& site, const LanguageConfig& language,
                                   std::string_view list_separator) {
  std::vector<Document> documents;
  for (const auto* page : site.pages_of(language.code, PageKind::kGuideline)) {
    documents.push_back(page_document(site, *page));
  }
  for (const auto* page : site.pages_of(language.code, PageKind::kPage)) {
    documents.push_back(page_document(site, *page));
  }
  for (const auto& actor : site.actors) documents.push_back(actor_document(site, actor, language, list_separator));
  return documents;
}

}  // namespace passerelle::search
