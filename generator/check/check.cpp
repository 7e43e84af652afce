#include "check/check.h"
#include "check/untranslated.h"

#include <algorithm>
#include <map>
#include <set>

#include "check/rendered_links.h"
#include "model/urls.h"
#include "pipeline/project.h"
#include "base/text.h"

namespace passerelle {

namespace {

/// When the build stops at the load stage, its link checks never run. Assembling what did load
/// (files that failed stand in as empty placeholders, so links to them still resolve) finds
/// those problems in the same run.
void check_links_past_errors(const SourceTree& tree, const LoadedSources& loaded,
                             Diagnostics& diagnostics) {
  const SiteConfig& config = *loaded.config;
  std::vector<PageSource> pages = loaded.pages;
  std::set<std::string> loaded_pages, failed;
  for (const auto& page : pages) loaded_pages.insert(page.path);
  for (const auto& d : diagnostics.items()) {
    if (d.severity == Severity::kError) failed.insert(d.location.path);
  }
  bool placeholders = false;
  for (const auto& path : tree.list_files("content")) {
    if (!ends_with(path, ".md") || loaded_pages.count(path) || !failed.count(path)) continue;
    std::string rest = path.substr(8);
    size_t slash = rest.find('/');
    if (slash == std::string::npos || !config.language(rest.substr(0, slash))) continue;
    Diagnostics ignored;
    auto stand_in = parse_page("+++\ntitle = \"-\"\nsummary = \"-\"\ndate = 2000-01-01\n+++\n",
                               path, rest.substr(0, slash), rest.substr(slash + 1), ignored);
    if (stand_in) {
      pages.push_back(std::move(*stand_in));
      placeholders = true;
    }
  }
  Directory directory = loaded.directory ? *loaded.directory : Directory{};
  std::set<std::string> ids;
  for (const auto& actor : directory.actors) ids.insert(actor.id);
  for (const auto& path : tree.list_files("directory-data/actors")) {
    if (!ends_with(path, ".toml")) continue;
    std::string id = path.substr(22, path.size() - 22 - 5);
    if (ids.count(id) || !is_valid_id(id)) continue;
    ActorRecord stand_in;
    stand_in.id = id;
    stand_in.path = path;
    stand_in.name = id;
    directory.actors.push_back(std::move(stand_in));
  }
  std::sort(directory.actors.begin(), directory.actors.end(),
            [](const ActorRecord& a, const ActorRecord& b) { return a.id < b.id; });
  Diagnostics assembled;
  assemble_site(config, std::move(pages), std::move(directory), assembled);
  std::set<std::string> known;
  for (const auto& d : diagnostics.items()) known.insert(format_diagnostic(d));
  for (const auto& d : assembled.items()) {
    // A stand-in has no headings and no real slug: what it says about itself, or about the
    // #fragments of links to it, would be noise.
    if (failed.count(d.location.path)) continue;
    if (placeholders && starts_with(d.message, "no heading with id")) continue;
    if (known.insert(format_diagnostic(d)).second) diagnostics.add(d);
  }
}

/// Output file → the source it was built from, for messages about rendered pages.
std::map<std::string, std::string> origins_of(const Site& site) {
  std::map<std::string, std::string> origins;
  for (const auto& page : site.pages) origins[output_file_of(page.path)] = page.source_path;
  for (const auto& actor : site.actors) {
    for (const auto& language : site.config.languages) {
      origins[output_file_of(actor_path(language, actor.record.id))] = actor.record.path;
    }
  }
  return origins;
}

SourceLocation place_in(const SourceTree& tree, const std::string& path, const std::string& url) {
  auto text = tree.read(path);
  if (!text) return {path, 0, 0};
  std::string normalized = normalize_source(*text);
  size_t at = normalized.find(url);
  if (at == std::string::npos) return {path, 0, 0};
  return location_of_offset(path, normalized, at);
}

std::vector<ExternalLink> external_links_of(const SourceTree& tree, const Site& site) {
  std::map<std::string, std::vector<SourceLocation>> places;
  auto add = [&](const std::string& path, const std::string& url) {
    auto& list = places[url];
    auto place = place_in(tree, path, url);
    for (const auto& known : list) {
      if (known.path == place.path && known.line == place.line && known.column == place.column)
        return;
    }
    list.push_back(place);
  };
  for (const auto& page : site.pages) {
    for (const auto& url : external_links_in(page.html, site.config.base_url))
      add(page.source_path, url);
  }
  for (const auto& actor : site.actors) {
    if (!actor.record.website.empty()) add(actor.record.path, actor.record.website);
    for (const auto& [language, text] : actor.descriptions) {
      if (!text.translated) continue;  // a borrowed text is counted in its own language
      for (const auto& url : external_links_in(text.html, site.config.base_url)) {
        add(actor.record.path, url);
      }
    }
  }
  std::vector<ExternalLink> links;
  for (auto& [url, where] : places) links.push_back({url, std::move(where), std::nullopt});
  return links;
}

void fetch_external(std::vector<ExternalLink>& links, const CheckOptions& options,
                    Diagnostics& diagnostics) {
  std::vector<std::string> urls;
  for (const auto& link : links) urls.push_back(link.url);
  auto results = fetch_links(urls, options.fetch, options.on_fetch_progress);
  for (size_t i = 0; i < links.size(); ++i) {
    links[i].fetched = results[i];
    if (results[i].status == LinkStatus::kOk) continue;
    for (const auto& place : links[i].places) {
      std::string message = "external link " + links[i].url + " " + results[i].detail;
      if (results[i].status == LinkStatus::kBroken) {
        diagnostics.error(place, message);
      } else {
        diagnostics.warning(place, message);
      }
    }
  }
}

}  // namespace

CheckReport run_check(const SourceTree& tree, const SourceTree& bundled_themes,
                      const CheckOptions& options) {
  CheckReport report;
  BuildOptions build;
  build.include_drafts = options.include_drafts;
  build.include_future = options.include_future;
  build.today = options.today;
  build.on_stage = options.on_stage;
  Project project(tree, bundled_themes, build);
  project.build(report.diagnostics);
  const auto& result = project.result();
  const LoadedSources& loaded = project.sources();
  if (options.on_stage) options.on_stage("translations");
  if (!result && loaded.config) {
    check_links_past_errors(tree, loaded, report.diagnostics);
  }
  if (loaded.config) {
    report.translations = translation_report(tree, bundled_themes, *loaded.config, loaded.pages,
                                             loaded.directory ? &*loaded.directory : nullptr);
    add_translation_warnings(*report.translations, *loaded.config, report.diagnostics);
    auto copies = untranslated_copies(
        *loaded.config, loaded.pages,
        loaded.directory ? loaded.directory->actors : std::vector<ActorRecord>{});
    discount_untranslated(copies, *report.translations);
    add_untranslated_warnings(copies, report.diagnostics);
  }
  if (!result) return report;
  report.rendered = true;
  report.actors = result->actors;
  if (options.on_stage) options.on_stage("links");
  auto stats = check_rendered_links(result->plan, result->site.config.base_url,
                                    origins_of(result->site), report.diagnostics);
  report.pages = stats.pages;
  report.internal_links = stats.internal_links;
  report.external_links = external_links_of(tree, result->site);
  if (options.fetch_external && !report.external_links.empty()) {
    if (options.on_stage) options.on_stage("external links");
    fetch_external(report.external_links, options, report.diagnostics);
  }
  return report;
}

}  // namespace passerelle
