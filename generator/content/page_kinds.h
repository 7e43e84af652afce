// The kinds of Markdown page: where their sources are below content/<lang>/ and where their
// pages go. A new kind of Markdown page is a case in each function here, then its view in
// render/content_views.cpp and its theme template.
#pragma once

#include <string>

#include "config/config.h"

namespace passerelle {

enum class PageKind { kGuideline, kPage, kHome, kGuidelinesIndex };

/// The kind of the page whose source is `relative`, its path below content/<lang>/.
PageKind page_kind_of(const std::string& relative);

/// Whether pages of this kind are the _index.md of a section (its own page, without a slug).
bool is_index_kind(PageKind kind);

/// Whether `relative` is an _index.md where no section has its own page.
bool is_misplaced_index(const std::string& relative);

/// The site path of a page of this kind (its slug is ignored for an index kind).
std::string page_kind_path(PageKind kind, const LanguageConfig& language, const std::string& slug);

std::string home_path(const LanguageConfig& language);
std::string guidelines_path(const LanguageConfig& language);
std::string guideline_path(const LanguageConfig& language, const std::string& slug);
std::string page_path(const LanguageConfig& language, const std::string& slug);

}  // namespace passerelle
