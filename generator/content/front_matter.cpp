#include "content/front_matter.h"

#include "messages/messages.h"

namespace passerelle {

namespace {

bool is_fence(const std::string& text, size_t begin, size_t end) {
  std::string_view line(text.data() + begin, end - begin);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line == "+++";
}

}  // namespace

std::optional<FrontMatterSplit> split_front_matter(const std::string& text,
                                                   const std::string& path,
                                                   Diagnostics& diagnostics) {
  size_t first_end = text.find('\n');
  if (first_end == std::string::npos) first_end = text.size();
  if (!is_fence(text, 0, first_end)) {
    diagnostics.error({path, 1, 1},
                      tr("missing front matter: the file must start with a line '+++', then TOML "
                         "fields (title = \"…\"), then another '+++'"));
    return std::nullopt;
  }
  int line = 2;
  size_t begin = first_end + 1;
  while (begin <= text.size()) {
    size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    if (is_fence(text, begin, end)) {
      FrontMatterSplit split;
      split.front_matter = text.substr(first_end + 1, begin - first_end - 1);
      split.body = end < text.size() ? text.substr(end + 1) : "";
      split.body_line = line + 1;
      return split;
    }
    if (end == text.size()) break;
    begin = end + 1;
    ++line;
  }
  diagnostics.error({path, 1, 1},
                    tr("front matter is not closed: add a line '+++' after its fields"));
  return std::nullopt;
}

}  // namespace passerelle
