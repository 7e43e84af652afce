#include "sheet/sheet_csv.h"

#include <csv.h>
#include <iconv.h>

#include <array>

#include "base/text.h"
#include "messages/messages.h"

namespace passerelle {

namespace {

/// `bytes` (UTF-16 in the byte order `encoding` names, without its mark) in UTF-8 (glibc's
/// iconv), or nullopt when they are not valid UTF-16.
std::optional<std::string> utf16_to_utf8(std::string_view bytes, const char* encoding) {
  iconv_t converter = iconv_open("UTF-8", encoding);
  if (converter == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  std::string out(bytes.size() * 2 + 4, '\0');  // a UTF-16 unit gives at most 3 bytes, a pair 4
  char* in = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size();
  char* write = out.data();
  size_t out_left = out.size();
  size_t result = iconv(converter, &in, &in_left, &write, &out_left);
  iconv_close(converter);
  if (result == static_cast<size_t>(-1) || in_left != 0) return std::nullopt;
  out.resize(out.size() - out_left);
  return out;
}

struct ParseState {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  bool too_wide = false;
};

void end_cell(void* data, size_t length, void* state_pointer) {
  auto& state = *static_cast<ParseState*>(state_pointer);
  if (state.row.size() > kMaxSheetColumns) {
    state.too_wide = true;
    return;
  }
  std::string cell(static_cast<const char*>(data), data ? length : 0);
  // Spreadsheets write a line break inside a cell as CRLF on Windows: one "\n" here.
  for (size_t at; (at = cell.find("\r\n")) != std::string::npos;) cell.erase(at, 1);
  state.row.push_back(std::move(cell));
}

void end_row(int, void* state_pointer) {
  auto& state = *static_cast<ParseState*>(state_pointer);
  if (state.too_wide) return;
  state.rows.push_back(std::move(state.row));
  state.row.clear();
}

/// Never a space: a cell's blanks are its own (libcsv would trim spaces and tabs).
int no_space(unsigned char) { return 0; }

}  // namespace

std::optional<std::string> decode_sheet(std::string_view bytes, const std::string& path,
                                        Diagnostics& diagnostics) {
  if (bytes.size() > kMaxSheetBytes) {
    diagnostics.error({path, 0, 0},
                      format_message(tr("the sheet is %1$s MB, more than the %2$s MB an import "
                                        "reads: split it into several files"),
                                     std::to_string(bytes.size() / (1024 * 1024)),
                                     std::to_string(kMaxSheetBytes / (1024 * 1024))));
    return std::nullopt;
  }
  const char* utf16 = nullptr;
  if (bytes.starts_with("\xFF\xFE")) utf16 = "UTF-16LE";
  if (bytes.starts_with("\xFE\xFF")) utf16 = "UTF-16BE";
  if (!utf16) return std::string(bytes.starts_with("\xEF\xBB\xBF") ? bytes.substr(3) : bytes);
  auto text = utf16_to_utf8(bytes.substr(2), utf16);
  if (!text) {
    diagnostics.error({path, 0, 0},
                      format_message(tr("the sheet starts as %1$s text but is not valid %1$s: "
                                        "save it again as UTF-8 CSV"),
                                     std::string(utf16)));
  }
  return text;
}

char detect_separator(std::string_view text) {
  std::array<size_t, 3> counts{};
  constexpr std::array<char, 3> kSeparators = {'\t', ';', ','};
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    if (!quoted && (c == '\n' || c == '\r')) break;
    for (size_t i = 0; i < kSeparators.size(); ++i) counts[i] += !quoted && c == kSeparators[i];
  }
  size_t best = 2;
  for (size_t i = kSeparators.size(); i-- > 0;) {
    if (counts[i] >= counts[best] && counts[i] > 0) best = i;
  }
  return kSeparators[best];
}

std::optional<std::vector<std::vector<std::string>>> parse_sheet(std::string_view text,
                                                                 char separator,
                                                                 const std::string& path,
                                                                 Diagnostics& diagnostics) {
  csv_parser parser;
  csv_init(&parser, CSV_APPEND_NULL);
  csv_set_delim(&parser, static_cast<unsigned char>(separator));
  csv_set_space_func(&parser, no_space);
  ParseState state;
  size_t parsed = csv_parse(&parser, text.data(), text.size(), end_cell, end_row, &state);
  bool complete = parsed == text.size() && csv_fini(&parser, end_cell, end_row, &state) == 0;
  csv_free(&parser);
  int errors = diagnostics.error_count();
  if (state.too_wide) {
    diagnostics.error({path, static_cast<int>(state.rows.size() + 1), 0},
                      format_message(tr("this row has more than %1$s cells: a sheet of actors "
                                        "has one column per field (see actors.csv)"),
                                     std::to_string(kMaxSheetColumns)));
    return std::nullopt;
  }
  if (!complete) {
    diagnostics.error({path, static_cast<int>(state.rows.size() + 1), 0},
                      tr("the sheet cannot be read as CSV (a quote left open?)"));
  }
  for (size_t row = 0; row < state.rows.size(); ++row) {
    for (size_t column = 0; column < state.rows[row].size(); ++column) {
      if (!find_invalid_utf8(state.rows[row][column])) continue;
      diagnostics.error({path, static_cast<int>(row + 1), static_cast<int>(column + 1)},
                        tr("this cell is not valid UTF-8 (text of several encodings mixed?): "
                           "save the sheet as UTF-8 CSV"));
    }
  }
  if (diagnostics.error_count() > errors) return std::nullopt;
  return std::move(state.rows);
}

}  // namespace passerelle
