#include "pipeline/stand_ins.h"

#include <algorithm>

#include "base/text.h"
#include "content/directory.h"
#include "content/pages.h"

namespace passerelle {

namespace {

void add_page_stand_ins(const SourceTree& tree, const SiteConfig& config,
                        const std::set<std::string>& failed, WithStandIns& out) {
  std::set<std::string> loaded;
  for (const auto& page : out.sources.pages) loaded.insert(page.path);
  for (const auto& path : tree.list_files("content")) {
    if (!ends_with(path, ".md") || loaded.count(path) || !failed.count(path)) continue;
    std::string rest = path.substr(8);  // after "content/"
    size_t slash = rest.find('/');
    if (slash == std::string::npos || !config.language(rest.substr(0, slash))) continue;
    Diagnostics ignored;
    auto stand_in = parse_page("+++\ntitle = \"-\"\nsummary = \"-\"\ndate = 2000-01-01\n+++\n",
                               path, rest.substr(0, slash), rest.substr(slash + 1), ignored);
    if (!stand_in) continue;
    out.sources.pages.push_back(std::move(*stand_in));
    out.stand_ins.insert(path);
  }
}

/// The first term of `terms`, so that a stand-in record renders like any other.
std::string first_key(const std::map<std::string, Term>& terms) {
  return terms.empty() ? "" : terms.begin()->first;
}

void add_record_stand_ins(const SourceTree& tree, WithStandIns& out) {
  Directory& directory = out.sources.directory;
  std::set<std::string> ids;
  for (const auto& actor : directory.actors) ids.insert(actor.id);
  size_t prefix = std::string(kActorsFolder).size();
  for (const auto& path : tree.list_files("directory-data/actors")) {
    if (!ends_with(path, ".toml")) continue;
    std::string id = path.substr(prefix, path.size() - prefix - 5);
    if (ids.count(id) || !is_valid_id(id)) continue;
    ActorRecord stand_in;
    stand_in.id = id;
    stand_in.path = path;
    stand_in.name = id;
    stand_in.country = first_key(directory.vocabulary.countries);
    stand_in.kind = first_key(directory.vocabulary.kinds);
    if (stand_in.country.empty() || stand_in.kind.empty()) out.renderable = false;
    directory.actors.push_back(std::move(stand_in));
    out.stand_ins.insert(path);
  }
  std::sort(directory.actors.begin(), directory.actors.end(),
            [](const ActorRecord& a, const ActorRecord& b) { return a.id < b.id; });
}

}  // namespace

WithStandIns with_stand_ins(const SourceTree& tree, const LoadedSources& loaded,
                            const std::set<std::string>& failed) {
  WithStandIns out;
  out.sources.config = *loaded.config;
  out.sources.pages = loaded.pages;
  out.sources.media = loaded.media;
  out.renderable = loaded.directory.has_value();
  if (loaded.directory) out.sources.directory = *loaded.directory;
  add_page_stand_ins(tree, out.sources.config, failed, out);
  add_record_stand_ins(tree, out);
  return out;
}

}  // namespace passerelle
