// `passerelle pdf`: builds the site with links to the PDFs of the print editions, then makes
// those PDFs and publishes both at once (print/pdf.h). WeasyPrint is needed here only: `build`
// never runs it.
#include <stdlib.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include <cxxopts.hpp>

#include "cli/commands.h"
#include "cli/console.h"
#include "print/pdf.h"
#include "base/process.h"
#include "pipeline/project.h"

namespace fs = std::filesystem;

namespace passerelle::cli {

namespace {

constexpr const char* kInstallHint =
    "  WeasyPrint turns the print editions of the guidelines into PDF. Install it with\n"
    "      sudo apt-get install weasyprint      (Debian, Ubuntu)\n"
    "  or pass its path with --weasyprint. 'passerelle build' does not need it.\n";

cxxopts::Options pdf_options() {
  cxxopts::Options options("passerelle pdf",
                           "Builds the site and makes a PDF of each print edition of the guidelines "
                           "with WeasyPrint; the site then links them.");
  options.add_options()
      ("source", "the site's folder (with site.toml)", cxxopts::value<std::string>()->default_value("."))
      ("out", "output folder (default: public/ in the source)", cxxopts::value<std::string>())
      ("base-url", "absolute URL the site is published at (overrides site.toml)", cxxopts::value<std::string>())
      ("drafts", "include pages marked draft = true")
      ("weasyprint", "the WeasyPrint program (default: weasyprint on the PATH)", cxxopts::value<std::string>())
      ("timeout", "seconds allowed for each PDF", cxxopts::value<int>()->default_value("300"))
      ("h,help", "show this help");
  return options;
}

}  // namespace

int run_pdf(int argc, char** argv) {
  auto options = pdf_options();
  cxxopts::ParseResult args;
  if (auto stop = parse_arguments(options, argc, argv, "pdf", args, nullptr)) return *stop;
  int timeout = args["timeout"].as<int>();
  if (timeout <= 0) {
    std::cerr << "passerelle pdf: --timeout must be a positive number of seconds\n";
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
    std::cerr << "passerelle pdf: error: WeasyPrint was not found ('" << wanted << "' is not "
              << (wanted.find('/') == std::string::npos ? "on the PATH" : "an executable file")
              << "); nothing was written, " << out << " is unchanged\n" << kInstallHint;
    return kExitErrors;
  }

  BuildOptions build;
  build.include_drafts = args.count("drafts") > 0;
  build.pdf_links = true;
  if (args.count("base-url")) build.base_url = args["base-url"].as<std::string>();
  DiskSourceTree tree(source);
  DiskSourceTree bundled(bundled_themes_folder());
  Diagnostics diagnostics;
  Project project(tree, bundled, build);
  project.build(diagnostics);
  auto& result = project.result();
  print_diagnostics(tree, diagnostics);
  if (!result) {
    std::cerr << "passerelle: " << diagnostics.error_count() << " error(s); nothing was written, "
              << out << " is unchanged\n";
    return kExitErrors;
  }

  PdfOptions pdf;
  pdf.weasyprint = weasyprint;
  pdf.timeout_seconds = timeout;
  auto publication = publish_with_pdfs(result->plan, result->print_editions, out, source, pdf);
  if (!publication.ok) {
    if (publication.weasyprint_failed) {
      std::cerr << "passerelle pdf: error: " << publication.error << "\n"
                << publication.program_output << "passerelle: nothing was written, " << out
                << " is unchanged\n";
    } else {
      std::cerr << "passerelle: error: " << publication.error << "\n";
    }
    return kExitErrors;
  }
  auto elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started);
  std::printf("Built %zu pages and %zu PDF(s), %d warning(s) in %.1f s\n", result->html_pages,
              publication.made.size(), diagnostics.warning_count(), elapsed.count());
  for (const auto& made : publication.made) {
    std::printf("  %s (%zu KB)\n", made.path.c_str(), (made.bytes + 1023) / 1024);
  }
  std::printf("Open %s/index.html\n", fs::weakly_canonical(fs::absolute(out)).c_str());
  return kExitOk;
}

}  // namespace passerelle::cli
