// actors.csv: the table of exports/actor_table.h, one line per actor. Every cell goes through
// escape_csv (libcsv's csv_write; formulas are neutralised already).
#include "base/escaping.h"
#include "exports/actor_table.h"
#include "exports/exports.h"

namespace passerelle::exports {

namespace {

/// One line of a CSV file (RFC 4180): its cells, each quoted by escape_csv when needed, and CRLF.
std::string csv_row(const std::vector<std::string>& cells) {
  std::string row;
  for (size_t i = 0; i < cells.size(); ++i) row += (i ? "," : "") + escape_csv(cells[i]);
  return row + "\r\n";
}

}  // namespace

std::string actors_csv(const Site& site) {
  std::string csv = csv_row(actor_columns(site.config));
  for (const auto& actor : site.actors) csv += csv_row(actor_cells(site.config, actor));
  return csv;
}

OutputPlan export_files(const Site& site) {
  // Moved in, not listed in braces: an initializer list would copy the files.
  OutputPlan files;
  files.push_back({"actors.csv", actors_csv(site)});
  files.push_back({"actors.json", actors_json(site)});
  files.push_back({"actors.xlsx", actors_xlsx(site)});
  return files;
}

}  // namespace passerelle::exports
