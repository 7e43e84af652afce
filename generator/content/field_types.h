// What the two schemas of sources share: the types of a field, and the lookups by name that
// the parsers (the keys allowed, with "did you mean" for others) and their tests walk. The
// actor record's table is content/actor_schema.h, the front matter's content/page_schema.h.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace passerelle {

/// What a field holds, which decides how it is read, checked, exported and scaffolded.
enum class FieldType {
  kBool,           // true or false (draft)
  kText,           // one string
  kUrl,            // an http:// or https:// URL
  kEmail,          // one e-mail address (content/contact.h)
  kPhone,          // one phone number (content/contact.h)
  kTerm,           // a key of one category of the vocabulary
  kTermList,       // keys of one category of the vocabulary, each once
  kDate,           // a TOML date, YYYY-MM-DD, from kEarliestYear to kLatestYear
  kYear,           // a year, a whole number from kEarliestFoundingYear to kLatestYear
  kInteger,        // any whole number (a page's weight)
  kTextList,       // a list of strings (a page's tags)
  kCoordinates,    // { lat = -90…90, lon = -180…180 }
  kOtherNames,     // [{ name = "…", lang = "<BCP 47 code>" }, …]
  kLocalizedList,  // a table of site language → list of strings
  kLocalizedText,  // a table of site language → Markdown: the description (model/site.h
                   // holds it rendered, in Actor::descriptions)
};

/// The names of a table of fields, in its order: the keys a source may have.
template <typename Field, size_t N>
std::vector<std::string_view> field_names(const Field (&fields)[N]) {
  std::vector<std::string_view> names;
  for (const auto& field : fields) names.push_back(field.name);
  return names;
}

/// The field of `fields` named `name`, or nullptr.
template <typename Field, size_t N>
const Field* find_field(const Field (&fields)[N], std::string_view name) {
  for (const auto& field : fields) {
    if (name == field.name) return &field;
  }
  return nullptr;
}

}  // namespace passerelle
