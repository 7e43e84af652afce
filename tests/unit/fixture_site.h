// The fixture site-small as a model and a theme, for tests of one output alone (feeds_test,
// exports_test): the outputs are functions of these two, without the rest of the pipeline; and
// built whole (Built, build_fixture), for the tests of the output of every stage.
#pragma once

#include <catch2/catch.hpp>

#include <map>
#include <optional>
#include <string>

#include "messages/messages.h"
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

/// A configuration of two languages, French (the default) and Italian, for tests of one stage.
inline passerelle::SiteConfig french_and_italian() {
  passerelle::SiteConfig config;
  config.default_language = "fr";
  config.languages.push_back({"fr", "Français", "ltr", "T", "", {}});
  config.languages.push_back({"it", "Italiano", "ltr", "T", "", {}});
  return config;
}

/// Every diagnostic as the editor reads it, in order.
inline std::vector<std::string> messages(const passerelle::Diagnostics& diagnostics) {
  std::vector<std::string> all;
  for (const auto& d : diagnostics.sorted()) all.push_back(passerelle::format_diagnostic(d));
  return all;
}

/// The paths of a plan, in its order.
inline std::vector<std::string> paths_of(const passerelle::OutputPlan& plan) {
  std::vector<std::string> paths;
  for (const auto& file : plan) paths.push_back(file.path);
  return paths;
}

/// A build of site-small through the whole pipeline, with what it reported.
struct Built {
  std::optional<passerelle::BuildResult> result;
  passerelle::Diagnostics diagnostics;

  /// The planned file at `path`; a missing one fails the test.
  const std::string& file(const std::string& path) const {
    for (const auto& f : result->plan) {
      if (f.path == path) return f.bytes;
    }
    FAIL("no output file " << path);
    static std::string none;
    return none;
  }
  bool has(const std::string& path) const {
    for (const auto& f : result->plan) {
      if (f.path == path) return true;
    }
    return false;
  }
  std::string errors() const {
    std::string all;
    for (const auto& d : diagnostics.sorted()) all += passerelle::format_diagnostic(d) + "\n";
    return all;
  }
};

/// Builds site-small, with `overlay` files replacing or adding to it.
inline Built build_fixture(std::map<std::string, std::string> overlay = {},
                           passerelle::BuildOptions options = {}) {
  static passerelle::DiskSourceTree fixture(fixture_path("site-small"));
  static passerelle::DiskSourceTree bundled(PASSERELLE_BUNDLED_THEMES);
  // Messages in English; the words the renderer writes into pages (footnotes, callouts) in
  // each page's language, from the catalogs of the build, as the binary finds them; for this
  // build only, since other tests expect no catalog.
  passerelle::use_message_language("en", PASSERELLE_BUILD_CATALOGS);
  passerelle::MemorySourceTree changes(std::move(overlay));
  passerelle::LayeredSourceTree tree(changes, "", fixture, "");
  Built built;
  built.result = passerelle::build_site(tree, bundled, options, built.diagnostics);
  passerelle::use_message_language("en", "");  // as a test starts: no catalog
  return built;
}

}  // namespace test_support
