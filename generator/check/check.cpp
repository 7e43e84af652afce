#include "check/check.h"
#include "check/untranslated.h"

#include <algorithm>
#include <map>
#include <set>

#include "check/rendered_links.h"
#include "pipeline/project.h"
#include "base/text.h"
#include "messages/messages.h"

namespace passerelle {

namespace {

/// Source file → each link its text passes through as written → where it writes it, as the
/// model recorded them when the Markdown was rendered.
LinkPlaces link_places_of(const Site& site) {
  LinkPlaces places;
  auto add = [&](const std::string& source, const std::vector<LinkPlace>& links) {
    auto& of_source = places[source];
    for (const auto& link : links) of_source.emplace(link.href, link.location);
  };
  for (const auto& page : site.pages) add(page.source_path, page.link_places);
  for (const auto& actor : site.actors) {
    for (const auto& [language, text] : actor.descriptions) {
      if (text.translated) add(actor.record.path, text.link_places);
    }
  }
  return places;
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
      std::string message =
          format_message(tr("external link %1$s %2$s"), links[i].url, results[i].detail);
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
  build.picture_cache = options.picture_cache;
  build.search_cache = options.search_cache;
  build.cancelled = options.cancelled;
  build.previous_urls = options.previous_urls;
  build.warn_vanished_urls = true;
  build.on_stage = options.on_stage;
  Project project(tree, bundled_themes, build);
  // Every check in one run: what loaded is built and checked even when some files failed.
  project.load(report.diagnostics);
  project.render_past_errors(report.diagnostics);
  if (options.cancelled && options.cancelled->load()) return report;  // whoever asked goes on
  const auto& result = project.result();
  const LoadedSources& loaded = project.sources();
  if (options.on_stage) options.on_stage("translations");
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
                                    link_places_of(result->site), report.diagnostics);
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
