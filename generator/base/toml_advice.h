// What an editor most likely did when toml++ cannot read a file, said as advice: toml++'s
// descriptions ("Error while parsing decimal integer: expected digit, saw '/'") are written for
// developers. Each kind of failure has one message, built from one format string.
#pragma once

#include <string>
#include <string_view>

namespace passerelle {

struct TomlAdvice {
  std::string message;
  int line = 0;    // the line the message is about when not the failing one (the opening quotes
                   // of a text never closed), 1-based in the parsed text; 0: the failing line
  int column = 0;  // where the caret goes when not where toml++ stopped (the start of a value
                   // or key the message is about); 0: toml++'s column
};

/// The advice for toml++'s `description` of a failure at `line` (1-based, in `text`, the TOML
/// that was parsed); toml++'s own words (without "Error while parsing") for a failure this does
/// not know. Line numbers in the advice are shifted by `line_offset` (front matter starts below
/// line 1 of its file).
TomlAdvice toml_advice(std::string_view description, std::string_view text, int line,
                       int line_offset = 0);

}  // namespace passerelle
