// The PDFs of the print editions, made with WeasyPrint, published with the site that links
// them. WeasyPrint reads an edition and its stylesheet from disk, so the site is first
// published to a private folder, the PDFs are made there, then the site and the PDFs are
// published together. Nothing is published unless every PDF was made: a published site never
// links a PDF it lacks. The PDFs are tagged (PDF/UA-1), for screen readers.
#pragma once

#include <string>
#include <vector>

#include "model/print_edition.h"
#include "output/plan.h"

namespace passerelle {

struct PdfOptions {
  std::string weasyprint;     // the program's path (see find_program)
  int timeout_seconds = 300;  // for each PDF
};

struct MadePdf {
  std::string path;  // below the output folder
  size_t bytes = 0;
};

struct PdfPublication {
  bool ok = false;
  std::vector<MadePdf> made;  // in the order of the editions
  /// On failure, why: a temporary folder or publishing problem, or (weasyprint_failed) which
  /// PDF WeasyPrint could not make and why, with the last lines it wrote in program_output.
  std::string error;
  bool weasyprint_failed = false;
  std::string program_output;  // indented lines, each ending with a newline
};

/// Makes the PDF of each edition of `editions` from the site of `plan`, adds them to `plan`
/// and publishes it to `out_dir` (see publish; `source_dir` is protected).
PdfPublication publish_with_pdfs(OutputPlan& plan, const std::vector<PrintEditionFiles>& editions,
                                 const std::string& out_dir, const std::string& source_dir,
                                 const PdfOptions& options);

/// "SOURCE_DATE_EPOCH=…" for an edition dated YYYY-MM-DD (midnight UTC), so that the same
/// sources give the same PDF bytes.
std::string source_date_epoch(const std::string& iso_date);

}  // namespace passerelle
