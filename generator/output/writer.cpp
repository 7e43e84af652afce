#include "output/writer.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <future>
#include <functional>
#include <set>
#include <vector>

#include "output/output_folder.h"
#include "output/update_folder.h"

namespace fs = std::filesystem;

namespace passerelle {

std::string check_output_path(const std::string& p) {
  if (p.empty() || p.front() == '/' || p.find("..") != std::string::npos ||
      p.find('\\') != std::string::npos || p.find("//") != std::string::npos) {
    return "refusing to write outside the output folder: '" + p + "'";
  }
  if (p == kOutputMarker) return "'" + p + "' is the name of the output folder's marker";
  return "";
}

std::string check_plan(const OutputPlan& plan) {
  std::set<std::string> seen;
  for (const auto& file : plan) {
    const auto& p = file.path;
    if (auto problem = check_output_path(p); !problem.empty()) return problem;
    if (!seen.insert(p).second) return "two outputs would be written to the same file: " + p;
  }
  return "";
}

namespace {

/// Removes a staging folder whose marker says it is ours, the marker last: a build killed while
/// removing it leaves a folder the next build still knows as a killed build's, and removes.
void remove_staging(const fs::path& folder) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    if (entry.path().filename() != kOutputMarker) fs::remove_all(entry.path(), ec);
  }
  fs::remove_all(folder, ec);
}

/// Staging folders left by builds that were killed: only our own names
/// (".<output>.staging-<pid>"), only folders the writer marked, and only when that process is
/// gone, so that a build running at the same time keeps its own.
std::vector<fs::path> stale_staging(const fs::path& out) {
  std::string prefix = "." + out.filename().string() + ".staging-";
  std::error_code ec;
  std::vector<fs::path> stale;
  for (const auto& entry : fs::directory_iterator(out.parent_path(), ec)) {
    std::string name = entry.path().filename().string();
    if (name.compare(0, prefix.size(), prefix) != 0) continue;
    std::string digits = name.substr(prefix.size());
    if (digits.empty() || digits.size() > 9 ||
        digits.find_first_not_of("0123456789") != std::string::npos) {
      continue;
    }
    pid_t pid = static_cast<pid_t>(std::stol(digits));
    if (pid == getpid() || kill(pid, 0) == 0 || errno != ESRCH) continue;  // alive, or not ours
    if (has_output_marker(entry.path())) stale.push_back(entry.path());
  }
  return stale;
}

/// Moves into `staging` a folder that holds a site already, to be updated rather than written
/// anew: the previous generation, else the staging folder of a killed build (complete, or half
/// updated). Returns false when there is none; `staging` then does not exist. Whatever else
/// killed builds left is removed, each renamed to `staging` first: a rename is atomic, so a
/// build running at the same time can never be updating a folder that this one removes.
bool claim_recyclable(const fs::path& out, const fs::path& staging, const fs::path& previous) {
  std::error_code ec;
  // A killed build's, whose pid was ours.
  if (has_output_marker(staging) || is_empty_folder(staging)) remove_staging(staging);
  std::vector<fs::path> found;
  if (has_output_marker(previous)) found.push_back(previous);
  for (auto& stale : stale_staging(out)) found.push_back(std::move(stale));
  for (size_t i = 1; i < found.size(); ++i) {
    if (::rename(found[i].c_str(), staging.c_str()) == 0) remove_staging(staging);
  }
  return !found.empty() && ::rename(found[0].c_str(), staging.c_str()) == 0;
}

/// After the swap `staging` holds the old output, which becomes the previous generation for the
/// next build to update. Should one exist already (made by a build running at the same time),
/// it is swapped out and removed: the output is complete whatever happens here.
void keep_as_previous(const fs::path& staging, const fs::path& previous) {
  std::error_code ec;
  if (::rename(staging.c_str(), previous.c_str()) == 0) return;
  if (has_output_marker(previous)) {
    renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, previous.c_str(), RENAME_EXCHANGE);
  }
  remove_staging(staging);
}

bool write_marker(const fs::path& folder, std::string* error) {
  fs::path path = folder / kOutputMarker;
  FILE* file = std::fopen(path.c_str(), "wb");
  std::string_view text = output_marker_text();
  bool ok = file && std::fwrite(text.data(), 1, text.size(), file) == text.size();
  if (file && std::fclose(file) != 0) ok = false;
  if (!ok) *error = "cannot write " + path.string() + ": " + std::strerror(errno);
  return ok;
}

std::optional<std::string> read_whole(const std::string& path) {
  FILE* file = std::fopen(path.c_str(), "rb");
  if (!file) return std::nullopt;
  std::string bytes;
  char buffer[65536];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0) bytes.append(buffer, n);
  bool ok = !std::ferror(file);
  std::fclose(file);
  if (!ok) return std::nullopt;
  return bytes;
}

fs::path manifest_path(const fs::path& out, const std::string& identity) {
  return fs::path(manifests_folder(out.string())) / (identity + ".manifest");
}

/// The manifest of the generation in `folder` (an output folder of `out`), when it has one.
std::optional<OutputManifest> read_manifest(const fs::path& out, const fs::path& folder) {
  std::string identity = folder_identity(folder.string());
  if (identity.empty()) return std::nullopt;
  auto text = read_whole(manifest_path(out, identity).string());
  if (!text) return std::nullopt;
  return parse_manifest(*text, identity);
}

/// Records `manifest` for the output `out`, and forgets the manifests of folders that are
/// neither the output nor its previous generation. A manifest that cannot be written only
/// makes the next build render everything.
void write_manifest(const fs::path& out, const fs::path& previous, const OutputManifest& manifest) {
  std::string identity = folder_identity(out.string());
  if (identity.empty()) return;
  std::error_code ec;
  fs::path folder = manifests_folder(out.string());
  fs::create_directories(folder, ec);
  std::string kept_previous = folder_identity(previous.string());
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    std::string stem = entry.path().stem().string();
    if (stem != identity && stem != kept_previous) fs::remove(entry.path(), ec);
  }
  fs::path path = manifest_path(out, identity);
  fs::path temporary = path.string() + ".new-" + std::to_string(getpid());
  std::string text = encode_manifest(manifest, identity);
  FILE* file = std::fopen(temporary.c_str(), "wb");
  bool ok = file && std::fwrite(text.data(), 1, text.size(), file) == text.size();
  if (file && std::fclose(file) != 0) ok = false;
  if (!ok || ::rename(temporary.c_str(), path.c_str()) != 0) fs::remove(temporary, ec);
}

/// Forgets the manifest of `folder` (a generation of `out`) before the folder is changed.
void forget_manifest(const fs::path& out, const fs::path& folder) {
  std::string identity = folder_identity(folder.string());
  std::error_code ec;
  if (!identity.empty()) fs::remove(manifest_path(out, identity), ec);
}

/// Fills `staging` with the plan: by updating an older generation of the site when there is
/// one, else in a new folder.
bool stage(const OutputPlan& plan, const fs::path& out, const fs::path& staging,
           const fs::path& previous, std::string* error) {
  std::error_code ec;
  if (claim_recyclable(out, staging, previous)) {
    forget_manifest(out, staging);
    // A claimed folder carries the marker already. Writing it again would truncate it first:
    // a kill at that moment left a folder no build knew as its own, never cleaned (seen in CI).
    std::string ignored;
    if (update_folder(plan, staging.string(), &ignored)) return true;
    // Recycling only saves time: whatever stood in its way (another user's files...), the
    // plan is written anew, as if there had been nothing to recycle.
    remove_staging(staging);
  }
  if (::mkdir(staging.c_str(), 0755) != 0) {
    *error = "cannot create " + staging.string() + ": " + std::strerror(errno);
    return false;
  }
  // The marker first: a staging folder a kill leaves behind is then always known as ours.
  if (write_marker(staging, error) && update_folder(plan, staging.string(), error)) return true;
  remove_staging(staging);
  return false;
}

/// The staging folder's name for this process, beside `out`.
fs::path staging_of(const fs::path& out) {
  return out.parent_path() / ("." + out.filename().string() + ".staging-" + std::to_string(getpid()));
}

/// Swaps the filled `staging` in as `out`; the old output becomes the previous generation.
bool swap_in(const fs::path& out, const fs::path& staging, const fs::path& previous,
             std::string* error) {
  std::error_code ec;
  // Swap in one step: the old output ends up in the staging folder, and is kept.
  if (!fs::exists(out, ec)) {
    if (std::rename(staging.c_str(), out.c_str()) == 0) return true;
    *error = "cannot create " + out.string() + ": " + std::strerror(errno);
  } else if (renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, out.c_str(), RENAME_EXCHANGE) != 0) {
    *error = "cannot replace " + out.string() + ": " + std::strerror(errno);
  } else {
    keep_as_previous(staging, previous);
    return true;
  }
  keep_as_previous(staging, previous);  // the new site, not published, is recycled next time
  return false;
}

}  // namespace

namespace {

/// The output folder, the staging folder a build fills beside it and the previous generation.
struct Folders {
  fs::path out, staging, previous;
};

/// The folders for `out_dir`, unless it is refused (the source folder, a file…); creates the
/// output's parent folder.
bool output_folders(const std::string& out_dir, const std::string& source_dir, Folders* folders,
                    std::string* error) {
  if (auto refused = refuse_output_folder(out_dir, source_dir); !refused.empty()) {
    *error = refused;
    return false;
  }
  folders->out = resolved_output(out_dir);
  folders->staging = staging_of(folders->out);
  folders->previous = previous_generation(folders->out);
  std::error_code ec;
  fs::create_directories(folders->out.parent_path(), ec);
  return true;
}

}  // namespace

StagedOutput::~StagedOutput() { abandon(); }

bool StagedOutput::open(const std::string& out_dir, const std::string& source_dir,
                        std::string* error) {
  Folders folders;
  if (!output_folders(out_dir, source_dir, &folders, error)) return false;
  const auto& [out, staging, previous] = folders;
  std::error_code ec;
  FreshModes modes = fresh_modes();  // before any thread writes
  modes_[0] = modes.file;
  modes_[1] = modes.folder;
  modes_[2] = modes.owner;
  // The output's manifest is read while the staging folder is claimed and its own read: at
  // large each is megabytes of JSON.
  auto current = std::async(std::launch::async, [output = out] { return read_manifest(output, output); });
  recycled_ = claim_recyclable(out, staging, previous);
  if (recycled_) {
    if (auto staged = read_manifest(out, staging)) {
      staged_.reserve(staged->files.size());
      for (auto& file : staged->files) staged_[std::move(file.path)] = {file.size, file.hash};
    }
    forget_manifest(out, staging);  // the folder changes from now on
  } else {
    if (::mkdir(staging.c_str(), 0755) != 0) {
      *error = "cannot create " + staging.string() + ": " + std::strerror(errno);
      return false;
    }
    // The marker first: a staging folder a kill leaves behind is then always known as ours.
    if (!write_marker(staging, error)) {
      remove_staging(staging);
      return false;
    }
  }
  current_ = current.get();
  out_ = out.string();
  staging_ = staging.string();
  previous_ = previous.string();
  open_ = true;
  return true;
}

bool StagedOutput::accepts(const std::string& path, std::string* error) const {
  if (!open_) {
    *error = "no staging folder for " + path;
    return false;
  }
  if (auto problem = check_output_path(path); !problem.empty()) {
    *error = problem;
    return false;
  }
  return true;
}

bool StagedOutput::write(const OutputFile& file, std::string* error) {
  if (!accepts(file.path, error)) return false;
  return write_site_file(staging_, file.path, file.bytes, {modes_[0], modes_[1], modes_[2]},
                         recycled_, error);
}

bool StagedOutput::keep(const FileSummary& file, std::string* error) {
  if (!accepts(file.path, error)) return false;
  if (recycled_) {
    auto staged = staged_.find(file.path);
    if (staged != staged_.end() && staged->second == std::make_pair(file.size, file.hash)) return true;
  }
  auto bytes = read_whole(out_ + "/" + file.path);
  if (!bytes || !matches_summary(*bytes, file)) {
    *error = "the output's " + file.path + " is not as the last build left it";
    return false;
  }
  return write_site_file(staging_, file.path, *bytes, {modes_[0], modes_[1], modes_[2]},
                         recycled_, error);
}

bool StagedOutput::commit(const std::vector<std::string>& paths, std::string* error) {
  if (!open_) {
    *error = "no staging folder to publish";
    return false;
  }
  // In a recycled folder, what the older generation held and this one does not is removed; in
  // a new one this only resets nothing and finds nothing to remove, but costs a walk: skipped.
  if (recycled_ &&
      !remove_unplanned(paths, staging_, {modes_[0], modes_[1], modes_[2]}, error)) {
    abandon();
    return false;
  }
  open_ = false;
  if (!swap_in(out_, staging_, previous_, error)) return false;
  if (next_) write_manifest(out_, previous_, *next_);
  return true;
}

void StagedOutput::abandon() {
  if (!open_) return;
  open_ = false;
  if (recycled_) {
    // Half updated, it is still the site of some generation: the next build recycles it.
    keep_as_previous(staging_, previous_);
  } else {
    std::error_code ec;  // a build that failed leaves nothing new beside the output
    remove_staging(staging_);
  }
}

bool publish(const OutputPlan& plan, const std::string& out_dir, const std::string& source_dir,
             std::string* error) {
  if (auto problem = check_plan(plan); !problem.empty()) {
    *error = problem;
    return false;
  }
  Folders folders;
  if (!output_folders(out_dir, source_dir, &folders, error)) return false;
  if (!stage(plan, folders.out, folders.staging, folders.previous, error)) return false;
  return swap_in(folders.out, folders.staging, folders.previous, error);
}

}  // namespace passerelle
