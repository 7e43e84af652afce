// Bringing a folder to exactly the files of a plan. The folder is either new and empty, or an
// older generation of the site recycled by the writer: then a file whose bytes are unchanged is
// kept as it is (same inode, nothing written), a changed one is overwritten in place, and what
// the plan does not name is removed. Deleting and creating tens of thousands of files is what a
// rebuild would otherwise spend its time on: on ext4 the kernel skips recently freed inodes when
// it allocates new ones, and that search costs more than writing the files.
#pragma once

#include <string>

#include "output/plan.h"

namespace passerelle {

/// Makes the existing folder `folder` hold exactly `plan`: regular files with the plan's bytes,
/// the folders they need, nothing else; files and folders get the modes a fresh write gives
/// (0644 and 0755 less the umask). On failure returns false with `error` set; the folder is
/// then half updated. Reads the umask: call it while no other thread creates files.
bool update_folder(const OutputPlan& plan, const std::string& folder, std::string* error);

}  // namespace passerelle
