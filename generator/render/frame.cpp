// The parts of a page shared by every template: head, header, navigation, language switcher.
#include <algorithm>

#include "model/footer.h"
#include "model/urls.h"
#include "render/views.h"
#include "base/text.h"

namespace passerelle {

std::string section_path(const LanguageConfig& language, const std::string& section) {
  if (section == "guidelines") return guidelines_path(language);
  if (section == "directory") return directory_path(language);
  if (section == "search") return search_path(language);
  return home_path(language);
}

std::vector<const Actor*> actors_by_name(const std::vector<const Actor*>& actors) {
  std::vector<std::pair<std::string, const Actor*>> keyed;
  for (const auto* actor : actors) keyed.emplace_back(fold_text(actor->record.name), actor);
  std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
    return std::tie(a.first, a.second->record.id) < std::tie(b.first, b.second->record.id);
  });
  std::vector<const Actor*> sorted;
  for (const auto& [key, actor] : keyed) sorted.push_back(actor);
  return sorted;
}

View strings_view(const UiStrings& strings) {
  View view;
  for (const auto& [key, value] : strings.text) view.set(key, value);
  return view;
}

namespace {

View switcher_view(const RenderContext& context, const PageFrame& frame) {
  View items = View::list();
  for (const auto& other : context.site.config.languages) {
    auto found = frame.translations.find(other.code);
    bool missing = found == frame.translations.end();
    std::string target = missing ? section_path(other, frame.section) : found->second;
    View item;
    item.set("code", other.code)
        .set("name", other.name)
        .set("dir", other.direction)
        .set("href", page_url(frame.path, target, context.site.config.page_links))
        .set("current", other.code == frame.language->code)
        .set("missing", missing)
        .set("missing_label", context.theme.strings.at(other.code).get("not_translated"));
    items.push(std::move(item));
  }
  return items;
}

View alternates_view(const RenderContext& context, const PageFrame& frame) {
  View items = View::list();
  for (const auto& language : context.site.config.languages) {
    auto found = frame.translations.find(language.code);
    if (found == frame.translations.end()) continue;
    items.push(View().set("hreflang", language.code)
                   .set("href", absolute_url(context.site.config, found->second)));
  }
  return items;
}

View assets_view(const RenderContext& context, const std::string& from) {
  View assets;
  for (const auto& [source, published] : context.asset_paths) {
    std::string key;
    for (char c : source) key += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    assets.set(key, relative_url(from, published));
  }
  return assets;
}

View navigation_view(const RenderContext& context, const PageFrame& frame) {
  const auto& language = *frame.language;
  PageLinks links = context.site.config.page_links;
  View pages = View::list();
  if (auto menu = context.menu_pages.find(language.code); menu != context.menu_pages.end()) {
    for (const auto* page : menu->second) {
      pages.push(View().set("title", page->title)
                     .set("href", page_url(frame.path, page->path, links))
                     .set("current", page->path == frame.path));
    }
  }
  auto nav_item = [&](const std::string& section, const std::string& path) {
    bool current = frame.section == section;
    return View().set("href", page_url(frame.path, path, links))
        .set("current", current && frame.path == path)
        .set("in_section", current);
  };
  return View()
      .set("home", nav_item("home", home_path(language)))
      .set("guidelines", nav_item("guidelines", guidelines_path(language)))
      .set("directory", nav_item("directory", directory_path(language)))
      .set("pages", std::move(pages));
}

/// A footer link to one of the legal pages, or nothing (an empty list) when there is none.
View footer_page_view(const RenderContext& context, const PageFrame& frame, const std::string& key) {
  const Page* page = footer_page(context.site, key, frame.language->code);
  if (!page) return View::list();
  return View().set("title", page->title)
      .set("href", page_url(frame.path, page->path, context.site.config.page_links))
      .set("current", page->path == frame.path);
}

View footer_view(const RenderContext& context, const PageFrame& frame) {
  const auto& footer = context.site.config.footer;
  View view;
  if (!footer.contact.empty()) {
    bool url = is_http_url(footer.contact);
    view.set("contact_href", url ? footer.contact : "mailto:" + footer.contact)
        .set("contact_text", footer.contact);
  }
  if (auto funder = footer.funder.find(frame.language->code); funder != footer.funder.end()) {
    view.set("funder", funder->second);
  }
  view.set("legal_notice", footer_page_view(context, frame, footer.legal_notice))
      .set("accessibility", footer_page_view(context, frame, footer.accessibility));
  return view;
}

}  // namespace

View frame_view(const RenderContext& context, const PageFrame& frame) {
  const auto& language = *frame.language;
  const auto& strings = context.theme.strings.at(language.code);
  const auto& config = context.site.config;
  PageLinks links = config.page_links;
  bool is_home = frame.section == "home" && frame.path == home_path(language);
  View breadcrumbs = View::list();
  for (const auto& [title, path] : frame.breadcrumbs) {
    breadcrumbs.push(View().set("title", title).set("href", page_url(frame.path, path, links)));
  }
  View view;
  view.set("lang", language.code)
      .set("dir", language.direction)
      .set("title", frame.title)
      .set("site_title", language.title)
      .set("short_title", language.short_title)
      .set("document_title", is_home ? language.title : frame.title + " — " + language.title)
      .set("description", frame.description.empty() ? language.description : frame.description)
      .set("canonical", absolute_url(config, frame.path))
      .set("alternates", alternates_view(context, frame))
      .set("switcher", switcher_view(context, frame))
      .set("nav", navigation_view(context, frame))
      .set("breadcrumbs", std::move(breadcrumbs))
      .set("has_breadcrumbs", !frame.breadcrumbs.empty())
      .set("root_href", relative_url(frame.path, ""))  // a prefix of files: "../../actors.csv"
      .set("home_href", page_url(frame.path, home_path(language), links))
      .set("feed_href", relative_url(frame.path, feed_path(language)))
      .set("feed_absolute", absolute_url(config, feed_path(language)))
      .set("assets", assets_view(context, frame.path))
      .set("search_href", page_url(frame.path, search_path(language), links))
      .set("is_search", frame.section == "search")
      .set("footer", footer_view(context, frame))
      .set("t", strings_view(strings));
  // A folder of index files, not a page: it stays a folder offline.
  if (frame.search_client) view.set("search_root", relative_url(frame.path, "search/"));
  if (frame.preload_search_manifest) {
    view.set("search_manifest", relative_url(frame.path, "search/" + language.code + "/manifest.js"));
  }
  return view;
}

View logo_view(const PublishedPicture& logo, const std::string& from) {
  View view;
  view.set("src", relative_url(from, logo.path))
      .set("srcset", srcset_of(logo.sources, from))
      .set("webp_srcset", srcset_of(logo.webp_sources, from));
  if (logo.width > 0 && logo.height > 0) {
    view.set("width", std::to_string(logo.width)).set("height", std::to_string(logo.height));
  }
  return view;
}

View actor_card(const RenderContext& context, const Actor& actor, const LanguageConfig& language,
                const std::string& from) {
  const auto& record = actor.record;
  const std::string& code = language.code;
  View sectors = View::list();
  for (const auto& sector : actor.sectors) sectors.push(View().set("label", sector->label(code)));
  View card;
  card.set("name", record.name)
      .set("short_name", record.short_name)
      .set("has_short_name", !record.short_name.empty())
      .set("href", page_url(from, actor_path(language, record.id), context.site.config.page_links))
      .set("id", record.id)
      .set("city", record.city)
      .set("country", actor.country->label(code))
      .set("kind", actor.kind->label(code))
      .set("sectors", std::move(sectors))
      .set("website", record.website)
      .set("email", record.email)
      .set("phone", record.phone);
  if (actor.logo) card.set("logo", logo_view(*actor.logo, from));
  std::string region;
  if (actor.region) {
    region = actor.region->label(code);
    card.set("region", region);
  }
  // "Oujda, Oriental, Maroc", with each language's list separator ("، " in Arabic).
  std::string place;
  const std::string separator = context.theme.strings.at(code).get("list_separator");
  for (const std::string* part : {&record.city, static_cast<const std::string*>(&region)}) {
    if (!part->empty()) place += *part + separator;
  }
  card.set("place", place + actor.country->label(code));
  return card;
}

}  // namespace passerelle
