#include "output/manifest.h"

#include <sys/stat.h>

#include <algorithm>
#include <iterator>

#include <nlohmann/json.hpp>

#include "output/output_folder.h"

namespace passerelle {

namespace {

// Raised whenever what a manifest says or how files are owned changes meaning.
constexpr int kManifestFormat = 2;  // 2: files owned by several units

}  // namespace

std::string manifest_json(const OutputManifest& manifest, const std::string& identity) {
  nlohmann::json files = nlohmann::json::array();
  for (const auto& file : manifest.files) {
    files.push_back({file.path, file.size, file.hash, file.sources});
  }
  nlohmann::json json = {{"format", kManifestFormat},
                         {"folder", identity},
                         {"context", manifest.context},
                         {"units", manifest.units},
                         {"groups", manifest.groups},
                         {"files", std::move(files)}};
  return json.dump();
}

std::optional<OutputManifest> parse_manifest(std::string_view text, const std::string& identity) {
  auto json = nlohmann::json::parse(text, nullptr, false);
  if (json.is_discarded() || !json.is_object()) return std::nullopt;
  try {
    if (json.at("format").get<int>() != kManifestFormat) return std::nullopt;
    if (identity.empty() || json.at("folder").get<std::string>() != identity) return std::nullopt;
    OutputManifest manifest;
    manifest.context = json.at("context").get<std::string>();
    manifest.units = json.at("units").get<std::map<std::string, std::string>>();
    manifest.groups = json.at("groups").get<std::map<std::string, std::string>>();
    for (const auto& file : json.at("files")) {
      manifest.files.push_back({file.at(0).get<std::string>(), file.at(1).get<size_t>(),
                                file.at(2).get<size_t>(),
                                file.at(3).get<std::vector<std::string>>()});
    }
    return manifest;
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;  // not a manifest of this format: the build renders everything
  }
}

namespace {

/// The folder of `groups` that holds `path`, or nullptr.
const std::string* group_of(const std::string& path, const std::map<std::string, std::string>& groups) {
  auto after = groups.upper_bound(path);
  if (after == groups.begin()) return nullptr;
  const std::string& folder = std::prev(after)->first;
  return path.compare(0, folder.size(), folder) == 0 ? &folder : nullptr;
}

}  // namespace

KeptOutputs::KeptOutputs(const OutputManifest& previous, const std::string& context,
                         const std::map<std::string, std::string>& units,
                         const std::map<std::string, std::string>& groups) {
  if (previous.context.empty() || previous.context != context) return;
  for (const auto& [folder, key] : previous.groups) {
    auto now = groups.find(folder);
    if (now != groups.end() && now->second == key) groups_[folder];
  }
  for (const auto& file : previous.files) {
    if (const std::string* folder = group_of(file.path, previous.groups)) {
      auto group = groups_.find(*folder);
      if (group != groups_.end()) group->second.push_back(file);
      continue;
    }
    if (file.sources.empty()) {  // rendered from the context alone
      files_.emplace(file.path, file);
      continue;
    }
    // Rendered from the context and these units (a print volume from its chapters): kept
    // when none of them changed.
    bool unchanged = std::all_of(file.sources.begin(), file.sources.end(), [&](const std::string& unit) {
      auto before = previous.units.find(unit);
      auto now = units.find(unit);
      return before != previous.units.end() && now != units.end() && before->second == now->second;
    });
    if (unchanged) files_.emplace(file.path, file);
  }
}

const FileSummary* KeptOutputs::find(const std::string& path, const std::string& unit) const {
  return find(path, unit.empty() ? std::vector<std::string>{} : std::vector<std::string>{unit});
}

const FileSummary* KeptOutputs::find(const std::string& path,
                                     const std::vector<std::string>& units) const {
  auto found = files_.find(path);
  if (found == files_.end() || found->second.sources != units) return nullptr;
  return &found->second;
}

const std::vector<FileSummary>* KeptOutputs::group(const std::string& folder) const {
  auto found = groups_.find(folder);
  return found == groups_.end() ? nullptr : &found->second;
}

std::vector<FileSummary> unit_files(const std::vector<FileSummary>& files,
                                    const std::map<std::string, std::string>& units,
                                    const std::map<std::string, std::string>& groups) {
  std::vector<FileSummary> owned;
  for (const auto& file : files) {
    if (group_of(file.path, groups)) {
      owned.push_back(file);
      continue;
    }
    // Files without sources may be rendered from the context alone (the directory's lists,
    // the sitemap); whether one is kept is its renderer's to ask (KeptOutputs::find).
    bool context_page = file.sources.empty();
    bool unit_page = !file.sources.empty() &&
                     std::all_of(file.sources.begin(), file.sources.end(),
                                 [&](const std::string& unit) { return units.count(unit) > 0; });
    if (context_page || unit_page) {
      owned.push_back(file);
    }
  }
  return owned;
}

std::string folder_identity(const std::string& folder) {
  struct stat self, marker;
  std::string marker_path = folder + "/" + std::string(kOutputMarker);
  if (::lstat(folder.c_str(), &self) != 0 || !S_ISDIR(self.st_mode) ||
      ::lstat(marker_path.c_str(), &marker) != 0) {
    return "";
  }
  // The marker is written once, when the folder is made: a new folder that happens to get a
  // freed inode number gets another marker, with its own inode and time.
  return std::to_string(self.st_dev) + "-" + std::to_string(self.st_ino) + "-" +
         std::to_string(marker.st_ino) + "-" + std::to_string(marker.st_mtim.tv_sec) + "." +
         std::to_string(marker.st_mtim.tv_nsec);
}

std::string manifests_folder(const std::string& out) {
  std::filesystem::path path(out);
  return (path.parent_path() / ("." + path.filename().string() + ".manifests")).string();
}

}  // namespace passerelle
