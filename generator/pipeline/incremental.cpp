#include "pipeline/incremental.h"

#include <cstdint>
#include <cstdio>
#include <functional>
#include <string_view>

#include "base/key_hash.h"
#include "base/parallel.h"
#include "search/files.h"

namespace passerelle {

namespace {

// Raised whenever what goes into a key changes.
constexpr std::string_view kKeyFormat = "passerelle-incremental-1";

void add_files(KeyHash& hash, const SourceTree& tree, const std::string& folder) {
  for (const auto& path : tree.list_files(folder)) {
    hash.add(path);
    hash.add(tree.read(path).value_or(""));
  }
}

// A field added to a source must be added to its outline below (or to its unit), else an edit
// of it would leave pages that show it out of date: these sizes make the compiler ask.
#if defined(__GLIBCXX__) && defined(__LP64__)
static_assert(sizeof(PageSource) == 512, "a field of PageSource changed: update add_page_outline");
static_assert(sizeof(ActorRecord) == 728, "a field of ActorRecord changed: update add_record_outline");
#endif

/// Everything of a page but its body: what other pages may show of it (title, summary,
/// address, terms...).
void add_page_outline(KeyHash& hash, const PageSource& page) {
  hash.add(page.path).add(page.language).add(static_cast<int64_t>(page.kind)).add(page.title)
      .add(page.summary).add(page.date).add(page.updated).add(page.date_line)
      .add(page.updated_line).add(page.weight).add(page.tags).add(page.tags_line)
      .add(page.taxonomy_terms).add(page.taxonomy_lines).add(page.aliases)
      .add(page.aliases_line).add_flag(page.draft).add(page.slug).add(page.translation_key)
      .add(page.relative_path).add(page.body_line);
}

/// Everything of an actor record but its descriptions (the lines of its fields only feed
/// messages, and shift when a description gets longer).
void add_record_outline(KeyHash& hash, const ActorRecord& record) {
  hash.add(record.id).add(record.path).add_flag(record.draft).add(record.draft_problems)
      .add(record.name).add(record.short_name).add(record.country).add(record.region)
      .add(record.city).add(record.kind).add_flag(record.founded.has_value())
      .add(record.founded.value_or(0)).add(record.sectors).add(record.languages)
      .add(record.website).add(record.email).add(record.phone).add(record.address)
      .add(record.logo).add(record.aliases).add_flag(record.coordinates.has_value());
  if (record.coordinates) {
    char text[64];
    std::snprintf(text, sizeof text, "%.17g,%.17g", record.coordinates->latitude,
                  record.coordinates->longitude);
    hash.add(std::string_view(text));
  }
  hash.add(record.last_reviewed).add(static_cast<int64_t>(record.other_names.size()));
  for (const auto& other : record.other_names) hash.add(other.name).add(other.language);
  hash.add(record.services);
  // Which languages have a description decides where the others are borrowed from.
  for (const auto& [language, text] : record.descriptions) hash.add(language);
}

/// The key of every page's body and every record's descriptions, by source path: most of a
/// site's bytes (tens of megabytes at large), hashed on every core.
void add_unit_keys(const SiteSources& sources, std::map<std::string, std::string>& units) {
  const auto& pages = sources.pages;
  const auto& records = sources.directory.actors;
  std::vector<std::string> hexes(pages.size() + records.size());
  for_each_index(hexes.size(), worker_count(), [&](size_t, size_t i) {
    KeyHash unit;
    if (i < pages.size()) {
      unit.add(pages[i].body);
    } else {
      for (const auto& [language, text] : records[i - pages.size()].descriptions) {
        unit.add(language).add(text.text);
      }
    }
    hexes[i] = unit.hex();
  });
  for (size_t i = 0; i < pages.size(); ++i) units[pages[i].path] = std::move(hexes[i]);
  for (size_t i = 0; i < records.size(); ++i) units[records[i].path] = std::move(hexes[pages.size() + i]);
}

}  // namespace

BuildKeys build_keys(const SiteSources& sources, const SourceTree& tree,
                     const SourceTree& bundled_themes, const BuildOptions& options) {
  KeyHash context;
  context.add(kKeyFormat).add(program_stamp());
  context.add(options.base_url).add_flag(options.include_drafts).add(options.today)
      .add_flag(options.include_future).add_flag(options.pdf_links).add_flag(options.offline)
      .add_flag(options.past_errors);
  // options.previous_urls is left out: only the redirect pages read it, rendered every time.
  context.add(tree.read("site.toml").value_or(""));
  context.add(tree.read(kVocabularyPath).value_or(""));
  const std::string& theme = sources.config.theme;
  add_files(context, tree, "themes/" + theme);
  add_files(context, bundled_themes, theme);
  context.add(static_cast<int64_t>(sources.media.size()));
  for (const auto& [path, file] : sources.media) {
    // The file's size and time when the tree can tell (a photo's megabytes are not read
    // again), else its bytes.
    std::string stamp = tree.stamp(path);
    context.add(path).add(file.problem).add(file.picture.key).add(stamp);
    if (stamp.empty()) context.add(file.bytes ? *file.bytes : std::string());
  }
  BuildKeys keys;
  context.add(static_cast<int64_t>(sources.pages.size()));
  for (const auto& page : sources.pages) add_page_outline(context, page);
  context.add(static_cast<int64_t>(sources.directory.actors.size()));
  for (const auto& record : sources.directory.actors) add_record_outline(context, record);
  add_unit_keys(sources, keys.units);
  keys.context = context.hex();
  for (const auto& language : sources.config.languages) {
    KeyHash group;
    group.add(keys.context);
    for (const auto& page : sources.pages) {
      if (page.language == language.code) group.add(page.path).add(keys.units.at(page.path));
    }
    for (const auto& record : sources.directory.actors) {
      group.add(record.path).add(keys.units.at(record.path));
    }
    keys.groups[std::string(search::kIndexFolder) + language.code + "/"] = group.hex();
  }
  KeyHash exports;
  exports.add(keys.context);
  for (const auto& record : sources.directory.actors) {
    exports.add(record.path).add(keys.units.at(record.path));
  }
  keys.groups[kExportsGroup] = exports.hex();
  return keys;
}

}  // namespace passerelle
