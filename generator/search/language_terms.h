// The terms and word forms of one language's index, numbered. Documents name them by number
// (search/counting.h): a large site's millions of (document, term) pairs hold no string. The
// count cache (search/count_cache.h) keeps the numbers: its terms come back sorted, so a name
// is found by binary search with no table to build, and the names new to it are numbered
// after them. The numbers never reach the index's files, which list terms by name.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace passerelle::search {

class LanguageTerms {
 public:
  LanguageTerms() = default;
  /// Terms and forms as a cache kept them: each list sorted, with no repeats, and each form
  /// with its term's number; nullopt when they are not.
  static std::optional<LanguageTerms> sorted(std::vector<std::string> names, std::vector<std::string> forms,
                                             std::vector<uint32_t> form_terms);

  /// The number of term `name`, numbered now when new.
  uint32_t term(const std::string& name);
  /// The number of word form `form` of term number `term`, numbered now when new.
  uint32_t form(const std::string& form, uint32_t term);

  size_t term_count() const { return names_.size(); }
  size_t form_count() const { return forms_.size(); }
  const std::string& name(uint32_t term) const { return names_[term]; }
  const std::string& form_text(uint32_t form) const { return forms_[form]; }
  uint32_t form_term(uint32_t form) const { return form_terms_[form]; }
  /// How many of the first terms, and forms, are in sorted order (those from a cache).
  size_t sorted_terms() const { return sorted_names_; }
  size_t sorted_forms() const { return sorted_forms_; }

 private:
  std::vector<std::string> names_;
  std::vector<std::string> forms_;
  std::vector<uint32_t> form_terms_;
  size_t sorted_names_ = 0;  // the first ones, sorted (from a cache)
  size_t sorted_forms_ = 0;
  std::unordered_map<std::string, uint32_t> added_names_;  // the others
  std::unordered_map<std::string, uint32_t> added_forms_;
};

}  // namespace passerelle::search
