#include "print/pdf.h"

#include <stdlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "output/writer.h"
#include "base/process.h"

namespace fs = std::filesystem;

namespace passerelle {

namespace {

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
long long days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097LL + static_cast<long long>(doe) - 719468;
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

std::string why_not_made(const ProcessResult& run, int timeout) {
  if (!run.started) return run.error;
  if (run.timed_out) return "stopped after " + std::to_string(timeout) + " s; see --timeout";
  if (run.exit_code != 0) return "exit code " + std::to_string(run.exit_code);
  return "it wrote no file";
}

}  // namespace

std::string source_date_epoch(const std::string& iso_date) {
  int y = 1970;
  unsigned m = 1, d = 1;
  std::sscanf(iso_date.c_str(), "%d-%u-%u", &y, &m, &d);
  return "SOURCE_DATE_EPOCH=" + std::to_string(days_from_civil(y, m, d) * 86400);
}

PdfPublication publish_with_pdfs(OutputPlan& plan, const std::vector<PrintEditionFiles>& editions,
                                 const std::string& out_dir, const std::string& source_dir,
                                 const PdfOptions& options) {
  PdfPublication publication;
  TemporaryFolder work;
  if (work.path.empty()) {
    publication.error = "cannot create a temporary folder";
    return publication;
  }
  fs::path draft = work.path / "site";
  if (!publish(plan, draft.string(), source_dir, &publication.error)) return publication;
  for (size_t i = 0; i < editions.size(); ++i) {
    const auto& edition = editions[i];
    fs::path pdf = work.path / (std::to_string(i) + ".pdf");  // a language has several volumes
    // PDF/UA-1: WeasyPrint (57 and later) then tags the PDF with the structure of the HTML
    // (headings, paragraphs, lists, tables, links), which screen readers follow.
    auto run = run_program({options.weasyprint, "--pdf-variant", "pdf/ua-1",
                            (draft / edition.html_file).string(), pdf.string()},
                           {source_date_epoch(edition.date)}, options.timeout_seconds);
    std::optional<std::string> bytes;
    if (run.started && !run.timed_out && run.exit_code == 0) bytes = read_binary(pdf);
    if (!bytes || bytes->empty()) {
      publication.weasyprint_failed = true;
      publication.error = "WeasyPrint could not make " + edition.pdf_file + " from " +
                          edition.html_file + " (" + why_not_made(run, options.timeout_seconds) +
                          ")";
      publication.program_output = tail(run.output, 12);
      return publication;
    }
    publication.made.push_back({edition.pdf_file, bytes->size()});
    plan.push_back({edition.pdf_file, std::move(*bytes)});
  }
  publication.ok = publish(plan, out_dir, source_dir, &publication.error);
  return publication;
}

}  // namespace passerelle
