// Where the outputs (render/, search/, feeds/...) hand their files as they make them. A build
// that publishes passes each file on to the staging folder at once (output/writer.h), keeping
// only its summary, so that its memory grows with the model and not with the site it writes;
// serve, check, pdf and the tests keep the files instead, as a plan.
#pragma once

#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "base/cache_file.h"
#include "output/plan.h"

namespace passerelle {

class StagedOutput;

/// What is left of an output file once written: enough for the size report, the duplicate
/// check and serve's list of changes.
struct FileSummary {
  std::string path;
  size_t size = 0;
  size_t hash = 0;  // std::hash of the bytes
  std::vector<std::string> sources;
};

/// The summary of `file` as put() makes it.
FileSummary summary_of(const OutputFile& file);

/// `files` in the layout of the build's cache files (base/cache_file.h), as the manifests and
/// the search index's memo keep them, and back (`in.ok` false when they are not whole).
void put_file_summaries(std::string& out, const std::vector<FileSummary>& files);
std::vector<FileSummary> read_file_summaries(ByteReader& in);

/// Whether `bytes` are those `file` summarizes (same size and hash): a file taken from an
/// earlier output is trusted only then.
bool matches_summary(const std::string& bytes, const FileSummary& file);

class OutputSink {
 public:
  /// Keeps every file: take_plan() returns them.
  OutputSink() = default;
  /// Writes every file into `staging` as it comes (nullptr: keeps them, as above, and keep()
  /// takes the bytes of a file from `previous`, by path).
  explicit OutputSink(StagedOutput* staging,
                      std::function<const std::string*(const std::string&)> previous = {})
      : staging_(staging), previous_(std::move(previous)) {}
  OutputSink(const OutputSink&) = delete;
  OutputSink& operator=(const OutputSink&) = delete;

  /// Takes one file; thread-safe.
  void put(OutputFile file);
  void put(OutputPlan files);
  /// Takes, instead of a rendered file, the file the output has already (see
  /// StagedOutput::keep), or the previous build's (whose bytes must still hash to `file`'s). False, with nothing taken, when it cannot be kept: the caller
  /// renders it. Thread-safe.
  bool keep(const FileSummary& file);
  /// How many files keep() took.
  size_t kept();

  /// Whether files go to a staging folder (take_plan() is then empty).
  bool streaming() const { return staging_ != nullptr; }
  /// The files kept, sorted by path (the order is the same whichever thread put what).
  OutputPlan take_plan();
  /// A summary of every file put, sorted by path.
  std::vector<FileSummary> take_summaries();
  /// The first write that failed, or "".
  std::string write_error();

 private:
  StagedOutput* staging_ = nullptr;
  std::function<const std::string*(const std::string&)> previous_;
  std::mutex mutex_;
  OutputPlan plan_;
  std::vector<FileSummary> summaries_;
  std::string error_;
  size_t kept_ = 0;  // guarded by mutex_
};

}  // namespace passerelle
