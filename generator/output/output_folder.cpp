#include "output/output_folder.h"

#include <pwd.h>
#include <unistd.h>

#include <array>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <vector>

namespace fs = std::filesystem;

namespace passerelle {

namespace {

constexpr std::string_view kMarkerSignature = "Passerelle output folder\n";

// The folders of a site that a build reads: an output inside them would be read back as
// sources, or replace them.
constexpr std::array<const char*, 3> kSourceFolders = {"content", "directory-data", "themes"};

bool is_inside(const fs::path& inner, const fs::path& outer) {
  auto i = inner.begin(), o = outer.begin();
  for (; o != outer.end(); ++i, ++o) {
    if (i == inner.end() || *i != *o) return false;
  }
  return true;
}

bool is_real_folder(const fs::path& path) {
  std::error_code ec;
  return fs::is_directory(fs::symlink_status(path, ec));
}

/// The user's home folders, as named by $HOME and by the password database.
std::vector<fs::path> home_folders() {
  std::vector<fs::path> homes;
  std::error_code ec;
  if (const char* home = std::getenv("HOME"); home && *home == '/') {
    homes.push_back(fs::weakly_canonical(home, ec));
  }
  if (const passwd* user = ::getpwuid(::geteuid()); user && user->pw_dir && *user->pw_dir == '/') {
    homes.push_back(fs::weakly_canonical(user->pw_dir, ec));
  }
  return homes;
}

/// Why `out` itself may not be replaced, or "".
std::string refuse_place(const fs::path& out, const fs::path& source) {
  if (out == out.root_path()) return "it is the root of the file system";
  for (const auto& home : home_folders()) {
    if (home.has_relative_path() && is_inside(home, out)) {
      return out == home ? "it is your home folder" : "it holds your home folder";
    }
  }
  if (is_inside(source, out)) {
    return out == source ? "it is the site's folder" : "it holds the site's sources";
  }
  for (const char* folder : kSourceFolders) {
    if (is_inside(out, source / folder)) {
      return "it is inside the site's sources (" + std::string(folder) +
             "/), which every build reads";
    }
  }
  return "";
}

/// Why the existing `folder` may not be replaced, or "": it must be an empty folder or one the
/// writer marked.
std::string refuse_content(const fs::path& folder) {
  std::error_code ec;
  auto status = fs::symlink_status(folder, ec);
  if (!fs::exists(status)) return "";
  if (!fs::is_directory(status)) return "it exists and is not a folder";
  if (fs::exists(folder / "site.toml", ec)) return "it holds a site.toml: it is a site's folder";
  if (has_output_marker(folder) || is_empty_folder(folder)) return "";
  return "it holds files that Passerelle did not write (there is no " +
         std::string(kOutputMarker) + " file in it)";
}

}  // namespace

std::string_view output_marker_text() {
  static constexpr std::string_view text =
      "Passerelle output folder\n"
      "`passerelle build` wrote this folder and replaces all of it on the next build.\n"
      "Keep nothing else here: files put here by hand are deleted by the next build.\n";
  return text;
}

bool has_output_marker(const fs::path& folder) {
  std::error_code ec;
  if (!is_real_folder(folder)) return false;
  fs::path marker = folder / kOutputMarker;
  if (!fs::is_regular_file(fs::symlink_status(marker, ec))) return false;
  std::ifstream in(marker, std::ios::binary);
  std::string start(kMarkerSignature.size(), '\0');
  in.read(start.data(), static_cast<std::streamsize>(start.size()));
  return in && start == kMarkerSignature;
}

bool is_empty_folder(const fs::path& folder) {
  std::error_code ec;
  return is_real_folder(folder) && fs::is_empty(folder, ec) && !ec;
}

fs::path resolved_output(const std::string& out_dir) {
  std::error_code ec;
  fs::path out = fs::weakly_canonical(fs::absolute(out_dir), ec);
  // "public/" names the folder "public": without this its name would be empty.
  if (!out.has_filename() && out.has_relative_path()) out = out.parent_path();
  return out;
}

fs::path previous_generation(const fs::path& out) {
  return out.parent_path() / ("." + out.filename().string() + ".previous");
}

std::string refuse_output_folder(const std::string& out_dir, const std::string& source_dir) {
  std::error_code ec;
  fs::path out = resolved_output(out_dir);
  fs::path source = fs::weakly_canonical(fs::absolute(source_dir), ec);
  std::string why = refuse_place(out, source);
  if (why.empty()) why = refuse_content(out);
  if (!why.empty()) {
    return "refusing to write the site to " + out.string() + ": " + why +
           ". A build replaces the whole output folder; choose a new or empty folder, or one "
           "an earlier build wrote";
  }
  fs::path previous = previous_generation(out);
  if (is_inside(source, previous)) {
    return "refusing to write the site to " + out.string() + ": the site's sources are in " +
           previous.string() + ", where builds keep the output before last";
  }
  if (auto problem = refuse_content(previous); !problem.empty()) {
    return "refusing to write the site to " + out.string() + ": builds keep the output before "
           "last in " + previous.string() + ", and " + problem + "; move it away";
  }
  return "";
}

}  // namespace passerelle
