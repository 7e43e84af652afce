// Incremental builds: the keys of what a page depends on (pipeline/incremental.h), the
// manifest of a generation and the files it lets a build keep (output/manifest.h), and builds
// of the small fixture into a folder, one after the other, against a build from scratch.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include "output/manifest.h"
#include "output/writer.h"
#include "pipeline/incremental.h"
#include "pipeline/project.h"
#include "test_folder.h"

using namespace passerelle;
namespace fs = std::filesystem;

namespace {

const std::string kGuideline = "content/fr/guidelines/retour.md";
const std::string kActor = "directory-data/actors/ong-atlas.toml";

struct Fixture {
  DiskSourceTree fixture{std::string(PASSERELLE_FIXTURES) + "/site-small"};
  DiskSourceTree bundled{PASSERELLE_BUNDLED_THEMES};
  MemorySourceTree changes;
  LayeredSourceTree tree{changes, "", fixture, ""};

  std::string original(const std::string& path) const { return *fixture.read(path); }
  /// `path` with `from` replaced by `to` (which must be there).
  void replace(const std::string& path, const std::string& from, const std::string& to) {
    std::string text = tree.read(path).value();
    size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    changes.add(path, text.replace(at, from.size(), to));
  }
  BuildKeys keys() const {
    Diagnostics diagnostics;
    auto sources = load_sources(tree, {}, diagnostics);
    REQUIRE(sources);
    return build_keys(*sources, tree, bundled, {});
  }
};

OutputManifest manifest_of(std::string context, std::map<std::string, std::string> units,
                           std::vector<FileSummary> files) {
  return {std::move(context), std::move(units), {}, std::move(files)};
}

/// Every regular file below `folder`, relative, with its bytes.
std::map<std::string, std::string> tree_of(const fs::path& folder) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    if (entry.is_regular_file()) files[fs::relative(entry.path(), folder).string()] = file_bytes(entry.path());
  }
  return files;
}

/// A build as `passerelle build` makes it: streamed to a staging folder, committed.
size_t build_into(const SourceTree& tree, const SourceTree& bundled, const fs::path& out) {
  StagedOutput staging;
  std::string error;
  std::string source = (out.parent_path() / "src").string();  // another folder than the output
  REQUIRE(staging.open(out.string(), source, &error));
  BuildOptions options;
  options.staging = &staging;
  Project project(tree, bundled, options);
  Diagnostics diagnostics;
  REQUIRE(project.build_once(diagnostics));
  REQUIRE(project.publish(out.string(), source, &error));
  return project.result()->kept_files;
}

}  // namespace

TEST_CASE("a body edit changes its page's unit key only; a title edit changes the context") {
  Fixture site;
  BuildKeys before = site.keys();
  REQUIRE(before.units.count(kGuideline));
  REQUIRE(before.units.count(kActor));
  CHECK(site.keys().context == before.context);  // the same sources give the same keys

  site.changes.add(kGuideline, site.original(kGuideline) + "\nUne phrase de plus.\n");
  BuildKeys body = site.keys();
  CHECK(body.context == before.context);
  CHECK(body.units.at(kGuideline) != before.units.at(kGuideline));
  CHECK(body.units.at(kActor) == before.units.at(kActor));

  site.replace(kGuideline, "title = \"Préparer le retour\"", "title = \"Bien préparer le retour\"");
  CHECK(site.keys().context != before.context);
}

TEST_CASE("an actor's description is its unit; its other fields and the vocabulary are context") {
  Fixture site;
  BuildKeys before = site.keys();
  site.replace(kActor, "Une ONG fictive", "Une petite ONG fictive");
  BuildKeys description = site.keys();
  CHECK(description.context == before.context);
  CHECK(description.units.at(kActor) != before.units.at(kActor));

  Fixture other;
  other.replace("directory-data/vocabulary.toml", "label = \"Maroc\"", "label = \"Royaume du Maroc\"");
  CHECK(other.keys().context != before.context);
}

TEST_CASE("a manifest reads back only for the folder it was written for") {
  auto manifest = manifest_of("c1", {{"a.md", "k1"}}, {{"fr/a/index.html", 12, 34, {"a.md"}}});
  std::string text = encode_manifest(manifest, "1-2-3-4.5");
  auto read = parse_manifest(text, "1-2-3-4.5");
  REQUIRE(read);
  CHECK(read->context == "c1");
  CHECK(read->units == manifest.units);
  REQUIRE(read->files.size() == 1);
  CHECK(read->files[0].path == "fr/a/index.html");
  CHECK(read->files[0].size == 12);
  CHECK(read->files[0].hash == 34);
  CHECK(read->files[0].sources == std::vector<std::string>{"a.md"});
  CHECK_FALSE(parse_manifest(text, "1-2-3-4.6"));
  CHECK_FALSE(parse_manifest(text, ""));
  CHECK_FALSE(parse_manifest("{\"format\": 2}", "1-2-3-4.5"));  // an older program's
  std::string changed = text;
  changed[changed.size() - 3] ^= 0x20;
  CHECK_FALSE(parse_manifest(changed, "1-2-3-4.5"));
  CHECK_FALSE(parse_manifest(text.substr(0, text.size() / 2), "1-2-3-4.5"));
}

TEST_CASE("a file is kept when the context and its units are unchanged, and found by its units") {
  auto previous = manifest_of("c1", {{"a.md", "k1"}, {"b.md", "k2"}, {"c.md", "k3"}},
                              {{"fr/a/index.html", 1, 2, {"a.md"}},
                               {"fr/b/index.html", 3, 4, {"b.md"}},
                               {"fr/both/index.html", 5, 6, {"a.md", "b.md"}},
                               {"fr/annuaire/index.html", 7, 8, {}},
                               {"fr/volume/index.html", 9, 10, {"a.md", "c.md"}}});
  KeptOutputs kept(previous, "c1", {{"a.md", "k1"}, {"b.md", "k2-edited"}, {"c.md", "k3"}});
  CHECK(kept.any());
  REQUIRE(kept.find("fr/a/index.html", "a.md"));
  CHECK(kept.find("fr/a/index.html", "a.md")->hash == 2);
  CHECK_FALSE(kept.find("fr/a/index.html", "b.md"));  // rendered from another unit
  CHECK_FALSE(kept.find("fr/b/index.html", "b.md"));  // its unit changed
  CHECK_FALSE(kept.find("fr/both/index.html", "a.md"));  // not one unit's alone
  CHECK_FALSE(kept.find("fr/both/index.html", std::vector<std::string>{"a.md", "b.md"}));  // b.md changed
  // Made from two units, neither changed (a print volume of two chapters).
  REQUIRE(kept.find("fr/volume/index.html", std::vector<std::string>{"a.md", "c.md"}));
  CHECK(kept.find("fr/volume/index.html", std::vector<std::string>{"a.md", "c.md"})->hash == 10);
  CHECK_FALSE(kept.find("fr/volume/index.html", "a.md"));
  CHECK_FALSE(kept.find("fr/volume/index.html", std::vector<std::string>{"c.md", "a.md"}));
  CHECK_FALSE(kept.find("fr/c/index.html", "c.md"));
  REQUIRE(kept.find("fr/annuaire/index.html", ""));  // from the context alone
  CHECK(kept.find("fr/annuaire/index.html", "")->hash == 8);
  CHECK_FALSE(kept.find("fr/annuaire/index.html", "a.md"));
  CHECK_FALSE(kept.find("fr/a/index.html", ""));

  KeptOutputs other_context(previous, "c2", {{"a.md", "k1"}, {"b.md", "k2"}});
  CHECK_FALSE(other_context.any());
  CHECK_FALSE(other_context.find("fr/a/index.html", "a.md"));
  CHECK_FALSE(other_context.find("fr/annuaire/index.html", ""));
  CHECK_FALSE(KeptOutputs(previous, "c1", {}).find("fr/a/index.html", "a.md"));  // a.md removed

  auto owned = unit_files(previous.files, {{"a.md", "k1"}, {"c.md", "k3"}});
  REQUIRE(owned.size() == 3);
  CHECK(owned[0].path == "fr/a/index.html");
  CHECK(owned[1].path == "fr/annuaire/index.html");
  CHECK(owned[2].path == "fr/volume/index.html");  // every source of it is a unit
  // Any file without sources may be made from the context alone (the sitemap): its renderer
  // decides whether it asks for it. A file with a source that is not a unit is not recorded.
  CHECK(unit_files({{"sitemap.xml", 1, 2, {}}}, {}).size() == 1);
  CHECK(unit_files({{"fr/x/index.html", 1, 2, {"gone.md"}}}, {}).empty());
}

TEST_CASE("a group of files is kept whole when its key is unchanged") {
  auto previous = manifest_of("c1", {{"a.md", "k1"}},
                              {{"search/fr/a.js", 1, 2, {}}, {"search/fr/t/b.js", 3, 4, {}},
                               {"search/it/a.js", 5, 6, {}}});
  previous.groups = {{"search/fr/", "g1"}, {"search/it/", "g2"}};
  KeptOutputs kept(previous, "c1", {{"a.md", "k1"}}, {{"search/fr/", "g1"}, {"search/it/", "g3"}});
  REQUIRE(kept.group("search/fr/"));
  CHECK(kept.group("search/fr/")->size() == 2);
  CHECK_FALSE(kept.group("search/it/"));  // its key changed
  CHECK_FALSE(kept.find("search/fr/a.js", ""));  // a group's files are kept with their group
  CHECK_FALSE(KeptOutputs(previous, "c2", {{"a.md", "k1"}}, previous.groups).group("search/fr/"));
  CHECK(unit_files(previous.files, {}, previous.groups).size() == 3);
  auto read = parse_manifest(encode_manifest(previous, "x"), "x");
  REQUIRE(read);
  CHECK(read->groups == previous.groups);
}

TEST_CASE("builds into one folder after edits keep pages and equal a build from scratch") {
  TestFolder folder("incremental");
  Fixture site;
  fs::path out = folder.path / "out";
  CHECK(build_into(site.tree, site.bundled, out) == 0);
  size_t pages = build_into(site.tree, site.bundled, out);  // nothing changed
  CHECK(pages > 10);
  auto compare = [&](const char* name) {
    INFO(name);
    fs::path fresh = folder.path / name;
    CHECK(build_into(site.tree, site.bundled, fresh) == 0);
    CHECK(tree_of(out) == tree_of(fresh));
  };
  // Its page and the French search index are rendered again; the rest is kept.
  site.changes.add(kGuideline, site.original(kGuideline) + "\nUne phrase de plus.\n");
  size_t kept = build_into(site.tree, site.bundled, out);
  CHECK(kept > 0);
  CHECK(kept < pages - 1);
  compare("fresh-1");
  // Its page in each language, both search indexes and the exports; the rest is taken from
  // the previous generation (two builds back) or copied from the output.
  site.replace(kActor, "Une ONG fictive", "Une petite ONG fictive");
  size_t kept_after_actor = build_into(site.tree, site.bundled, out);
  CHECK(kept_after_actor > 0);
  CHECK(kept_after_actor < kept);
  compare("fresh-2");
  site.replace(kGuideline, "title = \"Préparer le retour\"", "title = \"Bien préparer le retour\"");
  CHECK(build_into(site.tree, site.bundled, out) == 0);
  compare("fresh-3");
  CHECK(build_into(site.tree, site.bundled, out) == pages);
  compare("fresh-4");
}

TEST_CASE("serve's update takes unchanged pages from the last build and renders the same plan") {
  Fixture site;
  Project project(site.tree, site.bundled, {});
  Diagnostics diagnostics;
  REQUIRE(project.build(diagnostics));
  std::map<std::string, std::string> served;  // what serve's site holds
  for (const auto& file : project.result()->plan) served[file.path] = file.bytes;
  auto previous_file = [&](const std::string& path) -> const std::string* {
    auto found = served.find(path);
    return found == served.end() ? nullptr : &found->second;
  };
  site.changes.add(kGuideline, site.original(kGuideline) + "\nUne phrase de plus.\n");
  Diagnostics updated;
  auto changes = project.update({kGuideline}, updated, nullptr, previous_file);
  REQUIRE(changes);
  CHECK(project.result()->kept_files > 0);
  CHECK(std::find(changes->changed.begin(), changes->changed.end(),
                  "fr/lignes-directrices/preparer-le-retour/index.html") != changes->changed.end());

  Project fresh(site.tree, site.bundled, {});
  Diagnostics fresh_diagnostics;
  REQUIRE(fresh.build(fresh_diagnostics));
  CHECK(fresh.result()->kept_files == 0);
  const auto& plan = project.result()->plan;
  const auto& expected = fresh.result()->plan;
  REQUIRE(plan.size() == expected.size());
  for (size_t i = 0; i < plan.size(); ++i) {
    CHECK(plan[i].path == expected[i].path);
    CHECK(plan[i].bytes == expected[i].bytes);
  }

  // A file of the last build that is not as its manifest says is rendered, not taken.
  for (auto& [path, bytes] : served) bytes += " ";
  Diagnostics again;
  REQUIRE(project.update({kGuideline}, again, nullptr, previous_file));
  CHECK(project.result()->kept_files == 0);
}

TEST_CASE("the sitemap is kept while the context is unchanged, which alone decides the pages") {
  Fixture site;
  Project project(site.tree, site.bundled, {});
  Diagnostics diagnostics;
  REQUIRE(project.build(diagnostics));
  std::map<std::string, std::string> served;
  std::set<std::string> taken;  // the files the update took from the last build
  auto update = [&](const std::string& path) {
    for (const auto& file : project.result()->plan) served[file.path] = file.bytes;
    taken.clear();
    auto previous_file = [&](const std::string& asked) -> const std::string* {
      taken.insert(asked);
      auto found = served.find(asked);
      return found == served.end() ? nullptr : &found->second;
    };
    Diagnostics updated;
    REQUIRE(project.update({path}, updated, nullptr, previous_file));
  };
  auto fresh_file = [&](const std::string& path) {
    Project fresh(site.tree, site.bundled, {});
    Diagnostics fresh_diagnostics;
    REQUIRE(fresh.build(fresh_diagnostics));
    for (const auto& file : fresh.result()->plan) {
      if (file.path == path) return file.bytes;
    }
    return std::string();
  };
  auto file = [&](const std::string& path) {
    for (const auto& made : project.result()->plan) {
      if (made.path == path) return made.bytes;
    }
    return std::string();
  };
  site.changes.add(kGuideline, site.original(kGuideline) + "\nUne phrase de plus.\n");
  update(kGuideline);
  CHECK(taken.count("sitemap.xml") == 1);
  CHECK(taken.count("robots.txt") == 1);
  CHECK(file("sitemap.xml") == fresh_file("sitemap.xml"));
  // A page's address changes with its front matter: the context, and the sitemap is made again.
  site.replace(kGuideline, "slug = \"preparer-le-retour\"", "slug = \"bien-preparer\"");
  update(kGuideline);
  CHECK(taken.count("sitemap.xml") == 0);
  CHECK(file("sitemap.xml").find("bien-preparer") != std::string::npos);
  CHECK(file("sitemap.xml") == fresh_file("sitemap.xml"));
}
