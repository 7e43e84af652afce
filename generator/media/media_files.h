// The pictures and downloads output: every file a page or an actor's text links to, copied
// once where the model put it (beside the page, or in media/). A function of the model only.
#pragma once

#include "model/site.h"
#include "output/plan.h"

namespace passerelle::media {

/// The files the pages and actor texts publish, each once, sorted by path.
OutputPlan media_files(const Site& site);

}  // namespace passerelle::media
