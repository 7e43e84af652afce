// Reading and parsing many source files on every core, with results in file order.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diagnostics.h"
#include "parallel.h"

namespace passerelle {

/// Calls `load(path, diagnostics)` — which returns a std::optional<T> — for every path, in
/// parallel, each with its own diagnostics; gathers what loaded and every diagnostic in the
/// order of `paths`, so the result does not depend on which thread ran what.
template <typename T, typename Load>
std::vector<T> load_all(const std::vector<std::string>& paths, const Load& load, Diagnostics& diagnostics) {
  std::vector<std::optional<T>> loaded(paths.size());
  std::vector<Diagnostics> found(paths.size());
  for_each_index(paths.size(), worker_count(),
                 [&](size_t, size_t i) { loaded[i] = load(paths[i], found[i]); });
  std::vector<T> result;
  for (size_t i = 0; i < paths.size(); ++i) {
    diagnostics.append(found[i]);
    if (loaded[i]) result.push_back(std::move(*loaded[i]));
  }
  return result;
}

}  // namespace passerelle
