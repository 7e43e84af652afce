// Bringing a folder to exactly the files of a plan. The folder is either new and empty, or an
// older generation of the site recycled by the writer: then a file whose bytes are unchanged is
// kept as it is (same inode, nothing written), a changed one is overwritten in place, and what
// the plan does not name is removed. Deleting and creating tens of thousands of files is what a
// rebuild would otherwise spend its time on: on ext4 the kernel skips recently freed inodes when
// it allocates new ones, and that search costs more than writing the files.
#pragma once

#include <string>
#include <vector>

#include "output/plan.h"

namespace passerelle {

/// Makes the existing folder `folder` hold exactly `plan`: regular files with the plan's bytes,
/// the folders they need, nothing else; files and folders get the modes a fresh write gives
/// (0644 and 0755 less the umask). On failure returns false with `error` set; the folder is
/// then half updated. Reads the umask: call it while no other thread creates files.
bool update_folder(const OutputPlan& plan, const std::string& folder, std::string* error);

/// The modes and owner a fresh write gives, read once (fresh_modes() reads the umask: call it
/// while no other thread creates files).
struct FreshModes {
  unsigned file = 0;
  unsigned folder = 0;
  unsigned owner = 0;
};
FreshModes fresh_modes();

/// Writes one file of the site at `relative` in `folder`, creating the folders it needs, as
/// update_folder would: when `recycled`, an existing file with the same bytes is kept and
/// whatever stands where the file or one of its folders goes (a file, a folder, a link) is
/// replaced. Safe to call from several threads at once for different paths.
bool write_site_file(const std::string& folder, const std::string& relative,
                     const std::string& bytes, const FreshModes& fresh, bool recycled,
                     std::string* error);

/// Removes from `folder` everything that is not one of `paths` (sorted or not; '/'-separated,
/// relative) or a folder holding one, and gives the folders kept the mode a fresh write gives:
/// what update_folder does before writing, for files that were written already.
bool remove_unplanned(const std::vector<std::string>& paths, const std::string& folder,
                      const FreshModes& fresh, std::string* error);

}  // namespace passerelle
