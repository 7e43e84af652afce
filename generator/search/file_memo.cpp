#include "search/file_memo.h"

namespace passerelle::search {

namespace {

// Raised whenever the layout of the file or what a key covers changes.
constexpr std::string_view kFilesFormat = "passerelle-search-files-1";

}  // namespace

std::string encode_file_summaries(const std::vector<FileSummary>& files) {
  std::string out;
  put_file_summaries(out, files);
  return out;
}

std::optional<std::vector<FileSummary>> decode_file_summaries(std::string_view bytes) {
  ByteReader in{bytes};
  auto files = read_file_summaries(in);
  if (!in.ok || in.at != bytes.size()) return std::nullopt;
  return files;
}

std::string file_memo_header(std::string_view stamp) { return cache_header(kFilesFormat, stamp); }

FileMemo FileMemo::parse(std::string bytes, std::string_view stamp) {
  FileMemo memo;
  memo.entries_ = CacheEntries::parse(std::move(bytes), file_memo_header(stamp));
  return memo;
}

FileMemo FileMemo::read(const std::string& path, std::string_view stamp) {
  FileMemo memo;
  memo.entries_ = CacheEntries::read(path, file_memo_header(stamp));
  return memo;
}

std::optional<std::vector<FileSummary>> FileMemo::find(std::string_view key) const {
  const std::string_view* found = entries_.find(key);
  if (!found) return std::nullopt;
  return decode_file_summaries(*found);
}

}  // namespace passerelle::search
