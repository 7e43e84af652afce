// The contact fields of an actor record: one e-mail address and one phone number, each
// checked for what it is, since they land in mailto: and tel: links and in CSV exports.
#pragma once

#include <string>
#include <string_view>

namespace passerelle {

/// Why `email` is not one plain address such as name@example.org ("" when it is): several
/// addresses, mailto: parameters ('?', '&'), control characters, a malformed domain.
std::string email_problem(std::string_view email);

/// Why `phone` is not one phone number ("" when it is). A number has 3 to 15 digits, spaces
/// (no-break ones too), parentheses, dots, hyphens and slashes, a leading '+', and may end
/// with an extension: "ext. 12", "x 12", "poste 12", "int. 12" or "interno 12".
std::string phone_problem(std::string_view phone);

}  // namespace passerelle
