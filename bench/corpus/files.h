// Writing the corpus tool's output folders (the tool is not part of the generator, whose only
// writer is generator/output/).
#pragma once

#include <filesystem>
#include <string>

namespace corpus {

/// Writes `bytes` to `path`, creating its folders; on failure sets `error` and returns false.
bool write_file(const std::filesystem::path& path, const std::string& bytes, std::string& error);

/// Makes `folder` ready to be written: absent or empty folders are fine; a folder holding
/// `marker` (written by this tool before) is emptied; anything else is refused. Returns an
/// error message, empty on success.
std::string prepare_folder(const std::filesystem::path& folder, const std::string& marker);

}  // namespace corpus
