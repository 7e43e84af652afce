#include "search/file_memo.h"

namespace passerelle::search {

namespace {

// Raised whenever the layout of the file or what a key covers changes.
constexpr std::string_view kFilesFormat = "passerelle-search-files-1";

}  // namespace

std::string encode_file_summaries(const std::vector<FileSummary>& files) {
  std::string out;
  put_number(out, files.size());
  for (const auto& file : files) {
    put_text(out, file.path);
    put_number(out, file.size);
    put_raw(out, static_cast<uint64_t>(file.hash));
    put_number(out, file.sources.size());
    for (const auto& source : file.sources) put_text(out, source);
  }
  return out;
}

std::optional<std::vector<FileSummary>> decode_file_summaries(std::string_view bytes) {
  ByteReader in{bytes};
  std::vector<FileSummary> files;
  for (size_t n = in.count(); n > 0 && in.ok; --n) {
    FileSummary file;
    file.path = std::string(in.text());
    file.size = in.number();
    file.hash = static_cast<size_t>(in.raw<uint64_t>());
    for (size_t s = in.count(); s > 0 && in.ok; --s) file.sources.emplace_back(in.text());
    files.push_back(std::move(file));
  }
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
