// The fixture site-small as a model and a theme, for tests of one output alone (feeds_test,
// exports_test): the outputs are functions of these two, without the rest of the pipeline.
#pragma once

#include <catch2/catch.hpp>

#include <optional>
#include <string>

#include "pipeline/build.h"
#include "test_support.h"
#include "theme/theme.h"

namespace test_support {

struct FixtureSite {
  passerelle::Site site;
  passerelle::Theme theme;
};

/// site-small loaded and assembled, with its theme; a failed load fails the test.
inline const FixtureSite& fixture_site() {
  static const FixtureSite loaded = [] {
    passerelle::DiskSourceTree tree(fixture_path("site-small"));
    passerelle::DiskSourceTree bundled(PASSERELLE_BUNDLED_THEMES);
    passerelle::Diagnostics diagnostics;
    auto site = passerelle::load_site(tree, {}, diagnostics);
    REQUIRE(site);
    auto theme = passerelle::load_theme(tree, bundled, site->config, diagnostics);
    REQUIRE(theme);
    REQUIRE_FALSE(diagnostics.has_errors());
    return FixtureSite{std::move(*site), std::move(*theme)};
  }();
  return loaded;
}

/// The paths of a plan, in its order.
inline std::vector<std::string> paths_of(const passerelle::OutputPlan& plan) {
  std::vector<std::string> paths;
  for (const auto& file : plan) paths.push_back(file.path);
  return paths;
}

}  // namespace test_support
