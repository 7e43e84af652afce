#include "serve/error_page.h"

#include "excerpt.h"
#include "text.h"

namespace passerelle {

namespace {

const char* const kStyle = R"css(
:root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5; }
body { margin: 0; }
main { max-inline-size: 60rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.5rem; margin-block: 0 .5rem; }
ol { padding: 0; list-style: none; }
li { border-inline-start: .3rem solid #c62828; padding: .25rem 1rem; margin-block: 1rem; }
li.warning { border-color: #9c5700; }
.where { font-weight: bold; }
.label { color: #c62828; font-weight: bold; }
.warning .label { color: #9c5700; }
pre { overflow-x: auto; background: rgba(127, 127, 127, .12); padding: .5rem; margin: .25rem 0; }
@media (prefers-color-scheme: dark) { .label { color: #ff8a80; } .warning .label { color: #ffb74d; } }
)css";

std::string plural(int n, const char* one, const char* other) {
  return std::to_string(n) + " " + (n == 1 ? one : other);
}

}  // namespace

std::string error_page_html(const Diagnostics& diagnostics, const SourceTree& tree) {
  std::string html =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>Build failed — Passerelle</title>\n<style>";
  html += kStyle;
  html += "</style>\n</head>\n<body>\n<main>\n<h1>The site could not be built</h1>\n<p>";
  html += plural(diagnostics.error_count(), "error", "errors");
  if (diagnostics.warning_count() > 0) {
    html += ", " + plural(diagnostics.warning_count(), "warning", "warnings");
  }
  html +=
      ". Fix the file and save it: this page reloads by itself and the site comes back.</p>\n"
      "<ol>\n";
  for (const auto& d : diagnostics.sorted()) {
    bool error = d.severity == Severity::kError;
    // The place as format_diagnostic writes it, so it can be copied into an editor.
    Diagnostic place = d;
    place.message.clear();
    std::string where = format_diagnostic(place);
    where = where.substr(0, where.rfind(error ? ": error: " : ": warning: "));
    html += std::string("<li class=\"") + (error ? "error" : "warning") +
            "\">\n<p><code class=\"where\">" + escape_html(where) +
            "</code>: <span class=\"label\">" + (error ? "error:" : "warning:") + "</span> " +
            escape_html(d.message) + "</p>\n";
    if (auto excerpt = source_excerpt(tree, d)) {
      html += "<pre><code>" + escape_html(excerpt->line);
      if (!excerpt->caret.empty()) html += "\n" + escape_html(excerpt->caret);
      html += "</code></pre>\n";
    }
    html += "</li>\n";
  }
  html += "</ol>\n</main>\n</body>\n</html>\n";
  return html;
}

}  // namespace passerelle
