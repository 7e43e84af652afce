// The physical baseline of a build: read every input file, then write as many files of the
// same sizes and paths as a real build's output. Nothing a generator does can take less.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace corpus {

struct BaselineResult {
  uint64_t read_files = 0;
  uint64_t read_bytes = 0;
  uint64_t written_files = 0;
  uint64_t written_bytes = 0;
  double read_ms = 0;
  double write_ms = 0;
  std::string error;
};

/// Reads every file below each of `inputs` (files or folders), then writes into `out` (which
/// must not exist) a file for each file below `like`, same relative path and size. The listing
/// of `like` is done before the clock starts.
BaselineResult run_baseline(const std::vector<std::string>& inputs, const std::string& like,
                            const std::string& out);

}  // namespace corpus
