#include "base/content_hash.h"

#include <cstdio>

namespace passerelle {

void ContentHash::add(std::string_view bytes) {
  for (unsigned char c : bytes) {
    hash_ ^= c;
    hash_ *= 1099511628211ULL;
  }
}

std::string ContentHash::short_hex() const {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash_));
  return std::string(hex, 10);
}

std::string content_hash(std::string_view bytes) {
  ContentHash hash;
  hash.add(bytes);
  return hash.short_hex();
}

}  // namespace passerelle
