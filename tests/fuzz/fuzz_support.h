// What the fuzz targets share: a fixed bilingual site configuration and vocabulary (those of
// the fixture site), and a check that stops the run loudly when an invariant does not hold.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>

#include "config/config.h"
#include "content/directory.h"
#include "base/diagnostics.h"
#include "base/text.h"

namespace passerelle::fuzz {

/// Aborts with a message: libFuzzer then saves the input that broke the invariant.
inline void require(bool condition, const char* what) {
  if (condition) return;
  std::fprintf(stderr, "invariant broken: %s\n", what);
  std::abort();
}

inline const char* kSiteToml = R"(base_url = "https://example.org/guide/"
default_language = "fr"
[[languages]]
code = "fr"
name = "Français"
title = "Guide"
description = "Un site."
[languages.sections]
guidelines = "lignes-directrices"
directory = "annuaire"
country = "pays"
kind = "type"
sector = "secteur"
[[languages]]
code = "it"
name = "Italiano"
title = "Guida"
description = "Un sito."
[languages.sections]
guidelines = "linee-guida"
directory = "elenco"
country = "paese"
kind = "tipo"
sector = "settore"
)";

inline const char* kVocabularyToml = R"([countries.MA]
fr = { label = "Maroc", slug = "maroc" }
it = { label = "Marocco", slug = "marocco" }
[countries.IT]
fr = { label = "Italie", slug = "italie" }
it = { label = "Italia", slug = "italia" }
[regions.oriental]
country = "MA"
fr = { label = "Oriental", slug = "oriental" }
it = { label = "Orientale", slug = "orientale" }
[kinds.ngo]
fr = { label = "ONG", slug = "ong" }
it = { label = "ONG", slug = "ong" }
[sectors.training]
fr = { label = "Formation", slug = "formation" }
it = { label = "Formazione", slug = "formazione" }
[sectors.finance]
fr = { label = "Financement", slug = "financement" }
it = { label = "Finanziamento", slug = "finanziamento" }
[languages.ar]
fr = { label = "arabe" }
it = { label = "arabo" }
[languages.fr]
fr = { label = "français" }
it = { label = "francese" }
)";

inline const SiteConfig& site_config() {
  static const SiteConfig config = [] {
    Diagnostics diagnostics;
    auto parsed = parse_site_config(kSiteToml, "site.toml", diagnostics);
    require(parsed.has_value(), "the fuzz site configuration loads");
    return *parsed;
  }();
  return config;
}

inline const Vocabulary& vocabulary() {
  static const Vocabulary vocabulary = [] {
    Diagnostics diagnostics;
    auto parsed = parse_vocabulary(kVocabularyToml, "directory-data/vocabulary.toml", site_config(),
                                   diagnostics);
    require(parsed.has_value(), "the fuzz vocabulary loads");
    return *parsed;
  }();
  return vocabulary;
}

/// Every diagnostic points inside the file it names (line 0 means "the whole file"). Lines are
/// those of the normalized text: a lone CR ends a line too.
inline void require_locations_inside(const Diagnostics& diagnostics, const std::string& bytes) {
  long lines = 1;
  for (char c : normalize_source(bytes)) lines += c == '\n';
  for (const auto& d : diagnostics.items()) {
    require(d.location.line >= 0 && d.location.line <= lines + 1,
            "diagnostic line inside the file");
    require(!d.message.empty(), "diagnostic has a message");
  }
}

}  // namespace passerelle::fuzz
