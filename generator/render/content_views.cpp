// Pages made from Markdown: the home page, the guidelines index, each guideline, other pages.
#include "model/print_edition.h"
#include "model/urls.h"
#include "theme/templates.h"
#include "render/views.h"

namespace passerelle {

namespace {

Translations translations_of(const Site& site, const Page& page) {
  Translations translations;
  for (const auto& language : site.config.languages) {
    if (const auto* version = site.find_page(language.code, page.translation_key)) {
      translations[language.code] = version->path;
    }
  }
  return translations;
}

/// The source of a section's introduction, when it has one.
std::vector<std::string> sources_of(const Page* intro) {
  if (!intro) return {};
  return {intro->source_path};
}

/// Translations of a page every language has (home, section indexes).
Translations section_translations(const Site& site,
                                  std::string (*path_of)(const LanguageConfig&)) {
  Translations translations;
  for (const auto& language : site.config.languages) translations[language.code] = path_of(language);
  return translations;
}

View table_of_contents(const Page& page) {
  // h3 headings are listed under the h2 before them; deeper ones are left out.
  View nested = View::list();
  std::vector<View> children;
  View current;
  bool open = false;
  auto flush = [&] {
    if (!open) return;
    View list = View::list();
    for (auto& child : children) list.push(std::move(child));
    current.set("children", std::move(list)).set("has_children", !children.empty());
    nested.push(std::move(current));
    children.clear();
    open = false;
  };
  for (const auto& heading : page.headings) {
    if (heading.level == 2) {
      flush();
      current = View().set("id", heading.id).set("text", heading.text);
      open = true;
    } else if (heading.level == 3 && open) {
      children.push_back(View().set("id", heading.id).set("text", heading.text));
    }
  }
  flush();
  return nested;
}

/// Links to the print edition and to its PDF when there is one: from a guideline (`chapter`,
/// its place in weight order), to its chapter in the volume that holds it and to that volume's
/// PDF; from elsewhere, to the edition, which lists the volumes when there are several.
void set_print_links(View& view, const Site& site, const LanguageConfig& language,
                     const std::string& from, const UiStrings& strings,
                     const std::string& anchor = "", size_t chapter = 0) {
  auto volumes = print_volumes(site, language);
  const PrintVolume* volume = volumes.empty() ? nullptr : &volumes.front();
  for (const auto& v : volumes) {
    if (!anchor.empty() && chapter >= v.first && chapter < v.end) volume = &v;
  }
  bool split = volumes.size() > 1;
  std::string target = split && !anchor.empty() ? volume->path : print_edition_path(language);
  std::string edition = page_url(from, target, site.config.page_links);
  view.set("print_href", anchor.empty() ? edition : edition + "#" + anchor);
  std::string label = strings.get("print_edition_link");
  std::string pdf_label = strings.get("download_pdf");
  if (split && !anchor.empty()) {
    label = strings.get("print_volume_link");
    pdf_label = strings.get("download_volume_pdf");
    for (auto* text : {&label, &pdf_label}) {
      for (auto [field, value] : {std::pair<std::string, size_t>{"{n}", volume->number},
                                  {"{count}", volume->count}}) {
        if (size_t at = text->find(field); at != std::string::npos) {
          text->replace(at, field.size(), std::to_string(value));
        }
      }
    }
  }
  view.set("print_label", label);
  // An edition in volumes has no PDF of its own: its page lists the volumes' PDFs.
  if (site.config.print.pdf_links && volume && (!split || !anchor.empty())) {
    view.set("pdf_href", relative_url(from, volume->pdf_path)).set("pdf_label", pdf_label);
  }
}

}  // namespace

View guideline_summary(const Page& page, const UiStrings& strings, const std::string& from,
                       PageLinks links) {
  return View()
      .set("title", page.title)
      .set("summary", page.summary)
      .set("href", page_url(from, page.path, links))
      .set("date", strings.date(page.date))
      .set("iso_date", page.date)
      .set("updated", page.updated.empty() ? "" : strings.date(page.updated))
      .set("iso_updated", page.updated);
}

namespace {

void render_home(const RenderContext& context, const LanguageConfig& language, RenderedPages& out,
                 Diagnostics& diagnostics) {
  const auto& site = context.site;
  const auto& strings = context.theme.strings.at(language.code);
  const Page* intro = nullptr;
  for (const auto* page : site.pages_of(language.code, PageKind::kHome)) intro = page;
  PageFrame frame{&language, home_path(language), intro ? intro->title : language.title,
                  language.description, section_translations(site, home_path), "home", {}};
  View view = frame_view(context, frame);
  View guidelines = View::list();
  // The first of them, as on the index's first page: the rest are a link away.
  auto all = site.pages_of(language.code, PageKind::kGuideline);
  size_t shown = std::min(all.size(), static_cast<size_t>(site.config.listing_page_size));
  for (size_t i = 0; i < shown; ++i) {
    guidelines.push(guideline_summary(*all[i], strings, frame.path, site.config.page_links));
  }
  View countries = View::list();
  for (const auto& [key, country] : site.terms.countries) {
    auto count = site.facets.countries.find(key);
    if (count == site.facets.countries.end()) continue;
    countries.push(View().set("label", country->label(language.code))
                       .set("count", strings.count("actors", count->second))
                       .set("href", page_url(frame.path, country_path(language, country->slug(language.code)),
                                            site.config.page_links)));
  }
  view.set("intro_html", intro ? intro->html : "")
      .set("intro_summary", intro ? intro->summary : "")
      .set("guidelines", std::move(guidelines))
      .set("countries", std::move(countries))
      .set("actor_count", strings.count("actors", static_cast<long>(site.actors.size())))
      .set("guidelines_href", page_url(frame.path, guidelines_path(language), site.config.page_links))
      .set("directory_href", page_url(frame.path, directory_path(language), site.config.page_links));
  out.add(frame, context.theme.templates.render("home", view, diagnostics, context.worker),
          sources_of(intro));
}

/// The guidelines index, split in pages of site.toml's listing size: the introduction on the
/// first, the print edition's links on each.
void render_guidelines_index(const RenderContext& context, const LanguageConfig& language,
                             RenderedPages& out, Diagnostics& diagnostics) {
  const auto& site = context.site;
  const auto& strings = context.theme.strings.at(language.code);
  const Page* intro = nullptr;
  for (const auto* page : site.pages_of(language.code, PageKind::kGuidelinesIndex)) intro = page;
  auto all = site.pages_of(language.code, PageKind::kGuideline);
  size_t page_size = static_cast<size_t>(site.config.listing_page_size);
  for (const auto& listing : listing_pages(guidelines_path(language), all.size(), page_size)) {
    std::string path = listing.path();
    // The same page of the listing in the languages that have as many.
    Translations translations;
    for (const auto& other : site.config.languages) {
      size_t entries = site.pages_of(other.code, PageKind::kGuideline).size();
      if (listing.number <= listing_page_count(entries, page_size)) {
        translations[other.code] = listing_page_path(guidelines_path(other), listing.number);
      }
    }
    std::string title = intro ? intro->title : strings.get("guidelines");
    PageFrame frame{&language, path, listing_page_title(strings, title, listing),
                    intro && listing.number == 1 ? intro->summary : "", translations,
                    "guidelines", {{strings.get("home"), home_path(language)}}};
    if (listing.number > 1) frame.breadcrumbs.emplace_back(title, listing.listing_path);
    View view = frame_view(context, frame);
    View guidelines = View::list();
    for (size_t i = listing.first(); i < listing.last(all.size()); ++i) {
      guidelines.push(guideline_summary(*all[i], strings, path, site.config.page_links)
                          .set("number", listing_number(i)));
    }
    bool has_guidelines = !guidelines.empty();
    view.set("intro_html", intro && listing.number == 1 ? intro->html : "")
        .set("guidelines", std::move(guidelines))
        .set("start", listing.number > 1 ? std::to_string(listing.first() + 1) : "")
        .set("pagination", pagination_view(strings, listing, site.config.page_links));
    if (has_guidelines) set_print_links(view, site, language, path, strings);
    out.add(frame, context.theme.templates.render("guidelines", view, diagnostics, context.worker),
            listing.number == 1 ? sources_of(intro) : std::vector<std::string>{});
  }
}

/// The page's terms of each taxonomy (tags first), each linked to its term's page.
View taxonomy_chips(const RenderContext& context, const LanguageConfig& language, const Page& page) {
  const auto& site = context.site;
  View taxonomies = View::list();
  for (const auto& key : taxonomy_keys(site.config.taxonomies)) {
    if (page.terms_of(key).empty()) continue;
    View chips = View::list();
    for (const auto& written : page.terms_of(key)) {
      const TagTerm* term = site.taxonomy(key)->find(page.language, written);
      View chip = View().set("tag", term ? term->label : written);
      if (term) {
        chip.set("href", page_url(page.path, taxonomy_term_path(site.config, language, key, term->slug),
                                  site.config.page_links));
      }
      chips.push(std::move(chip));
    }
    taxonomies.push(View().set("title", taxonomy_title(context, language, key)).set("tags", std::move(chips)));
  }
  return taxonomies;
}

void render_guideline(const RenderContext& context, const LanguageConfig& language,
                      const Page& page, size_t index, const Page* previous, const Page* next,
                      RenderedPages& out, Diagnostics& diagnostics) {
  const auto& strings = context.theme.strings.at(language.code);
  PageFrame frame{&language, page.path, page.title, page.summary,
                  translations_of(context.site, page), "guidelines",
                  {{strings.get("home"), home_path(language)},
                   {strings.get("guidelines"), guidelines_path(language)}}};
  if (out.keep(context, frame, page.source_path)) return;
  View view = frame_view(context, frame);
  view.set("draft", page.draft);  // only `serve` builds drafts: it shows a banner
  View toc = table_of_contents(page);
  bool has_toc = !toc.empty();
  view.set("summary", page.summary)
      .set("date", strings.date(page.date))
      .set("iso_date", page.date)
      .set("updated", page.updated.empty() ? "" : strings.date(page.updated))
      .set("iso_updated", page.updated)
      .set("toc", std::move(toc))
      .set("has_toc", has_toc)
      .set("content_html", page.html)
      .set("taxonomies", taxonomy_chips(context, language, page));
  set_print_links(view, context.site, language, page.path, strings, print_anchor(page.slug), index);
  if (previous) view.set("previous", guideline_summary(*previous, strings, page.path, context.site.config.page_links));
  if (next) view.set("next", guideline_summary(*next, strings, page.path, context.site.config.page_links));
  out.add(frame, context.theme.templates.render("guideline", view, diagnostics, context.worker),
          {page.source_path});
}

void render_plain_page(const RenderContext& context, const LanguageConfig& language,
                       const Page& page, RenderedPages& out, Diagnostics& diagnostics) {
  const auto& strings = context.theme.strings.at(language.code);
  PageFrame frame{&language, page.path, page.title, page.summary,
                  translations_of(context.site, page), "page",
                  {{strings.get("home"), home_path(language)}}};
  if (out.keep(context, frame, page.source_path)) return;
  View view = frame_view(context, frame);
  view.set("summary", page.summary).set("content_html", page.html).set("draft", page.draft);
  out.add(frame, context.theme.templates.render("page", view, diagnostics, context.worker),
          {page.source_path});
}

}  // namespace

void render_content_page(const RenderContext& context, const Page& page, RenderedPages& out,
                         Diagnostics& diagnostics) {
  const auto& language = *context.site.config.language(page.language);
  if (page.kind == PageKind::kPage) return render_plain_page(context, language, page, out, diagnostics);
  if (page.kind != PageKind::kGuideline) return;
  auto guidelines = context.site.pages_of(language.code, PageKind::kGuideline);
  for (size_t i = 0; i < guidelines.size(); ++i) {
    if (guidelines[i] != &page) continue;
    const Page* previous = i > 0 ? guidelines[i - 1] : nullptr;
    const Page* next = i + 1 < guidelines.size() ? guidelines[i + 1] : nullptr;
    render_guideline(context, language, page, i, previous, next, out, diagnostics);
  }
}

void render_content_pages(const RenderContext& context, const LanguageConfig& language,
                          RenderedPages& out, Diagnostics& diagnostics) {
  render_home(context, language, out, diagnostics);
  render_guidelines_index(context, language, out, diagnostics);
  auto guidelines = context.site.pages_of(language.code, PageKind::kGuideline);
  for (size_t i = 0; i < guidelines.size(); ++i) {
    const Page* previous = i > 0 ? guidelines[i - 1] : nullptr;
    const Page* next = i + 1 < guidelines.size() ? guidelines[i + 1] : nullptr;
    render_guideline(context, language, *guidelines[i], i, previous, next, out, diagnostics);
  }
  for (const auto* page : context.site.pages_of(language.code, PageKind::kPage)) {
    render_plain_page(context, language, *page, out, diagnostics);
  }
}

}  // namespace passerelle
