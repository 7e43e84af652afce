#include "sheet/matching.h"

#include "base/text.h"

namespace passerelle {

std::string name_key(const std::string& name) { return collapse_whitespace(fold_text(name)); }

std::string ascii_id(const std::string& name) {
  // slugify folds case and accents; what is left outside ASCII (Arabic, ß, œ…) is dropped,
  // and the hyphens that leaves doubled are joined.
  static const std::pair<const char*, const char*> kLigatures[] = {
      {"ß", "ss"}, {"œ", "oe"}, {"æ", "ae"}, {"ø", "o"}, {"ł", "l"}, {"đ", "d"}, {"ı", "i"}};
  std::string slug = slugify(name);
  for (const auto& [from, to] : kLigatures) {
    for (size_t at; (at = slug.find(from)) != std::string::npos;) slug.replace(at, std::string(from).size(), to);
  }
  std::string id;
  for (char c : slug) {
    bool kept = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (kept) id += c;
    else if (!id.empty() && id.back() != '-') id += '-';
  }
  while (!id.empty() && id.back() == '-') id.pop_back();
  if (id.size() > 80) {
    size_t cut = id.rfind('-', 80);
    id.resize(cut == std::string::npos || cut == 0 ? 80 : cut);
  }
  return id;
}

ActorIndex::ActorIndex(const std::vector<ActorRecord>& records) {
  for (const auto& record : records) {
    ids_.emplace(record.id, record.id);
    taken_.insert(record.id);
    for (const auto& alias : record.aliases) {
      ids_.emplace(alias, record.id);
      taken_.insert(alias);
    }
    names_.emplace(name_key(record.name), record.id);
    for (const auto& other : record.other_names) names_.emplace(name_key(other.name), record.id);
  }
}

std::optional<std::string> ActorIndex::by_id(const std::string& id) const {
  auto found = ids_.find(id);
  if (found == ids_.end()) return std::nullopt;
  return found->second;
}

std::optional<std::string> ActorIndex::by_name(const std::string& name) const {
  auto found = names_.find(name_key(name));
  if (found == names_.end() || name_key(name).empty()) return std::nullopt;
  return found->second;
}

void ActorIndex::add(const std::string& id, const std::string& name) {
  taken_.insert(id);
  added_.insert(id);
  ids_.emplace(id, id);
  if (!name_key(name).empty()) names_.emplace(name_key(name), id);
}

std::string ActorIndex::new_id(const std::string& name) {
  std::string base = ascii_id(name);
  if (base.empty()) base = "actor";
  std::string id = base;
  for (int n = 2; taken_.count(id); ++n) {
    std::string suffix = "-" + std::to_string(n);
    id = base.substr(0, std::min(base.size(), 80 - suffix.size())) + suffix;
  }
  taken_.insert(id);
  return id;
}

}  // namespace passerelle
