#include "model/tags.h"

#include <algorithm>

#include "base/text.h"
#include "messages/messages.h"
#include "model/site.h"

namespace passerelle {

namespace {

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o'; }

/// vocabulary key by (language, slug of its label), so that a tag is found by how it is written.
std::map<std::pair<std::string, std::string>, const Term*> vocabulary_by_label(
    const std::map<std::string, Term>& vocabulary) {
  std::map<std::pair<std::string, std::string>, const Term*> found;
  for (const auto& [key, term] : vocabulary) {
    for (const auto& [language, label] : term.by_language) {
      found[{language, tag_slug(label.label)}] = &term;
      found[{language, label.slug}] = &term;
    }
  }
  return found;
}

void sort_by_label(LanguageTags& terms) {
  std::sort(terms.begin(), terms.end(), [](const TagTerm& a, const TagTerm& b) {
    auto fa = fold_text(a.label), fb = fold_text(b.label);
    return fa != fb ? fa < fb : a.slug < b.slug;
  });
}

/// Warns once per pair of near-duplicate terms, at the page that brought the second one.
void warn_near_duplicates(const std::vector<Page>& pages, const std::string& key,
                          const LanguageTags& terms, Diagnostics& diagnostics) {
  for (size_t i = 0; i < terms.size(); ++i) {
    for (size_t j = i + 1; j < terms.size(); ++j) {
      if (!are_near_duplicate_tags(terms[i].slug, terms[j].slug)) continue;
      const TagTerm& later = terms[i].pages.front() > terms[j].pages.front() ? terms[i] : terms[j];
      const TagTerm& earlier = &later == &terms[i] ? terms[j] : terms[i];
      const Page& page = pages[later.pages.front()];
      diagnostics.warning({page.source_path, std::max(page.terms_line(key), 1), 1},
                          format_message(tr("tag '%1$s' looks like tag '%2$s' (used by %3$s): if "
                                            "they mean the same, use one of them on both pages"),
                                         later.label, earlier.label,
                                         pages[earlier.pages.front()].source_path));
    }
  }
}

}  // namespace

std::string tag_slug(const std::string& tag) {
  // A folder name: cut long tags (a file name has at most 255 bytes), on a character boundary.
  constexpr size_t kMaxSlugBytes = 80;
  std::string slug = slugify(tag);
  if (slug.size() <= kMaxSlugBytes) return slug;
  size_t cut = kMaxSlugBytes;
  while (cut > 0 && (static_cast<unsigned char>(slug[cut]) & 0xC0) == 0x80) --cut;
  slug.resize(cut);
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug;
}

bool are_near_duplicate_tags(const std::string& a, const std::string& b) {
  if (a == b) return false;
  const std::string& shorter = a.size() <= b.size() ? a : b;
  const std::string& longer = a.size() <= b.size() ? b : a;
  if (longer.size() == shorter.size() + 1 && starts_with(longer, shorter)) {
    char last = longer.back();
    return last == 's' || last == 'x';  // formation / formations, réseau / réseaux
  }
  if (a.size() == b.size() && a.size() >= 4 && a.compare(0, a.size() - 1, b, 0, b.size() - 1) == 0) {
    return is_vowel(a.back()) && is_vowel(b.back());  // impresa / imprese, rete / reti
  }
  return false;
}

const std::vector<std::string>& Page::terms_of(const std::string& key) const {
  static const std::vector<std::string> kNone;
  if (key == "tags") return tags;
  auto found = taxonomy_terms.find(key);
  return found == taxonomy_terms.end() ? kNone : found->second;
}

int Page::terms_line(const std::string& key) const {
  if (key == "tags") return tags_line;
  auto found = taxonomy_lines.find(key);
  return found == taxonomy_lines.end() ? 0 : found->second;
}

const SiteTags* Site::taxonomy(const std::string& key) const {
  if (key == "tags") return &tags;
  auto found = taxonomies.find(key);
  return found == taxonomies.end() ? nullptr : &found->second;
}

const TagTerm* SiteTags::find(const std::string& language, const std::string& tag) const {
  auto terms = by_language.find(language);
  if (terms == by_language.end()) return nullptr;
  std::string slug = tag_slug(tag);
  for (const auto& term : terms->second) {
    if (term.slug == slug) return &term;
  }
  // A tag written as the vocabulary's label is published under the vocabulary's slug.
  for (const auto& term : terms->second) {
    if (!term.vocabulary_key.empty() && tag_slug(term.label) == slug) return &term;
  }
  return nullptr;
}

const TagTerm* SiteTags::find_translation(const std::string& language,
                                          const std::string& vocabulary_key) const {
  auto terms = by_language.find(language);
  if (terms == by_language.end() || vocabulary_key.empty()) return nullptr;
  for (const auto& term : terms->second) {
    if (term.vocabulary_key == vocabulary_key) return &term;
  }
  return nullptr;
}

SiteTags collect_tags(const std::vector<Page>& pages, const std::string& key,
                      const std::map<std::string, Term>& vocabulary, Diagnostics& diagnostics) {
  auto known = vocabulary_by_label(vocabulary);
  std::map<std::string, std::map<std::string, TagTerm>> by_slug;  // language → slug → term
  for (size_t i = 0; i < pages.size(); ++i) {
    const Page& page = pages[i];
    for (const auto& tag : page.terms_of(key)) {
      TagTerm found{tag_slug(tag), tag, "", {}};
      if (found.slug.empty()) continue;  // nothing to link: page_schema refuses blank tags
      if (auto term = known.find({page.language, found.slug}); term != known.end()) {
        const TermLabel& label = term->second->by_language.at(page.language);
        found = TagTerm{label.slug, label.label, term->second->key, {}};
      }
      auto [entry, fresh] = by_slug[page.language].emplace(found.slug, std::move(found));
      auto& listed = entry->second.pages;
      if (listed.empty() || listed.back() != i) listed.push_back(i);
    }
  }
  SiteTags tags;
  for (auto& [language, terms] : by_slug) {
    LanguageTags& sorted = tags.by_language[language];
    for (auto& [slug, term] : terms) sorted.push_back(std::move(term));
    sort_by_label(sorted);
    warn_near_duplicates(pages, key, sorted, diagnostics);
  }
  return tags;
}

}  // namespace passerelle
