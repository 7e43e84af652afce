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

/// A print edition as published: the HTML file, the PDF made from it, its date.
struct PrintEditionFiles {
  std::string language;
  std::string html_file;  // below the output folder, e.g. fr/lignes-directrices/edition-imprimable/index.html
  std::string pdf_file;
  std::string date;
};

/// The languages that have an edition (those with at least one guideline), in site order.
std::vector<PrintEditionFiles> print_editions(const Site& site);

}  // namespace passerelle
