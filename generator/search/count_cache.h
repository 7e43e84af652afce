// Each document's counts (search/counting.h), kept between builds in a file per language:
// folding, splitting and stemming the text is most of what building a language's index costs,
// and an edit changes one document. A document is found by a key of everything it is counted
// from; the file says which program wrote it, and another program's file is not read. Its
// terms and word forms are written once, sorted (search/language_terms.h), and each document
// names them by number: reading a document back makes no string.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/cache_file.h"
#include "search/counting.h"
#include "search/documents.h"
#include "search/language_terms.h"

namespace passerelle::search {

/// The key of counting `document` in `language` with blocks of `block_chars` code points.
std::string count_key(const Document& document, const std::string& language, size_t block_chars);

/// A numbered document's counts as the cache holds them, and back (numbered, its terms below
/// `term_count` and its forms below `form_count`); nullopt for bytes that are not such a
/// document.
std::string encode_counted(const CountedDocument& counted);
std::optional<CountedDocument> decode_counted(std::string_view bytes, size_t term_count, size_t form_count);

/// The documents of a cache file, by key, and the terms they are numbered with.
class CountCache {
 public:
  /// The cache in `bytes` (a file's contents) when the program `stamp` wrote it; an empty
  /// cache otherwise (another program's, a damaged or cut file).
  static CountCache parse(std::string bytes, std::string_view stamp);
  /// The same from the file at `path` (mapped, not copied); empty when it cannot be read.
  static CountCache read(const std::string& path, std::string_view stamp);
  /// The counts of `key`'s document, numbered as terms() number them; nullopt when the cache
  /// has none, or its bytes are not those written (a damaged file).
  std::optional<CountedDocument> find(std::string_view key) const;
  /// The bytes of `key`'s document as written.
  std::optional<std::string_view> entry(std::string_view key) const;
  /// Entries of the file for `documents` (numbered as this cache's terms, none beyond them),
  /// under `keys`, to be appended to it.
  std::string appended(const std::vector<std::string>& keys,
                       const std::vector<const CountedDocument*>& documents) const;
  /// Whether its file can take appended entries: read whole, and not mostly entries of
  /// documents gone since (`documents`: the build's count).
  bool appendable(size_t documents) const { return has_terms_ && entries_.whole() && size() <= 2 * documents; }
  /// The terms, moved out (the documents' numbers stay valid); empty when the cache is.
  LanguageTerms take_terms() { return std::move(terms_); }
  size_t term_count() const { return term_count_; }
  size_t form_count() const { return form_count_; }
  /// Documents.
  size_t size() const { return has_terms_ ? entries_.size() - 1 : 0; }

 private:
  static CountCache of(CacheEntries entries);

  CacheEntries entries_;
  LanguageTerms terms_;
  size_t term_count_ = 0;
  size_t form_count_ = 0;
  uint64_t table_id_ = 0;  // each document's entry starts with it
  bool has_terms_ = false;
};

/// A language's cache for one build: what the last build left (`previous`), and what this
/// build's index was counted from (`next`, a file's bytes, every document in index order;
/// with `save`, made only when it differs from `previous`: `changed`).
struct CountCaching {
  std::string stamp;  // program_stamp()
  CountCache previous;
  std::string next;
  bool changed = false;
  size_t counted = 0;  // documents counted anew; the others came from `previous`
  /// When set, called with `next` (moved out) when it changed, as soon as every document is
  /// counted; `previous` is then let go of: neither is held while the index is scored.
  std::function<void(std::string next)> save;
  /// When set, and the documents counted anew use no term the file lacks, their entries are
  /// handed to it instead, to be added at the end of the file (a later entry of a key wins):
  /// an edit then writes a few kilobytes, not the whole file. `next` is not made.
  std::function<void(std::string entries)> append;
};

/// The file of a language's counts: the terms and forms `forms` and `uses` name (only those,
/// numbered anew in sorted order), then each document under its key (`keys`), in order.
std::string encode_cache(std::string_view stamp, const LanguageTerms& terms,
                         const std::vector<std::string>& keys,
                         const std::vector<std::vector<TermUse>>& uses,
                         const std::vector<std::vector<uint32_t>>& forms,
                         const std::vector<double>& lengths);

}  // namespace passerelle::search
