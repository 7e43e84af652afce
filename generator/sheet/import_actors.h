// `passerelle import actors`: a sheet of actors (CSV or TSV, as a spreadsheet saves it) turned
// into the records of directory-data/actors/. Every row is read, matched (sheet/matching.h)
// and validated with the build's own schema and vocabulary first; the records it would write
// are returned, never written here (the command line writes them through output/, all or none).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "base/filesystem.h"

namespace passerelle {

struct ImportOptions {
  char separator = 0;  // 0: found from the header line
};

/// A record the import writes.
struct RecordChange {
  std::string id;
  std::string path;    // relative to the site: directory-data/actors/<id>.toml
  std::string before;  // empty for a new record
  std::string after;
  bool created = false;
};

struct ImportPlan {
  std::vector<RecordChange> changes;  // in the order of the sheet's rows
  int rows = 0;                       // rows of actors read (blank rows left out)
};

/// What importing the sheet `bytes` (named `sheet_path` in messages) into the site of `tree`
/// changes. nullopt when anything is wrong, with every error in `diagnostics`: those of the
/// sheet at `sheet_path`:row:column with the cell's text, those of the site's sources at their
/// place. A cell equal to what actors.csv has for the record, or empty, changes nothing; a
/// record keeps its comments and layout (sheet/toml_splice.h).
std::optional<ImportPlan> plan_actor_import(const SourceTree& tree, const std::string& sheet_path,
                                            std::string_view bytes, const ImportOptions& options,
                                            Diagnostics& diagnostics);

}  // namespace passerelle
