// Where each page of the site lives. Paths are relative to the site's root and end with '/'
// for pages (served as <path>index.html); links between pages are made relative to the page
// they appear on, so the site works from any folder and from a copy on disk.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "config/config.h"
#include "content/page_kinds.h"
#include "content/pictures.h"

namespace passerelle {

/// The language versions of one page: language code → site path. A language without a
/// version of this page is absent.
using Translations = std::map<std::string, std::string>;

/// Pages of the site with their language versions (site path → versions): what the pages
/// output made, and what sitemap.xml lists.
using ListedPages = std::vector<std::pair<std::string, Translations>>;

// The paths of Markdown pages (home_path, guideline_path…) are with their kinds:
// content/page_kinds.h.
std::string directory_path(const LanguageConfig& language);
std::string actor_path(const LanguageConfig& language, const std::string& id);
std::string country_path(const LanguageConfig& language, const std::string& country_slug);
std::string country_sector_path(const LanguageConfig& language, const std::string& country_slug,
                                const std::string& sector_slug);
std::string kind_path(const LanguageConfig& language, const std::string& kind_slug);
std::string sector_path(const LanguageConfig& language, const std::string& sector_slug);
/// The index of the guidelines' tags, and one tag's page.
std::string tags_path(const LanguageConfig& language);
std::string tag_path(const LanguageConfig& language, const std::string& tag_slug);
/// The index of the taxonomy `key` in `language` (`tags`: tags_path; a declared one: its slug).
std::string taxonomy_path(const SiteConfig& config, const LanguageConfig& language,
                          const std::string& key);
std::string taxonomy_term_path(const SiteConfig& config, const LanguageConfig& language,
                               const std::string& key, const std::string& term_slug);
std::string feed_path(const LanguageConfig& language);
/// The print edition of the guidelines, and the PDF made from it by `passerelle pdf`.
std::string print_edition_path(const LanguageConfig& language);
std::string print_pdf_path(const LanguageConfig& language);
/// Volume `number` (from 1) of an edition split in volumes ([print] volume_guidelines), below
/// the edition's path, which then lists the volumes; and the PDF made from it.
std::string print_volume_path(const LanguageConfig& language, size_t number);
std::string print_volume_pdf_path(const LanguageConfig& language, size_t number);
std::string search_path(const LanguageConfig& language);

/// Page `number` (from 1) of a listing split in pages (the guidelines index, a term's page):
/// page 1 is the listing's own path, the others "<path>page/<number>/".
std::string listing_page_path(const std::string& listing_path, size_t number);

/// How many pages a listing of `entries` entries takes, `page_size` a page (at least 1).
size_t listing_page_count(size_t entries, size_t page_size);

/// The file that holds a page: "fr/annuaire/" → "fr/annuaire/index.html"; files stay as they are.
std::string output_file_of(const std::string& path);

/// A link from the page at `from` to `to` (both site paths): "../b/", "./", "../../style.css".
/// For a file or a folder that is not a page; a link to a page is a page_url.
std::string relative_url(const std::string& from, const std::string& to);

/// A link from the page at `from` to the page at `to`, ending as `links` asks: "../b/" or
/// "../b/index.html", "./" or "index.html".
std::string page_url(const std::string& from, const std::string& to, PageLinks links);

/// The site path of a page as the site links it: "fr/a/" or "fr/a/index.html".
std::string linked_path(const std::string& path, PageLinks links);

/// One published size of a picture: its site path and width.
struct PictureSource {
  std::string path;
  int width = 0;
};

/// Where a picture's sizes are published, as site paths (an actor's logo, a picture of a text).
struct PublishedPicture {
  std::string path;  // site path of the largest, in the picture's own format
  int width = 0;     // 0 when unknown
  int height = 0;
  std::vector<PictureSource> sources;       // in the picture's own format; empty: one size
  std::vector<PictureSource> webp_sources;  // in WebP, offered first; empty when none
};

/// The sizes of `picture` published at `site_path`: the largest keeps its name.
PublishedPicture published_sizes(const Picture& picture, const std::string& site_path);

/// "a-480.png 480w, a.png 960w", relative to the page at `from`.
std::string srcset_of(const std::vector<PictureSource>& sources, const std::string& from);

/// The absolute URL of a site path.
std::string absolute_url(const SiteConfig& config, const std::string& path);

/// The path of base_url from the host's root, with its slashes: "/" or "/guide/".
std::string root_path(const SiteConfig& config);

}  // namespace passerelle
