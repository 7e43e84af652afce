#include "base/message.h"

#include <cctype>

namespace passerelle {

std::string format_message(std::string_view pattern, std::initializer_list<std::string_view> args) {
  std::string out;
  size_t next = 0;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != '%' || i + 1 == pattern.size()) {
      out += pattern[i];
      continue;
    }
    size_t j = i + 1;
    size_t index = next;
    if (std::isdigit(static_cast<unsigned char>(pattern[j]))) {
      size_t number = 0;
      while (j < pattern.size() && std::isdigit(static_cast<unsigned char>(pattern[j])))
        number = number * 10 + static_cast<size_t>(pattern[j++] - '0');
      if (j + 1 < pattern.size() && pattern[j] == '$' && pattern[j + 1] == 's' && number > 0) {
        index = number - 1;
        ++j;
      } else {
        out += pattern[i];
        continue;
      }
    } else if (pattern[j] == '%') {
      out += '%';
      i = j;
      continue;
    } else if (pattern[j] != 's') {
      out += pattern[i];
      continue;
    } else {
      ++next;
    }
    if (index < args.size()) out += *(args.begin() + index);
    i = j;
  }
  return out;
}

std::string quoted_alternatives(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " or " : ", ";
    out += "'" + items[i] + "'";
  }
  return out;
}

}  // namespace passerelle
