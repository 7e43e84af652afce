#include "search/data.h"

namespace passerelle::search {

namespace {

std::vector<std::string> words_of(std::string_view line) {
  std::vector<std::string> words;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
    size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') ++i;
    if (i > start) words.emplace_back(line.substr(start, i - start));
  }
  return words;
}

}  // namespace

LanguageData parse_language_data(std::string_view text, std::string* error) {
  LanguageData data;
  std::string section;
  size_t number = 0;
  while (!text.empty()) {
    size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    ++number;
    if (auto hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    auto words = words_of(line);
    if (words.empty()) continue;
    if (words.size() == 1 && words[0].size() > 2 && words[0].front() == '[' && words[0].back() == ']') {
      section = words[0].substr(1, words[0].size() - 2);
      if (section != "stop" && section != "family" && section != "split" && error)
        *error = "line " + std::to_string(number) + ": unknown section [" + section + "]";
      continue;
    }
    if (section == "stop") {
      data.stop.insert(data.stop.end(), words.begin(), words.end());
    } else if (section == "family") {
      if (words.size() >= 2) data.families.push_back(std::move(words));
    } else if (section == "split") {
      data.splits.insert(data.splits.end(), words.begin(), words.end());
    } else if (error && error->empty()) {
      *error = "line " + std::to_string(number) + ": words outside a section";
    }
  }
  return data;
}

std::string base_language(const std::string& code) { return code.substr(0, code.find('-')); }

LanguageData language_data_for(const std::string& language) {
  return parse_language_data(language_data_text(base_language(language)));
}

}  // namespace passerelle::search
