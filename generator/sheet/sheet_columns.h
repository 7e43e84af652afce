// The columns of a sheet of actors: each header names a column of actors.csv (the same
// names, in any order) or says it in French or Italian ("Nom", "Pays", "Secteurs",
// "Description (it)"); the names accepted are listed once, in sheet_columns.cpp.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "config/config.h"
#include "content/actor_schema.h"

namespace passerelle {

/// What a column of the sheet holds.
struct SheetColumn {
  std::string name;  // its name in actors.csv ("name", "description_it", "latitude")
  const ActorField* field = nullptr;  // nullptr for the id and the pages' addresses (url_<lang>)
  std::string language;               // a per-language field's language
};

/// The column a header names, or nullopt: a name of actors.csv, or one of its French or
/// Italian names, compared without case, accents, and with '_', '-' and brackets as spaces.
std::optional<SheetColumn> column_named(const std::string& header, const SiteConfig& config);

/// The columns of `header` (the sheet's first row), one per cell; nullopt with an error at
/// `path`:1:column for each header that names no column (with the names it is closest to), a
/// column given twice, or a sheet with neither an id nor a name column.
std::optional<std::vector<SheetColumn>> map_columns(const std::vector<std::string>& header,
                                                    const SiteConfig& config,
                                                    const std::string& path,
                                                    Diagnostics& diagnostics);

}  // namespace passerelle
