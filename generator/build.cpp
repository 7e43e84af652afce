#include "build.h"

#include "config.h"
#include "content/directory.h"
#include "content/pages.h"
#include "render/theme.h"
#include "render/views.h"
#include "text.h"

namespace passerelle {

std::optional<Site> load_site(const SourceTree& tree, const BuildOptions& options,
                              Diagnostics& diagnostics) {
  if (options.on_stage) options.on_stage("load");
  auto config_text = read_text_file(tree, "site.toml", diagnostics);
  if (!config_text) return std::nullopt;
  auto config = parse_site_config(*config_text, "site.toml", diagnostics);
  if (!config) return std::nullopt;
  if (!options.base_url.empty()) {
    config->base_url = with_trailing_slash(options.base_url);
    if (!is_http_url(config->base_url)) {
      diagnostics.error({}, "--base-url must be an absolute http(s) URL");
      return std::nullopt;
    }
  }
  config->print.pdf_links = options.pdf_links;
  // Pages and records are independent: load both so every error of the run is reported.
  auto pages = load_pages(tree, *config, options.include_drafts, diagnostics);
  auto directory = load_directory(tree, *config, diagnostics);
  if (diagnostics.has_errors() || !directory) return std::nullopt;
  return assemble_site(std::move(*config), std::move(pages), std::move(*directory), diagnostics);
}

std::optional<BuildResult> build_site(const SourceTree& tree, const SourceTree& bundled_themes,
                                      const BuildOptions& options, Diagnostics& diagnostics) {
  auto site = load_site(tree, options, diagnostics);
  std::optional<Theme> theme;
  if (site) theme = load_theme(tree, bundled_themes, site->config, diagnostics);
  if (!site || !theme || diagnostics.has_errors()) return std::nullopt;
  if (options.on_stage) options.on_stage("render");
  BuildResult result;
  result.plan = render_site(*site, *theme, diagnostics);
  if (diagnostics.has_errors()) return std::nullopt;
  for (const auto& file : result.plan) {
    if (!ends_with(file.path, ".html")) continue;
    ++result.html_pages;
    result.pages_per_language[file.path.substr(0, file.path.find('/'))]++;
  }
  result.actors = site->actors.size();
  result.print_editions = print_editions(*site);
  result.site = std::move(*site);
  return result;
}

}  // namespace passerelle
