// What the last build wrote of each document's index files (search/files.h), by the key of
// what they are made from: an edit changes one document, and encoding and writing the twenty
// thousand files of a large site's other documents again was most of what its index cost.
// Kept per language beside the count cache (search/count_cache.h), in the same layout.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/cache_file.h"
#include "output/sink.h"

namespace passerelle::search {

/// `files` as the memo holds them, and back; nullopt for bytes that are not such a list.
std::string encode_file_summaries(const std::vector<FileSummary>& files);
std::optional<std::vector<FileSummary>> decode_file_summaries(std::string_view bytes);

/// The summaries of each document's files, by key.
class FileMemo {
 public:
  /// The memo in `bytes` (a file's contents) when the program `stamp` wrote it; an empty one
  /// otherwise.
  static FileMemo parse(std::string bytes, std::string_view stamp);
  /// The same from the file at `path`; empty when it cannot be read.
  static FileMemo read(const std::string& path, std::string_view stamp);
  /// The files of `key`'s document; nullopt when the memo has none or its entry is damaged.
  std::optional<std::vector<FileSummary>> find(std::string_view key) const;
  size_t size() const { return entries_.size(); }

 private:
  CacheEntries entries_;
};

/// A language's document files for one build: those the last build wrote (`previous`), how
/// to take one as it is (`keep`: false when the output no longer holds it as summarized, and
/// the file is then encoded again), and where this build's memo goes (`save`, called only
/// when it differs from `previous`).
struct FileReuse {
  std::string stamp;  // program_stamp()
  FileMemo previous;
  std::function<bool(const FileSummary&)> keep;
  std::function<void(std::string next)> save;
  size_t kept = 0;      // documents whose every file was kept
  size_t encoded = 0;   // documents whose files were encoded (some of them, at least)
};

/// Starts a memo file written by the program `stamp`.
std::string file_memo_header(std::string_view stamp);

}  // namespace passerelle::search
