// Splitting a Markdown source into its TOML front matter (between two `+++` lines) and body.
#pragma once

#include <optional>
#include <string>

#include "base/diagnostics.h"

namespace passerelle {

struct FrontMatterSplit {
  std::string front_matter;  // the TOML text between the fences
  std::string body;          // the Markdown after the closing fence
  int front_matter_line = 2; // line of the first front matter line in the file
  int body_line = 1;         // line of the first body line in the file
};

/// `text` must already be normalized (LF line endings, no BOM).
std::optional<FrontMatterSplit> split_front_matter(const std::string& text,
                                                   const std::string& path,
                                                   Diagnostics& diagnostics);

}  // namespace passerelle
