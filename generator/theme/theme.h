// The theme of a site: its templates, its UI strings per language and its static assets. A
// site's own themes/<name>/ overrides the bundled theme file by file.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "base/diagnostics.h"
#include "base/filesystem.h"
#include "theme/templates.h"

namespace passerelle {

struct UiStrings {
  std::map<std::string, std::string> text;
  std::vector<std::string> months;  // "janvier" … "décembre"

  /// The string `key`; "{n}" in it is replaced by `n` when given.
  std::string get(const std::string& key) const;
  std::string count(const std::string& key, long n) const;  // key_one / key_other
  /// "20 novembre 2026" from "2026-11-20".
  std::string date(const std::string& iso_date) const;
};

struct StaticFile {
  std::string path;  // below static/, e.g. css/site.css
  std::string bytes;
};

struct Theme {
  TemplateSet templates;
  std::map<std::string, UiStrings> strings;  // by language code
  std::vector<StaticFile> static_files;
};

/// `site` is the site's source tree; `bundled` a tree rooted at the bundled themes folder.
std::optional<Theme> load_theme(const SourceTree& site, const SourceTree& bundled,
                                const SiteConfig& config, Diagnostics& diagnostics);

}  // namespace passerelle
