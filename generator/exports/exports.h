// The open-data exports of the directory: actors.json (nlohmann-json), actors.csv (cells
// quoted by libcsv, through escape_csv) and its twin for spreadsheets, actors.xlsx
// (libxlsxwriter). An output of its own: a function of the model only.
#pragma once

#include <string>

#include "model/site.h"
#include "output/plan.h"

namespace passerelle::exports {

/// actors.json: the vocabulary's labels per language, then every actor with its exported
/// fields (kActorFields) and its page in each language.
std::string actors_json(const Site& site);

/// actors.csv (RFC 4180, CRLF): the id, the fields that are not per language in table order,
/// then for each site language its per-language fields and the actor's page.
std::string actors_csv(const Site& site);

/// actors.xlsx: the same table as actors.csv, as a workbook for spreadsheet users (every cell
/// a string, the header row frozen); empty when libxlsxwriter could not write it.
std::string actors_xlsx(const Site& site);

/// The export output: actors.csv, actors.json and actors.xlsx, sorted by path.
OutputPlan export_files(const Site& site);

}  // namespace passerelle::exports
