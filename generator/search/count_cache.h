// Each document's counts (search/counting.h), kept between builds in a file per language:
// folding, splitting and stemming the text is most of what building a language's index costs,
// and an edit changes one document. A document is found by a key of everything it is counted
// from; the file says which program wrote it, and another program's file is not read.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "base/cache_file.h"
#include "search/counting.h"
#include "search/documents.h"

namespace passerelle::search {

/// The key of counting `document` in `language` with blocks of `block_chars` code points.
std::string count_key(const Document& document, const std::string& language, size_t block_chars);

/// `counted` as the cache holds it, and back; nullopt for bytes that are not such a document.
std::string encode_counted(const CountedDocument& counted);
std::optional<CountedDocument> decode_counted(std::string_view bytes);

/// The documents of a cache file, by key.
class CountCache {
 public:
  /// The cache in `bytes` (a file's contents) when the program `stamp` wrote it; an empty
  /// cache otherwise (another program's, a damaged or cut file).
  static CountCache parse(std::string bytes, std::string_view stamp);
  /// The same from the file at `path` (mapped, not copied); empty when it cannot be read.
  static CountCache read(const std::string& path, std::string_view stamp);
  /// The encoded document of `key`; nullopt when the cache has none, or its bytes are not
  /// those written (a damaged file).
  std::optional<std::string_view> find(std::string_view key) const;
  size_t size() const { return entries_.size(); }

 private:
  CacheEntries entries_;
};

/// A language's cache for one build: what the last build left (`previous`), and what this
/// build's index was counted from (`next`, a file's bytes, every document in index order),
/// to be written when it differs (`changed`).
struct CountCaching {
  std::string stamp;  // program_stamp()
  CountCache previous;
  std::string next;
  bool changed = false;
  size_t counted = 0;  // documents counted anew; the others came from `previous`
  /// When set, called as soon as every document is counted, with `next` (moved out) when it
  /// changed, and `previous` is emptied: neither is held while the index's files are made.
  std::function<void(std::string next)> save;
};

/// Adds a document to `caching.next`; starts the file when it is the first.
void add_to_cache(CountCaching& caching, std::string_view key, std::string_view encoded);

}  // namespace passerelle::search
