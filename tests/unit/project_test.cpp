// The pipeline owner (project.h) on the small fixture: what it loads, renders and publishes,
// and what it keeps when a source is broken (check reports on it).
#include <catch2/catch.hpp>

#include "pipeline/project.h"
#include "test_folder.h"

using namespace passerelle;

namespace {

const std::string kGuideline = "content/fr/guidelines/retour.md";

/// The fixture with files of `changes` over it.
struct Fixture {
  DiskSourceTree fixture{std::string(PASSERELLE_FIXTURES) + "/site-small"};
  DiskSourceTree bundled{PASSERELLE_BUNDLED_THEMES};
  MemorySourceTree changes;
  LayeredSourceTree tree{changes, "", fixture, ""};
};

}  // namespace

TEST_CASE("a project loads, renders and publishes its site, and keeps its sources") {
  Fixture site;
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

TEST_CASE("a project with a broken page renders nothing but keeps what did load") {
  Fixture site;
  site.changes.add(kGuideline, "+++\ntitle = \n+++\n");
  Project project(site.tree, site.bundled, {});
  Diagnostics diagnostics;
  CHECK_FALSE(project.build(diagnostics));
  CHECK(diagnostics.error_count() == 1);
  CHECK_FALSE(project.result());
  REQUIRE(project.sources().config);
  CHECK(project.sources().directory);
  CHECK_FALSE(project.sources().pages.empty());
  for (const auto& page : project.sources().pages) CHECK(page.path != kGuideline);
  std::string error;
  CHECK_FALSE(project.publish("unused", "unused-source", &error));
  CHECK(error == "the site was not rendered");
}

TEST_CASE("a project without a usable site.toml loads nothing else") {
  Fixture site;
  site.changes.add("site.toml", "title = ");
  Project project(site.tree, site.bundled, {});
  Diagnostics diagnostics;
  CHECK_FALSE(project.load(diagnostics));
  CHECK(diagnostics.has_errors());
  CHECK_FALSE(project.sources().config);
  CHECK(project.sources().pages.empty());
  CHECK_FALSE(project.render(diagnostics));
}
