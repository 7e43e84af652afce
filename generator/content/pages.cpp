#include "content/pages.h"

#include <cstdio>

#include "content/front_matter.h"
#include "content/load_all.h"
#include "content/page_schema.h"
#include "base/source_check.h"
#include "base/text.h"
#include "messages/messages.h"
#include "base/toml_fields.h"

namespace passerelle {

std::optional<std::string> read_text_file(const SourceTree& tree, const std::string& path,
                                          Diagnostics& diagnostics) {
  auto bytes = tree.read(path);
  if (!bytes) {
    diagnostics.error({path, 0, 0}, tr("cannot read file"));
    return std::nullopt;
  }
  if (bytes->size() > kMaxSourceBytes) {
    diagnostics.error({path, 0, 0},
                      format_message(tr("this file is too large to be a page or a record (%1$.1f "
                                        "MB; the limit is %2$zu MB): split it"),
                                     static_cast<double>(bytes->size()) / 1e6,
                                     kMaxSourceBytes / 1000000));
    return std::nullopt;
  }
  if (auto problem = check_source_bytes(*bytes, path)) {
    diagnostics.add(std::move(*problem));
    return std::nullopt;
  }
  return normalize_source(*bytes);
}

namespace {

// Said of a draft page whose fields have problems: they are warnings while it is a draft.
constexpr PluralMessage kDraftPageNotice =
    N_plural("this page is a draft with %1$d problem, a warning while it is a draft: it is left "
             "out until it is fixed",
             "this page is a draft with %1$d problems, warnings while it is a draft: it is left "
             "out until they are fixed");

}  // namespace

std::optional<PageSource> parse_page(const std::string& text, const std::string& path,
                                     const std::string& language, const std::string& relative,
                                     Diagnostics& diagnostics,
                                     const std::vector<TaxonomyConfig>& taxonomies) {
  int errors_before = diagnostics.error_count();
  auto split = split_front_matter(text, path, diagnostics);
  if (!split) return std::nullopt;
  int offset = split->front_matter_line - 1;
  auto table = parse_toml(split->front_matter, path, diagnostics, offset);
  if (!table) return std::nullopt;

  PageSource page;
  page.path = path;
  page.language = language;
  page.kind = page_kind_of(relative);
  bool is_index = is_index_kind(page.kind);
  if (is_misplaced_index(relative)) {
    diagnostics.error({path, 0, 0},
                      tr("_index.md is only used in content/<lang>/ and content/<lang>/guidelines/"));
  }
  Diagnostics found;  // the fields' problems: warnings in a draft
  TomlReader reader(*table, path, found, "", offset);
  read_page_fields(reader, relative, is_index, taxonomies, page);
  // As for an actor draft (directory.cpp): left out, with warnings, until it is complete.
  if (append_field_problems(diagnostics, found, page.draft, reader.location("draft"),
                            kDraftPageNotice)) {
    return std::nullopt;
  }
  page.relative_path = relative;
  page.body = std::move(split->body);
  page.body_line = split->body_line;
  if (diagnostics.error_count() > errors_before) return std::nullopt;
  return page;
}

std::optional<PageSource> load_page_file(const SourceTree& tree, const std::string& path,
                                         const SiteConfig& config, bool include_drafts,
                                         Diagnostics& diagnostics) {
  std::string rest = path.substr(std::string("content/").size());
  size_t slash = rest.find('/');
  std::string language = slash == std::string::npos ? "" : rest.substr(0, slash);
  if (!config.language(language)) {
    diagnostics.error({path, 0, 0}, tr("content must be in a folder named after a language of "
                                       "site.toml (content/<lang>/…)"));
    return std::nullopt;
  }
  auto text = read_text_file(tree, path, diagnostics);
  if (!text) return std::nullopt;
  auto page = parse_page(*text, path, language, rest.substr(slash + 1), diagnostics, config.taxonomies);
  if (!page || (page->draft && !include_drafts)) return std::nullopt;
  return page;
}

bool is_page_file(const std::string& path) { return is_source_in(path, "content/", ".md"); }

std::vector<std::string> page_files(const SourceTree& tree) {
  return sources_in(tree, "content/", ".md");
}

std::vector<PageSource> load_pages(const SourceTree& tree, const SiteConfig& config,
                                   bool include_drafts, Diagnostics& diagnostics) {
  return load_all<PageSource>(page_files(tree), [&](const std::string& path, Diagnostics& found) {
    return load_page_file(tree, path, config, include_drafts, found);
  }, diagnostics);
}

}  // namespace passerelle
