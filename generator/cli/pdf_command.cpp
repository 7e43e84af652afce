// `passerelle pdf`: builds the site with links to the PDFs of the print editions, makes those
// PDFs with WeasyPrint, and publishes both at once. WeasyPrint is needed here only: `build`
// never runs it. Nothing is published unless every PDF was made, so a published site never
// links a PDF it lacks.
#include <stdlib.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include <cxxopts.hpp>

#include "build.h"
#include "cli/commands.h"
#include "cli/console.h"
#include "output/writer.h"
#include "process.h"

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

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
long long days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097LL + static_cast<long long>(doe) - 719468;
}

/// SOURCE_DATE_EPOCH for an edition dated YYYY-MM-DD: WeasyPrint's font subsets then carry the
/// edition's date instead of the clock's, and the same sources give the same PDF bytes.
std::string source_date_epoch(const std::string& iso_date) {
  int y = 1970;
  unsigned m = 1, d = 1;
  std::sscanf(iso_date.c_str(), "%d-%u-%u", &y, &m, &d);
  return "SOURCE_DATE_EPOCH=" + std::to_string(days_from_civil(y, m, d) * 86400);
}

std::optional<std::string> read_binary(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

/// The last lines of a program's output, indented, to show why it failed.
std::string tail(const std::string& output, size_t count) {
  std::vector<std::string> lines;
  std::istringstream in(output);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::string shown;
  for (size_t i = lines.size() > count ? lines.size() - count : 0; i < lines.size(); ++i) {
    shown += "    " + lines[i] + "\n";
  }
  return shown;
}

/// A private folder for the intermediate site and the PDFs, removed when done.
struct TemporaryFolder {
  fs::path path;
  TemporaryFolder() {
    std::string pattern = (fs::temp_directory_path() / "passerelle-pdf-XXXXXX").string();
    if (mkdtemp(pattern.data())) path = pattern;
  }
  ~TemporaryFolder() {
    std::error_code ec;
    if (!path.empty()) fs::remove_all(path, ec);
  }
};

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
  auto result = build_site(tree, bundled, build, diagnostics);
  print_diagnostics(tree, diagnostics);
  if (!result) {
    std::cerr << "passerelle: " << diagnostics.error_count() << " error(s); nothing was written, "
              << out << " is unchanged\n";
    return kExitErrors;
  }

  // WeasyPrint reads the edition and its stylesheet from disk: publish the site to a private
  // folder first, make the PDFs there, then publish the site with the PDFs.
  TemporaryFolder work;
  std::string error;
  if (work.path.empty()) {
    std::cerr << "passerelle: error: cannot create a temporary folder\n";
    return kExitErrors;
  }
  fs::path draft = work.path / "site";
  if (!publish(result->plan, draft.string(), source, &error)) {
    std::cerr << "passerelle: error: " << error << "\n";
    return kExitErrors;
  }
  std::vector<std::pair<std::string, size_t>> made;
  for (const auto& edition : result->print_editions) {
    fs::path pdf = work.path / (edition.language + ".pdf");
    auto run = run_program({weasyprint, (draft / edition.html_file).string(), pdf.string()},
                           {source_date_epoch(edition.date)}, timeout);
    std::optional<std::string> bytes;
    if (run.started && !run.timed_out && run.exit_code == 0) bytes = read_binary(pdf);
    if (!bytes || bytes->empty()) {
      std::cerr << "passerelle pdf: error: WeasyPrint could not make " << edition.pdf_file
                << " from " << edition.html_file << " ("
                << (!run.started ? run.error
                    : run.timed_out ? "stopped after " + std::to_string(timeout) + " s; see --timeout"
                    : run.exit_code != 0 ? "exit code " + std::to_string(run.exit_code)
                                         : "it wrote no file")
                << ")\n" << tail(run.output, 12)
                << "passerelle: nothing was written, " << out << " is unchanged\n";
      return kExitErrors;
    }
    made.emplace_back(edition.pdf_file, bytes->size());
    result->plan.push_back({edition.pdf_file, std::move(*bytes)});
  }
  if (!publish(result->plan, out, source, &error)) {
    std::cerr << "passerelle: error: " << error << "\n";
    return kExitErrors;
  }
  auto elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started);
  std::printf("Built %zu pages and %zu PDF(s), %d warning(s) in %.1f s\n", result->html_pages,
              made.size(), diagnostics.warning_count(), elapsed.count());
  for (const auto& [path, size] : made) {
    std::printf("  %s (%zu KB)\n", path.c_str(), (size + 1023) / 1024);
  }
  std::printf("Open %s/index.html\n", fs::weakly_canonical(fs::absolute(out)).c_str());
  return kExitOk;
}

}  // namespace passerelle::cli
