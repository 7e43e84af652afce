// What the search index weighs, measured on the files a build would write: the figures
// `passerelle build` prints and checks against the budgets of site.toml.
#pragma once

#include <string>
#include <vector>

#include "config/config.h"
#include "output/plan.h"
#include "output/sink.h"

namespace passerelle::search {

struct LanguageSizes {
  std::string language;
  size_t index_bytes = 0;   // every file under search/<lang>/
  size_t files = 0;
  size_t query_bytes = 0;   // the most one single-word query can fetch (see docs/search-index.md)
  size_t largest_shard_bytes = 0;
};

struct SizeReport {
  std::vector<LanguageSizes> languages;
  size_t client_bytes = 0;  // js/search.<hash>.js
  std::string heaviest_page;
  size_t heaviest_page_bytes = 0;
  // Of the files copied from content/ (content/media.h): the heaviest of each kind.
  std::string heaviest_picture;
  size_t heaviest_picture_bytes = 0;
  std::string heaviest_download;
  size_t heaviest_download_bytes = 0;
};

/// Results a search page shows before "more": the worst case counts that many fragments.
constexpr size_t kResultsPerPage = 10;

/// From the summaries of the files a build wrote (output/sink.h), sorted or not.
SizeReport measure(const std::vector<FileSummary>& files, const SiteConfig& config);
SizeReport measure(const OutputPlan& plan, const SiteConfig& config);

}  // namespace passerelle::search
