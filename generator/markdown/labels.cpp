// The words of footnotes and callouts, translated like the editor's messages (gettext), but
// into the language of the page.
#include "markdown/markdown.h"
#include "messages/messages.h"

namespace passerelle {

MarkdownLabels markdown_labels(const std::string& language) {
  MessageCatalog catalog(language.substr(0, language.find('-')));
  MarkdownLabels labels;
  // TRANSLATORS: the heading of the footnotes at the end of a page.
  labels.notes = catalog.tr(N_("Notes"));
  // TRANSLATORS: the name, for screen readers, of the link from a footnote back to its call.
  labels.back_to_text = catalog.tr(N_("Back to the text"));
  // TRANSLATORS: the same, for the second, third… call of one footnote.
  labels.back_to_reference = catalog.tr(N_("Back to the text (reference %1$d)"));
  // TRANSLATORS: the titles of callouts, > [!NOTE] and the like (GitHub's alerts).
  labels.note = catalog.tr(N_("Note"));
  labels.tip = catalog.tr(N_("Tip"));
  labels.important = catalog.tr(N_("Important"));
  labels.warning = catalog.tr(N_("Warning"));
  labels.caution = catalog.tr(N_("Caution"));
  return labels;
}

}  // namespace passerelle
