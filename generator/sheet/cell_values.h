// A cell of a sheet of actors as the TOML value of its field: what a record would hold. Labels
// are taken for keys (`Maroc` → "MA", `Formation` → "training", in any site language, without
// case or accents), lists are split on ';', other names are `lang:name`, dates may be written
// DD/MM/YYYY, and the ' that the export puts before a formula-like cell is taken off again.
#pragma once

#include <string>
#include <string_view>

#include "content/actor_schema.h"

namespace passerelle {

/// The TOML text of a value, or why the cell cannot be one (`error` set, with a hint).
struct CellValue {
  std::string toml;
  std::string error;
};

/// The value of `field` (any type but kCoordinates and kBool) from its cell. A per-language
/// field's cell holds one language's value. A cell (or item of a list) that a spreadsheet would
/// run as a formula is an error: the export never writes one.
CellValue cell_value(const ActorField& field, std::string_view cell, const Vocabulary& vocabulary);

/// The coordinates from the latitude and longitude cells (a decimal comma is taken too).
CellValue coordinates_value(std::string_view latitude, std::string_view longitude);

/// The vocabulary key a cell names: the key itself or a label of the term, compared without
/// case and accents; empty when none.
std::string term_key(const std::map<std::string, Term>& terms, std::string_view cell);

}  // namespace passerelle
