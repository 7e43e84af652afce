// The HTML5 named character references ("eacute" → "é"), the whole WHATWG table as CommonMark
// requires: generated into entities.cpp by scripts/make-entities.py, never typed by hand.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace passerelle {

/// The text of the named reference `name`, written without its '&' and ';' ("eacute"), or
/// nullopt when HTML5 has no such name. Names are case-sensitive ("Eacute" is another one).
std::optional<std::string_view> named_character_reference(std::string_view name);

/// How many names the table holds (2,125 in HTML5).
size_t named_character_reference_count();

}  // namespace passerelle
