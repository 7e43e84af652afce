#include "search/language_terms.h"

#include <algorithm>

namespace passerelle::search {

namespace {

bool strictly_sorted(const std::vector<std::string>& items) {
  return std::adjacent_find(items.begin(), items.end(), std::greater_equal<>()) == items.end();
}

/// The position of `item` among the first `count` of `items` (sorted), if there.
std::optional<uint32_t> find_sorted(const std::vector<std::string>& items, size_t count,
                                    const std::string& item) {
  auto end = items.begin() + static_cast<std::ptrdiff_t>(count);
  auto found = std::lower_bound(items.begin(), end, item);
  if (found == end || *found != item) return std::nullopt;
  return static_cast<uint32_t>(found - items.begin());
}

}  // namespace

std::optional<LanguageTerms> LanguageTerms::sorted(std::vector<std::string> names,
                                                   std::vector<std::string> forms,
                                                   std::vector<uint32_t> form_terms) {
  if (forms.size() != form_terms.size() || !strictly_sorted(names) || !strictly_sorted(forms)) {
    return std::nullopt;
  }
  for (uint32_t term : form_terms) {
    if (term >= names.size()) return std::nullopt;
  }
  LanguageTerms terms;
  terms.sorted_names_ = names.size();
  terms.sorted_forms_ = forms.size();
  terms.names_ = std::move(names);
  terms.forms_ = std::move(forms);
  terms.form_terms_ = std::move(form_terms);
  return terms;
}

uint32_t LanguageTerms::term(const std::string& name) {
  if (auto found = find_sorted(names_, sorted_names_, name)) return *found;
  auto [added, is_new] = added_names_.try_emplace(name, static_cast<uint32_t>(names_.size()));
  if (is_new) names_.push_back(name);
  return added->second;
}

uint32_t LanguageTerms::form(const std::string& form, uint32_t term) {
  if (auto found = find_sorted(forms_, sorted_forms_, form)) return *found;
  auto [added, is_new] = added_forms_.try_emplace(form, static_cast<uint32_t>(forms_.size()));
  if (is_new) {
    forms_.push_back(form);
    form_terms_.push_back(term);
  }
  return added->second;
}

}  // namespace passerelle::search
