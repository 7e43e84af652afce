// The print edition of the guidelines: one page per language holding every guideline as a
// chapter, in weight order, with a cover, a table of contents and (optionally) an annex listing
// the actor directory by country. print.css turns it into a booklet (WeasyPrint, browsers).
#include <algorithm>
#include <map>

#include "model/print_edition.h"
#include "model/urls.h"
#include "theme/templates.h"
#include "render/views.h"
#include "base/escaping.h"
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

/// The annex's entries in order: by country (by label), each country's actors by name.
using AnnexGroups = std::vector<std::pair<const SiteTerm*, std::vector<const Actor*>>>;

AnnexGroups annex_groups(const Site& site, const std::string& language) {
  AnnexGroups groups;
  for (const SiteTerm* country : terms_by_label(site.terms.countries, language)) {
    std::vector<const Actor*> members;
    for (const auto& actor : site.actors) {
      if (actor.country->key == country->key) members.push_back(&actor);
    }
    if (!members.empty()) groups.push_back({country, actors_by_name(members)});
  }
  return groups;
}

/// Entries [first, end) of the annex, by country (a country split between two volumes heads
/// its part in each).
View annex_view(const RenderContext& context, const LanguageConfig& language, const std::string& from,
                const AnnexGroups& entries, size_t first, size_t end) {
  const auto& site = context.site;
  const std::string separator = context.theme.strings.at(language.code).get("list_separator");
  View groups = View::list();
  size_t index = 0;
  for (const auto& [country, members] : entries) {
    View actors = View::list();
    for (const auto* actor : members) {
      size_t at = index++;
      if (at < first || at >= end) continue;
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
    if (actors.empty()) continue;
    groups.push(View().set("anchor", "country_" + country->slug(language.code))
                    .set("label", country->label(language.code))
                    .set("count", context.theme.strings.at(language.code).count("actors", static_cast<long>(members.size())))
                    .set("actors", std::move(actors)));
  }
  return groups;
}

/// `pattern` with each "{name}" of `values` replaced, in one pass: a value (a title) that
/// holds "{…}" stays as it is.
std::string with_numbers(const std::string& pattern, const std::map<std::string, std::string>& values) {
  std::string result;
  size_t at = 0;
  for (size_t open = pattern.find('{'); open != std::string::npos; open = pattern.find('{', at)) {
    size_t close = pattern.find('}', open);
    if (close == std::string::npos) break;
    auto value = values.find(pattern.substr(open + 1, close - open - 1));
    result.append(pattern, at, open - at);
    if (value == values.end()) result.append(pattern, open, close + 1 - open);
    else result += value->second;
    at = close + 1;
  }
  return result.append(pattern, at, std::string::npos);
}

/// "Volume 2 sur 5", and what it holds: "Chapitres 3 à 4", or the annex's title.
std::string volume_label(const UiStrings& strings, const PrintVolume& volume) {
  return with_numbers(strings.get("volume_of"), {{"n", std::to_string(volume.number)},
                                                 {"count", std::to_string(volume.count)}});
}

std::string volume_contents(const UiStrings& strings, const PrintVolume& volume) {
  if (volume.first == volume.end) return strings.get("annex_title");  // an annex's volume
  if (volume.end - volume.first == 1) {
    return with_numbers(strings.get("volume_chapter"), {{"n", std::to_string(volume.end)}});
  }
  return with_numbers(strings.get("volume_chapters"), {{"first", std::to_string(volume.first + 1)},
                                                       {"last", std::to_string(volume.end)}});
}

/// Where a link to another volume leads: its address at the anchor, and what paper says of it.
struct OtherVolume {
  std::string url;    // absolute, like the edition's links to other pages: a volume travels as a PDF
  std::string label;  // "volume 3", which print.css prints after the link instead of the address
};

/// In a volume, a link to a chapter, a heading or an actor that another volume holds leads
/// there: the ids say whose they are (print_anchor: "<slug>" or "<slug>--<id>"; "actor_<id>").
/// `elsewhere` maps a chapter's slug, or an actor's anchor, to the other volume.
/// A heading id is never "actor_…" (slugs and heading ids have no "_"), a chapter's is its slug.
std::string link_other_volumes(const std::string& html,
                               const std::map<std::string, OtherVolume>& elsewhere) {
  static const std::string kHref = "href=\"#";
  std::string result;
  size_t done = 0;
  for (size_t at = html.find(kHref); at != std::string::npos; at = html.find(kHref, at + 1)) {
    size_t id_start = at + kHref.size();
    size_t id_end = html.find('"', id_start);
    if (id_end == std::string::npos) break;
    std::string id = html.substr(id_start, id_end - id_start);
    std::string owner = starts_with(id, "actor_") ? id : id.substr(0, id.find("--"));
    auto volume = elsewhere.find(owner);
    if (volume == elsewhere.end()) continue;
    result.append(html, done, at - done)
        .append("data-volume=\"" + escape_html(volume->second.label) + "\" href=\"")
        .append(volume->second.url);
    done = id_start - 1;  // from the '#'
  }
  if (done == 0) return html;
  return result.append(html, done, std::string::npos);
}

/// A chapter's links to files (pictures, downloads) are relative to the edition's folder
/// (model/assemble.cpp, PrintLinkContext), which holds the volumes one level down: there they
/// take one more "../". Its other links are in-page ("#…") or absolute, and stay as they are.
std::string rebase_file_links(const std::string& html) {
  std::string result;
  size_t done = 0;
  for (size_t at = html.find("=\""); at != std::string::npos; at = html.find("=\"", at + 2)) {
    bool url = (at >= 5 && html.compare(at - 5, 5, " href") == 0) ||
               (at >= 4 && html.compare(at - 4, 4, " src") == 0);
    size_t value = at + 2;
    if (!url || value >= html.size() || html[value] == '#' || html[value] == '/') continue;
    size_t end = html.find_first_of("\":", value);
    if (end != std::string::npos && html[end] == ':') continue;  // a scheme: absolute
    result.append(html, done, value - done).append("../");
    done = value;
  }
  if (done == 0) return html;
  return result.append(html, done, std::string::npos);
}

/// The print edition's path lists the volumes of an edition split in several.
void render_volume_list(const RenderContext& context, const LanguageConfig& language,
                        const std::vector<PrintVolume>& volumes,
                        const std::vector<const Page*>& guidelines,
                        const std::vector<const Actor*>& annex, RenderedPages& out,
                        Diagnostics& diagnostics) {
  const auto& site = context.site;
  const auto& strings = context.theme.strings.at(language.code);
  std::string path = print_edition_path(language);
  Translations translations;
  for (const auto& other : site.config.languages) {
    if (!site.pages_of(other.code, PageKind::kGuideline).empty()) {
      translations[other.code] = print_edition_path(other);
    }
  }
  PageFrame frame{&language, path, strings.get("print_edition"),
                  strings.get("print_volumes_intro"), translations, "guidelines",
                  {{strings.get("home"), home_path(language)},
                   {strings.get("guidelines"), guidelines_path(language)}}};
  View view = frame_view(context, frame);
  View list = View::list();
  for (const auto& volume : volumes) {
    View item = View()
                    .set("number", std::to_string(volume.number))
                    .set("label", volume_label(strings, volume))
                    .set("contents", volume_contents(strings, volume))
                    .set("href", page_url(path, volume.path, site.config.page_links));
    // The titles (names) it goes from and to: the reader of a long edition looks for one.
    auto span = [&](const std::string& first, const std::string& last) {
      item.set("span", first == last ? first
                                     : with_numbers(strings.get("volume_span"),
                                                    {{"first", first}, {"last", last}}));
    };
    if (volume.end > volume.first) {
      span(guidelines[volume.first]->title, guidelines[volume.end - 1]->title);
    } else if (volume.annex()) {
      span(annex[volume.actors_first]->record.name, annex[volume.actors_end - 1]->record.name);
    }
    if (site.config.print.pdf_links) {
      item.set("pdf_href", relative_url(path, volume.pdf_path))
          .set("pdf_label", with_numbers(strings.get("download_volume_pdf"),
                                         {{"n", std::to_string(volume.number)}}));
    }
    list.push(std::move(item));
  }
  view.set("volumes", std::move(list))
      .set("guidelines_href", page_url(path, guidelines_path(language), site.config.page_links));
  std::vector<std::string> sources;
  for (const auto* guideline : guidelines) sources.push_back(guideline->source_path);
  out.add(frame, context.theme.templates.render("print-volumes", view, diagnostics, context.worker),
          std::move(sources));
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
  auto volumes = print_volumes(site, language);
  bool split = volumes.size() > 1;
  // Where each chapter and the annex are, for the links between volumes.
  AnnexGroups annex;
  if (volumes.back().annex()) annex = annex_groups(site, language.code);
  std::vector<const Actor*> annex_order;
  for (const auto& group : annex) annex_order.insert(annex_order.end(), group.second.begin(), group.second.end());
  if (split) render_volume_list(context, language, volumes, guidelines, annex_order, out, diagnostics);
  std::map<std::string, const PrintVolume*> volume_of;
  if (split) {
    for (const auto& volume : volumes) {
      for (size_t i = volume.first; i < volume.end; ++i) volume_of[guidelines[i]->slug] = &volume;
    }
    for (const auto& volume : volumes) {
      for (size_t i = volume.actors_first; i < volume.actors_end; ++i) {
        volume_of[print_actor_anchor(annex_order[i]->record.id)] = &volume;
      }
    }
  }
  std::string edition = print_edition_date(site, language.code);
  for (const auto& volume : volumes) {
    const std::string& path = volume.path;
    Translations translations;
    for (const auto& other : site.config.languages) {
      if (site.pages_of(other.code, PageKind::kGuideline).empty()) continue;
      // A volume's translation is the volume of the same number when the editions have as many
      // volumes, else the other edition.
      auto others = print_volumes(site, other);
      translations[other.code] = others.size() == volumes.size() ? others[volume.number - 1].path
                                                                 : print_edition_path(other);
    }
    std::vector<std::pair<std::string, std::string>> breadcrumbs = {
        {strings.get("home"), home_path(language)},
        {strings.get("guidelines"), guidelines_path(language)}};
    if (split) breadcrumbs.push_back({strings.get("print_edition"), print_edition_path(language)});
    PageFrame frame{&language, path, title,
                    intro ? intro->summary : language.description, translations, "guidelines",
                    breadcrumbs};
    // Its chapters' sources: the rest of what it shows (the other chapters' places and
    // titles, the annex's entries) is the context's.
    std::vector<std::string> sources;
    for (size_t i = volume.first; i < volume.end; ++i) sources.push_back(guidelines[i]->source_path);
    if (out.keep(context, frame, sources)) continue;
    View view = frame_view(context, frame);
    std::map<std::string, OtherVolume> elsewhere;
    if (split) {
      std::vector<OtherVolume> others;
      for (const auto& other : volumes) {
        others.push_back({absolute_url(site.config, other.path),
                          with_numbers(strings.get("volume_ref"), {{"n", std::to_string(other.number)}})});
      }
      for (const auto& [owner, other] : volume_of) {
        if (other != &volume) elsewhere[owner] = others[other->number - 1];
      }
    }
    View chapters = View::list();
    for (size_t i = volume.first; i < volume.end; ++i) {
      View chapter = chapter_view(*guidelines[i], site.config, strings, i + 1);
      if (split) {
        chapter.set("content_html",
                    rebase_file_links(link_other_volumes(guidelines[i]->print_html, elsewhere)));
      }
      chapters.push(std::move(chapter));
    }
    view.set("document_title", split ? title + " — " + volume_label(strings, volume) + " — " + language.title
                                     : title + " — " + language.title)
        .set("edition_date", strings.date(edition))
        .set("iso_edition_date", edition)
        .set("intro_summary", intro ? intro->summary : "")
        .set("web_url", absolute_url(site.config, guidelines_path(language)))
        .set("guidelines_href", page_url(path, guidelines_path(language), site.config.page_links))
        .set("chapters", std::move(chapters));
    if (split) {
      view.set("volume", View()
                             .set("label", volume_label(strings, volume))
                             .set("contents", volume_contents(strings, volume))
                             .set("volumes_href", page_url(path, print_edition_path(language),
                                                           site.config.page_links)));
    }
    if (site.config.print.pdf_links) {
      view.set("pdf_href", relative_url(path, volume.pdf_path))
          .set("pdf_label", split ? with_numbers(strings.get("download_volume_pdf"),
                                                 {{"n", std::to_string(volume.number)}})
                                  : strings.get("download_pdf"));
    }
    // The cover names who publishes the edition and who funds it (the footer's credit line).
    if (auto publisher = site.config.print.publisher.find(language.code);
        publisher != site.config.print.publisher.end()) {
      view.set("publisher", publisher->second);
    }
    if (auto funder = site.config.footer.funder.find(language.code);
        funder != site.config.footer.funder.end()) {
      view.set("funder", funder->second);
    }
    if (volume.annex()) {
      view.set("annex", View().set("countries", annex_view(context, language, path, annex,
                                                           volume.actors_first, volume.actors_end))
                              .set("directory_url", absolute_url(site.config, directory_path(language))));
    }
    out.add(frame, context.theme.templates.render("print", view, diagnostics, context.worker),
            std::move(sources));
  }
}

}  // namespace passerelle
