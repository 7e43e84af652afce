// A short hash of bytes that is the same on every machine and in every run: asset names
// (css/site.<hash>.css) and the search index version are made of it, so it must not change.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace passerelle {

/// FNV-1a over everything added, in order.
class ContentHash {
 public:
  void add(std::string_view bytes);
  /// The first 10 of the 16 hex digits.
  std::string short_hex() const;

 private:
  // Not FNV's usual offset basis (a digit short), but the one published names were made with.
  uint64_t hash_ = 1469598103934665603ULL;
};

/// The short hash of `bytes` alone.
std::string content_hash(std::string_view bytes);

}  // namespace passerelle
