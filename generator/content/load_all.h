// Reading and parsing many source files on every core, with results in file order.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/parallel.h"

namespace passerelle {

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
