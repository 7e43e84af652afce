// Diagnostics: every problem found in a site's sources, with the place it comes from, printed
// the way compilers do (`path:line:col: error: message`) so editors can jump to it.
#pragma once

#include <string>
#include <vector>

#include "messages/messages.h"

namespace passerelle {

struct SourceLocation {
  std::string path;  // relative to the site's source folder
  int line = 0;      // 1-based; 0 when unknown
  int column = 0;    // 1-based, in code points; 0 when unknown
};

enum class Severity { kError, kWarning };

struct Diagnostic {
  Severity severity = Severity::kError;
  SourceLocation location;
  std::string message;
};

/// Collects the diagnostics of a run; each stage adds to it and the build stops after a
/// stage that reported errors.
class Diagnostics {
 public:
  void error(SourceLocation location, std::string message);
  void warning(SourceLocation location, std::string message);
  void add(Diagnostic diagnostic);
  void append(const Diagnostics& other);

  bool has_errors() const { return error_count_ > 0; }
  int error_count() const { return error_count_; }
  int warning_count() const { return static_cast<int>(items_.size()) - error_count_; }
  const std::vector<Diagnostic>& items() const { return items_; }

  /// The diagnostics in a stable order: by path, line, column, then message.
  std::vector<Diagnostic> sorted() const;

 private:
  std::vector<Diagnostic> items_;
  int error_count_ = 0;
};

/// Adds `found`, the problems of one source's fields. In a draft they become warnings,
/// followed by `draft_notice` (with the number of problems) at `draft_key`: work in progress
/// (as `passerelle new` writes it) never stops the preview or a build. True when a draft had
/// problems: its caller leaves it out until it is complete.
bool append_field_problems(Diagnostics& diagnostics, const Diagnostics& found, bool is_draft,
                           const SourceLocation& draft_key, PluralMessage draft_notice);

/// `path:line:col` (parts that are unknown are left out; "passerelle" for no file).
std::string format_location(const SourceLocation& where);

/// `path:line:col: error: message` (parts that are unknown are left out).
std::string format_diagnostic(const Diagnostic& diagnostic);

/// 1-based line and column (in code points) of a byte offset in `text`.
SourceLocation location_of_offset(const std::string& path, std::string_view text, size_t offset);

}  // namespace passerelle
