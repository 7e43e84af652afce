// Fuzz target: the escaping functions of text.h, against what their output must mean once
// parsed again: HTML text without markup, a CSV field that reads back as the input (with the
// formula guard), a URL path with safe characters only. (JSON is written by nlohmann::json.)
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.h"
#include "base/text.h"

using namespace passerelle;

namespace {

/// Reads one RFC 4180 field back.
std::string read_csv_field(const std::string& field) {
  if (field.empty() || field.front() != '"') {
    fuzz::require(field.find_first_of(",\"\r\n") == std::string::npos,
                  "an unquoted CSV field has no separator, quote or line break");
    return field;
  }
  fuzz::require(field.size() >= 2 && field.back() == '"', "a quoted CSV field ends with a quote");
  std::string value;
  for (size_t i = 1; i + 1 < field.size(); ++i) {
    if (field[i] == '"') {
      fuzz::require(i + 2 < field.size() && field[i + 1] == '"', "quotes are doubled");
      ++i;
    }
    value += field[i];
  }
  return value;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);

  std::string html = escape_html(text);
  fuzz::require(html.find_first_of("<>\"'") == std::string::npos, "no markup character left");

  std::string csv_value = read_csv_field(escape_csv(text));
  fuzz::require(csv_value == text || csv_value == "'" + text, "the CSV field reads back");
  size_t lead = csv_value.find_first_not_of(' ');
  if (lead != std::string::npos && csv_value[lead] != '\'') {
    char first = csv_value[lead];
    bool numeric = csv_value.find_first_not_of("+-0123456789 .()") == std::string::npos;
    fuzz::require(first != '=' && first != '@' && first != '\t' && first != '\r' && first != '\n' &&
                      ((first != '+' && first != '-') || numeric),
                  "a CSV field never starts a spreadsheet formula");
  }

  std::string url = encode_url_path(text);
  fuzz::require(url.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                      "0123456789-._~/%") == std::string::npos,
                "a URL path holds safe characters only");

  std::string slug = slugify(text);
  fuzz::require(slug.find_first_of("/\\.<>\"'&?#% ") == std::string::npos,
                "a slug is a single safe path segment");
  fuzz::require(!find_invalid_utf8(collapse_whitespace(text)) || find_invalid_utf8(text),
                "collapsing white space keeps valid UTF-8 valid");
  if (!find_invalid_utf8(text)) {
    fuzz::require(!find_invalid_utf8(truncate_words(text, size % 200)), "truncation keeps UTF-8");
    fuzz::require(!find_invalid_utf8(french_spacing(text)), "French spacing keeps UTF-8");
  }
  return 0;
}
