#include "base/toml_advice.h"

#include <regex>
#include <string>
#include <vector>

#include "base/text.h"
#include "messages/messages.h"

namespace passerelle {

namespace {

/// The lines of `text`, 1-based (index 0 is empty).
std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines{""};
  size_t begin = 0;
  while (begin <= text.size()) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(begin, end - begin));
    begin = end + 1;
  }
  return lines;
}

std::string trimmed(std::string_view text) {
  size_t begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return "";
  size_t end = text.find_last_not_of(" \t");
  return std::string(text.substr(begin, end - begin + 1));
}

/// The value written on `line` after its '=' (without a comment), as typed.
std::string value_on(std::string_view line) {
  size_t equals = line.find('=');
  if (equals == std::string_view::npos) return "";
  std::string value = trimmed(line.substr(equals + 1));
  if (size_t hash = value.find(" #"); hash != std::string::npos)
    value = trimmed(value.substr(0, hash));
  return value;
}

/// The key written before '=' on `line`.
std::string key_on(std::string_view line) {
  size_t equals = line.find('=');
  return trimmed(line.substr(0, equals == std::string_view::npos ? line.size() : equals));
}

/// The first line before `before` that defines `key` (as "key =") or opens table `key`.
int first_definition(const std::vector<std::string_view>& lines, int before, const std::string& key,
                     bool table) {
  for (int i = 1; i < before && i < static_cast<int>(lines.size()); ++i) {
    std::string line = trimmed(lines[i]);
    if (table ? line == "[" + key + "]"
              : (key_on(line) == key && line.find('=') != std::string::npos))
      return i;
  }
  return 0;
}

/// A date written the way people write it in Morocco, France and Italy (day first), or year
/// first with slashes, as YYYY-MM-DD; "" when `value` is no such date.
std::string iso_date(const std::string& value) {
  static const std::regex kDayFirst(R"((\d{1,2})[/.-](\d{1,2})[/.-](\d{4}))");
  static const std::regex kYearFirst(R"((\d{4})[/.-](\d{1,2})[/.-](\d{1,2}))");
  std::smatch m;
  auto two = [](const std::string& part) { return part.size() == 1 ? "0" + part : part; };
  if (std::regex_match(value, m, kDayFirst)) return m[3].str() + "-" + two(m[2]) + "-" + two(m[1]);
  if (std::regex_match(value, m, kYearFirst)) return m[1].str() + "-" + two(m[2]) + "-" + two(m[3]);
  return "";
}

bool is_yes_or_no(const std::string& value) {
  static const std::vector<std::string> kWords = {"yes",  "no",   "oui",  "non",   "si",   "sì",
                                                  "vrai", "faux", "vero", "falso", "true", "false",
                                                  "on",   "off",  "1",    "0"};
  std::string folded = fold_text(value);
  for (const auto& word : kWords) {
    if (folded == fold_text(word)) return true;
  }
  return false;
}

bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

/// How a date is written, said at the end of each date message.
std::string date_format() {
  return tr("write the date as YYYY-MM-DD (year, month, day), without quotes, such as 2026-12-05");
}

std::string date_advice(const std::string& key, const std::string& value) {
  std::string date = iso_date(value);
  if (!date.empty()) {
    return format_message(
        tr("'%1$s' is not a date TOML understands: write %2$s (YYYY-MM-DD: year, "
        "month, day), without quotes"),
        value, date);
  }
  return format_message(tr("'%1$s' of '%2$s' is not a date: %3$s"), value, key, date_format());
}

/// 1-based column, in code points, of byte `offset` of `line`.
int column_of(std::string_view line, size_t offset) {
  int column = 1;
  for (size_t i = 0; i < offset && i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++column;
  }
  return column;
}

/// The column of the value after '=' on `line`, or 0.
int value_column(std::string_view line) {
  size_t equals = line.find('=');
  if (equals == std::string_view::npos) return 0;
  size_t at = line.find_first_not_of(" \t", equals + 1);
  return at == std::string_view::npos ? 0 : column_of(line, at);
}

std::string advice_text(std::string_view description, std::string_view text, int line,
                        int line_offset) {
  auto lines = lines_of(text);
  std::string_view here = line > 0 && line < static_cast<int>(lines.size()) ? lines[line] : "";
  std::string key = key_on(here);
  std::string value = value_on(here);
  static const std::regex kRedefined(R"(cannot redefine existing (\w[\w ]*) '([^']*)')");
  std::match_results<std::string_view::const_iterator> m;
  if (std::regex_search(description.begin(), description.end(), m, kRedefined)) {
    std::string name = m[2].str();
    bool table = contains(description, "table header");
    int first = first_definition(lines, line, name, table);
    if (table) {
      return first ? format_message(
                         tr("table [%1$s] appears twice (first on line %2$s): keep one and "
                         "put all its fields there"),
                         name, std::to_string(first + line_offset))
                   : format_message(tr("table [%1$s] appears twice: keep one"), name);
    }
    return first ? format_message(tr("field '%1$s' is set twice (first on line %2$s): keep one"), name,
                                  std::to_string(first + line_offset))
                 : format_message(tr("field '%1$s' is set twice: keep one"), name);
  }
  if (contains(description, "parsing string") || contains(description, "parsing literal string")) {
    if (contains(description, "unknown escape sequence")) {
      return tr("a backslash (\\) in text between \"…\" starts an escape such as \\n: write \\\\ "
             "for a backslash itself");
    }
    if (contains(description, "end-of-file")) {
      return tr("this text is never closed: add the closing quotes (\"\"\" or ''') where it ends");
    }
    // The only control character that reaches toml++ is the line break (the bytes were checked).
    return tr("this text has no closing quote: end it with \" on the same line (for text on "
           "several lines, open and close it with \"\"\")");
  }
  if (contains(description, "parsing date") || contains(description, "parsing time") ||
      ((contains(description, "integer") || contains(description, "float")) &&
       !iso_date(value).empty())) {
    static const std::regex kMonth(R"(month between 1 and 12 \(inclusive\), saw (\d+))");
    static const std::regex kDay(R"(day between 1 and (\d+) \(inclusive\), saw (\d+))");
    if (std::regex_search(description.begin(), description.end(), m, kMonth)) {
      return format_message(tr("there is no month %1$s: %2$s"), m[1].str(), date_format());
    }
    if (std::regex_search(description.begin(), description.end(), m, kDay)) {
      return format_message(tr("this month has no day %1$s (it has %2$s days): %3$s"), m[2].str(),
                            m[1].str(), date_format());
    }
    if (contains(description, "parsing time")) {
      return tr("the time is not valid: write it as HH:MM:SS (hours 00 to 23), or leave the time "
             "out (YYYY-MM-DD alone)");
    }
    return date_advice(key, value);
  }
  if (contains(description, "could not determine value type") ||
      contains(description, "parsing boolean")) {
    if (is_yes_or_no(value)) {
      return format_message(
          tr("'%1$s' must be true or false (in lower case, without quotes), not "
          "'%2$s'"),
          key, value);
    }
    return format_message(
        tr("the value of '%1$s' is not text, a number or a date: put text between "
        "quotes, %2$s = \"%3$s\""),
        key, key, value);
  }
  if (contains(description, "leading zeroes")) {
    return tr("a number cannot start with 0: write 10, not 010 (or put a code between quotes)");
  }
  if (contains(description, "integer") || contains(description, "float")) {
    return format_message(
        tr("the value of '%1$s' is not a number: write digits only (a decimal with "
        "'.'), or put text between quotes"),
        key);
  }
  if (contains(description, "expected '=', saw ':'")) {
    return tr("write '=' between a field's name and its value, not ':'");
  }
  if (contains(description, "expected '='") && here.find('=') != std::string_view::npos) {
    return tr("a name here must be followed by '=': a decimal number is written with '.', not ',' "
           "(41.9), and a field's name has no spaces");
  }
  if (contains(description, "expected '='")) {
    return tr("each line is a field (name = value), a [table], a comment starting with # or "
           "empty: this line has no '='");
  }
  if (contains(description, "expected value")) {
    return format_message(tr("'%1$s' has no value: write one after '=' (\"\" for an empty text)"), key);
  }
  if (contains(description, "expected a comment or whitespace")) {
    if (!value.empty() && value.front() == '\'') {
      return tr("an apostrophe inside '…' ends the text: put text that contains an apostrophe "
             "between double quotes, \"…\"");
    }
    if (contains(description, "saw ','")) {
      return tr("a field holds one value: several values go in a list, [\"a\", \"b\"], and a "
             "decimal number uses '.'");
    }
    return tr("there is more after the value: one field per line, and text between quotes "
           "(a comment after the value starts with #)");
  }
  if (contains(description, "parsing array")) {
    if (contains(description, "end-of-file"))
      return tr("this list is never closed: add ']' after its last item");
    return tr("items of a list are separated by commas: [\"a\", \"b\"]");
  }
  if (contains(description, "parsing inline table")) {
    return tr("a table written { … } must be closed with '}' on the same line, its fields "
           "separated by commas: { lat = 34.0, lon = -6.8 }");
  }
  if (contains(description, "expected keys, tables, whitespace or comments")) {
    return tr("each line is a field (name = value), a [table], a comment starting with # or empty");
  }
  // Not one of the mistakes above: toml++'s own words, without its preamble.
  std::string raw(description);
  if (starts_with(raw, "Error while parsing ")) raw = raw.substr(raw.find(':') + 1);
  return format_message(tr("this is not valid TOML:%1$s"), raw);
}

}  // namespace

TomlAdvice toml_advice(std::string_view description, std::string_view text, int line,
                       int line_offset) {
  TomlAdvice advice{advice_text(description, text, line, line_offset), 0};
  auto lines = lines_of(text);
  std::string_view here = line > 0 && line < static_cast<int>(lines.size()) ? lines[line] : "";
  // A message about the whole value or key points at its start, not where toml++ stopped.
  bool about_value = contains(description, "parsing date") ||
                     contains(description, "could not determine value type") ||
                     contains(description, "parsing boolean") || contains(description, "integer") ||
                     contains(description, "float");
  if ((contains(description, "parsing string") || contains(description, "literal string")) &&
      contains(description, "end-of-file")) {
    // toml++ stops at the end; the mistake is where the text opens.
    for (int i = std::min(line, static_cast<int>(lines.size()) - 1); i > 0; --i) {
      size_t at = lines[i].find("\"\"\"");
      if (at == std::string_view::npos) at = lines[i].find("'''");
      if (at != std::string_view::npos) {
        advice.line = i;
        advice.column = column_of(lines[i], at);
        break;
      }
    }
  } else if (contains(description, "cannot redefine") && !contains(description, "table header")) {
    size_t at = here.find_first_not_of(" \t");
    advice.column = at == std::string_view::npos ? 0 : column_of(here, at);
  } else if (about_value) {
    advice.column = value_column(here);
  }
  return advice;
}

}  // namespace passerelle
