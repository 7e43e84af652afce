// Creating a new source file for `passerelle new`, never replacing an existing one.
#pragma once

#include <string>

namespace passerelle {

/// Writes `bytes` to a new file at `path`, creating its folders. Fails (false, `error` set)
/// when the file exists already, even if it appeared a moment ago.
bool create_new_file(const std::string& path, const std::string& bytes, std::string* error);

}  // namespace passerelle
