// `passerelle build`: the whole pipeline, then the one-line summary.
#include <cstdio>
#include <filesystem>
#include <iostream>

#include <cxxopts.hpp>

#include "cli/commands.h"
#include "cli/console.h"
#include "pipeline/project.h"
#include "base/text.h"

namespace fs = std::filesystem;

namespace passerelle::cli {

namespace {

cxxopts::Options build_options() {
  cxxopts::Options options("passerelle build", "Builds the site into a folder of static files.");
  options.add_options()
      ("source", "the site's folder (with site.toml)", cxxopts::value<std::string>()->default_value("."))
      ("out", "output folder (default: public/ in the source)", cxxopts::value<std::string>())
      ("base-url", "absolute URL the site is published at (overrides site.toml)", cxxopts::value<std::string>())
      ("drafts", "include pages marked draft = true")
      ("json", "print the summary as one JSON object (diagnostics included) instead of a line")
      ("h,help", "show this help");
  add_console_options(options);
  return options;
}

double kb(size_t bytes) { return static_cast<double>(bytes) / 1024; }

/// The size report: what the search index weighs and the heaviest page.
void print_sizes(const search::SizeReport& sizes) {
  std::string index, query;
  size_t worst = 0;
  for (const auto& language : sizes.languages) {
    char part[96];
    std::snprintf(part, sizeof part, "%s%s %.1f KB in %zu files", index.empty() ? "" : ", ",
                  language.language.c_str(), kb(language.index_bytes), language.files);
    index += part;
    if (language.query_bytes >= worst) {
      worst = language.query_bytes;
      query = language.language;
    }
  }
  if (!sizes.languages.empty()) {
    std::printf("Search index: %s; one query fetches at most %.1f KB (%s); search.js %.1f KB\n", index.c_str(),
                kb(worst), query.c_str(), kb(sizes.client_bytes));
  }
  std::printf("Heaviest page: %s, %.1f KB\n", sizes.heaviest_page.c_str(), kb(sizes.heaviest_page_bytes));
}

}  // namespace

int run_build(int argc, char** argv) {
  auto options = build_options();
  cxxopts::ParseResult args;
  ConsoleStyle style;
  if (auto stop = parse_arguments(options, argc, argv, "build", args, &style)) return *stop;
  bool json = args.count("json") > 0;
  if (json) style.terminal = false;  // stdout is for the JSON object alone
  int exit_code = kExitOk;
  auto folders = site_folders(args, "build", exit_code);
  if (!folders) return exit_code;
  const std::string& source = folders->source;
  const std::string& out = folders->out;
  Progress progress(style, json ? stderr : stdout);
  BuildOptions build;
  build.include_drafts = args.count("drafts") > 0;
  if (args.count("base-url")) build.base_url = args["base-url"].as<std::string>();
  build.on_stage = [&](std::string_view stage) { progress.stage(stage); };

  DiskSourceTree tree(source);
  DiskSourceTree bundled(bundled_themes_folder());
  Diagnostics diagnostics;
  Project project(tree, bundled, build);
  project.build(diagnostics);
  const auto& result = project.result();
  std::string write_error;
  if (result) {
    progress.stage("write");
    if (!project.publish(out, source, &write_error)) {
      diagnostics.error({}, write_error);
    }
  }
  progress.finish();
  print_diagnostics(tree, diagnostics, style);
  std::string output_folder = fs::weakly_canonical(fs::absolute(out)).string();
  if (json) {
    std::printf("%s\n", build_summary_json(result ? &*result : nullptr, diagnostics,
                                           progress.elapsed_ms(), output_folder).c_str());
  }
  if (!result) {
    std::cerr << "passerelle: " << diagnostics.error_count() << " error(s); nothing was written, "
              << out << " is unchanged\n";
    return kExitErrors;
  }
  if (!write_error.empty()) return kExitErrors;
  if (!json && !style.quiet) {
    std::printf("Built %s, %d warning(s) in %.0f ms\n", build_counts(*result).c_str(),
                diagnostics.warning_count(), progress.elapsed_ms());
    print_sizes(result->sizes);
    std::printf("Open %s/index.html\n", output_folder.c_str());
  }
  return kExitOk;
}

}  // namespace passerelle::cli
