#include "model/urls.h"

#include <algorithm>

#include "base/text.h"

namespace passerelle {

std::string directory_path(const LanguageConfig& language) {
  return home_path(language) + language.sections.directory + "/";
}

std::string actor_path(const LanguageConfig& language, const std::string& id) {
  return directory_path(language) + id + "/";
}

std::string country_path(const LanguageConfig& language, const std::string& country_slug) {
  return directory_path(language) + language.sections.country + "/" + country_slug + "/";
}

std::string country_sector_path(const LanguageConfig& language, const std::string& country_slug,
                                const std::string& sector_slug) {
  return country_path(language, country_slug) + sector_slug + "/";
}

std::string kind_path(const LanguageConfig& language, const std::string& kind_slug) {
  return directory_path(language) + language.sections.kind + "/" + kind_slug + "/";
}

std::string sector_path(const LanguageConfig& language, const std::string& sector_slug) {
  return directory_path(language) + language.sections.sector + "/" + sector_slug + "/";
}

std::string tags_path(const LanguageConfig& language) {
  return home_path(language) + language.sections.tags + "/";
}

std::string listing_page_path(const std::string& listing_path, size_t number) {
  return number <= 1 ? listing_path : listing_path + "page/" + std::to_string(number) + "/";
}

size_t listing_page_count(size_t entries, size_t page_size) {
  if (page_size == 0) return 1;
  return std::max<size_t>(1, (entries + page_size - 1) / page_size);
}

std::string tag_path(const LanguageConfig& language, const std::string& tag_slug) {
  return tags_path(language) + tag_slug + "/";
}

std::string taxonomy_path(const SiteConfig& config, const LanguageConfig& language,
                          const std::string& key) {
  const TaxonomyConfig* taxonomy = find_taxonomy(config.taxonomies, key);
  return taxonomy ? home_path(language) + taxonomy->slugs.at(language.code) + "/" : tags_path(language);
}

std::string taxonomy_term_path(const SiteConfig& config, const LanguageConfig& language,
                               const std::string& key, const std::string& term_slug) {
  return taxonomy_path(config, language, key) + term_slug + "/";
}

std::string feed_path(const LanguageConfig& language) { return home_path(language) + "atom.xml"; }

std::string print_edition_path(const LanguageConfig& language) {
  return guidelines_path(language) + language.sections.print + "/";
}

std::string print_pdf_path(const LanguageConfig& language) {
  // A name that still says what it is once saved among other downloads.
  return guidelines_path(language) + language.sections.guidelines + "-" + language.code + ".pdf";
}

std::string print_volume_path(const LanguageConfig& language, size_t number) {
  return print_edition_path(language) + "volume-" + std::to_string(number) + "/";
}

std::string print_volume_pdf_path(const LanguageConfig& language, size_t number) {
  std::string pdf = print_pdf_path(language);
  return pdf.substr(0, pdf.size() - 4) + "-volume-" + std::to_string(number) + ".pdf";
}

std::string search_path(const LanguageConfig& language) {
  return home_path(language) + language.sections.search + "/";
}

std::string output_file_of(const std::string& path) {
  if (path.empty() || path.back() == '/') return path + "index.html";
  return path;
}

std::string relative_url(const std::string& from, const std::string& to) {
  // Only the folders of `from` matter: "fr/a/" is in fr/a/, "fr/a/x.html" is in fr/a/.
  std::string from_dir = from.substr(0, from.rfind('/') + 1);
  size_t common = 0;
  for (size_t i = 0; i < from_dir.size() && i < to.size() && from_dir[i] == to[i]; ++i) {
    if (from_dir[i] == '/') common = i + 1;
  }
  std::string up;
  for (size_t i = common; i < from_dir.size(); ++i) {
    if (from_dir[i] == '/') up += "../";
  }
  std::string rest = to.substr(common);
  std::string url = up + rest;
  return url.empty() ? "./" : encode_url_path(url);
}

std::string linked_path(const std::string& path, PageLinks links) {
  bool folder = path.empty() || path.back() == '/';
  if (links == PageLinks::kFolder || !folder) return path;
  return path == "./" ? "index.html" : path + "index.html";
}

std::string page_url(const std::string& from, const std::string& to, PageLinks links) {
  return linked_path(relative_url(from, to), links);
}

PublishedPicture published_sizes(const Picture& picture, const std::string& site_path) {
  PublishedPicture published{site_path, picture.width, picture.height, {}, {}};
  if (picture.variants.empty()) return published;
  int largest = picture.variants.back().width;
  bool webp_source = ascii_lower(site_path.substr(site_path.rfind('.') + 1)) == "webp";
  for (const auto& variant : picture.variants) {
    PictureSource size{variant_path(site_path, variant, variant.width == largest), variant.width};
    bool alternative = !webp_source && variant.extension == "webp";
    (alternative ? published.webp_sources : published.sources).push_back(std::move(size));
  }
  if (picture.variants.front().width == largest) published.sources.clear();  // one size: src says it
  return published;
}

std::string srcset_of(const std::vector<PictureSource>& sources, const std::string& from) {
  std::string srcset;
  for (const auto& source : sources) {
    srcset += (srcset.empty() ? "" : ", ") + relative_url(from, source.path) + " " +
              std::to_string(source.width) + "w";
  }
  return srcset;
}

std::string absolute_url(const SiteConfig& config, const std::string& path) {
  return config.base_url + encode_url_path(path);
}

std::string root_path(const SiteConfig& config) {
  const std::string& url = config.base_url;  // absolute, ends with '/' (config/config.h)
  size_t scheme = url.find("://");
  size_t slash = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  return slash == std::string::npos ? "/" : url.substr(slash);
}

}  // namespace passerelle
