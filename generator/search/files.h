// The index as static files (format: docs/search-index.md). Every file is a classic script
// that hands its data to the client — PasserelleSearch.load("fr/t/fo", {…}) — because
// browsers refuse fetch() and module scripts on file:// pages, while <script src> works there,
// under a strict Content Security Policy, and on any host.
#pragma once

#include <atomic>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "model/site.h"
#include "output/plan.h"
#include "search/file_memo.h"
#include "search/index.h"

namespace passerelle::search {

struct Layout {
  size_t shard_bytes = 6 * 1024;   // a term shard above this is split by one more letter
  size_t max_key_length = 6;       // ... up to keys of this many code points
  size_t block_chars = 360;        // text blocks snippets are cut from
  size_t inline_blocks = 5;        // the first blocks of every document, in its own file (a short text whole)
  size_t blocks_per_file = 8;      // the blocks after those, grouped: fewer files, a bit more per result
  size_t completions = 8;          // words a split shard suggests for its prefix
  size_t completion_postings = 16; // best postings kept for each suggestion
};

/// Where the index lives below the site root.
constexpr std::string_view kIndexFolder = "search/";

/// A term shard's file name for its key: a-z and 0-9 as they are, other code points as
/// "_<hex>_" ("fo" → "fo", "ال" → "_627__644_").
std::string shard_file_name(std::string_view key);

/// Postings as base64 VLQ numbers (source-map style, unsigned): for each posting, the
/// document number minus the previous one, impact × 2 + in_title, block.
std::string encode_postings(const std::vector<Posting>& postings);
std::vector<Posting> decode_postings(std::string_view text);

/// Files of one language's index, under search/<lang>/. `site` gives facet labels. With
/// `reuse` (and an index counted with a cache), a document whose files the last build made
/// from the same data keeps them: they are handed to reuse->keep, not returned.
OutputPlan index_files(const Index& index, const Site& site, const LanguageConfig& language,
                       const Layout& layout, FileReuse* reuse = nullptr);

/// The index of one language of the site: every file of index_files(). Languages are
/// independent, so they can be built at the same time. `list_separator`: see documents_of().
/// `caching`: the language's count cache (search/count_cache.h), or none; `reuse`: the
/// last build's document files (search/file_memo.h), used only with `caching`.
OutputPlan language_search_files(const Site& site, const LanguageConfig& language, const Layout& layout = {},
                                 std::string_view list_separator = ", ",
                                 CountCaching* caching = nullptr, FileReuse* reuse = nullptr);

/// The list separator of each language (by code; ", " for a language not named).
using ListSeparators = std::map<std::string, std::string>;

/// The search output: the index of every language of the site, sorted by path. Languages are
/// built at the same time; once `cancelled` is set, the languages not started are left out.
OutputPlan search_files(const Site& site, const std::atomic<bool>* cancelled = nullptr,
                        const ListSeparators& list_separators = {});

}  // namespace passerelle::search
