// The search page of each language, whose results the client (static/js/search.js) fills in
// from the index (an output of its own, search/files.h).
#include "model/urls.h"
#include "theme/templates.h"
#include "render/views.h"

namespace passerelle {

void render_search_page(const RenderContext& context, const LanguageConfig& language,
                        RenderedPages& out, Diagnostics& diagnostics) {
  const auto& strings = context.theme.strings.at(language.code);
  Translations translations;
  for (const auto& other : context.site.config.languages) translations[other.code] = search_path(other);
  std::string path = search_path(language);
  PageLinks links = context.site.config.page_links;
  PageFrame frame{&language, path, strings.get("search_title"), strings.get("search_intro"),
                  translations, "search", {{strings.get("home"), home_path(language)}}};
  frame.search_client = true;
  frame.preload_search_manifest = true;
  View view = frame_view(context, frame);
  view.set("facet_groups", directory_facet_groups(context, language, path))
      .set("directory_href", page_url(path, directory_path(language), links))
      .set("guidelines_href", page_url(path, guidelines_path(language), links))
      .set("many_languages", context.site.config.languages.size() > 1);
  // Not in the sitemap: a search page without a query has nothing to index.
  out.add_unlisted(frame, context.theme.templates.render("search", view, diagnostics, context.worker));
}

}  // namespace passerelle
