#include <cstdlib>
#include <iostream>

#include "cli/commands.h"
#include "text.h"

namespace passerelle::cli {

namespace {

/// The source line of a diagnostic with a caret under its column, as compilers show it.
std::string excerpt(const SourceTree& tree, const Diagnostic& d) {
  if (d.location.line <= 0 || d.location.path.empty()) return "";
  auto text = tree.read(d.location.path);
  if (!text) return "";
  std::string normalized = normalize_source(*text);
  size_t begin = 0;
  for (int line = 1; line < d.location.line; ++line) {
    begin = normalized.find('\n', begin);
    if (begin == std::string::npos) return "";
    ++begin;
  }
  std::string line = normalized.substr(begin, normalized.find('\n', begin) - begin);
  if (line.size() > 200 || find_invalid_utf8(line)) return "";
  std::string out = "  " + line + "\n";
  if (d.location.column > 0) {
    std::string pad;
    int column = 1;
    for (size_t i = 0; i < line.size() && column < d.location.column; ++i) {
      if ((static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) continue;
      pad += line[i] == '\t' ? '\t' : ' ';
      ++column;
    }
    out += "  " + pad + "^\n";
  }
  return out;
}

}  // namespace

void print_diagnostics(const SourceTree& tree, const Diagnostics& diagnostics) {
  for (const auto& d : diagnostics.sorted()) {
    std::cerr << format_diagnostic(d) << "\n" << excerpt(tree, d);
  }
}

std::string bundled_themes_folder() {
  if (const char* folder = std::getenv("PASSERELLE_THEMES"); folder && *folder) return folder;
  return PASSERELLE_BUNDLED_THEMES;
}

}  // namespace passerelle::cli
