// The print edition of the guidelines: every guideline of a language as one chapter of a single
// document (render/print_views.cpp), which `passerelle pdf` turns into a PDF.
#pragma once

#include <string>
#include <vector>

#include "model/site.h"

namespace passerelle {

/// Ids in the edition. Slugs and heading ids never contain "--" or "_", so a chapter (the
/// guideline's slug), its headings (slug--id) and the edition's own ids (print_…, actor_…,
/// country_…) cannot collide.
std::string print_anchor(const std::string& slug, const std::string& heading_id = "");
std::string print_heading_prefix(const std::string& slug);
std::string print_actor_anchor(const std::string& actor_id);

/// The edition's date: the latest date or update of the language's guidelines (YYYY-MM-DD),
/// empty when it has none. Taken from the content, never the clock.
std::string print_edition_date(const Site& site, const std::string& language);

/// One booklet of a language's edition: chapters [first, end) of the guidelines in weight
/// order, and entries [actors_first, actors_end) of the annex (the directory by country, then
/// name). An edition that fits one volume is that volume, at the edition's own path; a split
/// one has its volumes below it, and the edition's path lists them.
struct PrintVolume {
  size_t number = 1;  // from 1
  size_t count = 1;   // volumes of the edition
  size_t first = 0;
  size_t end = 0;
  size_t actors_first = 0;
  size_t actors_end = 0;
  std::string path;      // site path of its HTML
  std::string pdf_path;  // site path of its PDF

  bool annex() const { return actors_end > actors_first; }
};

/// In the volumes of an annex, an actor's entry counts for this fraction of a chapter: entries
/// weigh about 0.8 KB of HTML, chapters 10 to 15 KB.
constexpr size_t kAnnexActorsPerGuideline = 10;

/// The volumes of an edition of `guidelines` chapters and an annex of `actors` entries (0: no
/// annex): as many as [print] volume_guidelines requires, the same size to within one chapter,
/// in order. When split, the annex comes after the chapters in volumes of its own, sized the
/// same way (kAnnexActorsPerGuideline): every volume refers to it, and it is printed once.
std::vector<PrintVolume> print_volumes(const SiteConfig& config, const LanguageConfig& language,
                                       size_t guidelines, size_t actors);
/// The same for a site's language; none when the language has no guideline.
std::vector<PrintVolume> print_volumes(const Site& site, const LanguageConfig& language);

/// A print volume as published: the HTML file, the PDF made from it, its date.
struct PrintEditionFiles {
  std::string language;
  std::string html_file;  // below the output folder, e.g. fr/lignes-directrices/edition-imprimable/index.html
  std::string pdf_file;
  std::string date;
};

/// Every volume of the languages that have an edition (those with at least one guideline), in
/// site order, then volume order.
std::vector<PrintEditionFiles> print_editions(const Site& site);

}  // namespace passerelle
