// Which folders a build may fill. Publishing swaps the output folder out whole, and a later
// build updates that older generation in place, deleting whatever the site no longer holds:
// pointed at a folder of the user's, that would delete their files. So the writer only ever
// replaces, recycles or removes a folder that is absent, empty, or carries the marker file an
// earlier build wrote into it.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace passerelle {

/// The marker file at the root of every output folder the writer fills.
inline constexpr std::string_view kOutputMarker = ".passerelle-output";

/// The marker's bytes: what the folder is and why it may be replaced; the same for every build.
std::string_view output_marker_text();

/// Whether `folder` is a real folder (not a link) with a marker an earlier build wrote.
bool has_output_marker(const std::filesystem::path& folder);

/// Whether `folder` is a real folder (not a link) that is empty.
bool is_empty_folder(const std::filesystem::path& folder);

/// Why the site whose sources are in `source_dir` may not be written to `out_dir`, or "" when
/// it may: `/`, the home folder or one holding it, the sources' folder or one holding it, a
/// folder inside what a build reads (content/, directory-data/, themes/), a folder holding a
/// site.toml, anything that is not a folder, a folder with files the writer did not put there,
/// and an older generation beside it (".<name>.previous") that the writer did not make.
std::string refuse_output_folder(const std::string& out_dir, const std::string& source_dir);

/// The folder where the writer keeps the output before last, beside `out`.
std::filesystem::path previous_generation(const std::filesystem::path& out);

/// `out_dir` made absolute, with links resolved and without a trailing slash.
std::filesystem::path resolved_output(const std::string& out_dir);

}  // namespace passerelle
