// The guidelines' tags as a taxonomy: each language's terms, the pages under each, and the
// terms the vocabulary pairs across languages. Assembled once with the site; tag pages, the
// guideline pages' links, the sitemap and the feeds read it.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "content/directory.h"

namespace passerelle {

struct Page;

struct TagTerm {
  std::string slug;            // URL segment, also the key tags are matched by
  std::string label;           // as shown: the vocabulary's label, or the first spelling met
  std::string vocabulary_key;  // the vocabulary term it is (pairs languages); empty if none
  std::vector<size_t> pages;   // indexes into Site::pages, in the site's order
};

/// One language's terms, sorted by label as a reader expects (case and accents ignored).
using LanguageTags = std::vector<TagTerm>;

struct SiteTags {
  std::map<std::string, LanguageTags> by_language;

  /// The term a tag written on a page of `language` is, or nullptr.
  const TagTerm* find(const std::string& language, const std::string& tag) const;
  /// The term of `language` that is the vocabulary term `vocabulary_key`, or nullptr.
  const TagTerm* find_translation(const std::string& language,
                                  const std::string& vocabulary_key) const;
};

/// The slug a tag is matched and published by: case, accents and punctuation ignored
/// ("Microcrédit" and "microcredit" are one term), at most 80 bytes.
std::string tag_slug(const std::string& tag);

/// True when two slugs of one language are likely the same word: a plural ("formation",
/// "formations") or an Italian ending ("impresa", "imprese").
bool are_near_duplicate_tags(const std::string& a, const std::string& b);

/// The terms of every language from the pages' terms of the taxonomy `key` (`tags`, or one
/// site.toml declares). A term is the vocabulary term (`[<key>.<id>]` of the vocabulary)
/// whose label in the page's language matches it, so that it is published under that term's
/// label and slug; near-duplicate terms of one language are warnings at the `key` line of the
/// page that brings the second one.
SiteTags collect_tags(const std::vector<Page>& pages, const std::string& key,
                      const std::map<std::string, Term>& vocabulary, Diagnostics& diagnostics);

}  // namespace passerelle
