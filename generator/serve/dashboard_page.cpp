// The dashboard as HTML: a pure function of what check/ found (see serve/dashboard.h). Lists,
// not wide tables, so that it reads on a phone; the one table (translation coverage) scrolls
// inside its own box.
#include <utility>

#include "base/escaping.h"
#include "messages/messages.h"
#include "serve/dashboard.h"
#include "serve/error_page.h"

namespace passerelle {

namespace {

const char* const kDashboardStyle = R"css(
h2 { font-size: 1.25rem; margin-block: 2rem .5rem; }
h3 { font-size: 1.05rem; }
nav ul, ul.sources { padding: 0; list-style: none; }
nav li { display: inline-block; margin-inline-end: 1rem; }
ul.sources > li { border-inline-start: .3rem solid var(--code); padding: .25rem 1rem; margin-block: .75rem; }
ul.sources p { margin: 0; overflow-wrap: anywhere; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; }
th, td { padding: .25rem .75rem; text-align: start; border-block-end: 1px solid var(--code); }
td { font-variant-numeric: tabular-nums; }
)css";

/// A heading the summary links to, with the number of items under it.
std::string heading(const char* id, const char* title, size_t count) {
  return std::string("<h2 id=\"") + id + "\">" + escape_html(title) + " (" +
         std::to_string(count) + ")</h2>\n";
}

std::string none() { return "<p>" + escape_html(tr("None.")) + "</p>\n"; }

/// One <li> of a list of sources: where, then what, then why.
std::string source_item(const std::string& where, const std::string& details,
                        const std::string& why) {
  std::string html = "<li><p><code class=\"where\">" + escape_html(where) + "</code>";
  if (!details.empty()) html += " · " + details;
  html += "</p>\n";
  if (!why.empty()) html += "<p>" + escape_html(why) + "</p>\n";
  return html + "</li>\n";
}

/// A page's title in its own language, for screen readers; an actor's name as it is.
std::string titled(const ListedSource& item) {
  if (item.language.empty()) return escape_html(item.title);
  return escape_html(item.language) + " · <span lang=\"" + escape_html(item.language) + "\">" +
         escape_html(item.title) + "</span>";
}

std::string listing_html(const char* id, const char* title,
                         const std::vector<ListedSource>& items) {
  std::string html = heading(id, title, items.size());
  if (items.empty()) return html + none();
  html += "<ul class=\"sources\">\n";
  for (const auto& item : items) html += source_item(item.path, titled(item), item.reason);
  return html + "</ul>\n";
}

/// The report's names for what a language can lack, in the editor's language.
std::string what_label(const std::string& what) {
  const std::pair<const char*, const char*> labels[] = {
      {"pages", tr("Pages")},
      {"page", tr("page")},
      {"actor descriptions", tr("Actor descriptions")},
      {"actor description", tr("actor description")},
      {"actor services", tr("actor services")},
      {"UI strings", tr("Interface strings")},
      {"UI string", tr("interface string")},
      {"vocabulary labels", tr("Vocabulary labels")},
      {"vocabulary label", tr("vocabulary label")},
  };
  for (const auto& [key, label] : labels) {
    if (what == key) return label;
  }
  return what;
}

std::string coverage_table(const TranslationReport& report) {
  // Focusable and named, so that the box scrolls with the keyboard on a narrow screen.
  std::string html = "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"coverage\">\n"
                     "<table>\n<caption id=\"coverage\">" +
                     escape_html(tr("Items present in each language, of all items")) +
                     "</caption>\n<thead><tr><td></td>";
  for (const auto& language : report.languages) {
    html += "<th scope=\"col\">" + escape_html(language) + "</th>";
  }
  html += "</tr></thead>\n<tbody>\n";
  for (const auto& [what, coverage] : report.coverage) {
    // The report names services the same as a row and as an item: the row gets a capital.
    std::string row = what == "actor services" ? tr("Actor services") : what_label(what);
    html += "<tr><th scope=\"row\">" + escape_html(row) + "</th>";
    for (const auto& language : report.languages) {
      auto it = coverage.present.find(language);
      size_t present = it == coverage.present.end() ? 0 : it->second;
      html += "<td>" + std::to_string(present) + "/" + std::to_string(coverage.total) + "</td>";
    }
    html += "</tr>\n";
  }
  return html + "</tbody>\n</table>\n</div>\n";
}

std::string translations_html(const TranslationReport& report) {
  std::string html = "<p>" +
                     escape_html(format_message(tr("Source language: %1$s."),
                                                report.source_language)) +
                     "</p>\n" + coverage_table(report);
  html += "<h3>" + escape_html(tr("Missing translations")) + "</h3>\n";
  if (report.missing.empty()) html += none();
  if (!report.missing.empty()) html += "<ul class=\"sources\">\n";
  for (const auto& gap : report.missing) {
    html += source_item(format_location(gap.where),
                        escape_html(gap.language) + " · " + escape_html(what_label(gap.what)) +
                            " · " + escape_html(gap.item),
                        "");
  }
  if (!report.missing.empty()) html += "</ul>\n";
  html += "<h3>" + escape_html(tr("Translations older than their source")) + "</h3>\n";
  if (report.stale.empty()) return html + none();
  html += "<ul class=\"sources\">\n";
  for (const auto& stale : report.stale) {
    html += source_item(format_location(stale.where),
                        escape_html(stale.language) + " · " + escape_html(stale.key),
                        format_message(tr("Dated %1$s; its source %2$s is dated %3$s."),
                                       stale.date, stale.source_path, stale.source_date));
  }
  return html + "</ul>\n";
}

std::string summary_html(const DashboardData& data) {
  const auto& diagnostics = data.check.diagnostics;
  std::string html = "<p>" +
                     escape_html(format_message(tr("Checked at %1$s: %2$s."), data.checked_at,
                                                diagnostic_counts(diagnostics))) +
                     " " +
                     escape_html(tr("This page follows each rebuild; reloading it shows the "
                                    "latest check.")) +
                     " <a href=\"/\">" + escape_html(tr("Back to the site")) + "</a></p>\n";
  if (!data.check.rendered) {
    html += "<p>" +
            escape_html(tr("The site could not be rendered at all (site.toml, the vocabulary or "
                           "the theme is unusable), so its pages were not checked.")) +
            "</p>\n";
  }
  html += "<nav aria-label=\"" + escape_html(tr("Sections")) + "\"><ul>\n";
  const std::pair<const char*, const char*> sections[] = {
      {"problems", tr("Errors and warnings")},  {"drafts", tr("Drafts")},
      {"future", tr("Future pages")},           {"stale", tr("Records to review")},
      {"untranslated", tr("Not translated yet")}, {"translations", tr("Translations")},
  };
  for (const auto& [id, title] : sections) {
    bool listing = id != std::string("problems") && id != std::string("translations");
    if (listing && !data.listed) continue;  // not there: see dashboard_html
    html += std::string("<li><a href=\"#") + id + "\">" + escape_html(title) + "</a></li>\n";
  }
  return html + "</ul></nav>\n";
}

}  // namespace

std::string dashboard_html(const DashboardData& data, const SourceTree& tree) {
  const auto& diagnostics = data.check.diagnostics;
  std::string html = serve_page_start(tr("Dashboard: Passerelle"), kDashboardStyle);
  html += "<h1>" + escape_html(tr("What the checks say")) + "</h1>\n" + summary_html(data);
  html += heading("problems", tr("Errors and warnings"), diagnostics.items().size());
  if (diagnostics.items().empty()) html += none();
  if (!diagnostics.items().empty()) {
    html += "<ol class=\"problems\">\n" + diagnostic_items_html(diagnostics, tree) + "</ol>\n";
  }
  if (data.listed) {
    html += listing_html("drafts", tr("Drafts"), data.drafts);
    html += listing_html("future", tr("Future pages"), data.future);
    html += listing_html("stale", tr("Records to review"), data.stale);
    html += listing_html("untranslated", tr("Not translated yet"), data.untranslated);
  } else {
    html += "<p>" +
            escape_html(tr("Drafts, future pages, records to review and untranslated copies are "
                           "listed once site.toml and the vocabulary load.")) +
            "</p>\n";
  }
  html += std::string("<h2 id=\"translations\">") + escape_html(tr("Translations")) + "</h2>\n";
  html += data.check.translations ? translations_html(*data.check.translations)
                                  : "<p>" + escape_html(tr("The translation report needs a usable "
                                                           "site.toml.")) +
                                        "</p>\n";
  return html + serve_page_end();
}

std::string dashboard_pending_html() {
  return serve_page_start(tr("Dashboard: Passerelle")) + "<h1>" +
         escape_html(tr("What the checks say")) + "</h1>\n<p>" +
         escape_html(tr("The checks are running; this page reloads by itself when they are done.")) +
         "</p>\n" + serve_page_end();
}

}  // namespace passerelle
