#include "markdown/callouts.h"

#include <string_view>

#include "base/text.h"

namespace passerelle {

namespace {

struct CalloutKind {
  std::string_view marker;  // as md4c gives the first line's text
  std::string_view name;    // in the class
  std::string MarkdownLabels::*label;
};

const CalloutKind kKinds[] = {{"[!NOTE]", "note", &MarkdownLabels::note},
                              {"[!TIP]", "tip", &MarkdownLabels::tip},
                              {"[!IMPORTANT]", "important", &MarkdownLabels::important},
                              {"[!WARNING]", "warning", &MarkdownLabels::warning},
                              {"[!CAUTION]", "caution", &MarkdownLabels::caution}};

constexpr std::string_view kOpening = "<blockquote>\n<p>";

}  // namespace

bool close_as_callout(std::string& html, size_t start, const MarkdownLabels& labels) {
  std::string_view quote = std::string_view(html).substr(start);
  if (quote.substr(0, kOpening.size()) != kOpening) return false;
  std::string_view first = quote.substr(kOpening.size());
  for (const auto& kind : kKinds) {
    if (first.substr(0, kind.marker.size()) != kind.marker) continue;
    std::string_view after = first.substr(kind.marker.size());
    std::string rest;
    if (after.substr(0, 1) == "\n") {  // the paragraph goes on below the marker's line
      rest = "<p>" + std::string(after.substr(1));
    } else if (after.substr(0, 5) == "</p>\n") {  // the marker is a paragraph of its own
      rest = std::string(after.substr(5));
    } else {
      return false;
    }
    std::string box = "<div class=\"callout callout-" + std::string(kind.name) +
                      "\" role=\"note\">\n<p class=\"callout-title\">" +
                      escape_html(labels.*kind.label) + "</p>\n" + rest + "</div>\n";
    html.replace(start, std::string::npos, box);
    return true;
  }
  return false;
}

}  // namespace passerelle
