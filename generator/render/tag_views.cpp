// The guidelines' tags: an index of a language's tags, and a page per tag listing its pages.
#include "model/urls.h"
#include "theme/templates.h"
#include "render/views.h"

namespace passerelle {

namespace {

/// "Mot-clé : formation", from the theme's pattern; the label alone when the theme has none.
std::string tag_title(const UiStrings& strings, const std::string& label) {
  auto pattern = strings.text.find("tag_title");
  if (pattern == strings.text.end()) return label;
  std::string title = pattern->second;
  if (size_t at = title.find("{tag}"); at != std::string::npos) title.replace(at, 5, label);
  return title;
}

/// The tag's page in every language whose term is the same vocabulary term.
Translations tag_translations(const Site& site, const LanguageConfig& language, const TagTerm& term) {
  Translations translations{{language.code, tag_path(language, term.slug)}};
  for (const auto& other : site.config.languages) {
    if (const TagTerm* same = site.tags.find_translation(other.code, term.vocabulary_key)) {
      translations[other.code] = tag_path(other, same->slug);
    }
  }
  return translations;
}

void render_tag(const RenderContext& context, const LanguageConfig& language, const TagTerm& term,
                RenderedPages& out, Diagnostics& diagnostics) {
  const auto& site = context.site;
  const auto& strings = context.theme.strings.at(language.code);
  PageFrame frame{&language, tag_path(language, term.slug), tag_title(strings, term.label), "",
                  tag_translations(site, language, term), "guidelines",
                  {{strings.get("home"), home_path(language)}, {strings.get("tags"), tags_path(language)}}};
  View view = frame_view(context, frame);
  View pages = View::list();
  for (size_t index : term.pages) pages.push(guideline_summary(site.pages[index], strings, frame.path,
                                                               site.config.page_links));
  view.set("label", term.label).set("pages", std::move(pages))
      .set("count", strings.count("tagged_pages", static_cast<long>(term.pages.size())))
      .set("tags_href", page_url(frame.path, tags_path(language), site.config.page_links));
  out.add(frame, context.theme.templates.render("tag", view, diagnostics, context.worker));
}

void render_tags_index(const RenderContext& context, const LanguageConfig& language,
                       const LanguageTags& terms, RenderedPages& out, Diagnostics& diagnostics) {
  const auto& site = context.site;
  const auto& strings = context.theme.strings.at(language.code);
  Translations translations;
  for (const auto& other : site.config.languages) {
    if (site.tags.by_language.count(other.code)) translations[other.code] = tags_path(other);
  }
  PageFrame frame{&language, tags_path(language), strings.get("tags"), "", translations,
                  "guidelines", {{strings.get("home"), home_path(language)}}};
  View view = frame_view(context, frame);
  View list = View::list();
  for (const auto& term : terms) {
    list.push(View().set("label", term.label)
                  .set("href", page_url(frame.path, tag_path(language, term.slug), site.config.page_links))
                  .set("count", strings.count("tagged_pages", static_cast<long>(term.pages.size()))));
  }
  view.set("tags", std::move(list));
  out.add(frame, context.theme.templates.render("tags", view, diagnostics, context.worker));
}

}  // namespace

void render_tag_pages(const RenderContext& context, const LanguageConfig& language,
                      RenderedPages& out, Diagnostics& diagnostics) {
  auto terms = context.site.tags.by_language.find(language.code);
  if (terms == context.site.tags.by_language.end() || terms->second.empty()) return;
  render_tags_index(context, language, terms->second, out, diagnostics);
  for (const auto& term : terms->second) render_tag(context, language, term, out, diagnostics);
}

}  // namespace passerelle
