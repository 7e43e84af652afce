// What a build writes: a list of files with their bytes, produced by render/ and written by
// output/writer in one place.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace passerelle {

struct OutputFile {
  OutputFile() = default;
  OutputFile(std::string path, std::string bytes, std::vector<std::string> sources = {})
      : path(std::move(path)), bytes(std::move(bytes)), sources(std::move(sources)) {}

  std::string path;  // relative to the output folder, '/'-separated
  std::string bytes;
  // The source files whose text this file shows (a page's Markdown, an actor's record; every
  // guideline for a print edition), for messages about it; empty for the rest.
  std::vector<std::string> sources;
};

using OutputPlan = std::vector<OutputFile>;

}  // namespace passerelle
