// Fuzz target: one Markdown source file as the build reads it from disk — binary and UTF-8
// checks, BOM and CRLF normalisation, front matter splitting, TOML parsing and page fields.
#include <cstddef>
#include <cstdint>
#include <string>

#include "content/front_matter.h"
#include "content/pages.h"
#include "base/filesystem.h"
#include "fuzz_support.h"
#include "base/text.h"

using namespace passerelle;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const SiteConfig& config = fuzz::site_config();
  std::string bytes(reinterpret_cast<const char*>(data), size);
  MemorySourceTree tree({{"content/fr/guidelines/fuzz.md", bytes}});
  Diagnostics diagnostics;
  auto pages = load_pages(tree, config, /*include_drafts=*/true, diagnostics);
  // An incomplete draft is left out with warnings only, so "no error" alone does not mean loaded.
  fuzz::require(pages.size() <= 1u, "one file gives at most one page");
  fuzz::require(!(diagnostics.has_errors() && !pages.empty()),
                "a page with an error is not loaded");
  fuzz::require(!pages.empty() || diagnostics.has_errors() || diagnostics.warning_count() > 0,
                "a page left out is always explained by an error or a warning");
  fuzz::require_locations_inside(diagnostics, bytes);
  for (const auto& page : pages) {
    fuzz::require(is_valid_id(page.slug), "a loaded page has a valid slug");
    fuzz::require(page.date.size() == 10 && page.date[4] == '-' && page.date[7] == '-',
                  "a loaded guideline has a YYYY-MM-DD date");
    fuzz::require(!page.title.empty(), "a loaded page has a title");
    fuzz::require(!find_invalid_utf8(page.body), "the body is valid UTF-8");
    fuzz::require(page.body.find('\r') == std::string::npos, "the body has LF line endings");
  }
  // The splitter alone, on text that skipped normalisation (it must not rely on it for safety).
  Diagnostics split_diagnostics;
  if (auto split = split_front_matter(bytes, "fuzz.md", split_diagnostics)) {
    fuzz::require(split->front_matter.size() + split->body.size() <= bytes.size(),
                  "front matter and body are parts of the text");
  }
  return 0;
}
