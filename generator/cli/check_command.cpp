// `passerelle check`: every check of the build without writing anything, plus the links of the
// rendered pages, the translation report and the external links; for editors and for CI.
#include <algorithm>
#include <cstdio>
#include <cxxopts.hpp>
#include <iostream>

#include "check/check.h"
#include "check/report_json.h"
#include "cli/command_table.h"
#include "cli/commands.h"
#include "cli/console.h"
#include "messages/messages.h"

namespace passerelle::cli {

namespace {

std::string pad(const std::string& text, size_t width) {
  // Width in code points, so that accented names line up.
  size_t length = 0;
  for (unsigned char c : text) length += (c & 0xC0) != 0x80;
  return text + std::string(width > length ? width - length : 1, ' ');
}

void print_translations(const TranslationReport& report) {
  std::printf("%s\n",
              format_message(tr("Translations (source language: %1$s)"), report.source_language)
                  .c_str());
  // Wide enough for the longest row name in French and Italian ("etichette del vocabolario").
  std::string header = pad("", 27);
  for (const auto& language : report.languages) header += pad(language, 12);
  std::printf("  %s\n", header.c_str());
  for (const auto& [what, coverage] : report.coverage) {
    std::string row = pad(tr(what.c_str()), 27);
    for (const auto& language : report.languages) {
      auto it = coverage.present.find(language);
      size_t present = it == coverage.present.end() ? 0 : it->second;
      row += pad(std::to_string(present) + "/" + std::to_string(coverage.total), 12);
    }
    std::printf("  %s\n", row.c_str());
  }
  if (report.missing.empty() && report.stale.empty()) {
    std::printf("  %s\n", tr("Every language has everything, and no translation is older than "
                            "its source."));
    return;
  }
  if (!report.missing.empty()) {
    std::printf("  %s\n", tr("Missing:"));
    for (const auto& gap : report.missing) {
      std::printf("    %s %s %s %s\n", pad(gap.language, 5).c_str(),
                  pad(tr(gap.what.c_str()), 26).c_str(),
                  pad(gap.item, 30).c_str(), format_location(gap.where).c_str());
    }
  }
  if (!report.stale.empty()) {
    std::printf("  %s\n", tr("Older than their source:"));
    for (const auto& stale : report.stale) {
      std::printf("    %s %s %s (%s) — %s (%s)\n", pad(stale.language, 5).c_str(),
                  pad(stale.key, 24).c_str(), format_location(stale.where).c_str(), stale.date.c_str(),
                  stale.source_path.c_str(), stale.source_date.c_str());
    }
  }
}

void print_external(const std::vector<ExternalLink>& links, bool fetched) {
  if (links.empty()) {
    std::printf("%s\n", tr("External links: none"));
    return;
  }
  std::printf("%s\n",
              (fetched ? format_message(tr("External links (%1$zu)"), links.size())
                       : format_message(tr("External links (%1$zu; not fetched: --external asks "
                                           "each site if they still answer)"),
                                        links.size()))
                  .c_str());
  size_t width = 0;
  for (const auto& link : links) width = std::max(width, link.url.size());
  width = std::min<size_t>(width, 60);
  for (const auto& link : links) {
    std::string status;
    if (link.fetched) {
      switch (link.fetched->status) {
        case LinkStatus::kOk:
          status = "ok     ";
          break;
        case LinkStatus::kBroken:
          status = "BROKEN ";
          break;
        case LinkStatus::kUnsure:
          status = "unsure ";
          break;
      }
    }
    std::string places;
    for (const auto& where : link.places)
      places += (places.empty() ? "" : ", ") + format_location(where);
    std::printf("  %s%s %s\n", status.c_str(), pad(link.url, width).c_str(), places.c_str());
  }
}

}  // namespace

int check_command(const cxxopts::ParseResult& args, ConsoleStyle& style) {
  std::string format = args["format"].as<std::string>();
  double timeout = args["timeout"].as<double>();
  double interval = args["host-interval"].as<double>();
  if (format != "text" && format != "json") {
    std::cerr << "passerelle check: "
              << format_message(tr("--format must be text or json (not '%1$s')"), format) << "\n";
    return kExitUsage;
  }
  if (!(timeout > 0 && timeout <= 600) || !(interval >= 0 && interval <= 600)) {
    std::cerr << "passerelle check: "
              << tr("--timeout must be over 0 and --host-interval at least 0 (seconds, at most "
                    "600)")
              << "\n";
    return kExitUsage;
  }
  bool json = format == "json";
  bool strict = args.count("strict") > 0;
  std::string source = args["source"].as<std::string>();
  if (!has_site_config(source)) return kExitErrors;
  if (json) style.terminal = false;
  Progress progress(style, json ? stderr : stdout);
  CheckOptions check;
  check.include_drafts = args.count("drafts") > 0;
  check.include_future = args.count("future") > 0;
  check.today = today();
  check.picture_cache = picture_cache_folder(source);
  check.search_cache = search_cache_folder(source);
  check.previous_urls =
      previous_urls(args.count("out") ? args["out"].as<std::string>() : source + "/public");
  check.fetch_external = args.count("external") > 0;
  check.fetch.timeout = std::chrono::milliseconds(static_cast<long>(timeout * 1000));
  check.fetch.host_interval = std::chrono::milliseconds(static_cast<long>(interval * 1000));
  check.on_stage = [&](std::string_view stage) { progress.stage(stage); };
  check.on_fetch_progress = [&](size_t done, size_t total) {
    progress.stage("external links " + std::to_string(done) + "/" + std::to_string(total));
  };

  DiskSourceTree tree(source);
  DiskSourceTree bundled(bundled_themes_folder());
  CheckReport report = run_check(tree, bundled, check);
  progress.finish();
  const auto& diagnostics = report.diagnostics;
  ConsoleStyle shown = style;
  shown.quiet = style.quiet && !strict;  // with --strict, warnings fail the run: show them
  print_diagnostics(tree, diagnostics, shown);
  int errors = diagnostics.error_count();
  int warnings = diagnostics.warning_count();
  bool failed = errors > 0 || (strict && warnings > 0);
  if (json) {
    std::fputs(check_report_json(report, strict).c_str(), stdout);
    return failed ? kExitErrors : kExitOk;
  }
  if (!style.quiet) {
    if (report.translations) {
      std::printf("\n");
      print_translations(*report.translations);
    }
    if (report.rendered) {
      std::printf("\n");
      print_external(report.external_links, check.fetch_external);
    } else {
      std::printf("\n%s\n",
                  tr("The site did not build, so its pages and external links were not checked."));
    }
    std::string what =
        report.rendered
            ? format_message(tr("Checked %1$zu pages, %2$zu internal links and %3$zu actors"),
                             report.pages, report.internal_links, report.actors)
            : std::string(tr("Checked the sources"));
    std::string counts =
        strict && warnings > 0
            ? format_message(tr("%1$d error(s), %2$d warning(s) (errors with --strict)"), errors,
                             warnings)
            : format_message(tr("%1$d error(s), %2$d warning(s)"), errors, warnings);
    std::printf("\n%s\n", format_message(tr("%1$s: %2$s in %3$.0f ms"), what, counts,
                                          progress.elapsed_ms())
                              .c_str());
  } else if (failed) {
    std::fprintf(stderr, "passerelle check: %s\n",
                 format_message(tr("%1$d error(s), %2$d warning(s)"), errors, warnings).c_str());
  }
  return failed ? kExitErrors : kExitOk;
}

}  // namespace passerelle::cli
