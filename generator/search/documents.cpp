#include "search/documents.h"

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

std::string label(const std::map<std::string, Term>& terms, const std::string& key,
                  const std::string& language) {
  auto term = terms.find(key);
  if (term == terms.end()) return "";
  auto found = term->second.by_language.find(language);
  return found == term->second.by_language.end() ? "" : found->second.label;
}

std::string join(const std::vector<std::string>& items, const std::string& separator) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

Document page_document(const Page& page) {
  Document document;
  document.kind = page.kind == PageKind::kGuideline ? "guideline" : "page";
  document.title = page.title;
  document.path = page.path;
  document.fields.push_back({Field::kTitle, page.title});
  for (const auto& heading : page.headings) document.fields.push_back({Field::kHeading, heading.text});
  document.fields.push_back({Field::kHeading, join(page.tags, " ")});
  document.text.push_back({Field::kSummary, page.summary});
  document.text.push_back({Field::kBody, page.plain_text});
  return document;
}

Document actor_document(const Site& site, const Actor& actor, const LanguageConfig& language) {
  const auto& record = actor.record;
  const auto& v = site.vocabulary;
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

  document.fields.push_back({Field::kTitle, record.name});
  document.fields.push_back({Field::kTitle, record.short_name});
  for (const auto& other : record.other_names) document.fields.push_back({Field::kTitle, other.name});
  std::string country = label(v.countries, record.country, code);
  std::string region = label(v.regions, record.region, code);
  std::string kind = label(v.kinds, record.kind, code);
  std::vector<std::string> labels = {record.city, region, country, kind};
  for (const auto& sector : record.sectors) labels.push_back(label(v.sectors, sector, code));
  document.fields.push_back({Field::kLabel, join(labels, " ")});

  if (auto found = actor.descriptions.find(code); found != actor.descriptions.end()) {
    document.text.push_back({Field::kBody, found->second.plain_text});
  }
  if (auto found = actor.services.find(code); found != actor.services.end()) {
    document.text.push_back({Field::kSummary, join(found->second, ". ") + "."});
  }

  std::string place = record.city.empty() ? country : record.city + ", " + country;
  document.meta = kind.empty() ? place : kind + " · " + place;
  return document;
}

}  // namespace

std::vector<Document> documents_of(const Site& site, const LanguageConfig& language) {
  std::vector<Document> documents;
  for (const auto* page : site.pages_of(language.code, PageKind::kGuideline)) {
    documents.push_back(page_document(*page));
  }
  for (const auto* page : site.pages_of(language.code, PageKind::kPage)) {
    documents.push_back(page_document(*page));
  }
  for (const auto& actor : site.actors) documents.push_back(actor_document(site, actor, language));
  return documents;
}

}  // namespace passerelle::search
