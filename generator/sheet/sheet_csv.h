// A spreadsheet saved as text, read into rows of cells: the encoding found from its
// byte-order mark (UTF-8, UTF-16 little- or big-endian, as Excel's "Unicode text" writes it),
// the separator from its header line (tab, semicolon or comma), the cells by libcsv. Limits
// keep a hostile file from taking the machine: its size and its number of columns.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"

namespace passerelle {

constexpr size_t kMaxSheetBytes = 10 * 1024 * 1024;
constexpr size_t kMaxSheetColumns = 200;

/// The sheet's text in UTF-8, without a byte-order mark: UTF-16 (with its mark) converted,
/// UTF-8 as it is. nullopt, with an error at `path`, when the file is too big or its UTF-16
/// cannot be converted. Invalid UTF-8 is found later, cell by cell (parse_sheet).
std::optional<std::string> decode_sheet(std::string_view bytes, const std::string& path,
                                        Diagnostics& diagnostics);

/// The separator of the header line (the text up to the first line break outside quotes):
/// the one of tab, ';' and ',' it has most of, a tab before ';' before ',' when even; ','
/// when it has none.
char detect_separator(std::string_view text);

/// The rows of the sheet, the header first; each row's cells as written, except that a line
/// break inside a cell is "\n". A row of the sheet is its index + 1. nullopt, with errors at
/// `path`:row:column, when a row has more than kMaxSheetColumns cells, a cell is not valid
/// UTF-8 (every such cell is reported), or a quote is left open.
std::optional<std::vector<std::vector<std::string>>> parse_sheet(std::string_view text,
                                                                 char separator,
                                                                 const std::string& path,
                                                                 Diagnostics& diagnostics);

}  // namespace passerelle
