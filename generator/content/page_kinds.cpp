#include "content/page_kinds.h"

#include "base/text.h"

namespace passerelle {

namespace {

constexpr const char* kGuidelinesFolder = "guidelines/";

bool is_index_file(const std::string& relative) {
  return relative == "_index.md" || ends_with(relative, "/_index.md");
}

}  // namespace

PageKind page_kind_of(const std::string& relative) {
  bool in_guidelines = starts_with(relative, kGuidelinesFolder);
  if (is_index_file(relative)) return in_guidelines ? PageKind::kGuidelinesIndex : PageKind::kHome;
  return in_guidelines ? PageKind::kGuideline : PageKind::kPage;
}

bool is_index_kind(PageKind kind) {
  return kind == PageKind::kHome || kind == PageKind::kGuidelinesIndex;
}

bool is_misplaced_index(const std::string& relative) {
  return is_index_file(relative) && relative != "_index.md" &&
         relative != std::string(kGuidelinesFolder) + "_index.md";
}

std::string page_kind_path(PageKind kind, const LanguageConfig& language, const std::string& slug) {
  switch (kind) {
    case PageKind::kHome: return home_path(language);
    case PageKind::kGuidelinesIndex: return guidelines_path(language);
    case PageKind::kGuideline: return guideline_path(language, slug);
    case PageKind::kPage: return page_path(language, slug);
  }
  return "";
}

std::string home_path(const LanguageConfig& language) { return language.code + "/"; }

std::string guidelines_path(const LanguageConfig& language) {
  return home_path(language) + language.sections.guidelines + "/";
}

std::string guideline_path(const LanguageConfig& language, const std::string& slug) {
  return guidelines_path(language) + slug + "/";
}

std::string page_path(const LanguageConfig& language, const std::string& slug) {
  return home_path(language) + slug + "/";
}

}  // namespace passerelle
