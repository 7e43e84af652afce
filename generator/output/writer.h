// The only place that writes the site: the whole plan goes to a staging folder next to the
// output, which then replaces the previous output in one atomic step. A build that fails or is
// killed leaves the previous output exactly as it was.
//
// Two generations take turns ("A/B"): the replaced output is kept next to the new one as
// ".<output>.previous", and the next build updates that folder into its staging folder, writing
// only the files whose bytes changed, instead of deleting one site and creating another.
#pragma once

#include <string>

#include "output/plan.h"

namespace passerelle {

/// Writes `plan` to `out_dir`. On failure returns false with `error` set, and `out_dir` is
/// untouched. `source_dir` is protected: the output (or its previous generation) may not be it
/// or contain it. A staging folder that a killed build left next to `out_dir` is recycled when
/// there is no previous generation, and removed otherwise.
bool publish(const OutputPlan& plan, const std::string& out_dir, const std::string& source_dir,
             std::string* error);

/// A plan problem that would make the output wrong: two files at one path, or a path that
/// leaves the output folder. Empty when the plan is sound.
std::string check_plan(const OutputPlan& plan);

}  // namespace passerelle
