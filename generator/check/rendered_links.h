// Links of the built pages, checked as a visitor's browser would follow them: every internal
// href/src must lead to a file of the build (a folder link to its index.html, with the trailing
// slash) and every #fragment to an id of the target page. This catches what the Markdown stage
// cannot see: links written in templates, and links generated from records.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "output/plan.h"

namespace passerelle {

struct RenderedLinkStats {
  size_t pages = 0;
  size_t internal_links = 0;
};

/// Source file → link as the page has it → where that source writes it.
using LinkPlaces = std::map<std::string, std::map<std::string, SourceLocation>>;

/// `base_url` (absolute, ending with '/') makes absolute links to the site internal too. A
/// problem with a link that `places` has for one of the file's sources (OutputFile::sources)
/// is reported there, once however many pages show it; others in the page, naming its source.
RenderedLinkStats check_rendered_links(const OutputPlan& plan, const std::string& base_url,
                                       const LinkPlaces& places, Diagnostics& diagnostics);

/// The absolute http(s) URLs that <a> elements of `html` link to, in order, without repeats.
std::vector<std::string> external_links_in(const std::string& html, const std::string& base_url);

}  // namespace passerelle
