// The open-data exports of the directory: actors.json (nlohmann-json) and actors.csv (cells
// quoted by libcsv, through escape_csv). An output of its own: a function of the model only.
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

/// The export output: actors.csv and actors.json, sorted by path.
OutputPlan export_files(const Site& site);

}  // namespace passerelle::exports
