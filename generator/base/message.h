// Messages built from one format string each, so that every sentence an editor reads is in one
// place and can later be handed to GNU gettext whole (xgettext's c-format): "%s" takes the next
// argument, "%2$s" a numbered one (a translation may need another order).
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace passerelle {

/// `pattern` with each "%s" (or "%N$s") replaced by an argument; "%%" is a '%'.
std::string format_message(std::string_view pattern, std::initializer_list<std::string_view> args);

/// "'a'", "'a' or 'b'", "'a', 'b' or 'c'": the candidates of a suggestion, quoted.
std::string quoted_alternatives(const std::vector<std::string>& items);

}  // namespace passerelle
