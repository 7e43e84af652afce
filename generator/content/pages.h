// Loading Markdown sources: content/<lang>/**/*.md with their front matter, not yet rendered.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "config/config.h"
#include "base/diagnostics.h"
#include "base/filesystem.h"
#include "content/page_kinds.h"

namespace passerelle {


struct PageSource {
  std::string path;             // content/fr/guidelines/x.md
  std::string language;         // fr
  PageKind kind = PageKind::kPage;
  std::string title;
  std::string summary;
  std::string date;             // YYYY-MM-DD, empty for index files
  std::string updated;          // YYYY-MM-DD or empty
  int date_line = 0;            // where `date` and `updated` are written, for warnings
  int updated_line = 0;
  int64_t weight = 0;
  std::vector<std::string> tags;
  int tags_line = 0;            // where `tags` is written, for warnings
  // The terms of each taxonomy site.toml declares (config/taxonomies.h), by its key, and the
  // line each is written on.
  std::map<std::string, std::vector<std::string>> taxonomy_terms;
  std::map<std::string, int> taxonomy_lines;
  std::vector<std::string> aliases;  // former addresses that redirect here (model/redirects.h)
  int aliases_line = 0;
  bool draft = false;
  std::string slug;
  std::string translation_key;  // guidelines/x
  std::string relative_path;    // below content/<lang>/: guidelines/x.md
  std::string body;             // Markdown
  int body_line = 1;            // line of the body's first line in the file
};

/// Parses one source file; `language` and `relative` (path below content/<lang>/) locate it.
/// The keys of `taxonomies` are front-matter fields too.
std::optional<PageSource> parse_page(const std::string& text, const std::string& path,
                                     const std::string& language, const std::string& relative,
                                     Diagnostics& diagnostics,
                                     const std::vector<TaxonomyConfig>& taxonomies = {});

/// Reads and parses one Markdown file of `tree` (path under content/<lang>/). nullopt when
/// it has errors, is outside a configured language, or is a draft left out.
std::optional<PageSource> load_page_file(const SourceTree& tree, const std::string& path,
                                         const SiteConfig& config, bool include_drafts,
                                         Diagnostics& diagnostics);

/// Whether a build reads the file at `path` as a page: Markdown under content/.
bool is_page_file(const std::string& path);

/// The files a build reads as pages, sorted.
std::vector<std::string> page_files(const SourceTree& tree);

/// Reads every Markdown file of every configured language. Drafts are kept only when
/// `include_drafts`. Files under content/ outside a configured language are errors.
std::vector<PageSource> load_pages(const SourceTree& tree, const SiteConfig& config,
                                   bool include_drafts, Diagnostics& diagnostics);

/// The largest page or record accepted: far above any real one, low enough that a stray huge
/// file is reported instead of turned into a huge site.
constexpr size_t kMaxSourceBytes = 10'000'000;

/// Reads a file as UTF-8 text (BOM dropped, CRLF turned into LF), reporting a file too large
/// and what check_source_bytes finds: binary or UTF-16 data, invalid UTF-8, a carriage return
/// alone, a second byte-order mark, disallowed characters (see find_disallowed_character).
std::optional<std::string> read_text_file(const SourceTree& tree, const std::string& path,
                                          Diagnostics& diagnostics);

}  // namespace passerelle
