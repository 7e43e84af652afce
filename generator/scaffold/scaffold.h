// `passerelle new`: the text of a new guideline or actor record with every field present and
// commented, ready to fill. Pure functions of the site's sources; the command line writes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "base/diagnostics.h"
#include "base/filesystem.h"
#include "content/page_kinds.h"

namespace passerelle {

struct Scaffold {
  std::string path;  // relative to the site folder
  std::string text;
  std::string translated_from;     // the other language's file it was pre-filled from, if any
  std::vector<std::string> notes;  // what to tell the editor (next steps, offers)
};

/// A new guideline `slug` in `language`. When a page of another language has the same
/// translation key, the new file is pre-filled from it as a translation to do. `today` is
/// YYYY-MM-DD. Errors (bad slug, unknown language, file exists) go to `diagnostics`. As a
/// `folder`, the guideline is <slug>/index.md, with room for its pictures beside it.
std::optional<Scaffold> scaffold_guideline(const SourceTree& tree, const SiteConfig& config,
                                           const std::string& slug, const std::string& language,
                                           const std::string& today, Diagnostics& diagnostics,
                                           bool folder = false);

/// A new page of `kind` (kGuideline or kPage: content/<lang>/<slug>.md, linked from the menu),
/// as scaffold_guideline makes a guideline.
std::optional<Scaffold> scaffold_page(const SourceTree& tree, const SiteConfig& config,
                                      PageKind kind, const std::string& slug,
                                      const std::string& language, const std::string& today,
                                      Diagnostics& diagnostics, bool folder = false);

/// A new actor record `id`, its comments in `language` (a language of the site) listing the
/// vocabulary's allowed values with their labels in that language.
std::optional<Scaffold> scaffold_actor(const SourceTree& tree, const SiteConfig& config,
                                       const std::string& id, const std::string& language,
                                       const std::string& today, Diagnostics& diagnostics);

}  // namespace passerelle
