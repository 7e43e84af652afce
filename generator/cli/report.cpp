#include <cstdlib>
#include <iostream>
#include <map>
#include <optional>
#include <string_view>
#include <vector>

#include "cli/commands.h"
#include "text.h"

namespace passerelle::cli {

namespace {

/// Source files split into lines, each file read once however many diagnostics it has.
class SourceLines {
 public:
  explicit SourceLines(const SourceTree& tree) : tree_(tree) {}

  /// Line `number` (1-based) of `path`, or nullopt when there is no such line.
  std::optional<std::string_view> line(const std::string& path, int number) {
    auto it = files_.find(path);
    if (it == files_.end()) {
      File file;
      if (auto text = tree_.read(path)) {
        file.text = normalize_source(*text);
        file.starts.push_back(0);
        for (size_t i = 0; i < file.text.size(); ++i) {
          if (file.text[i] == '\n') file.starts.push_back(i + 1);
        }
      }
      it = files_.emplace(path, std::move(file)).first;
    }
    const File& file = it->second;
    if (number <= 0 || static_cast<size_t>(number) > file.starts.size()) return std::nullopt;
    size_t begin = file.starts[static_cast<size_t>(number) - 1];
    size_t end = file.text.find('\n', begin);
    return std::string_view(file.text).substr(begin, end == std::string::npos ? end : end - begin);
  }

 private:
  struct File {
    std::string text;
    std::vector<size_t> starts;  // offset of each line
  };
  const SourceTree& tree_;
  std::map<std::string, File> files_;
};

/// The source line of a diagnostic with a caret under its column, as compilers show it.
std::string excerpt(SourceLines& sources, const Diagnostic& d) {
  if (d.location.line <= 0 || d.location.path.empty()) return "";
  auto found = sources.line(d.location.path, d.location.line);
  if (!found) return "";
  std::string_view line = *found;
  if (line.size() > 200 || find_invalid_utf8(line) || find_disallowed_character(line)) return "";
  std::string out = "  " + std::string(line) + "\n";
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

/// A message quotes what the sources say (an unknown key, say): control characters in it must
/// not reach the terminal, where they could rewrite what a reader sees.
std::string printable(std::string message) {
  while (auto bad = find_disallowed_character(message)) {
    auto lead = static_cast<unsigned char>(message[bad->offset]);
    size_t length = lead < 0x80 ? 1 : (lead & 0xE0) == 0xC0 ? 2 : (lead & 0xF0) == 0xE0 ? 3 : 4;
    message.replace(bad->offset, length, "\uFFFD");
  }
  return message;
}

// A run with thousands of errors (a stray generated file, say) would bury the others: each
// file shows its first problems, and the run its first few hundred.
constexpr size_t kMaxPrintedPerFile = 20;
constexpr size_t kMaxPrinted = 200;

}  // namespace

void print_diagnostics(const SourceTree& tree, const Diagnostics& diagnostics) {
  SourceLines sources(tree);
  std::map<std::string, size_t> per_file;
  size_t printed = 0, hidden = 0;
  for (const auto& d : diagnostics.sorted()) {
    size_t& count = per_file[d.location.path];
    if (++count > kMaxPrintedPerFile || printed >= kMaxPrinted) {
      ++hidden;
      continue;
    }
    std::cerr << printable(format_diagnostic(d)) << "\n" << excerpt(sources, d);
    ++printed;
  }
  for (const auto& [path, count] : per_file) {
    if (count > kMaxPrintedPerFile && !path.empty()) {
      std::cerr << printable(path) << ": " << count << " problems in this file, the first "
                << kMaxPrintedPerFile << " shown\n";
    }
  }
  if (hidden > 0) std::cerr << "passerelle: " << hidden << " more problem(s) not shown\n";
}

std::string bundled_themes_folder() {
  if (const char* folder = std::getenv("PASSERELLE_THEMES"); folder && *folder) return folder;
  return PASSERELLE_BUNDLED_THEMES;
}

}  // namespace passerelle::cli
