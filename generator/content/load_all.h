// Finding the source files of one kind, and reading and parsing many of them on every core,
// with results in file order.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/filesystem.h"
#include "base/parallel.h"
#include "base/text.h"

namespace passerelle {

/// Whether `path` is a source of the kind kept in `folder` (ending with '/') as files ending
/// with `extension`.
inline bool is_source_in(std::string_view path, std::string_view folder,
                         std::string_view extension) {
  return starts_with(path, folder) && ends_with(path, extension);
}

/// The sources of `tree` in `folder` (ending with '/') ending with `extension`, sorted.
inline std::vector<std::string> sources_in(const SourceTree& tree, std::string_view folder,
                                           std::string_view extension) {
  std::vector<std::string> paths;
  for (auto& path : tree.list_files(std::string(folder.substr(0, folder.size() - 1)))) {
    if (is_source_in(path, folder, extension)) paths.push_back(std::move(path));
  }
  return paths;
}

/// One file's result: what loaded (nothing when it had errors) and its diagnostics.
template <typename T>
struct Loaded {
  std::optional<T> item;
  Diagnostics diagnostics;
};

/// Calls `load(path, diagnostics)` — which returns a std::optional<T> — for every path, in
/// parallel, each with its own diagnostics; the results are in the order of `paths`, so they
/// do not depend on which thread ran what.
template <typename T, typename Load>
std::vector<Loaded<T>> load_each(const std::vector<std::string>& paths, const Load& load) {
  std::vector<Loaded<T>> loaded(paths.size());
  for_each_index(paths.size(), worker_count(), [&](size_t, size_t i) {
    loaded[i].item = load(paths[i], loaded[i].diagnostics);
  });
  return loaded;
}

/// load_each, with what loaded gathered in one list and every diagnostic in `diagnostics`.
template <typename T, typename Load>
std::vector<T> load_all(const std::vector<std::string>& paths, const Load& load, Diagnostics& diagnostics) {
  std::vector<T> result;
  for (auto& [item, found] : load_each<T>(paths, load)) {
    diagnostics.append(found);
    if (item) result.push_back(std::move(*item));
  }
  return result;
}

}  // namespace passerelle
