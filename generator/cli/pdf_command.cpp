// `passerelle pdf`: builds the site with links to the PDFs of the print editions, then makes
// those PDFs and publishes both at once (print/pdf.h). WeasyPrint is needed here only: `build`
// never runs it.
#include <stdlib.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include <cxxopts.hpp>

#include "cli/command_table.h"
#include "cli/commands.h"
#include "cli/console.h"
#include "messages/messages.h"
#include "print/pdf.h"
#include "base/process.h"
#include "pipeline/project.h"

namespace fs = std::filesystem;

namespace passerelle::cli {

namespace {

const char* install_hint() {
  return tr("  WeasyPrint turns the print editions of the guidelines into PDF. Install it with\n"
            "      sudo apt-get install weasyprint      (Debian, Ubuntu)\n"
            "  or pass its path with --weasyprint. 'passerelle build' does not need it.\n");
}

}  // namespace

int pdf_command(const cxxopts::ParseResult& args, ConsoleStyle&) {
  int timeout = args["timeout"].as<int>();
  if (timeout <= 0) {
    std::cerr << "passerelle pdf: " << tr("--timeout must be a positive number of seconds") << "\n";
    return kExitUsage;
  }
  auto started = std::chrono::steady_clock::now();
  int exit_code = kExitOk;
  auto folders = site_folders(args, "pdf", exit_code);
  if (!folders) return exit_code;
  const std::string& source = folders->source;
  const std::string& out = folders->out;
  const char* path_variable = std::getenv("PATH");
  std::string wanted = args.count("weasyprint") ? args["weasyprint"].as<std::string>() : "weasyprint";
  std::string weasyprint = find_program(wanted, path_variable ? path_variable : "");
  if (weasyprint.empty()) {
    const char* problem = wanted.find('/') == std::string::npos
                              ? tr("WeasyPrint was not found ('%1$s' is not on the PATH); "
                                   "nothing was written, %2$s is unchanged")
                              : tr("WeasyPrint was not found ('%1$s' is not an executable file); "
                                   "nothing was written, %2$s is unchanged");
    std::cerr << "passerelle pdf: error: " << format_message(problem, wanted, out) << "\n"
              << install_hint();
    return kExitErrors;
  }

  BuildOptions build;
  build.include_drafts = args.count("drafts") > 0;
  build.today = today();
  build.pdf_links = true;
  build.picture_cache = picture_cache_folder(source);
  build.search_cache = search_cache_folder(source);
  build.markdown_cache = markdown_cache_file(source);
  if (args.count("base-url")) build.base_url = args["base-url"].as<std::string>();
  DiskSourceTree tree(source);
  DiskSourceTree bundled(bundled_themes_folder());
  Diagnostics diagnostics;
  Project project(tree, bundled, build);
  project.build_once(diagnostics);
  auto& result = project.result();
  print_diagnostics(tree, diagnostics);
  if (!result) {
    print_nothing_written(diagnostics.error_count(), out);
    return kExitErrors;
  }

  PdfOptions pdf;
  pdf.weasyprint = weasyprint;
  pdf.timeout_seconds = timeout;
  auto publication = publish_with_pdfs(result->plan, result->print_editions, out, source, pdf);
  if (!publication.ok) {
    if (publication.weasyprint_failed) {
      std::cerr << "passerelle pdf: error: " << publication.error << "\n"
                << publication.program_output;
      print_nothing_written(0, out);
    } else {
      std::cerr << "passerelle: error: " << publication.error << "\n";
    }
    return kExitErrors;
  }
  auto elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started);
  std::puts(format_message(tr("Built %1$zu pages and %2$zu PDF(s), %3$d warning(s) in %4$.1f s"),
                           result->html_pages, publication.made.size(),
                           diagnostics.warning_count(), elapsed.count()).c_str());
  for (const auto& made : publication.made) {
    std::printf("  %s (%zu KB)\n", made.path.c_str(), (made.bytes + 1023) / 1024);
  }
  std::puts(format_message(tr("Open %1$s/index.html"), fs::weakly_canonical(fs::absolute(out)).string())
                .c_str());
  return kExitOk;
}

}  // namespace passerelle::cli
