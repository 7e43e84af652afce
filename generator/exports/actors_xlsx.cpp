// actors.xlsx: the table of exports/actor_table.h as a workbook (libxlsxwriter), for people
// who keep the directory in a spreadsheet. An .xlsx opens by double-click in Excel of any
// locale and in LibreOffice with its columns and accents right; a CSV depends on the list
// separator and encoding the spreadsheet guesses. Every cell is a string (no phone number
// turned into a number), the header row stays in view, and the file is byte-identical from
// one build to the next.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <xlsxwriter.h>

#include "content/actor_schema.h"
#include "exports/actor_table.h"
#include "exports/exports.h"

namespace passerelle::exports {

namespace {

/// The workbook's creation time, which libxlsxwriter writes into docProps/core.xml: the newest
/// review date of the records (midnight UTC), or the epoch, never the clock.
std::time_t creation_time(const Site& site) {
  std::string newest;
  for (const auto& actor : site.actors) newest = std::max(newest, actor.record.last_reviewed);
  std::tm day{};
  if (newest.size() != 10 || !strptime(newest.c_str(), "%Y-%m-%d", &day)) return 0;
  return timegm(&day);
}

/// Writes the workbook to `path`; false when libxlsxwriter could not.
bool write_workbook(const Site& site, const std::string& path, const std::string& folder) {
  lxw_workbook_options options{};
  options.tmpdir = const_cast<char*>(folder.c_str());
  lxw_workbook* workbook = workbook_new_opt(path.c_str(), &options);
  if (!workbook) return false;
  lxw_doc_properties properties{};
  properties.created = creation_time(site);
  workbook_set_properties(workbook, &properties);
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, "actors");
  lxw_format* bold = workbook_add_format(workbook);
  format_set_bold(bold);
  auto columns = actor_columns(site.config);
  for (size_t column = 0; column < columns.size(); ++column) {
    auto col = static_cast<lxw_col_t>(column);
    worksheet_write_string(sheet, 0, col, columns[column].c_str(), bold);
    worksheet_set_column(sheet, col, col, 20, nullptr);
  }
  worksheet_freeze_panes(sheet, 1, 0);
  for (size_t row = 0; row < site.actors.size(); ++row) {
    auto cells = actor_cells(site.config, site.actors[row]);
    for (size_t column = 0; column < cells.size(); ++column) {
      if (cells[column].empty()) continue;
      worksheet_write_string(sheet, static_cast<lxw_row_t>(row + 1),
                             static_cast<lxw_col_t>(column), cells[column].c_str(), nullptr);
    }
  }
  return workbook_close(workbook) == LXW_NO_ERROR;
}

}  // namespace

std::string actors_xlsx(const Site& site) {
  // libxlsxwriter 1.1.4 writes only to a file: a private temporary folder, read back, removed.
  std::string pattern = (std::filesystem::temp_directory_path() / "passerelle-xlsx-XXXXXX").string();
  if (!mkdtemp(pattern.data())) return "";
  std::string path = pattern + "/actors.xlsx";
  std::string bytes;
  if (write_workbook(site, path, pattern)) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream read;
    read << in.rdbuf();
    bytes = read.str();
  }
  std::error_code ignored;
  std::filesystem::remove_all(pattern, ignored);
  return bytes;
}

}  // namespace passerelle::exports
