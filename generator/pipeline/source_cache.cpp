#include "pipeline/source_cache.h"

#include <algorithm>

#include "content/directory.h"
#include "content/media.h"
#include "content/load_all.h"
#include "content/pages.h"
#include "base/text.h"

namespace passerelle {

namespace {

enum class SourceKind { kPage, kRecord, kMedia, kSkipped, kOther };

SourceKind kind_of(const std::string& path) {
  if (ends_with(path, "/")) return SourceKind::kOther;  // a folder came or went
  if (is_page_file(path)) return SourceKind::kPage;
  if (is_actor_file(path)) return SourceKind::kRecord;
  if (is_media_file(path)) return SourceKind::kMedia;
  if (starts_with(path, "content/") || starts_with(path, kActorsFolder)) return SourceKind::kSkipped;
  return SourceKind::kOther;
}

/// Puts `item` in place of the one from the same file, or at the end; removes that one when
/// `item` is empty (the file was removed or no longer parses).
template <typename T>
void replace_item(std::vector<std::shared_ptr<const T>>& items, const std::string& path,
                  std::optional<T> item) {
  auto it = std::find_if(items.begin(), items.end(), [&](const auto& x) { return x->path == path; });
  if (it != items.end() && item) {
    *it = std::make_shared<T>(std::move(*item));
  } else if (it != items.end()) {
    items.erase(it);
  } else if (item) {
    items.push_back(std::make_shared<T>(std::move(*item)));
  }
}

template <typename T>
const T* find_item(const std::vector<std::shared_ptr<const T>>& items, const std::string& path) {
  auto it = std::find_if(items.begin(), items.end(), [&](const auto& x) { return x->path == path; });
  return it == items.end() ? nullptr : it->get();
}

}  // namespace

SiteSources SharedSources::copy() const {
  SiteSources sources{config, {}, {vocabulary, {}}, media};
  sources.pages.reserve(pages.size());
  for (const auto& page : pages) sources.pages.push_back(*page);
  sources.directory.actors.reserve(records.size());
  for (const auto& record : records) sources.directory.actors.push_back(*record);
  return sources;
}

// The items were made as non-const objects (make_shared<T>), and the cache is their only owner
// once the copies given out are gone, so moving out of them is sound.
template <typename T>
std::vector<T> move_out(std::vector<std::shared_ptr<const T>>& items) {
  std::vector<T> moved;
  moved.reserve(items.size());
  for (auto& item : items) moved.push_back(std::move(*std::const_pointer_cast<T>(item)));
  items.clear();
  return moved;
}

SiteSources SourceCache::take() {
  SiteSources taken{std::move(sources_.config), move_out(sources_.pages),
                    {std::move(sources_.vocabulary), move_out(sources_.records)},
                    std::move(sources_.media)};
  sources_ = {};
  have_config_ = have_vocabulary_ = false;  // the next update needs load_all()
  return taken;
}

LoadedSources SourceCache::loaded() const {
  LoadedSources loaded;
  if (!have_config_) return loaded;
  SiteSources copy = sources_.copy();
  loaded.config = std::move(copy.config);
  loaded.pages = std::move(copy.pages);
  if (have_vocabulary_) loaded.directory = std::move(copy.directory);
  loaded.media = std::move(copy.media);
  return loaded;
}

const PageSource* SourceCache::page(const std::string& path) const {
  return find_item(sources_.pages, path);
}

const ActorRecord* SourceCache::record(const std::string& path) const {
  return find_item(sources_.records, path);
}

bool SourceCache::is_read(const std::string& path) { return kind_of(path) != SourceKind::kSkipped; }

SourceCache::SourceCache(BuildOptions options) : options_(std::move(options)) {
  options_.on_stage = nullptr;
}

void SourceCache::load_all(const SourceTree& tree) {
  have_config_ = have_vocabulary_ = false;
  site_diagnostics_ = {};
  diagnostics_.clear();
  sources_ = {};
  auto config = load_config(tree, options_, site_diagnostics_);
  if (!config) return;
  sources_.config = std::move(*config);
  have_config_ = true;
  keep_all(page_files(tree), sources_.pages, page_loader(tree));
  sources_.media = load_media(tree, options_.picture_cache);
  auto vocabulary = load_vocabulary(tree, sources_.config, site_diagnostics_);
  if (!vocabulary) return;
  sources_.vocabulary = std::move(*vocabulary);
  have_vocabulary_ = true;
  keep_all(actor_files(tree), sources_.records, record_loader(tree));
}

bool SourceCache::update(const SourceTree& tree, const std::vector<std::string>& paths) {
  for (const auto& path : paths) {
    SourceKind kind = kind_of(path);
    if (kind == SourceKind::kOther || !have_config_) return false;
    if (kind == SourceKind::kRecord && !have_vocabulary_) return false;
  }
  for (const auto& path : paths) {
    SourceKind kind = kind_of(path);
    if (kind == SourceKind::kPage) reload(tree, path, sources_.pages, page_loader(tree));
    if (kind == SourceKind::kRecord) reload(tree, path, sources_.records, record_loader(tree));
    if (kind == SourceKind::kMedia) {
      if (auto file = load_media_file(tree, path, options_.picture_cache)) {
        sources_.media.insert_or_assign(path, std::move(*file));
      } else {
        sources_.media.erase(path);
      }
    }
  }
  return true;
}

SourceCache::Loader<PageSource> SourceCache::page_loader(const SourceTree& tree) const {
  return [&tree, this](const std::string& path, Diagnostics& diagnostics) {
    return load_page_file(tree, path, sources_.config, options_.include_drafts, diagnostics);
  };
}

SourceCache::Loader<ActorRecord> SourceCache::record_loader(const SourceTree& tree) const {
  return [&tree, this](const std::string& path, Diagnostics& diagnostics) {
    return load_actor_file(tree, path, sources_.config, sources_.vocabulary,
                           options_.include_drafts, diagnostics);
  };
}

template <typename T>
void SourceCache::keep_all(const std::vector<std::string>& paths,
                           std::vector<std::shared_ptr<const T>>& items, const Loader<T>& load) {
  auto loaded = load_each<T>(paths, load);  // in parallel, as a build reads them
  for (size_t i = 0; i < paths.size(); ++i) {
    if (loaded[i].item) items.push_back(std::make_shared<T>(std::move(*loaded[i].item)));
    remember(paths[i], std::move(loaded[i].diagnostics));
  }
}

template <typename T>
void SourceCache::reload(const SourceTree& tree, const std::string& path,
                         std::vector<std::shared_ptr<const T>>& items, const Loader<T>& load) {
  Diagnostics diagnostics;
  std::optional<T> item;
  if (tree.is_file(path)) item = load(path, diagnostics);
  replace_item(items, path, std::move(item));
  remember(path, std::move(diagnostics));
}

void SourceCache::remember(const std::string& path, Diagnostics diagnostics) {
  if (diagnostics.items().empty()) {
    diagnostics_.erase(path);
  } else {
    diagnostics_[path] = std::move(diagnostics);
  }
}

bool SourceCache::ok() const {
  if (!have_config_ || !have_vocabulary_ || site_diagnostics_.has_errors()) return false;
  return std::none_of(diagnostics_.begin(), diagnostics_.end(),
                      [](const auto& entry) { return entry.second.has_errors(); });
}

Diagnostics SourceCache::diagnostics() const {
  Diagnostics all = site_diagnostics_;
  for (const auto& [path, diagnostics] : diagnostics_) all.append(diagnostics);
  return all;
}

}  // namespace passerelle
