// Keys of what a build's outputs are made from: an incremental build compares them with the
// last build's (pipeline/incremental.h), the search index's count cache finds documents by
// them (search/count_cache.h).
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace passerelle {

/// Two 64-bit hashes of everything added, each value prefixed with its length so that
/// ("ab", "c") and ("a", "bc") differ. Not for security: only a build's own inputs go in.
class KeyHash {
 public:
  KeyHash& add(std::string_view bytes) {
    add_raw(std::to_string(bytes.size()) + ":");
    add_raw(bytes);
    return *this;
  }
  KeyHash& add(int64_t n) { return add(std::string_view(std::to_string(n))); }
  KeyHash& add_flag(bool b) { return add(std::string_view(b ? "1" : "0")); }
  KeyHash& add(const std::vector<std::string>& items) {
    add(static_cast<int64_t>(items.size()));
    for (const auto& item : items) add(item);
    return *this;
  }
  template <typename V>
  KeyHash& add(const std::map<std::string, V>& items) {
    add(static_cast<int64_t>(items.size()));
    for (const auto& [key, value] : items) {
      add(key);
      add(value);
    }
    return *this;
  }
  std::string hex() const {
    char text[40];
    std::snprintf(text, sizeof text, "%016llx%016llx", static_cast<unsigned long long>(fnv_),
                  static_cast<unsigned long long>(mix_));
    return text;
  }

 private:
  // FNV-1a over 8-byte words (a byte at a time was most of the time spent keying the
  // Markdown of a large site), and the library's hash of the same bytes.
  void add_raw(std::string_view bytes) {
    size_t i = 0;
    for (; i + 8 <= bytes.size(); i += 8) {
      uint64_t word;
      std::memcpy(&word, bytes.data() + i, 8);
      fnv_ = ((fnv_ ^ word) * 1099511628211ULL);
      fnv_ ^= fnv_ >> 29;
    }
    for (; i < bytes.size(); ++i) fnv_ = (fnv_ ^ static_cast<unsigned char>(bytes[i])) * 1099511628211ULL;
    mix_ = (mix_ ^ std::hash<std::string_view>{}(bytes)) * 0x9E3779B97F4A7C15ULL + 1;
  }
  uint64_t fnv_ = 14695981039346656037ULL;
  uint64_t mix_ = 0;
};

/// The program itself (its size and modification time): another build of passerelle may
/// render other bytes, so what it made is not reused.
std::string program_stamp();

}  // namespace passerelle
