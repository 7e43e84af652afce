// What an import would change in a record, as `--dry-run` shows it: a unified-style diff with
// only the changed lines (no context), hunk by hunk.
#pragma once

#include <string>

namespace passerelle {

/// "@@ -a,b +c,d @@" hunks of the lines of `before` replaced by those of `after`, each line
/// with "-" or "+"; empty when the texts are equal. Without the "---"/"+++" header.
std::string changed_lines(const std::string& before, const std::string& after);

}  // namespace passerelle
