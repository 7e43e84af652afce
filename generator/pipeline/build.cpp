#include "pipeline/build.h"

#include <cstdio>
#include <set>

#include "config/config.h"
#include "content/directory.h"
#include "content/freshness.h"
#include "content/pages.h"
#include "exports/exports.h"
#include "feeds/atom.h"
#include "feeds/sitemap.h"
#include "media/media_files.h"
#include "pipeline/incremental.h"
#include "pipeline/source_cache.h"
#include "theme/theme.h"
#include "render/views.h"
#include "search/files.h"
#include "base/key_hash.h"
#include "base/text.h"
#include "messages/messages.h"

namespace passerelle {

std::optional<SiteConfig> load_config(const SourceTree& tree, const BuildOptions& options,
                                      Diagnostics& diagnostics) {
  auto config_text = read_text_file(tree, "site.toml", diagnostics);
  if (!config_text) return std::nullopt;
  auto config = parse_site_config(*config_text, "site.toml", diagnostics);
  if (!config) return std::nullopt;
  if (!options.base_url.empty()) {
    config->base_url = with_trailing_slash(options.base_url);
    if (!is_http_url(config->base_url)) {
      diagnostics.error({}, tr("--base-url must be an absolute http(s) URL"));
      return std::nullopt;
    }
  }
  config->print.pdf_links = options.pdf_links;
  if (options.offline) config->page_links = PageLinks::kIndexFile;
  return config;
}

LoadedSources read_sources(const SourceTree& tree, const BuildOptions& options,
                           Diagnostics& diagnostics) {
  if (options.on_stage) options.on_stage("load");
  SourceCache cache(options);
  cache.load_all(tree);
  diagnostics.append(cache.diagnostics());
  return cache.loaded();
}

std::optional<SiteSources> load_sources(const SourceTree& tree, const BuildOptions& options,
                                        Diagnostics& diagnostics) {
  auto loaded = read_sources(tree, options, diagnostics);
  if (diagnostics.has_errors() || !loaded.config || !loaded.directory) return std::nullopt;
  return SiteSources{std::move(*loaded.config), std::move(loaded.pages),
                     std::move(*loaded.directory), std::move(loaded.media)};
}

std::optional<Site> load_site(const SourceTree& tree, const BuildOptions& options,
                              Diagnostics& diagnostics) {
  auto sources = load_sources(tree, options, diagnostics);
  if (!sources) return std::nullopt;
  return assemble_site(std::move(sources->config), std::move(sources->pages),
                       std::move(sources->directory), std::move(sources->media), diagnostics);
}

namespace {

std::string kilobytes(size_t bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f KB", static_cast<double>(bytes) / 1024);
  return text;
}

/// Every size over a budget of site.toml is an error, so that CI catches a bloated index or
/// page; over a default budget, a warning.
void check_budgets(const Budgets& budgets, const search::SizeReport& sizes, Diagnostics& diagnostics) {
  // `message`: translated, with %1$s the subject (a language, a page), %2$s the size in
  // bytes, %3$s in KB and %4$s the budget.
  auto check = [&](const Budget& budget, size_t actual, const char* message, const std::string& subject) {
    if (budget.bytes > 0 && actual > static_cast<size_t>(budget.bytes)) {
      std::string text = format_message(message, subject, std::to_string(actual),
                                        kilobytes(actual), std::to_string(budget.bytes));
      // A default budget (none set in site.toml: no location) warns; a site's own fails.
      if (budget.location.path.empty()) diagnostics.warning(budget.location, text);
      else diagnostics.error(budget.location, text);
    }
  };
  for (const auto& language : sizes.languages) {
    check(budgets.search_index_bytes, language.index_bytes,
          tr("the search index of '%1$s' is %2$s bytes (%3$s), over the budget of %4$s "
             "(search_index_bytes)"),
          language.language);
    check(budgets.search_query_bytes, language.query_bytes,
          tr("the most a query fetches from the search index of '%1$s' is %2$s bytes (%3$s), "
             "over the budget of %4$s (search_query_bytes)"),
          language.language);
  }
  check(budgets.page_bytes, sizes.heaviest_page_bytes,
        tr("the page %1$s is %2$s bytes (%3$s), over the budget of %4$s (page_bytes)"),
        sizes.heaviest_page);
  check(budgets.picture_bytes, sizes.heaviest_picture_bytes,
        tr("the picture %1$s is %2$s bytes (%3$s), over the budget of %4$s (picture_bytes)"),
        sizes.heaviest_picture);
  check(budgets.download_bytes, sizes.heaviest_download_bytes,
        tr("the download %1$s is %2$s bytes (%3$s), over the budget of %4$s (download_bytes)"),
        sizes.heaviest_download);
}

/// Two outputs that plan the same file (a download named index.html beside its page): the
/// writer would keep one of them without a word.
void check_unique_paths(const std::vector<FileSummary>& files, Diagnostics& diagnostics) {
  auto origin = [](const FileSummary& file) {
    return file.sources.empty() ? std::string(tr("the theme")) : file.sources.front();
  };
  for (size_t i = 1; i < files.size(); ++i) {
    if (files[i].path != files[i - 1].path) continue;
    const FileSummary& named = files[i].sources.empty() ? files[i - 1] : files[i];
    diagnostics.error({named.sources.empty() ? "" : named.sources.front(), 0, 0},
                      format_message(tr("two files of the site would be written to %1$s, from "
                                        "%2$s and from %3$s: rename one of them"),
                                     files[i].path, origin(files[i - 1]), origin(files[i])));
  }
}

/// Hands `sink` each of `files` (summaries of the last build's): true when every one was
/// kept, else `taken` holds those that were (a file changed by hand is not), and the others
/// are to be rendered.
bool keep_summaries(OutputSink& sink, const std::vector<FileSummary>& files, std::set<std::string>& taken) {
  for (const auto& file : files) {
    if (!sink.keep(file)) return false;
    taken.insert(file.path);
  }
  return true;
}

/// The files of the group `folder` of the last build, when `kept` has it unchanged.
bool keep_group(OutputSink& sink, const KeptOutputs* kept, const std::string& folder,
                std::set<std::string>& taken) {
  const auto* files = kept ? kept->group(folder) : nullptr;
  return files && keep_summaries(sink, *files, taken);
}

/// The files at `paths` as the last build made them from the same context, when `kept` has
/// them all.
bool keep_context_files(OutputSink& sink, const KeptOutputs* kept, const std::vector<std::string>& paths,
                        std::set<std::string>& taken) {
  if (!kept) return false;
  std::vector<FileSummary> files;
  for (const auto& path : paths) {
    const FileSummary* file = kept->find(path, "");
    if (!file) return false;
    files.push_back(*file);
  }
  return keep_summaries(sink, files, taken);
}

/// `plan` without the files at `paths`.
OutputPlan without(OutputPlan plan, const std::set<std::string>& paths) {
  if (!paths.empty()) {
    std::erase_if(plan, [&](const OutputFile& file) { return paths.count(file.path) > 0; });
  }
  return plan;
}

/// The search index of `language`; with a `cache_folder`, each document the last build
/// counted is taken from its file there, and each document whose files the last build made
/// the same has them kept (handed to `sink`, unless in `taken` already): both files are
/// written again when a document changed.
OutputPlan language_index(const Site& site, const LanguageConfig& language,
                          const std::string& separator, const std::string& cache_folder,
                          OutputSink& sink, const std::set<std::string>& taken) {
  if (cache_folder.empty()) return search::language_search_files(site, language, {}, separator);
  search::CountCaching caching;
  caching.stamp = program_stamp();
  std::string path = cache_folder + "/" + language.code;
  caching.previous = search::CountCache::read(path, caching.stamp);
  caching.save = [&path](std::string next) { write_cache_file(path, next); };
  caching.append = [&path](std::string entries) { append_cache_file(path, entries); };
  search::FileReuse reuse;
  reuse.stamp = caching.stamp;
  std::string files_path = path + ".files";
  reuse.previous = search::FileMemo::read(files_path, reuse.stamp);
  reuse.keep = [&](const FileSummary& file) { return taken.count(file.path) > 0 || sink.keep(file); };
  reuse.save = [&files_path](std::string next) { write_cache_file(files_path, next); };
  return search::language_search_files(site, language, {}, separator, &caching, &reuse);
}

/// Every output of the site, handed to `sink` as it is made, and what the pages output
/// counted. One output after the other, each on every core (docs/performance.md: side by side
/// they were slower and took a fifth more memory): the search index first, its working data
/// freed before the pages are rendered; the sitemap lists the pages. What a build streams to
/// its staging folder is made in smaller pieces, to keep its peak memory low.
RenderedSite render_outputs(const Site& site, const Theme& theme, const BuildOptions& options,
                            OutputSink& sink, Diagnostics& diagnostics, const KeptOutputs* kept) {
  // A language's index whose pages and actors did not change is kept as the last build made
  // it (output/manifest.h): the index is what such a build would otherwise spend most on.
  // The others are built one language at a time (each on every core), each written before
  // the next is built: every language's working data at once was a large build's peak memory
  // (docs/performance.md).
  for (const auto& language : site.config.languages) {
    if (options.cancelled && options.cancelled->load()) break;
    std::set<std::string> taken;
    if (keep_group(sink, kept, std::string(search::kIndexFolder) + language.code + "/", taken)) {
      continue;
    }
    auto strings = theme.strings.find(language.code);
    std::string separator = strings == theme.strings.end() ? ", " : strings->second.get("list_separator");
    sink.put(without(language_index(site, language, separator, options.search_cache, sink, taken), taken));
  }
  if (std::set<std::string> taken; !keep_group(sink, kept, kExportsGroup, taken)) {
    sink.put(without(exports::export_files(site), taken));
  }
  sink.put(media::media_files(site));
  auto pages = render_site(site, theme, sink, diagnostics, options.cancelled, kept);
  sink.put(feeds::feed_files(site, theme, diagnostics));
  // The sitemap lists the pages' addresses, which the context alone decides (front matter,
  // the actors' fields, site.toml): kept with it.
  if (std::set<std::string> taken; !keep_context_files(sink, kept, feeds::kSitemapFiles, taken)) {
    sink.put(without(feeds::sitemap_files(site, theme, pages.listed, diagnostics), taken));
  }
  sink.put(redirect_files(site, theme, diagnostics));
  return pages;
}

}  // namespace

std::string build_counts(const BuildResult& result) {
  std::string per_language;
  for (const auto& [language, count] : result.pages_per_language) {
    per_language += (per_language.empty() ? "" : ", ") + language + " " + std::to_string(count);
  }
  return format_message(tr("%1$zu pages (%2$s), %3$zu actors"), result.html_pages, per_language,
                        result.actors);
}

std::optional<BuildResult> build_site(const SourceTree& tree, const SourceTree& bundled_themes,
                                      const BuildOptions& options, Diagnostics& diagnostics) {
  auto sources = load_sources(tree, options, diagnostics);
  if (!sources) return std::nullopt;
  return build_from_sources(std::move(*sources), tree, bundled_themes, options, diagnostics);
}

std::optional<BuildResult> build_from_sources(SiteSources sources, const SourceTree& tree,
                                              const SourceTree& bundled_themes,
                                              const BuildOptions& options,
                                              Diagnostics& diagnostics) {
  auto cancelled = [&] { return options.cancelled && options.cancelled->load(); };
  auto failed = [&] { return !options.past_errors && diagnostics.has_errors(); };
  // Not past errors: what such a build renders is never published, nor recalled.
  std::optional<BuildKeys> keys;
  if (!options.past_errors) keys = build_keys(sources, tree, bundled_themes, options);
  check_freshness(sources.pages, sources.directory.actors, options.today,
                  static_cast<int>(sources.config.review_months), diagnostics);
  if (!options.include_future) {
    std::erase_if(sources.pages, [&](const PageSource& page) { return is_future(page, options.today); });
  }
  if (options.on_stage) options.on_stage("assemble");
  // The renders of the last build's Markdown, let go of once the model is assembled. Not past
  // errors: such a build may render texts with stand-ins for their links.
  std::unique_ptr<MarkdownMemo> stored_renders;
  MarkdownMemo* memo = options.markdown_memo;
  if (!memo && !options.markdown_cache.empty() && !options.past_errors) {
    stored_renders = MarkdownMemo::open_file(options.markdown_cache, program_stamp());
    memo = stored_renders.get();
  }
  std::optional<Site> site;
  if (options.past_errors) {
    site = assemble_site_past_errors(std::move(sources.config), std::move(sources.pages),
                                     std::move(sources.directory), std::move(sources.media),
                                     diagnostics);
  } else {
    site = assemble_site(std::move(sources.config), std::move(sources.pages),
                         std::move(sources.directory), std::move(sources.media), diagnostics,
                         memo);
  }
  if (stored_renders && site) stored_renders->save();
  stored_renders.reset();
  if (site) {
    auto addresses = resolve_redirects(*site, options.previous_urls ? *options.previous_urls : PublishedUrls{},
                                       options.warn_vanished_urls, diagnostics);
    site->redirects = std::move(addresses.redirects);
    site->published = std::move(addresses.published);
  }
  std::shared_ptr<Theme> theme;
  if (site) {
    if (auto loaded = load_theme(tree, bundled_themes, site->config, diagnostics)) {
      theme = std::make_shared<Theme>(std::move(*loaded));
    }
  }
  if (!site || !theme || failed() || cancelled()) return std::nullopt;
  if (options.on_stage) options.on_stage("render");
  BuildResult result;
  OutputSink sink(options.staging, options.previous_file);
  const OutputManifest* previous =
      options.staging ? options.staging->current_manifest() : options.previous_manifest;
  std::optional<KeptOutputs> kept;
  if (keys && previous) kept.emplace(*previous, keys->context, keys->units, keys->groups);
  auto rendered = render_outputs(*site, *theme, options, sink, diagnostics, kept ? &*kept : nullptr);
  result.plan = sink.take_plan();
  result.files = sink.take_summaries();
  result.kept_files = sink.kept();
  if (keys) {
    result.manifest = {keys->context, keys->units, keys->groups,
                       unit_files(result.files, keys->units, keys->groups)};
    if (options.staging) options.staging->set_manifest(result.manifest);
  }
  if (auto error = sink.write_error(); !error.empty()) diagnostics.error({}, error);
  check_unique_paths(result.files, diagnostics);
  if (failed() || cancelled()) return std::nullopt;
  result.html_pages = rendered.pages.total;
  result.pages_per_language = std::move(rendered.pages.per_language);
  result.actors = site->actors.size();
  result.sizes = search::measure(result.files, site->config);
  check_budgets(site->config.budgets, result.sizes, diagnostics);
  if (failed()) return std::nullopt;
  result.print_editions = print_editions(*site);
  result.site = std::move(*site);
  result.theme = std::move(theme);
  return result;
}

}  // namespace passerelle
