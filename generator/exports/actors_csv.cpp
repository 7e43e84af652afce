// actors.csv: the table of exports/actor_table.h, one line per actor. Every cell goes through
// escape_csv (libcsv's csv_write; formulas are neutralised already).
#include "base/escaping.h"
#include "exports/actor_table.h"
#include "exports/exports.h"
#include "base/parallel.h"

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
  // Each made on a core of its own, row after row: the workbook (zipped by libxlsxwriter)
  // takes as long as the other two together, so it starts first.
  using Export = std::string (*)(const Site&);
  const std::pair<const char*, Export> exports[] = {
      {"actors.xlsx", actors_xlsx}, {"actors.csv", actors_csv}, {"actors.json", actors_json}};
  OutputPlan files(std::size(exports));
  for_each_index(files.size(), worker_count(), [&](size_t, size_t i) {
    files[i] = {exports[i].first, exports[i].second(site)};
  });
  sort_by_path(files);
  return files;
}

}  // namespace passerelle::exports
