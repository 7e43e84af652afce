// Callouts, GitHub's "alerts": a block quote whose first line is exactly [!NOTE], [!TIP],
// [!IMPORTANT], [!WARNING] or [!CAUTION] becomes a box with a title in the page's language:
//   <div class="callout callout-warning" role="note"><p class="callout-title">Attention</p>…</div>
// Any other block quote, [!FOO] included, stays a block quote.
#pragma once

#include <string>

#include "markdown/markdown.h"

namespace passerelle {

/// `html` from `start` on holds a block quote as the renderer wrote it, without its closing
/// tag. When it is a callout, rewrites it as one, closed, and returns true; otherwise leaves it.
bool close_as_callout(std::string& html, size_t start, const MarkdownLabels& labels);

}  // namespace passerelle
