#include "output/manifest.h"

#include <sys/stat.h>

#include <algorithm>
#include <iterator>

#include "base/cache_file.h"
#include "output/output_folder.h"

namespace passerelle {

namespace {

// Raised whenever what a manifest says, how files are owned or the file's layout changes.
// 3: the cache files' layout (base/cache_file.h) instead of JSON, which took a large site's
// build a tenth of a second to read and again to write.
constexpr std::string_view kManifestFormat = "passerelle-output-manifest-3";

// The one entry of the file.
constexpr std::string_view kEntryKey = "the manifest of an output folder";
static_assert(kEntryKey.size() == 32);

void put_map(std::string& out, const std::map<std::string, std::string>& map) {
  put_number(out, map.size());
  for (const auto& [key, value] : map) {
    put_text(out, key);
    put_text(out, value);
  }
}

std::map<std::string, std::string> read_map(ByteReader& in) {
  std::map<std::string, std::string> map;
  for (size_t n = in.count(); n > 0 && in.ok; --n) {
    std::string key(in.text());
    map.emplace_hint(map.end(), std::move(key), std::string(in.text()));
  }
  return map;
}

}  // namespace

std::string encode_manifest(const OutputManifest& manifest, const std::string& identity) {
  std::string body;
  put_text(body, manifest.context);
  put_map(body, manifest.units);
  put_map(body, manifest.groups);
  put_file_summaries(body, manifest.files);
  std::string out = cache_header(kManifestFormat, identity);
  put_cache_entry(out, kEntryKey, body);
  return out;
}

std::optional<OutputManifest> parse_manifest(std::string_view text, const std::string& identity) {
  if (identity.empty()) return std::nullopt;
  auto entries = CacheEntries::parse(std::string(text), cache_header(kManifestFormat, identity));
  const std::string_view* body = entries.find(kEntryKey);
  if (!body) return std::nullopt;  // another folder's, another format, a damaged file
  ByteReader in{*body};
  OutputManifest manifest;
  manifest.context = std::string(in.text());
  manifest.units = read_map(in);
  manifest.groups = read_map(in);
  manifest.files = read_file_summaries(in);
  if (!in.ok || in.at != body->size()) return std::nullopt;
  return manifest;
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
