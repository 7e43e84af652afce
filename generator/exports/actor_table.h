// The directory as a table, one row per actor and one column per exported field (a
// per-language field once per language): what actors.csv and actors.xlsx both hold, and what
// `passerelle import actors` compares a sheet's cells with.
#pragma once

#include <string>
#include <vector>

#include "model/site.h"

namespace passerelle::exports {

/// The names of the columns: the id, the fields that are not per language in table order
/// (coordinates as latitude and longitude), then for each site language its per-language
/// fields (<name>_<lang>) and the actor's page (url_<lang>).
std::vector<std::string> actor_columns(const SiteConfig& config);

/// The cells of `actor`, in the order of actor_columns, as a spreadsheet shows them: terms as
/// their keys, lists joined by ';', other names as `lang:name`, and every cell (every part of
/// a list) that a spreadsheet would run as a formula neutralised with a leading '.
std::vector<std::string> actor_cells(const SiteConfig& config, const Actor& actor);

}  // namespace passerelle::exports
