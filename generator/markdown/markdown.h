// Markdown → HTML with md4c's parser and a renderer of our own: headings get stable ids, links
// are resolved (and refused) through the caller, and the plain text is kept for search.
// Pictures need a text alternative (![-](x.png) marks one as decoration only), and a picture
// alone in its paragraph with a title, ![alt](x.png "Caption"), becomes a figure.
// md4c is used here and nowhere else.
#pragma once

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "base/diagnostics.h"

namespace passerelle {

struct Heading {
  int level = 2;
  std::string id;
  std::string text;  // plain text of the heading
};

/// The published sizes of a picture, for <img> and <picture>.
struct PictureSources {
  int width = 0;   // of the largest, as href; 0 when unknown
  int height = 0;
  std::string srcset;       // "x-480.jpg 480w, x.jpg 960w"; empty for a single size
  std::string webp_srcset;  // the same sizes in WebP, offered first; empty when none
};

/// What the caller says of a link target written in Markdown.
struct LinkResolution {
  std::string href;      // what goes in the page; empty with an error
  std::string error;     // non-empty when the link is broken
  std::string target;    // internal target's key (for a later #fragment check); empty if external
  std::string fragment;  // the #fragment of an internal link, without '#'
  std::string note{};    // a download's type and size ("PDF, 240 kB"), shown after its link
  PictureSources picture{};  // a picture's sizes, when it is one
};
using LinkResolver = std::function<LinkResolution(const std::string& href)>;

/// An internal link whose #fragment can only be checked once every page is rendered.
struct FragmentReference {
  std::string target;
  std::string fragment;
  SourceLocation location;
};

/// Where the source writes a link of the page: `check` reports a problem the built site shows
/// with it (a relative path that is not a page, an image that is not there) here rather than
/// in the generated HTML.
struct LinkPlace {
  std::string href;  // as it is in the page
  SourceLocation location;
};

struct MarkdownSource {
  std::string text;
  std::string path;   // for diagnostics
  int first_line = 1; // line of text's first line in the file
  int first_column = 1;  // column of text's first character on that line
};

/// The words the renderer writes into a page, in the page's language: the heading of the
/// footnotes, their back-links' names, the titles of callouts.
struct MarkdownLabels {
  std::string notes = "Notes";
  std::string back_to_text = "Back to the text";
  std::string back_to_reference = "Back to the text (reference %1$d)";  // the 2nd, 3rd… one
  std::string note = "Note";
  std::string tip = "Tip";
  std::string important = "Important";
  std::string warning = "Warning";
  std::string caution = "Caution";
};

/// The labels in `language`, from the message catalogs (English when there is none).
MarkdownLabels markdown_labels(const std::string& language);

struct MarkdownOptions {
  bool allow_raw_html = false;
  std::set<std::string> reserved_ids;  // ids the page template uses already
  bool french_spacing = false;         // no-break spaces before French double punctuation
  // For pages combined into one document (the print edition): every heading id gets this
  // prefix (after de-duplication, so that prefixed id = prefix + id of the normal rendering),
  // and heading levels go down by `heading_shift` (at most to h6).
  std::string id_prefix;
  int heading_shift = 0;
  // Pictures in several widths and formats (<picture>, srcset); off for the print edition,
  // where the largest is the one to print.
  bool responsive_pictures = true;
  // A picture alone in its paragraph with a title becomes a figure; off only to compare the
  // output with another renderer's (tests/commonmark).
  bool figures = true;
  // [^label] footnotes (markdown/footnotes.h). For the print edition, each note is written
  // where it is called, to float to the foot of the printed page (CSS `float: footnote`);
  // otherwise the notes are listed at the end, with links both ways.
  bool footnotes = true;
  bool footnotes_at_foot_of_page = false;
  MarkdownLabels labels{};
};

/// A link to a download, as the text names it: the print edition lists them.
struct DownloadLink {
  std::string text;    // the link's text
  std::string target;  // LinkResolution::target: file:<site path>
  std::string note;    // type and size: "PDF, 240 kB"
};

struct RenderedMarkdown {
  std::string html;
  std::vector<Heading> headings;
  std::string plain_text;  // white space collapsed
  std::vector<FragmentReference> fragment_references;
  std::vector<LinkPlace> link_places;  // every link that resolved, in order
  std::vector<DownloadLink> downloads;  // in order, each time it is linked
  bool single_paragraph = false;  // the text is one paragraph and nothing else
};

RenderedMarkdown render_markdown(const MarkdownSource& source, const MarkdownOptions& options,
                                 const LinkResolver& resolve, Diagnostics& diagnostics);

/// md4c's parser flags for `options` (MD_FLAG_*): the spec test parses with the same.
unsigned markdown_parser_flags(const MarkdownOptions& options);

/// True when `href` uses a scheme that runs code or embeds content (javascript:, data:, …).
bool is_unsafe_url(std::string_view href);

}  // namespace passerelle
