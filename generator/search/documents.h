// What the search index is made of: one document per guideline, page and actor of a language,
// taken from the immutable site model, with its text split into weighted fields.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/site.h"

namespace passerelle::search {

/// Fields weigh differently in the score; a word in a kTitle field also makes the document
/// rank above those where the word is only in the text.
enum class Field { kTitle, kHeading, kLabel, kSummary, kBody };

/// The weight of one occurrence of a word in a field (BM25F-style term frequency).
double field_weight(Field field);

struct FieldText {
  Field field;
  std::string text;
};

struct Document {
  std::string kind;   // "guideline", "page" or "actor"
  std::string title;
  std::string path;   // site path of the page, e.g. "fr/lignes-directrices/x/"
  std::string meta;   // one line shown under the title (actors: kind and place)
  std::vector<FieldText> fields;  // short fields: title, names, headings, tags, labels
  std::vector<FieldText> text;    // long fields, in reading order: snippets are cut from them
  std::vector<std::string> tags;  // pages: the slugs of their tags (the search page's tag facet)
  // Actors: their other names and sector labels, for a snippet that says why a result matched
  // when only one of these did ("also known as OIM", "sector: training").
  std::vector<std::string> aliases;
  std::vector<std::string> sector_labels;

  // Actors only: the id and the vocabulary keys the directory filters on.
  std::string actor_id;
  std::string country;
  std::string actor_kind;
  std::string region;
  std::vector<std::string> sectors;
};

/// The documents of one language, in index order: guidelines, other pages, then actors (each
/// kind in the site's order), so that a kind is a range of document numbers. `list_separator`
/// joins an actor's city and country in its result line: the theme's, "، " in Arabic.
std::vector<Document> documents_of(const Site& site, const LanguageConfig& language,
                                   std::string_view list_separator = ", ");

}  // namespace passerelle::search
