// What a build writes: a list of files with their bytes, produced by render/ and written by
// output/writer in one place.
#pragma once

#include <string>
#include <vector>

namespace passerelle {

struct OutputFile {
  std::string path;  // relative to the output folder, '/'-separated
  std::string bytes;
};

using OutputPlan = std::vector<OutputFile>;

}  // namespace passerelle
