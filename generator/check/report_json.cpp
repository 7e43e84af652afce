// nlohmann::json writes every JSON document: here, exports/actors_json.cpp and cli/report.cpp.
#include "check/report_json.h"

#include <nlohmann/json.hpp>

namespace passerelle {

namespace {

using nlohmann::ordered_json;

ordered_json place(const SourceLocation& location) {
  return {{"path", location.path}, {"line", location.line}, {"column", location.column}};
}

const char* status_name(LinkStatus status) {
  switch (status) {
    case LinkStatus::kOk:
      return "ok";
    case LinkStatus::kBroken:
      return "broken";
    case LinkStatus::kUnsure:
      return "unsure";
  }
  return "unsure";
}

ordered_json translations_json(const TranslationReport& report) {
  ordered_json coverage = ordered_json::object();
  for (const auto& [what, counts] : report.coverage) {
    ordered_json present = ordered_json::object();
    for (const auto& language : report.languages) {
      auto it = counts.present.find(language);
      present[language] = it == counts.present.end() ? 0 : it->second;
    }
    coverage[what] = {{"total", counts.total}, {"present", present}};
  }
  ordered_json missing = ordered_json::array();
  for (const auto& gap : report.missing) {
    missing.push_back({{"what", gap.what},
                       {"item", gap.item},
                       {"language", gap.language},
                       {"where", place(gap.where)}});
  }
  ordered_json stale = ordered_json::array();
  for (const auto& s : report.stale) {
    stale.push_back({{"key", s.key},
                     {"language", s.language},
                     {"where", place(s.where)},
                     {"date", s.date},
                     {"source", s.source_path},
                     {"source_date", s.source_date}});
  }
  return {{"source_language", report.source_language},
          {"languages", report.languages},
          {"coverage", coverage},
          {"missing", missing},
          {"stale", stale}};
}

}  // namespace

std::string check_report_json(const CheckReport& report, bool strict) {
  const auto& diagnostics = report.diagnostics;
  ordered_json items = ordered_json::array();
  for (const auto& d : diagnostics.sorted()) {
    bool error = d.severity == Severity::kError || strict;
    ordered_json item = place(d.location);
    item["severity"] = error ? "error" : "warning";
    item["message"] = d.message;
    items.push_back(std::move(item));
  }
  int errors = diagnostics.error_count() + (strict ? diagnostics.warning_count() : 0);
  ordered_json external = ordered_json::array();
  for (const auto& link : report.external_links) {
    ordered_json places = ordered_json::array();
    for (const auto& where : link.places) places.push_back(place(where));
    ordered_json entry = {{"url", link.url}, {"places", places}};
    if (link.fetched) {
      entry["status"] = status_name(link.fetched->status);
      entry["http_status"] = link.fetched->http_status;
      entry["detail"] = link.fetched->detail;
    } else {
      entry["status"] = "not fetched";
    }
    external.push_back(std::move(entry));
  }
  ordered_json document = {
      {"ok", errors == 0},
      {"errors", errors},
      {"warnings", strict ? 0 : diagnostics.warning_count()},
      {"rendered", report.rendered},
      {"pages", report.pages},
      {"actors", report.actors},
      {"internal_links", report.internal_links},
      {"diagnostics", items},
      {"translations", report.translations ? translations_json(*report.translations) : nullptr},
      {"external_links", external},
  };
  return document.dump(2) + "\n";
}

}  // namespace passerelle
