// Translations that are not translated yet: a copy made by `passerelle new` (which pre-fills a
// new language version from an existing one) whose `draft` line was removed before its text
// was translated. Such a page is published and counted as translated, though it still reads in
// the source language. Found by comparing the text with its source, and by which language's
// function words (stop words) the text is made of.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "check/translations.h"
#include "config/config.h"
#include "content/directory.h"
#include "content/pages.h"

namespace passerelle {

/// The language of `candidates` whose function words make up most of `text`; "" when the text
/// is too short to tell (fewer than 12 such words) or no language clearly leads.
std::string likely_language(std::string_view text, const std::vector<std::string>& candidates);

struct UntranslatedCopy {
  std::string path;         // the translation
  int line = 1;             // where its text starts
  std::string language;     // its language
  std::string title;        // the page's title, or the actor's name
  std::string reason;       // "identical to content/fr/…" or "written in French (fr), like …"
  std::string source_path;  // the version in the default language
};

/// The pages of other languages whose text is the same as, or in the language of, their
/// default-language version, and the actor descriptions likewise; by path.
std::vector<UntranslatedCopy> untranslated_copies(const SiteConfig& config,
                                                  const std::vector<PageSource>& pages,
                                                  const std::vector<ActorRecord>& actors);

/// Takes them out of the report's coverage ("pages", "actor descriptions"): a copy is
/// published, but it is not a translation.
void discount_untranslated(const std::vector<UntranslatedCopy>& copies, TranslationReport& report);

/// A warning for each of them, at the translation's first line.
void add_untranslated_warnings(const std::vector<UntranslatedCopy>& copies,
                               Diagnostics& diagnostics);

}  // namespace passerelle
