// Page templates: Mustache files of the theme, compiled once and rendered with views.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "base/diagnostics.h"
#include "base/filesystem.h"
#include "theme/view.h"

namespace passerelle {

class TemplateSet {
 public:
  /// Compiles templates/*.mustache and templates/partials/*.mustache of `theme` (a tree rooted
  /// at the theme folder). `origin` names the file a template comes from, for diagnostics.
  /// `workers` compiled copies are kept: a Mustache engine keeps state while rendering, so
  /// each rendering thread uses its own.
  static std::optional<TemplateSet> load(const SourceTree& theme,
                                         const std::function<std::string(const std::string&)>& origin,
                                         Diagnostics& diagnostics, size_t workers = 1);
  TemplateSet(TemplateSet&&) noexcept;
  TemplateSet& operator=(TemplateSet&&) noexcept;
  ~TemplateSet();

  /// Renders template `name` (without extension). Errors (such as a broken partial) are
  /// reported with the template's path.
  std::string render(const std::string& name, const View& view, Diagnostics& diagnostics,
                     size_t worker = 0) const;
  size_t workers() const { return engines_.size(); }

 private:
  TemplateSet();
  struct Compiled;
  std::vector<std::map<std::string, std::unique_ptr<Compiled>>> engines_;  // per worker
  std::map<std::string, std::string> partials_;
  std::map<std::string, std::string> origins_;
};

}  // namespace passerelle
