// Footnotes, which md4c does not know: `[^label]` references and `[^label]: text` definitions
// (continuation lines indented by four spaces, as GitHub and Goldmark read them). A pass over
// the source before md4c blanks out the definitions' lines (so that every other line keeps its
// number) and puts a placeholder in place of each reference: a run of characters md4c passes
// through as text (it opens and closes with U+2058, punctuation, so that `**a.**[^1]` is still
// bold). The renderer turns a placeholder back into the reference, or into the text as written
// when md4c gives it inside code.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "markdown/markdown.h"

namespace passerelle {

struct FootnoteDefinition {
  std::string label;
  MarkdownSource body;      // its text, from the character after "]: ", with its place
  SourceLocation location;  // of its '['
  bool several_paragraphs = false;  // a blank line and more indented text follow
};

struct FootnoteReference {
  std::string label;
  std::string written;  // "[^label]", as the text has it
  SourceLocation location;
};

struct FootnoteSource {
  std::string text;  // for md4c: definitions blanked, references replaced by placeholders
  std::vector<FootnoteDefinition> definitions;  // in the order written, duplicates included
  std::vector<FootnoteReference> references;    // the placeholder of reference i holds i
};

/// Finds the definitions (outside fenced code blocks, not in block quotes or lists) and the
/// references of `source`; nullopt when it has neither, md4c then reads it as it is.
std::optional<FootnoteSource> extract_footnotes(const MarkdownSource& source);

/// A piece of text as md4c gives it: either plain text or a reference (its index).
struct TextPiece {
  std::string_view text;
  int reference = -1;
};

/// Splits `text` at the placeholders it holds.
std::vector<TextPiece> split_at_placeholders(std::string_view text);

/// `text` with every placeholder turned back into the reference as written.
std::string restore_references(std::string_view text, const FootnoteSource& footnotes);

/// A call of note `number` on screen: a superscript link to the note's item.
std::string footnote_call_html(int number, const std::string& note_id, const std::string& call_id,
                               const std::string& heading_id);

/// A note as listed at the end of a page: its item's id, its text, the ids of its calls.
struct ListedNote {
  std::string id;
  std::string html;
  std::vector<std::string> calls;
};

/// The notes of a page, in number order, as a section with a heading and links back to the
/// calls (the second, third… named with `labels.back_to_reference`).
std::string footnote_list_html(const std::vector<ListedNote>& notes, const std::string& heading_id,
                               const MarkdownLabels& labels);

}  // namespace passerelle
