// The Atom feed of each language (<lang>/atom.xml): an output of its own, made from the theme's
// atom.mustache, so that a theme can change it.
#pragma once

#include "base/diagnostics.h"
#include "model/site.h"
#include "output/plan.h"
#include "theme/theme.h"
#include "theme/view.h"

namespace passerelle::feeds {

/// What atom.mustache sees for `language`: its most recently changed guidelines.
View atom_feed_view(const Site& site, const LanguageConfig& language);

/// The feed of every language of the site, sorted by path. Renders with the theme's first
/// template engine: call it when no other thread renders with that one.
OutputPlan feed_files(const Site& site, const Theme& theme, Diagnostics& diagnostics);

}  // namespace passerelle::feeds
