// Loading the actor directory: the vocabulary of terms and one TOML record per actor.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "content/contact.h"
#include "base/diagnostics.h"
#include "base/filesystem.h"

namespace passerelle {

struct TermLabel {
  std::string label;
  std::string slug;
};

struct Term {
  std::string key;
  std::string country;                          // regions only: the country they belong to
  std::map<std::string, TermLabel> by_language;  // language code → label and slug
  SourceLocation location;
};

struct Vocabulary {
  std::map<std::string, Term> countries;
  std::map<std::string, Term> regions;
  std::map<std::string, Term> kinds;
  std::map<std::string, Term> sectors;
  std::map<std::string, Term> languages;  // spoken languages: labels only
  // Optional: guideline tags whose label and slug are set per language, which makes a tag of
  // one language the translation of the other's (model/tags.h).
  std::map<std::string, Term> tags;
  // The same for each taxonomy site.toml declares, by its key: [<key>.<id>].
  std::map<std::string, std::map<std::string, Term>> taxonomies;
};

struct OtherName {
  std::string name;
  std::string language;  // BCP 47 code of the name, e.g. "ar"
};

struct Coordinates {
  double latitude = 0;
  double longitude = 0;
};

struct LocalizedText {
  std::string text;
  int line = 0;  // where the text starts in the record, for Markdown diagnostics
};

/// One record of directory-data/actors/. Its fields are read, checked, exported, indexed and
/// scaffolded as the table of content/actor_schema.h says: a new field is a member here and
/// an entry there.
struct ActorRecord {
  std::string id;    // the file name, also the URL slug
  std::string path;  // directory-data/actors/<id>.toml
  bool draft = false;  // shown by `serve` only; its missing fields are warnings
  int draft_problems = 0;  // a draft's problems: it has no page while there are any
  std::string name;
  std::string short_name;
  std::string country;
  std::string region;
  std::string city;
  std::string kind;
  std::optional<int> founded;  // the year the organisation was founded
  std::vector<std::string> sectors;
  std::vector<std::string> languages;
  std::string website;
  std::string email;
  std::string phone;
  std::string address;
  std::string logo;  // a picture of content/media/, as its path there: "logos/atlas.png"
  std::vector<std::string> aliases;  // former ids, whose pages redirect here
  std::optional<Coordinates> coordinates;
  std::string last_reviewed;
  std::vector<OtherName> other_names;
  std::map<std::string, std::vector<std::string>> services;  // site language → items
  std::map<std::string, LocalizedText> descriptions;          // site language → Markdown
  std::map<std::string, int> lines;  // field name → line it is written on, for warnings
};

std::optional<Vocabulary> parse_vocabulary(std::string_view text, const std::string& path,
                                           const SiteConfig& config, Diagnostics& diagnostics);

/// A record marked `draft = true` whose fields have problems gives warnings instead of errors,
/// and the record with `draft_problems` set: a draft has no page until it is complete.
std::optional<ActorRecord> parse_actor(std::string_view text, const std::string& path,
                                       const std::string& id, const SiteConfig& config,
                                       const Vocabulary& vocabulary, Diagnostics& diagnostics);

struct Directory {
  Vocabulary vocabulary;
  std::vector<ActorRecord> actors;  // sorted by id
};

constexpr const char* kVocabularyPath = "directory-data/vocabulary.toml";
constexpr const char* kActorsFolder = "directory-data/actors/";

/// Reads and parses one record of `tree` (directory-data/actors/<id>.toml); nullopt when it
/// has errors, is an incomplete draft, or is a draft left out (`include_drafts` false).
/// `include_incomplete_drafts`: every draft, complete or not (for `passerelle list`).
std::optional<ActorRecord> load_actor_file(const SourceTree& tree, const std::string& path,
                                           const SiteConfig& config, const Vocabulary& vocabulary,
                                           bool include_drafts, Diagnostics& diagnostics,
                                           bool include_incomplete_drafts = false);

/// Whether a build reads the file at `path` as an actor record: TOML under directory-data/actors/.
bool is_actor_file(const std::string& path);

/// The files a build reads as actor records, sorted.
std::vector<std::string> actor_files(const SourceTree& tree);

/// Reads and parses directory-data/vocabulary.toml.
std::optional<Vocabulary> load_vocabulary(const SourceTree& tree, const SiteConfig& config,
                                          Diagnostics& diagnostics);

/// Reads directory-data/vocabulary.toml and every directory-data/actors/*.toml (drafts only
/// when `include_drafts`).
std::optional<Directory> load_directory(const SourceTree& tree, const SiteConfig& config,
                                        bool include_drafts, Diagnostics& diagnostics);

}  // namespace passerelle
