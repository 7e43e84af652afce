// The taxonomies (the guidelines' tags, and those site.toml declares): an index of a
// language's terms, and a page per term listing its pages.
#include "model/urls.h"
#include "theme/templates.h"
#include "render/views.h"

namespace passerelle {

namespace {

/// A term page's title: "Mot-clé : formation" from the theme's pattern for a tag; the label
/// alone for a declared taxonomy (its title is in the breadcrumbs) or a theme without one.
std::string term_title(const UiStrings& strings, const std::string& key, const std::string& label) {
  auto pattern = strings.text.find("tag_title");
  if (key != "tags" || pattern == strings.text.end()) return label;
  std::string title = pattern->second;
  if (size_t at = title.find("{tag}"); at != std::string::npos) title.replace(at, 5, label);
  return title;
}

/// What every page of one taxonomy in one language shares.
struct TaxonomyPages {
  const RenderContext& context;
  const LanguageConfig& language;
  const std::string& key;
  const SiteTags& terms;
  const UiStrings& strings;

  std::string index_path() const { return taxonomy_path(context.site.config, language, key); }
  std::string term_path(const LanguageConfig& in, const std::string& slug) const {
    return taxonomy_term_path(context.site.config, in, key, slug);
  }
  std::string title() const { return taxonomy_title(context, language, key); }
  PageLinks links() const { return context.site.config.page_links; }
};

/// The term's page in every language whose term is the same vocabulary term.
Translations term_translations(const TaxonomyPages& taxonomy, const TagTerm& term) {
  Translations translations{{taxonomy.language.code, taxonomy.term_path(taxonomy.language, term.slug)}};
  for (const auto& other : taxonomy.context.site.config.languages) {
    if (const TagTerm* same = taxonomy.terms.find_translation(other.code, term.vocabulary_key)) {
      translations[other.code] = taxonomy.term_path(other, same->slug);
    }
  }
  return translations;
}

/// A term's page, split in pages of site.toml's listing size.
void render_term(const TaxonomyPages& taxonomy, const TagTerm& term, RenderedPages& out,
                 Diagnostics& diagnostics) {
  const auto& [context, language, key, terms, strings] = taxonomy;
  std::string title = term_title(strings, key, term.label);
  Translations translations = term_translations(taxonomy, term);
  size_t page_size = static_cast<size_t>(context.site.config.listing_page_size);
  for (const auto& listing : listing_pages(taxonomy.term_path(language, term.slug), term.pages.size(),
                                           page_size)) {
    // Page 2 and after have no counterpart in other languages (their terms list other pages).
    Translations here = translations;
    if (listing.number > 1) here = {{language.code, listing.path()}};
    PageFrame frame{&language, listing.path(), listing_page_title(strings, title, listing), "", here,
                    "guidelines",
                    {{strings.get("home"), home_path(language)}, {taxonomy.title(), taxonomy.index_path()}}};
    if (listing.number > 1) frame.breadcrumbs.emplace_back(title, listing.listing_path);
    View view = frame_view(context, frame);
    View pages = View::list();
    for (size_t i = listing.first(); i < listing.last(term.pages.size()); ++i) {
      pages.push(guideline_summary(context.site.pages[term.pages[i]], strings, frame.path, taxonomy.links())
                     .set("number", listing_number(i)));
    }
    view.set("label", term.label).set("pages", std::move(pages))
        .set("count", strings.count("tagged_pages", static_cast<long>(term.pages.size())))
        .set("tags_href", page_url(frame.path, taxonomy.index_path(), taxonomy.links()))
        .set("index_link", key == "tags" ? strings.get("all_tags") : taxonomy.title())
        .set("pagination", pagination_view(strings, listing, taxonomy.links()));
    out.add(frame, context.theme.templates.render("tag", view, diagnostics, context.worker));
  }
}

void render_index(const TaxonomyPages& taxonomy, const LanguageTags& language_terms,
                  RenderedPages& out, Diagnostics& diagnostics) {
  const auto& [context, language, key, terms, strings] = taxonomy;
  Translations translations;
  for (const auto& other : context.site.config.languages) {
    if (terms.by_language.count(other.code)) {
      translations[other.code] = taxonomy_path(context.site.config, other, key);
    }
  }
  PageFrame frame{&language, taxonomy.index_path(), taxonomy.title(), "", translations,
                  "guidelines", {{strings.get("home"), home_path(language)}}};
  View view = frame_view(context, frame);
  View list = View::list();
  for (const auto& term : language_terms) {
    list.push(View().set("label", term.label)
                  .set("href", page_url(frame.path, taxonomy.term_path(language, term.slug), taxonomy.links()))
                  .set("count", strings.count("tagged_pages", static_cast<long>(term.pages.size()))));
  }
  view.set("tags", std::move(list));
  out.add(frame, context.theme.templates.render("tags", view, diagnostics, context.worker));
}

}  // namespace

std::string taxonomy_title(const RenderContext& context, const LanguageConfig& language,
                           const std::string& key) {
  const TaxonomyConfig* taxonomy = find_taxonomy(context.site.config.taxonomies, key);
  return taxonomy ? taxonomy->titles.at(language.code) : context.theme.strings.at(language.code).get("tags");
}

void render_tag_pages(const RenderContext& context, const LanguageConfig& language,
                      RenderedPages& out, Diagnostics& diagnostics) {
  for (const auto& key : taxonomy_keys(context.site.config.taxonomies)) {
    const SiteTags& terms = *context.site.taxonomy(key);
    auto found = terms.by_language.find(language.code);
    if (found == terms.by_language.end() || found->second.empty()) continue;
    TaxonomyPages taxonomy{context, language, key, terms, context.theme.strings.at(language.code)};
    render_index(taxonomy, found->second, out, diagnostics);
    for (const auto& term : found->second) render_term(taxonomy, term, out, diagnostics);
  }
}

}  // namespace passerelle
