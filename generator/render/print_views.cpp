// The print edition of the guidelines: one page per language holding every guideline as a
// chapter, in weight order, with a cover, a table of contents and (optionally) an annex listing
// the actor directory by country. print.css turns it into a booklet (WeasyPrint, browsers).
#include <algorithm>

#include "model/print_edition.h"
#include "model/urls.h"
#include "theme/templates.h"
#include "render/views.h"
#include "base/text.h"

namespace passerelle {

namespace {

/// A chapter's downloads, with their address written out: a printed page has no links.
View downloads_view(const Page& page, const SiteConfig& config) {
  View downloads = View::list();
  for (const auto& download : page.downloads) {
    downloads.push(View()
                       .set("title", download.title)
                       .set("note", download.note)
                       .set("url", absolute_url(config, download.path)));
  }
  return downloads;
}

View chapter_view(const Page& page, const SiteConfig& config, const UiStrings& strings,
                  size_t number) {
  View sections = View::list();
  for (const auto& heading : page.headings) {
    if (heading.level != 2) continue;
    sections.push(View().set("id", print_anchor(page.slug, heading.id)).set("text", heading.text));
  }
  return View()
      .set("anchor", print_anchor(page.slug))
      .set("number", std::to_string(number))
      .set("title", page.title)
      .set("summary", page.summary)
      .set("date", strings.date(page.date))
      .set("iso_date", page.date)
      .set("updated", page.updated.empty() ? "" : strings.date(page.updated))
      .set("iso_updated", page.updated)
      .set("sections", std::move(sections))
      .set("content_html", page.print_html)
      .set("has_downloads", !page.downloads.empty())
      .set("downloads", downloads_view(page, config));
}

View annex_view(const RenderContext& context, const LanguageConfig& language, const std::string& from) {
  const auto& site = context.site;
  const std::string separator = context.theme.strings.at(language.code).get("list_separator");
  View groups = View::list();
  for (const SiteTerm* country : terms_by_label(site.terms.countries, language.code)) {
    std::vector<const Actor*> members;
    for (const auto& actor : site.actors) {
      if (actor.country->key == country->key) members.push_back(&actor);
    }
    if (members.empty()) continue;
    View actors = View::list();
    for (const auto* actor : actors_by_name(members)) {
      View card = actor_card(context, *actor, language, from);
      std::string sectors;
      for (const auto& sector : actor->sectors) {
        sectors += (sectors.empty() ? "" : separator) + sector->label(language.code);
      }
      card.set("anchor", print_actor_anchor(actor->record.id))
          .set("sectors_text", sectors)
          .set("address", actor->record.address)
          .set("url", absolute_url(site.config, actor_path(language, actor->record.id)));
      actors.push(std::move(card));
    }
    groups.push(View().set("anchor", "country_" + country->slug(language.code))
                    .set("label", country->label(language.code))
                    .set("count", context.theme.strings.at(language.code).count("actors", static_cast<long>(members.size())))
                    .set("actors", std::move(actors)));
  }
  return groups;
}

}  // namespace

void render_print_edition(const RenderContext& context, const LanguageConfig& language,
                          RenderedPages& out, Diagnostics& diagnostics) {
  const auto& site = context.site;
  auto guidelines = site.pages_of(language.code, PageKind::kGuideline);  // in weight order
  if (guidelines.empty()) return;  // as print_editions() says
  const auto& strings = context.theme.strings.at(language.code);
  const Page* intro = nullptr;
  for (const auto* page : site.pages_of(language.code, PageKind::kGuidelinesIndex)) intro = page;
  std::string title = intro ? intro->title : strings.get("guidelines");
  Translations translations;
  for (const auto& other : site.config.languages) {
    if (!site.pages_of(other.code, PageKind::kGuideline).empty()) {
      translations[other.code] = print_edition_path(other);
    }
  }
  std::string path = print_edition_path(language);
  PageFrame frame{&language, path, title, intro ? intro->summary : language.description,
                  translations, "guidelines",
                  {{strings.get("home"), home_path(language)},
                   {strings.get("guidelines"), guidelines_path(language)}}};
  View view = frame_view(context, frame);
  View chapters = View::list();
  for (size_t i = 0; i < guidelines.size(); ++i) {
    chapters.push(chapter_view(*guidelines[i], site.config, strings, i + 1));
  }
  std::string edition = print_edition_date(site, language.code);
  view.set("document_title", title + " — " + language.title)
      .set("edition_date", strings.date(edition))
      .set("iso_edition_date", edition)
      .set("intro_summary", intro ? intro->summary : "")
      .set("web_url", absolute_url(site.config, guidelines_path(language)))
      .set("guidelines_href", page_url(path, guidelines_path(language), site.config.page_links))
      .set("chapters", std::move(chapters));
  if (site.config.print.pdf_links) view.set("pdf_href", relative_url(path, print_pdf_path(language)));
  // The cover names who publishes the edition and who funds it (the footer's credit line).
  if (auto publisher = site.config.print.publisher.find(language.code);
      publisher != site.config.print.publisher.end()) {
    view.set("publisher", publisher->second);
  }
  if (auto funder = site.config.footer.funder.find(language.code);
      funder != site.config.footer.funder.end()) {
    view.set("funder", funder->second);
  }
  if (site.config.print.annex && !site.actors.empty()) {
    view.set("annex", View().set("countries", annex_view(context, language, path))
                            .set("directory_url", absolute_url(site.config, directory_path(language))));
  }
  std::vector<std::string> sources;
  for (const auto* guideline : guidelines) sources.push_back(guideline->source_path);
  out.add(frame, context.theme.templates.render("print", view, diagnostics, context.worker),
          std::move(sources));
}

}  // namespace passerelle
