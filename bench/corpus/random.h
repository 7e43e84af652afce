// A small deterministic random number generator for the synthetic corpus. The standard
// library's distributions are implementation-defined, so every draw here is our own integer
// arithmetic: the same seed gives the same corpus with any compiler or library.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace corpus {

class Rng {
 public:
  /// One independent stream per (seed, purpose, index): generating one item never shifts the
  /// draws of another, so a guideline's text does not depend on how many actors came before.
  Rng(uint64_t seed, std::string_view purpose, uint64_t index = 0) {
    uint64_t hash = 14695981039346656037ull;  // FNV-1a over the purpose
    for (char c : purpose) hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    state_ = seed ^ (hash * 0x9E3779B97F4A7C15ull) ^ (index * 0xD1B54A32D192ED03ull);
    next();
  }

  /// splitmix64.
  uint64_t next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }

  /// Uniform in [0, n); n > 0.
  size_t below(size_t n) {
    return static_cast<size_t>((static_cast<unsigned __int128>(next()) * n) >> 64);
  }
  /// Uniform in [low, high].
  int range(int low, int high) { return low + static_cast<int>(below(high - low + 1)); }
  /// True with probability percent/100.
  bool chance(int percent) { return static_cast<int>(below(100)) < percent; }

  template <typename T>
  const T& pick(const std::vector<T>& items) {
    return items[below(items.size())];
  }

  /// An index drawn with the weights of `cumulative` (running totals, see zipf_weights).
  size_t weighted(const std::vector<uint64_t>& cumulative) {
    uint64_t target = below(cumulative.back());
    size_t low = 0, high = cumulative.size() - 1;
    while (low < high) {
      size_t middle = (low + high) / 2;
      if (cumulative[middle] > target) high = middle;
      else low = middle + 1;
    }
    return low;
  }

 private:
  uint64_t state_;
};

/// Running totals of Zipf-like weights 1/(rank+1) for n items: the first entries of a word list
/// come up far more often than the last, as in real text.
inline std::vector<uint64_t> zipf_weights(size_t n) {
  std::vector<uint64_t> cumulative(n);
  uint64_t total = 0;
  for (size_t rank = 0; rank < n; ++rank) cumulative[rank] = total += 1000000 / (rank + 1);
  return cumulative;
}

}  // namespace corpus
