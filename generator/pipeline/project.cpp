#include "pipeline/project.h"

#include "output/writer.h"

namespace passerelle {

Project::Project(const SourceTree& tree, const SourceTree& bundled_themes, BuildOptions options)
    : tree_(tree), bundled_themes_(bundled_themes), options_(std::move(options)) {}

bool Project::load(Diagnostics& diagnostics) {
  result_.reset();
  sources_ = read_sources(tree_, options_, diagnostics);
  return sources_.config && sources_.directory && !diagnostics.has_errors();
}

bool Project::render(Diagnostics& diagnostics) {
  result_.reset();
  if (!sources_.config || !sources_.directory) return false;
  // A copy: the model takes its sources, and `check` reports on them after rendering.
  SiteSources copy{*sources_.config, sources_.pages, *sources_.directory};
  result_ = build_from_sources(std::move(copy), tree_, bundled_themes_, options_, diagnostics);
  return result_.has_value();
}

bool Project::build(Diagnostics& diagnostics) { return load(diagnostics) && render(diagnostics); }

bool Project::publish(const std::string& out_dir, const std::string& source_dir,
                      std::string* error) const {
  if (!result_) {
    *error = "the site was not rendered";
    return false;
  }
  return passerelle::publish(result_->plan, out_dir, source_dir, error);
}

}  // namespace passerelle
