// What a build writes: a list of files with their bytes, produced by the outputs (render/,
// search/) and written by output/writer in one place.
#pragma once

#include <algorithm>
#include <iterator>
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

/// Sorts a plan by path, the order every output hands its files in.
inline void sort_by_path(OutputPlan& plan) {
  std::sort(plan.begin(), plan.end(),
            [](const OutputFile& a, const OutputFile& b) { return a.path < b.path; });
}

/// The files of two plans sorted by path, in one plan sorted by path.
inline OutputPlan merge_plans(OutputPlan first, OutputPlan second) {
  OutputPlan merged;
  merged.reserve(first.size() + second.size());
  std::merge(std::make_move_iterator(first.begin()), std::make_move_iterator(first.end()),
             std::make_move_iterator(second.begin()), std::make_move_iterator(second.end()),
             std::back_inserter(merged),
             [](const OutputFile& a, const OutputFile& b) { return a.path < b.path; });
  return merged;
}

}  // namespace passerelle
