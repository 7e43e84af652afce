// The pipeline owner (project.h) on the small fixture: what it loads, renders and publishes,
// and what it keeps when a source is broken (check reports on it).
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <memory>

#include "pipeline/project.h"
#include "test_support.h"
#include "test_folder.h"

using namespace passerelle;

namespace {


/// The fixture with files of `changes` over it.
struct EditableSite {
  DiskSourceTree fixture{std::string(PASSERELLE_FIXTURES) + "/site-small"};
  DiskSourceTree bundled{PASSERELLE_BUNDLED_THEMES};
  MemorySourceTree changes;
  LayeredSourceTree tree{changes, "", fixture, ""};
};

}  // namespace

TEST_CASE("a project loads, renders and publishes its site, and keeps its sources") {
  EditableSite site;
  Project project(site.tree, site.bundled, {});
  Diagnostics diagnostics;
  REQUIRE(project.build(diagnostics));
  CHECK_FALSE(diagnostics.has_errors());
  REQUIRE(project.result());
  REQUIRE(project.sources().config);
  REQUIRE(project.sources().directory);
  // The model took a copy: the sources are still there, as loaded.
  CHECK(project.sources().pages.size() == project.result()->site.pages.size());
  CHECK(project.result()->actors == project.sources().directory->actors.size());
  CHECK(project.result()->html_pages > 0);

  // Rendering again from the kept sources gives the same plan.
  OutputPlan first = project.result()->plan;
  REQUIRE(project.render(diagnostics));
  REQUIRE(project.result()->plan.size() == first.size());
  for (size_t i = 0; i < first.size(); ++i) {
    CHECK(project.result()->plan[i].path == first[i].path);
    CHECK(project.result()->plan[i].bytes == first[i].bytes);
  }

  TestFolder out("project");
  std::string error;
  REQUIRE(project.publish(out.path.string(), site.fixture.root(), &error));
  CHECK(error.empty());
  CHECK(file_bytes(out.path / first.front().path) == first.front().bytes);
}

TEST_CASE("a one-shot build gives the same plan from sources it moves instead of copying") {
  EditableSite site;
  Project kept(site.tree, site.bundled, {});
  Project once(site.tree, site.bundled, {});
  Diagnostics diagnostics;
  REQUIRE(kept.build(diagnostics));
  REQUIRE(once.build_once(diagnostics));
  CHECK_FALSE(diagnostics.has_errors());
  const auto& expected = kept.result()->plan;
  const auto& plan = once.result()->plan;
  REQUIRE(plan.size() == expected.size());
  for (size_t i = 0; i < plan.size(); ++i) {
    CHECK(plan[i].path == expected[i].path);
    CHECK(plan[i].bytes == expected[i].bytes);
  }
  TestFolder out("project-once");
  std::string error;
  CHECK(once.publish(out.path.string(), site.fixture.root(), &error));
  // The sources went into the model: none are left to render again from.
  CHECK(once.sources().pages.empty());
  CHECK_FALSE(once.render(diagnostics));
}

TEST_CASE("a project with a broken page renders nothing but keeps what did load") {
  EditableSite site;
  site.changes.add(test_support::kSmallSiteGuideline, "+++\ntitle = \n+++\n");
  Project project(site.tree, site.bundled, {});
  Diagnostics diagnostics;
  CHECK_FALSE(project.build(diagnostics));
  CHECK(diagnostics.error_count() == 1);
  CHECK_FALSE(project.result());
  REQUIRE(project.sources().config);
  CHECK(project.sources().directory);
  CHECK_FALSE(project.sources().pages.empty());
  for (const auto& page : project.sources().pages) CHECK(page.path != test_support::kSmallSiteGuideline);
  std::string error;
  CHECK_FALSE(project.publish("unused", "unused-source", &error));
  CHECK(error == "the site was not rendered");
}

TEST_CASE("a project without a usable site.toml loads nothing else") {
  EditableSite site;
  site.changes.add("site.toml", "title = ");
  Project project(site.tree, site.bundled, {});
  Diagnostics diagnostics;
  CHECK_FALSE(project.load(diagnostics));
  CHECK(diagnostics.has_errors());
  CHECK_FALSE(project.sources().config);
  CHECK(project.sources().pages.empty());
  CHECK_FALSE(project.render(diagnostics));
}

namespace {

/// The fixture copied to a folder of its own, for updates after edits on disk.
struct Copied {
  TestFolder test{"project-update"};
  DiskSourceTree bundled{PASSERELLE_BUNDLED_THEMES};
  std::unique_ptr<DiskSourceTree> tree;
  std::unique_ptr<Project> project;

  Copied() {
    std::filesystem::copy(std::string(PASSERELLE_FIXTURES) + "/site-small", test.path,
                          std::filesystem::copy_options::recursive);
    tree = std::make_unique<DiskSourceTree>(test.path.string());
    project = std::make_unique<Project>(*tree, bundled, BuildOptions{});
    Diagnostics diagnostics;
    REQUIRE(project->build(diagnostics));
  }
  void write(const std::string& path, const std::string& text) {
    std::ofstream(test.path / path, std::ios::binary) << text;
  }
  std::string read(const std::string& path) { return file_bytes(test.path / path); }
  /// update() after the files at `paths` changed; REQUIREs that it rendered.
  OutputChanges update(const std::set<std::string>& paths) {
    Diagnostics diagnostics;
    auto changes = project->update(paths, diagnostics);
    std::string all;
    for (const auto& d : diagnostics.items()) all += format_diagnostic(d) + "\n";
    INFO(all);
    REQUIRE(changes);
    CHECK_FALSE(diagnostics.has_errors());
    return *changes;
  }
};

bool has_path(const std::vector<std::string>& paths, const std::string& path) {
  return std::find(paths.begin(), paths.end(), path) != paths.end();
}

/// The paths of `paths` that start with `prefix`.
std::vector<std::string> under(const std::vector<std::string>& paths, const std::string& prefix) {
  std::vector<std::string> found;
  for (const auto& path : paths) {
    if (path.rfind(prefix, 0) == 0) found.push_back(path);
  }
  return found;
}

}  // namespace

TEST_CASE("an update after a guideline's text changed: its page, print edition, feed, search") {
  Copied site;
  CHECK(site.update({}).changed.empty());  // nothing changed, nothing differs
  site.write(test_support::kSmallSiteGuideline, site.read(test_support::kSmallSiteGuideline) + "\nUn paragraphe de plus sur le retour.\n");
  auto changes = site.update({test_support::kSmallSiteGuideline});
  CAPTURE(changes.changed);
  CHECK(changes.removed.empty());
  std::vector<std::string> pages = {"fr/lignes-directrices/preparer-le-retour/index.html",
                                    "fr/lignes-directrices/print/index.html", "fr/atom.xml"};
  for (const auto& page : pages) CHECK(has_path(changes.changed, page));
  // Nothing else than these pages and the French search index.
  std::vector<std::string> others;
  for (const auto& path : changes.changed) {
    if (!has_path(pages, path) && path.rfind("search/fr/", 0) != 0) others.push_back(path);
  }
  CHECK(others.empty());
  CHECK_FALSE(under(changes.changed, "search/fr/").empty());
  // The next update without an edit finds nothing new.
  CHECK(site.update({test_support::kSmallSiteGuideline}).changed.empty());
}

TEST_CASE("an update after a page was removed: its outputs are removed") {
  Copied site;
  const std::string italian = "content/it/about.md";
  std::filesystem::remove(site.test.path / italian);
  auto changes = site.update({italian});
  CAPTURE(changes.removed);
  // Its page, and the last shard of the Italian search documents, which now has fewer.
  CHECK(changes.removed == std::vector<std::string>{"it/chi-siamo/index.html", "search/it/d/4.js"});
  // Its French version no longer offers the Italian one; no page's menu lists it.
  CHECK(has_path(changes.changed, "fr/a-propos/index.html"));
  CHECK(has_path(changes.changed, "it/index.html"));
}

TEST_CASE("an update after an actor record changed: its pages, the directory and search") {
  Copied site;
  const std::string record = "directory-data/actors/comune-prova.toml";
  std::string text = site.read(record);
  auto name = text.find("Comune di Prova (fittizio)");
  REQUIRE(name != std::string::npos);
  site.write(record, text.replace(name, 15, "Comune di Collina"));
  auto changes = site.update({record});
  CAPTURE(changes.changed);
  CHECK(changes.removed.empty());
  for (const auto& path : {"fr/annuaire/comune-prova/index.html", "it/elenco/comune-prova/index.html",
                           "fr/annuaire/index.html", "it/elenco/index.html",
                           "it/elenco/paese/italia/index.html", "actors.json", "actors.csv"}) {
    CHECK(has_path(changes.changed, path));
  }
  CHECK_FALSE(under(changes.changed, "search/fr/").empty());
  CHECK_FALSE(under(changes.changed, "search/it/").empty());
  // Pages that do not show actors stay as they were.
  CHECK_FALSE(has_path(changes.changed, "fr/lignes-directrices/preparer-le-retour/index.html"));
  CHECK_FALSE(has_path(changes.changed, "fr/annuaire/ong-atlas/index.html"));
}

TEST_CASE("an update with a broken source renders nothing, and the fix reports every change") {
  Copied site;
  std::string good = site.read(test_support::kSmallSiteGuideline);
  site.write(test_support::kSmallSiteGuideline, "+++\ntitle = \n+++\n");
  Diagnostics diagnostics;
  CHECK_FALSE(site.project->update({test_support::kSmallSiteGuideline}, diagnostics));
  CHECK(diagnostics.error_count() == 1);
  CHECK_FALSE(site.project->result());
  site.write(test_support::kSmallSiteGuideline, good + "\nEncore un mot.\n");
  auto changes = site.update({test_support::kSmallSiteGuideline});
  CHECK(has_path(changes.changed, "fr/lignes-directrices/preparer-le-retour/index.html"));
}
