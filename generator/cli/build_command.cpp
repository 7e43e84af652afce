// `passerelle build`: the whole pipeline, then the one-line summary.
#include <cstdio>
#include <filesystem>
#include <future>
#include <iostream>

#include <cxxopts.hpp>

#include "cli/command_table.h"
#include "cli/commands.h"
#include "cli/console.h"
#include "messages/messages.h"
#include "output/writer.h"
#include "pipeline/project.h"
#include "base/text.h"

namespace fs = std::filesystem;

namespace passerelle::cli {

namespace {

double kb(size_t bytes) { return static_cast<double>(bytes) / 1024; }

/// The size report: what the search index weighs and the heaviest page.
void print_sizes(const search::SizeReport& sizes) {
  std::string index, query;
  size_t worst = 0;
  for (const auto& language : sizes.languages) {
    index += (index.empty() ? "" : ", ") +
             format_message(tr("%1$s %2$.1f KB in %3$zu files"), language.language,
                            kb(language.index_bytes), language.files);
    if (language.query_bytes >= worst) {
      worst = language.query_bytes;
      query = language.language;
    }
  }
  if (!sizes.languages.empty()) {
    std::puts(format_message(tr("Search index: %1$s; one query fetches at most %2$.1f KB (%3$s); "
                                "search.js %4$.1f KB"),
                             index, kb(worst), query, kb(sizes.client_bytes)).c_str());
  }
  std::puts(format_message(tr("Heaviest page: %1$s, %2$.1f KB"), sizes.heaviest_page,
                           kb(sizes.heaviest_page_bytes)).c_str());
}

}  // namespace

int build_command(const cxxopts::ParseResult& args, ConsoleStyle& style) {
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
  build.include_future = args.count("future") > 0;
  build.offline = args.count("offline") > 0;
  build.today = today();
  build.picture_cache = picture_cache_folder(source);
  build.search_cache = search_cache_folder(source);
  build.markdown_cache = markdown_cache_file(source);
  // The last build's addresses (megabytes of JSON at large) are read while the staging folder
  // is claimed and the output's manifests read.
  auto urls = std::async(std::launch::async, [&out] { return previous_urls(out); });
  bool strict = args.count("strict") > 0;
  if (args.count("base-url")) build.base_url = args["base-url"].as<std::string>();
  build.on_stage = [&](std::string_view stage) { progress.stage(stage); };

  // Files are written into the staging folder as they are rendered (peak memory follows the
  // model, not the site). A folder that may not be written to is reported after the build, by
  // publish(), as before.
  StagedOutput staging;
  std::string ignored;
  if (staging.open(out, source, &ignored)) build.staging = &staging;
  build.previous_urls = urls.get();

  DiskSourceTree tree(source);
  DiskSourceTree bundled(bundled_themes_folder());
  Diagnostics diagnostics;
  Project project(tree, bundled, build);
  bool built = project.build_once(diagnostics);
  if (built && strict && diagnostics.warning_count() > 0) {
    int warnings = diagnostics.warning_count();
    diagnostics.error({}, format_message(trn("--strict: %1$d warning counts as an error",
                                             "--strict: %1$d warnings count as errors",
                                             static_cast<unsigned long>(warnings)),
                                         warnings));
    project.result().reset();
  }
  const auto& result = project.result();
  std::string write_error;
  if (result) {
    progress.stage("write");
    if (!project.publish(out, source, &write_error)) {
      diagnostics.error({}, write_error);
    }
  }
  progress.finish();
  ConsoleStyle shown = style;
  shown.quiet = style.quiet && !strict;  // with --strict, warnings fail the run: show them
  print_diagnostics(tree, diagnostics, shown);
  std::string output_folder = fs::weakly_canonical(fs::absolute(out)).string();
  if (json) {
    std::printf("%s\n", build_summary_json(result ? &*result : nullptr, diagnostics,
                                           progress.elapsed_ms(), output_folder).c_str());
  }
  if (!result) {
    print_nothing_written(diagnostics.error_count(), out);
    return kExitErrors;
  }
  if (!write_error.empty()) return kExitErrors;
  if (!json && !style.quiet) {
    std::puts(format_message(tr("Built %1$s, %2$d warning(s) in %3$.0f ms"), build_counts(*result),
                             diagnostics.warning_count(), progress.elapsed_ms()).c_str());
    print_sizes(result->sizes);
    std::puts(format_message(tr("Open %1$s/index.html"), output_folder).c_str());
  }
  return kExitOk;
}

}  // namespace passerelle::cli
