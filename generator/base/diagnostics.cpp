#include "base/diagnostics.h"

#include <algorithm>
#include <tuple>

namespace passerelle {

void Diagnostics::error(SourceLocation location, std::string message) {
  add({Severity::kError, std::move(location), std::move(message)});
}

void Diagnostics::warning(SourceLocation location, std::string message) {
  add({Severity::kWarning, std::move(location), std::move(message)});
}

void Diagnostics::add(Diagnostic diagnostic) {
  if (diagnostic.severity == Severity::kError) ++error_count_;
  items_.push_back(std::move(diagnostic));
}

void Diagnostics::append(const Diagnostics& other) {
  for (const auto& d : other.items_) add(d);
}

bool append_field_problems(Diagnostics& diagnostics, const Diagnostics& found, bool is_draft,
                           const SourceLocation& draft_key, PluralMessage draft_notice) {
  if (!is_draft || !found.has_errors()) {
    diagnostics.append(found);
    return false;
  }
  for (auto item : found.items()) {
    item.severity = Severity::kWarning;
    diagnostics.add(std::move(item));
  }
  int count = found.error_count();
  diagnostics.warning(draft_key,
                      format_message(trn(draft_notice.singular, draft_notice.plural, count), count));
  return true;
}

std::vector<Diagnostic> Diagnostics::sorted() const {
  std::vector<Diagnostic> result = items_;
  std::stable_sort(result.begin(), result.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.location.path, a.location.line, a.location.column, a.message) <
           std::tie(b.location.path, b.location.line, b.location.column, b.message);
  });
  return result;
}

std::string format_location(const SourceLocation& where) {
  std::string out = where.path.empty() ? "passerelle" : where.path;
  if (where.line > 0) {
    out += ":" + std::to_string(where.line);
    if (where.column > 0) out += ":" + std::to_string(where.column);
  }
  return out;
}

std::string format_diagnostic(const Diagnostic& d) {
  std::string out = format_location(d.location);
  out += d.severity == Severity::kError ? ": error: " : ": warning: ";
  out += d.message;
  return out;
}

SourceLocation location_of_offset(const std::string& path, std::string_view text, size_t offset) {
  SourceLocation location{path, 1, 1};
  offset = std::min(offset, text.size());
  for (size_t i = 0; i < offset; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++location.line;
      location.column = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++location.column;  // count code points, not continuation bytes
    }
  }
  return location;
}

}  // namespace passerelle
