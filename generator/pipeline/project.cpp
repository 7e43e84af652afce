#include "pipeline/project.h"

#include <algorithm>
#include <set>

#include "base/text.h"
#include "output/writer.h"
#include "pipeline/stand_ins.h"

namespace passerelle {

namespace {

/// Output path → a hash of its bytes, to tell what an update changed.
std::map<std::string, size_t> hashes_of(const std::vector<FileSummary>& files) {
  std::map<std::string, size_t> hashes;
  for (const auto& file : files) hashes[file.path] = file.hash;
  return hashes;
}

}  // namespace

Project::Project(const SourceTree& tree, const SourceTree& bundled_themes, BuildOptions options)
    : tree_(tree), bundled_themes_(bundled_themes), options_(std::move(options)), cache_(options_) {}

bool Project::load(Diagnostics& diagnostics) {
  result_.reset();
  if (options_.on_stage) options_.on_stage("load");
  cache_.load_all(tree_);
  diagnostics.append(cache_.diagnostics());
  sources_.reset();
  return cache_.ok();
}

std::optional<OutputChanges> Project::update(
    const std::set<std::string>& paths, Diagnostics& diagnostics,
    const std::atomic<bool>* cancelled,
    std::function<const std::string*(const std::string& path)> previous_file) {
  std::vector<std::string> sources;
  for (const auto& path : paths) {
    if (SourceCache::is_read(path) && !starts_with(path, "themes/")) sources.push_back(path);
  }
  if (!cache_.update(tree_, sources)) cache_.load_all(tree_);
  diagnostics.append(cache_.diagnostics());
  sources_.reset();
  result_.reset();
  if (!cache_.ok()) return std::nullopt;
  auto previous = output_hashes_;  // render() replaces them when it succeeds
  options_.cancelled = cancelled;
  if (previous_file && manifest_) {
    options_.previous_manifest = &*manifest_;
    options_.previous_file = std::move(previous_file);
  }
  bool rendered = render(diagnostics);
  options_.cancelled = nullptr;
  options_.previous_manifest = nullptr;
  options_.previous_file = nullptr;
  if (!rendered) return std::nullopt;
  OutputChanges changes;
  for (const auto& [path, hash] : output_hashes_) {
    auto it = previous.find(path);
    if (it == previous.end() || it->second != hash) changes.changed.push_back(path);
  }
  for (const auto& [path, hash] : previous) {
    if (!output_hashes_.count(path)) changes.removed.push_back(path);
  }
  return changes;
}

bool Project::render(Diagnostics& diagnostics) {
  if (!cache_.usable()) {
    result_.reset();
    return false;
  }
  // A copy: the model takes its sources, and the cache keeps them for the next update.
  options_.markdown_memo = markdown_memo_.get();
  bool rendered = render_from(cache_.sources().copy(), diagnostics);
  options_.markdown_memo = nullptr;
  if (rendered) markdown_memo_->build_finished();
  return rendered;
}

bool Project::render_from(SiteSources sources, Diagnostics& diagnostics) {
  past_errors_ = false;
  result_ = build_from_sources(std::move(sources), tree_, bundled_themes_, options_, diagnostics);
  if (result_) {
    output_hashes_ = hashes_of(result_->files);
    manifest_ = std::move(result_->manifest);
  }
  return result_.has_value();
}

bool Project::build_once(Diagnostics& diagnostics) {
  if (!load(diagnostics)) return false;
  sources_.reset();
  return render_from(cache_.take(), diagnostics);
}

const LoadedSources& Project::sources() const {
  if (!sources_) sources_ = cache_.loaded();
  return *sources_;
}

bool Project::build(Diagnostics& diagnostics) { return load(diagnostics) && render(diagnostics); }

bool Project::render_past_errors(Diagnostics& diagnostics) {
  result_.reset();
  past_errors_ = true;
  if (!sources().config) return false;
  std::set<std::string> failed;
  for (const auto& d : diagnostics.items()) {
    if (d.severity == Severity::kError) failed.insert(d.location.path);
  }
  auto with = with_stand_ins(tree_, sources(), failed);
  Diagnostics assembled;
  if (with.renderable) {
    BuildOptions options = options_;
    options.past_errors = true;
    options.staging = nullptr;  // never published
    result_ = build_from_sources(std::move(with.sources), tree_, bundled_themes_, options, assembled);
  } else {
    assemble_site_past_errors(std::move(with.sources.config), std::move(with.sources.pages),
                              std::move(with.sources.directory), std::move(with.sources.media),
                              assembled);
  }
  std::set<std::string> known;
  for (const auto& d : diagnostics.items()) known.insert(format_diagnostic(d));
  bool pages_stand_in = std::any_of(with.stand_ins.begin(), with.stand_ins.end(),
                                    [](const std::string& path) { return ends_with(path, ".md"); });
  for (const auto& d : assembled.items()) {
    // A stand-in has no text, headings nor real slug: what is said about it, or about the
    // #fragments of links to it, would be noise.
    if (failed.count(d.location.path) || with.stand_ins.count(d.location.path)) continue;
    if (pages_stand_in && starts_with(d.message, "no heading with id")) continue;
    if (known.insert(format_diagnostic(d)).second) diagnostics.add(d);
  }
  return result_.has_value();
}

bool Project::publish(const std::string& out_dir, const std::string& source_dir,
                      std::string* error) const {
  if (!result_ || past_errors_) {
    *error = past_errors_ ? "the site was rendered past errors" : "the site was not rendered";
    return false;
  }
  if (options_.staging) {
    // The files are in the staging folder already: what is left is to swap it in.
    std::vector<std::string> paths;
    paths.reserve(result_->files.size());
    for (const auto& file : result_->files) paths.push_back(file.path);
    return options_.staging->commit(paths, error);
  }
  return passerelle::publish(result_->plan, out_dir, source_dir, error);
}

}  // namespace passerelle
