// The site's settings, read from site.toml.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "config/taxonomies.h"

namespace passerelle {

/// URL segments of each section, localized per language.
struct SectionSlugs {
  std::string guidelines;
  std::string directory;
  std::string search;
  std::string country;  // /<lang>/<directory>/<country>/<term>/
  std::string kind;
  std::string sector;
  std::string print;    // the print edition: /<lang>/<guidelines>/<print>/
  std::string tags;     // the guidelines' tags: /<lang>/<tags>/<term>/
};

struct LanguageConfig {
  std::string code;
  std::string name;
  std::string direction = "ltr";
  std::string title;
  std::string description;
  SectionSlugs sections;
  std::string short_title;  // the brand on narrow screens ("Passerelle"); default: title
};

/// The print edition of the guidelines ([print] in site.toml).
struct PrintConfig {
  bool annex = true;       // list the actor directory by country at the end
  // Guidelines per volume: an edition with more is split in volumes of at most this many
  // (0: never split), so that each stays a booklet a browser and WeasyPrint handle.
  int64_t volume_guidelines = 100;
  std::map<std::string, std::string> publisher;  // language code → who publishes it (the cover)
  SourceLocation publisher_location;
  bool pdf_links = false;  // link the PDFs: set by `passerelle pdf`, which makes them; never read
                           // from site.toml, so that `build` never links files it did not write
};

/// The footer's contact, legal pages and funder credit ([footer] in site.toml). Pages are
/// named by translation key (content/<lang>/legal-notice.md → "legal-notice"); the model
/// checks they exist. Every field is optional.
struct FooterConfig {
  std::string contact;        // an e-mail address or an http(s) URL (the model checks which)
  SourceLocation contact_location;
  std::string legal_notice;   // translation key of the legal notice page
  SourceLocation legal_notice_location;
  std::string accessibility;  // translation key of the accessibility statement page
  SourceLocation accessibility_location;
  std::map<std::string, std::string> funder;  // language code → credit line
  SourceLocation funder_location;
};

/// A size limit from site.toml's [budgets]; 0 means none. `location` is where it was set.
struct Budget {
  int64_t bytes = 0;
  SourceLocation location;
};

/// Sizes `passerelle build` refuses to go over (see docs/content-model.md).
struct Budgets {
  Budget search_index_bytes;  // one language's search index, all files
  Budget search_query_bytes;  // the most one single-word query fetches
  /// The heaviest HTML page, print editions aside. Unless site.toml sets it, 150 KB, and
  /// going over it warns (listings of the large corpus are not all paginated yet).
  Budget page_bytes{150 * 1024, {}};
  Budget picture_bytes;       // the heaviest picture a page shows
  Budget download_bytes;      // the heaviest download a page links to
};

/// A redirect of site.toml's [redirects]: paths as written ("/fr/ancienne-page/").
struct ConfiguredRedirect {
  std::string from;
  std::string to;
  SourceLocation location;
};

/// How a link to a page ends: at its folder ("fr/annuaire/"), which a web server answers with
/// the folder's index.html, or at that file ("fr/annuaire/index.html"), so that the offline
/// edition (`build --offline`) works opened from disk, where a folder shows as a file listing.
enum class PageLinks { kFolder, kIndexFile };

struct SiteConfig {
  std::string base_url;  // absolute, ends with '/'
  PageLinks page_links = PageLinks::kFolder;  // from the command line, never from site.toml
  std::string default_language;
  bool allow_raw_html = false;
  /// An actor record whose last_reviewed is older than this many months gets a warning.
  int64_t review_months = 12;
  std::string theme = "default";
  std::vector<LanguageConfig> languages;
  PrintConfig print;
  FooterConfig footer;
  Budgets budgets;
  std::vector<ConfiguredRedirect> redirects;
  bool redirects_file = false;  // also write _redirects, for hosts that read one
  std::vector<TaxonomyConfig> taxonomies;  // declared in site.toml, besides the built-in tags
  /// How many entries a listing page shows (the guidelines index, a term's page); the rest
  /// follow on …/page/2/ and after. [listings] page_size.
  int64_t listing_page_size = 50;

  const LanguageConfig* language(const std::string& code) const;
};

/// Parses site.toml; problems go to `diagnostics` and the result is nullopt when unusable.
std::optional<SiteConfig> parse_site_config(std::string_view text, const std::string& path,
                                            Diagnostics& diagnostics);

/// True for absolute http(s) URLs.
bool is_http_url(std::string_view url);

/// `url` with a trailing slash added when missing.
std::string with_trailing_slash(std::string url);

}  // namespace passerelle
