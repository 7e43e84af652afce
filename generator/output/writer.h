// The only place that writes the site: the whole plan goes to a staging folder next to the
// output, which then replaces the previous output in one atomic step. A build that fails or is
// killed leaves the previous output exactly as it was.
//
// Two generations take turns ("A/B"): the replaced output is kept next to the new one as
// ".<output>.previous", and the next build updates that folder into its staging folder, writing
// only the files whose bytes changed, instead of deleting one site and creating another.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "output/manifest.h"
#include "output/plan.h"

namespace passerelle {

/// Writes `plan` to `out_dir`. On failure returns false with `error` set, and `out_dir` is
/// untouched. `source_dir` is protected: the output (or its previous generation) may not be it
/// or contain it. A staging folder that a killed build left next to `out_dir` is recycled when
/// there is no previous generation, and removed otherwise.
bool publish(const OutputPlan& plan, const std::string& out_dir, const std::string& source_dir,
             std::string* error);

/// The same publication for files handed over one by one as they are rendered, so that no
/// build holds its whole output: open() claims the staging folder (recycling an older
/// generation as publish does), write() puts each file there from any thread, and commit()
/// removes what the site no longer holds and swaps the staging folder in. Until commit(), the
/// output is untouched; a staging folder never committed is kept for the next build to recycle.
class StagedOutput {
 public:
  StagedOutput() = default;
  StagedOutput(const StagedOutput&) = delete;
  StagedOutput& operator=(const StagedOutput&) = delete;
  ~StagedOutput();

  /// Refuses what publish refuses, then prepares the staging folder. False with `error` set.
  bool open(const std::string& out_dir, const std::string& source_dir, std::string* error);
  /// Writes one file into the staging folder; thread-safe, in any order. False with `error`
  /// set for a path outside the output or a failed write.
  bool write(const OutputFile& file, std::string* error);
  /// `paths`: every file written. Removes whatever else the staging folder holds, then swaps
  /// it in as the output. False with `error` set; the output is then as it was.
  bool commit(const std::vector<std::string>& paths, std::string* error);
  /// Leaves the output as it was (what the destructor does when commit() did not run).
  void abandon();

  /// The manifest of the output as open() found it (output/manifest.h); nullptr when it has
  /// none that is true of it: then nothing can be kept.
  const OutputManifest* current_manifest() const { return current_ ? &*current_ : nullptr; }
  /// Puts in the staging folder the current output's file `file` (as current_manifest()
  /// describes it) instead of a rendered one: nothing is done when the staging folder's own
  /// manifest says it holds those bytes already, else the file is copied. False with `error`
  /// set when it cannot be (the file changed or vanished): the caller renders it instead.
  /// Thread-safe, as write().
  bool keep(const FileSummary& file, std::string* error);
  /// The manifest commit() records for the new output.
  void set_manifest(OutputManifest manifest) { next_ = std::move(manifest); }

 private:
  /// False with `error` set when the folder is not open or `path` may not be written.
  bool accepts(const std::string& path, std::string* error) const;
  std::string out_;
  std::string staging_;
  std::string previous_;
  bool recycled_ = false;  // the staging folder is an older generation, updated in place
  unsigned modes_[3] = {0, 0, 0};
  bool open_ = false;
  std::optional<OutputManifest> current_;  // of out_, when it has one
  // What the staging folder held when claimed, by path: size and hash (from its manifest).
  std::unordered_map<std::string, std::pair<size_t, size_t>> staged_;
  std::optional<OutputManifest> next_;
};

/// A plan problem that would make the output wrong: two files at one path, or a path that
/// leaves the output folder. Empty when the plan is sound.
std::string check_plan(const OutputPlan& plan);

/// Why a file may not be written at `path`: it leaves the output folder or is the marker's
/// name. Empty when it may.
std::string check_output_path(const std::string& path);

}  // namespace passerelle
