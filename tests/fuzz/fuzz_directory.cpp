// Fuzz target: the actor directory's TOML. Each input is loaded as an actor record (against the
// fixture vocabulary) and as a vocabulary, through the same reading path as files on disk.
#include <cstddef>
#include <cstdint>
#include <string>

#include "config/config.h"
#include "content/directory.h"
#include "content/pages.h"
#include "base/filesystem.h"
#include "fuzz_support.h"
#include "base/text.h"

using namespace passerelle;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const SiteConfig& config = fuzz::site_config();
  std::string bytes(reinterpret_cast<const char*>(data), size);

  // As a record, read the way load_directory reads each file, with the fixture's vocabulary
  // (parsed once).
  const std::string path = "directory-data/actors/fuzz-actor.toml";
  MemorySourceTree records;
  records.add(path, bytes);
  Diagnostics diagnostics;
  std::optional<ActorRecord> actor;
  if (auto text = read_text_file(records, path, diagnostics)) {
    actor = parse_actor(*text, path, "fuzz-actor", config, fuzz::vocabulary(), diagnostics);
  }
  fuzz::require(actor.has_value() == !diagnostics.has_errors(),
                "a record is loaded exactly when no error is reported");
  fuzz::require_locations_inside(diagnostics, bytes);
  const Vocabulary& vocabulary = fuzz::vocabulary();
  if (actor) {
    fuzz::require(actor->website.empty() || is_http_url(actor->website), "website is http(s)");
    fuzz::require(actor->email.empty() || email_problem(actor->email).empty(), "email is an address");
    fuzz::require(vocabulary.countries.count(actor->country) == 1, "country is a known term");
    fuzz::require(vocabulary.kinds.count(actor->kind) == 1, "kind is a known term");
    fuzz::require(!actor->sectors.empty(), "at least one sector");
    for (const auto& sector : actor->sectors) {
      fuzz::require(vocabulary.sectors.count(sector) == 1, "sectors are known terms");
    }
    fuzz::require(!actor->descriptions.empty(), "a description in some language");
  }

  // As a vocabulary (only text that passes the read checks reaches the parser).
  Diagnostics vocabulary_diagnostics;
  std::string normalized = normalize_source(bytes);
  if (!find_invalid_utf8(normalized) && !find_disallowed_character(normalized)) {
    auto parsed = parse_vocabulary(normalized, "directory-data/vocabulary.toml", config,
                                   vocabulary_diagnostics);
    fuzz::require(parsed.has_value() == !vocabulary_diagnostics.has_errors(),
                  "a vocabulary is loaded exactly when no error is reported");
    if (parsed) {
      for (const auto* terms :
           {&parsed->countries, &parsed->regions, &parsed->kinds, &parsed->sectors}) {
        for (const auto& [key, term] : *terms) {
          for (const auto& [language, label] : term.by_language) {
            fuzz::require(is_valid_id(label.slug), "term slugs are valid ids");
          }
        }
      }
    }
  }
  return 0;
}
