#include "serve/error_page.h"

#include "base/excerpt.h"
#include "base/text.h"
#include "messages/messages.h"
#include "serve/live_site.h"

namespace passerelle {

namespace {

const char* const kErrorPageStyle = R"css(
:root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5;
        --text: #1a1a1a; --back: #fff; --code: #f0f0f0; --error: #b71c1c; --warning: #8a4b00;
        --link: #0b57d0; }
@media (prefers-color-scheme: dark) {
  :root { --text: #ececec; --back: #161616; --code: #262626; --error: #ff8a80; --warning: #ffb74d;
          --link: #8ab4f8; }
}
body { margin: 0; color: var(--text); background: var(--back); }
main { max-inline-size: 60rem; margin: 0 auto; padding: 1.5rem; }
a { color: var(--link); }
h1 { font-size: 1.5rem; margin-block: 0 .5rem; }
ol.problems { padding: 0; list-style: none; }
.problems > li { border-inline-start: .3rem solid var(--error); padding: .25rem 1rem; margin-block: 1rem; }
.problems > li.warning { border-color: var(--warning); }
.where { font-weight: bold; }
.problems p { overflow-wrap: anywhere; }
.label { color: var(--error); font-weight: bold; }
.warning .label { color: var(--warning); }
code, pre { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .95em; }
pre { overflow-x: auto; background: var(--code); color: var(--text); padding: .5rem; margin: .25rem 0; }
)css";

}  // namespace

std::string serve_page_start(const std::string& title, const char* style) {
  // In the editor's language, the language of the messages it lists.
  return std::string("<!DOCTYPE html>\n<html lang=\"") + message_language_code() +
         "\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<title>" + escape_html(title) + "</title>\n<style>" + kErrorPageStyle + style +
         "</style>\n</head>\n<body>\n<main>\n";
}

std::string serve_page_end() { return "</main>\n</body>\n</html>\n"; }

std::string diagnostic_counts(const Diagnostics& diagnostics) {
  int errors = diagnostics.error_count(), warnings = diagnostics.warning_count();
  std::string counts = format_message(trn("%1$d error", "%1$d errors", errors), errors);
  if (warnings > 0) {
    counts += ", " + format_message(trn("%1$d warning", "%1$d warnings", warnings), warnings);
  }
  return counts;
}

std::string diagnostic_items_html(const Diagnostics& diagnostics, const SourceTree& tree) {
  std::string html;
  for (const auto& d : diagnostics.sorted()) {
    bool error = d.severity == Severity::kError;
    // The place as format_diagnostic writes it, so it can be copied into an editor.
    std::string where = format_location(d.location);
    html += std::string("<li class=\"") + (error ? "error" : "warning") +
            "\">\n<p><code class=\"where\">" + escape_html(where) +
            "</code>: <span class=\"label\">" + (error ? "error:" : "warning:") + "</span> " +
            escape_html(d.message) + "</p>\n";
    if (auto excerpt = source_excerpt(tree, d)) {
      // Focusable, so that a long line can be scrolled with the keyboard.
      html += "<pre tabindex=\"0\"><code>" + escape_html(excerpt->line);
      if (!excerpt->caret.empty()) html += "\n" + escape_html(excerpt->caret);
      html += "</code></pre>\n";
    }
    html += "</li>\n";
  }
  return html;
}

std::string error_page_html(const Diagnostics& diagnostics, const SourceTree& tree) {
  std::string html = serve_page_start(tr("Build failed: Passerelle"));
  html += "<h1>" + escape_html(tr("The site could not be built")) + "</h1>\n<p>";
  html += escape_html(diagnostic_counts(diagnostics)) + ". " +
          escape_html(tr("Fix the file and save it: this page reloads by itself and the site "
                         "comes back.")) +
          "</p>\n<p><a href=\"" + LiveSite::kDashboardPath + "\">" +
          escape_html(tr("Everything passerelle check reports, drafts and translations: the "
                         "dashboard")) +
          "</a></p>\n<ol class=\"problems\">\n";
  html += diagnostic_items_html(diagnostics, tree);
  return html + "</ol>\n" + serve_page_end();
}

}  // namespace passerelle
