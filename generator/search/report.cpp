#include "search/report.h"

#include <algorithm>
#include <map>

#include "base/text.h"
#include "content/media.h"
#include "model/urls.h"

namespace passerelle::search {

namespace {

std::string base_name(const std::string& path) { return path.substr(path.rfind('/') + 1); }

}  // namespace

SizeReport measure(const OutputPlan& plan, const SiteConfig& config) {
  std::vector<FileSummary> files;
  files.reserve(plan.size());
  for (const auto& file : plan) files.push_back({file.path, file.bytes.size(), 0, file.sources});
  return measure(files, config);
}

SizeReport measure(const std::vector<FileSummary>& plan, const SiteConfig& config) {
  SizeReport report;
  // The print editions (volumes included) hold every guideline by design: no page budget.
  std::vector<std::string> print_folders;
  for (const auto& language : config.languages) print_folders.push_back(print_edition_path(language));
  auto in_print_edition = [&](const std::string& path) {
    for (const auto& folder : print_folders) {
      if (starts_with(path, folder)) return true;
    }
    return false;
  };
  for (const auto& language : config.languages) {
    LanguageSizes sizes;
    sizes.language = language.code;
    std::string folder = "search/" + language.code + "/";
    size_t manifest = 0;
    // Each result costs its document file plus, at worst, its largest file of text blocks.
    std::map<std::string, size_t> result_cost;  // document number → bytes
    for (const auto& file : plan) {
      if (!starts_with(file.path, folder)) continue;
      size_t bytes = file.size;
      sizes.index_bytes += bytes;
      sizes.files++;
      std::string rest = file.path.substr(folder.size());
      if (rest == "manifest.js") {
        manifest = bytes;
      } else if (starts_with(rest, "t/") && bytes > sizes.largest_shard_bytes) {
        sizes.largest_shard_bytes = bytes;
      } else if (starts_with(rest, "d/")) {
        std::string name = base_name(rest);
        result_cost[name.substr(0, name.find('.'))] += bytes;
      }
    }
    std::map<std::string, size_t> largest_block;
    for (const auto& file : plan) {
      if (!starts_with(file.path, folder + "x/")) continue;
      std::string name = base_name(file.path);
      std::string document = name.substr(0, name.find('-'));
      largest_block[document] = std::max(largest_block[document], file.size);
    }
    std::vector<size_t> costs;
    for (const auto& [document, bytes] : result_cost) costs.push_back(bytes + largest_block[document]);
    std::sort(costs.rbegin(), costs.rend());
    sizes.query_bytes = manifest + sizes.largest_shard_bytes;
    for (size_t i = 0; i < costs.size() && i < kResultsPerPage; ++i) sizes.query_bytes += costs[i];
    report.languages.push_back(sizes);
  }
  for (const auto& file : plan) {
    if (starts_with(file.path, "js/search.") && ends_with(file.path, ".js")) report.client_bytes = file.size;
    if (ends_with(file.path, ".html") && file.size > report.heaviest_page_bytes &&
        !in_print_edition(file.path)) {
      report.heaviest_page_bytes = file.size;
      report.heaviest_page = file.path;
    }
    if (file.sources.size() != 1 || !is_media_file(file.sources.front())) continue;
    bool picture = is_picture(file.path);
    auto& heaviest = picture ? report.heaviest_picture : report.heaviest_download;
    auto& heaviest_bytes = picture ? report.heaviest_picture_bytes : report.heaviest_download_bytes;
    if (file.size > heaviest_bytes) {
      heaviest_bytes = file.size;
      heaviest = file.sources.front();  // the editor knows it by its source
    }
  }
  return report;
}

}  // namespace passerelle::search
