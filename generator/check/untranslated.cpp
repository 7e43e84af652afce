#include "check/untranslated.h"

#include <algorithm>
#include <map>
#include <set>

#include "base/text.h"
#include "messages/messages.h"
#include "search/stop_words.h"

namespace passerelle {

namespace {

/// Words of `text` in lower case (ASCII letters lowered; accented letters kept as they are),
/// split at anything that is not a letter: "l'aide" gives "l" and "aide".
std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (std::isalpha(byte) || byte >= 0x80) {
      word += static_cast<char>(std::tolower(byte));
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

std::string language_name(const SiteConfig& config, const std::string& code) {
  const auto* language = config.language(code);
  return (language && !language->name.empty() ? language->name + " (" + code + ")" : code);
}

/// Why `text` (in `language`) is not a translation of `source` (in `source_language`), or "".
std::string copy_reason(const SiteConfig& config, std::string_view text, const std::string& language,
                        std::string_view source, const std::string& source_path) {
  if (std::string same = collapse_whitespace(text); !same.empty() && same == collapse_whitespace(source)) {
    return format_message(tr("its text is the same as %1$s: translate it"), source_path);
  }
  std::vector<std::string> candidates;
  for (const auto& other : config.languages) candidates.push_back(other.code);
  std::string found = likely_language(text, candidates);
  if (!found.empty() && found != language) {
    return format_message(tr("its text is still in %1$s, not in %2$s: translate it from %3$s"),
                          language_name(config, found), language_name(config, language),
                          source_path);
  }
  return "";
}

}  // namespace

std::string likely_language(std::string_view text, const std::vector<std::string>& candidates) {
  std::map<std::string, std::set<std::string>> lists;
  for (const auto& code : candidates) {
    auto words = search::stop_words_for(code);
    if (!words.empty()) lists[code] = std::set<std::string>(words.begin(), words.end());
  }
  if (lists.empty()) return "";
  std::map<std::string, size_t> hits;
  for (const auto& word : words_of(text)) {
    // A word both languages use ("a", "la", "e") tells nothing.
    std::vector<std::string> in;
    for (const auto& [code, list] : lists) {
      if (list.count(word)) in.push_back(code);
    }
    if (in.size() == 1) ++hits[in.front()];
  }
  std::string best;
  size_t best_hits = 0, second = 0;
  for (const auto& [code, count] : hits) {
    if (count > best_hits) {
      second = best_hits;
      best_hits = count;
      best = code;
    } else {
      second = std::max(second, count);
    }
  }
  // Enough words to tell, and a clear lead: a quotation in another language changes nothing.
  if (best_hits < 12 || best_hits < 3 * second) return "";
  return best;
}

std::vector<UntranslatedCopy> untranslated_copies(const SiteConfig& config,
                                                  const std::vector<PageSource>& pages,
                                                  const std::vector<ActorRecord>& actors) {
  const std::string& source_language = config.default_language;
  std::map<std::string, const PageSource*> sources;  // translation key → default version
  for (const auto& page : pages) {
    if (page.language == source_language) sources[page.translation_key] = &page;
  }
  std::vector<UntranslatedCopy> copies;
  for (const auto& page : pages) {
    if (page.language == source_language) continue;
    auto source = sources.find(page.translation_key);
    if (source == sources.end()) continue;
    std::string reason = copy_reason(config, page.body, page.language, source->second->body,
                                     source->second->path);
    if (!reason.empty()) {
      copies.push_back({page.path, page.body_line, page.language, page.title, reason,
                        source->second->path});
    }
  }
  for (const auto& actor : actors) {
    auto source = actor.descriptions.find(source_language);
    if (source == actor.descriptions.end()) continue;
    for (const auto& [language, text] : actor.descriptions) {
      if (language == source_language) continue;
      std::string reason = copy_reason(config, text.text, language, source->second.text,
                                       "[description] " + source_language);
      if (!reason.empty()) {
        copies.push_back({actor.path, text.line, language, actor.name,
                          "[description] " + language + ": " + reason, actor.path});
      }
    }
  }
  std::sort(copies.begin(), copies.end(), [](const auto& a, const auto& b) {
    return std::tie(a.path, a.language) < std::tie(b.path, b.language);
  });
  return copies;
}

void discount_untranslated(const std::vector<UntranslatedCopy>& copies, TranslationReport& report) {
  for (const auto& copy : copies) {
    const char* what = copy.path.rfind("content/", 0) == 0 ? "pages" : "actor descriptions";
    for (auto& [name, coverage] : report.coverage) {
      auto present = coverage.present.find(copy.language);
      if (name == what && present != coverage.present.end() && present->second > 0) --present->second;
    }
  }
}

void add_untranslated_warnings(const std::vector<UntranslatedCopy>& copies,
                               Diagnostics& diagnostics) {
  for (const auto& copy : copies) {
    diagnostics.warning({copy.path, copy.line, 1},
                        format_message(tr("not translated yet: %1$s"), copy.reason));
  }
}

}  // namespace passerelle
