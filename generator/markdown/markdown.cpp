#include "markdown/markdown.h"

#include <md4c.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "base/link_warnings.h"
#include "base/text.h"
#include "markdown/callouts.h"
#include "markdown/footnotes.h"
#include "messages/messages.h"

namespace passerelle {

namespace {

// How wide a picture is shown: the text column (.prose, 68ch, about 40rem in site.css), or
// the whole screen of a phone. The browser picks the width of srcset to fetch from it.
constexpr const char* kPictureSizes = "(min-width: 44rem) 40rem, 100vw";

/// md4c hands an entity as written ("&eacute;", "&#233;"). Like a browser, a code point that
/// cannot be text gives U+FFFD (see decode_character_reference); a name we do not know stays
/// as written.
std::string decode_entity(std::string_view entity) {
  if (entity.size() < 3 || entity.front() != '&' || entity.back() != ';') return std::string(entity);
  auto text = decode_character_reference(entity.substr(1, entity.size() - 2));
  return text ? *text : std::string(entity);
}

std::string attribute_text(const MD_ATTRIBUTE& attribute) {
  std::string out;
  for (int i = 0; attribute.substr_offsets[i] < attribute.size; ++i) {
    std::string_view part(attribute.text + attribute.substr_offsets[i],
                          attribute.substr_offsets[i + 1] - attribute.substr_offsets[i]);
    switch (attribute.substr_types[i]) {
      case MD_TEXT_ENTITY: out += decode_entity(part); break;
      case MD_TEXT_NULLCHAR: out += "\uFFFD"; break;
      default: out += part;
    }
  }
  return out;
}

/// The attribute as the source has it: entities as typed (md4c keeps them so), backslash
/// escapes already removed.
std::string attribute_source(const MD_ATTRIBUTE& attribute) {
  return std::string(attribute.text, attribute.size);
}

/// Where `target` (a link target as md4c gives it) is written in `text`, from `from` on, with
/// backslashes before punctuation: md4c drops those escapes. Sets `length` to the length it
/// has in `text`. Only used when the plain search fails.
size_t find_escaped(std::string_view text, std::string_view target, size_t from, size_t& length) {
  if (target.empty()) return std::string_view::npos;
  const char starts[] = {target[0], '\\', '\0'};
  for (size_t at = text.find_first_of(starts, from); at != std::string_view::npos;
       at = text.find_first_of(starts, at + 1)) {
    size_t i = at, j = 0;
    while (j < target.size() && i < text.size()) {
      if (text[i] == target[j]) {
        ++i;
      } else if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] == target[j] &&
                 std::ispunct(static_cast<unsigned char>(target[j]))) {
        i += 2;
      } else {
        break;
      }
      ++j;
    }
    if (j == target.size()) {
      length = i - at;
      return at;
    }
  }
  return std::string_view::npos;
}

/// The HTML a block opens and closes with, where it is fixed: both written here, so that they
/// match. nullptr: made by the renderer (attributes, headings).
struct BlockTags {
  const char* open;
  const char* close;
};

BlockTags block_tags(MD_BLOCKTYPE type) {
  switch (type) {
    case MD_BLOCK_QUOTE: return {"<blockquote>\n", "</blockquote>\n"};
    case MD_BLOCK_UL: return {"<ul>\n", "</ul>\n"};
    case MD_BLOCK_OL: return {nullptr, "</ol>\n"};
    case MD_BLOCK_LI: return {"<li>", "</li>\n"};
    case MD_BLOCK_HR: return {"<hr>\n", ""};
    case MD_BLOCK_H: return {nullptr, nullptr};
    case MD_BLOCK_CODE: return {nullptr, "</code></pre>\n"};
    case MD_BLOCK_P: return {"<p>", "</p>\n"};
    case MD_BLOCK_TABLE: return {nullptr, "</table></div>\n"};
    case MD_BLOCK_THEAD: return {"<thead>\n", "</thead>\n"};
    case MD_BLOCK_TBODY: return {"<tbody>\n", "</tbody>\n"};
    case MD_BLOCK_TR: return {"<tr>", "</tr>\n"};
    case MD_BLOCK_TH: return {nullptr, "</th>"};
    case MD_BLOCK_TD: return {nullptr, "</td>"};
    default: return {"", ""};  // the document, raw HTML: nothing of their own
  }
}

/// The element of a span written as a plain pair of tags ("em": <em>…</em>); nullptr for the
/// others. A link is opened by the renderer (its target is checked) and closed as "a".
const char* span_element(MD_SPANTYPE type) {
  switch (type) {
    case MD_SPAN_EM: return "em";
    case MD_SPAN_STRONG: return "strong";
    case MD_SPAN_CODE: return "code";
    case MD_SPAN_DEL: return "del";
    case MD_SPAN_U: return "u";
    default: return nullptr;
  }
}

const char* alignment_class(MD_ALIGN align) {
  switch (align) {
    case MD_ALIGN_LEFT: return " class=\"align-left\"";
    case MD_ALIGN_CENTER: return " class=\"align-center\"";
    case MD_ALIGN_RIGHT: return " class=\"align-right\"";
    default: return "";
  }
}

class Renderer {
 public:
  Renderer(const MarkdownSource& source, const MarkdownOptions& options,
           const LinkResolver& resolve, Diagnostics& diagnostics)
      : source_(source), options_(options), resolve_(resolve), diagnostics_(diagnostics) {
    located_.column = source.first_column;
  }

  RenderedMarkdown run() {
    MD_PARSER parser{};
    parser.abi_version = 0;
    parser.flags = markdown_parser_flags(options_);
    parser.enter_block = [](MD_BLOCKTYPE t, void* d, void* u) { return self(u)->enter_block(t, d); };
    parser.leave_block = [](MD_BLOCKTYPE t, void* d, void* u) { return self(u)->leave_block(t, d); };
    parser.enter_span = [](MD_SPANTYPE t, void* d, void* u) { return self(u)->enter_span(t, d); };
    parser.leave_span = [](MD_SPANTYPE t, void* d, void* u) { return self(u)->leave_span(t, d); };
    parser.text = [](MD_TEXTTYPE t, const MD_CHAR* s, MD_SIZE n, void* u) {
      return self(u)->text(t, std::string_view(s, n));
    };
    std::string_view text = source_.text;
    if (options_.footnotes) footnotes_ = extract_footnotes(source_);
    if (footnotes_) {
      render_notes();
      text = footnotes_->text;
    }
    auto size = static_cast<MD_SIZE>(text.size());
    if (md_parse(text.data(), size, &parser, this) != 0 && !too_deep_) {
      diagnostics_.error({source_.path, source_.first_line, 1}, tr("the Markdown could not be parsed"));
    }
    if (footnotes_) finish_notes();
    result_.single_paragraph = top_level_blocks_ == 1 && only_paragraphs_;
    result_.plain_text = collapse_whitespace(plain_);
    return std::move(result_);
  }

 private:
  static Renderer* self(void* userdata) { return static_cast<Renderer*>(userdata); }
  std::string& sink() { return captures_.empty() ? result_.html : captures_.back(); }

  /// Block quotes and lists nested deeper than any real text are refused: browsers flatten
  /// such pages anyway, and tools that read them recursively may run out of stack.
  bool nests_too_deep(MD_BLOCKTYPE type, int change) {
    if (type != MD_BLOCK_QUOTE && type != MD_BLOCK_UL && type != MD_BLOCK_OL) return false;
    nesting_ += change;
    if (nesting_ <= kMaxNesting) return false;
    too_deep_ = true;
    diagnostics_.error({source_.path, source_.first_line, 1},
                       format_message(tr("block quotes and lists are nested more than %1$d "
                                         "levels deep"),
                                      kMaxNesting));
    return true;
  }

  int enter_block(MD_BLOCKTYPE type, void* detail) {
    if (nests_too_deep(type, +1)) return 1;  // stops md4c
    if (block_depth_++ == 1) {
      ++top_level_blocks_;
      only_paragraphs_ = only_paragraphs_ && type == MD_BLOCK_P;
    }
    std::string& out = sink();
    if (type == MD_BLOCK_QUOTE) quotes_.push_back(out.size());
    plain_ += ' ';
    if (type == MD_BLOCK_P) paragraph_ = Paragraph{true, &out, out.size()};
    switch (type) {
      case MD_BLOCK_OL: {
        unsigned start = static_cast<MD_BLOCK_OL_DETAIL*>(detail)->start;
        out += start == 1 ? "<ol>\n" : "<ol start=\"" + std::to_string(start) + "\">\n";
        break;
      }
      case MD_BLOCK_H:
        heading_level_ = static_cast<int>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level);
        heading_text_.clear();
        captures_.emplace_back();
        break;
      case MD_BLOCK_CODE: {
        auto* code = static_cast<MD_BLOCK_CODE_DETAIL*>(detail);
        std::string language = code->lang.size ? attribute_text(code->lang) : "";
        out += language.empty() ? "<pre><code>"
                                : "<pre><code class=\"language-" + escape_html(language) + "\">";
        break;
      }
      case MD_BLOCK_TABLE:
        // Focusable so keyboard users can scroll a wide table, named by its section heading.
        out += result_.headings.empty()
                   ? "<div class=\"table-scroll\"><table>\n"
                   : "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"" +
                         escape_html(result_.headings.back().id) + "\"><table>\n";
        break;
      case MD_BLOCK_TH:
        out += std::string("<th scope=\"col\"") +
               alignment_class(static_cast<MD_BLOCK_TD_DETAIL*>(detail)->align) + ">";
        break;
      case MD_BLOCK_TD:
        out += std::string("<td") +
               alignment_class(static_cast<MD_BLOCK_TD_DETAIL*>(detail)->align) + ">";
        break;
      default:
        out += block_tags(type).open;
    }
    return 0;
  }

  int leave_block(MD_BLOCKTYPE type, void*) {
    nests_too_deep(type, -1);
    --block_depth_;
    std::string& out = sink();
    plain_ += ' ';
    if (type == MD_BLOCK_QUOTE) {
      size_t start = quotes_.back();
      quotes_.pop_back();
      if (close_as_callout(out, start, options_.labels)) return 0;
    }
    if (type == MD_BLOCK_H) {
      finish_heading();
    } else if (type == MD_BLOCK_P && make_figure(out)) {
      paragraph_ = {};
    } else {
      out += block_tags(type).close;
      if (type == MD_BLOCK_P) paragraph_ = {};
    }
    return 0;
  }

  /// A picture alone in its paragraph, with a title: the paragraph becomes a figure, the
  /// title its caption (and no longer a tooltip that repeats it).
  bool make_figure(std::string& out) {
    if (!options_.figures || !paragraph_.open || paragraph_.out != &out || paragraph_.pictures != 1 ||
        paragraph_.other || paragraph_.title.empty()) {
      return false;
    }
    std::string picture = out.substr(paragraph_.start + std::strlen(block_tags(MD_BLOCK_P).open));
    std::string title = " title=\"" + escape_html(paragraph_.title) + "\"";
    if (size_t at = picture.find(title); at != std::string::npos) picture.erase(at, title.size());
    out.resize(paragraph_.start);
    out += "<figure>" + picture + "<figcaption>" + escape_html(paragraph_.title) +
           "</figcaption></figure>\n";
    return true;
  }

  void finish_heading() {
    std::string inner = std::move(captures_.back());
    captures_.pop_back();
    std::string text = collapse_whitespace(heading_text_);
    std::string id = options_.id_prefix + unique_id(slugify(text));
    std::string level = std::to_string(std::min(heading_level_ + options_.heading_shift, 6));
    sink() += "<h" + level + " id=\"" + escape_html(id) + "\">" + inner + "</h" + level + ">\n";
    result_.headings.push_back({heading_level_, id, text});
    heading_level_ = 0;
  }

  /// `id`, or `id-N` with the smallest N from 2 on that is neither used nor reserved. Each base
  /// remembers where its search stopped: ids are only ever added, so every N below stays taken,
  /// and a page of many identical headings costs linear time instead of quadratic.
  std::string unique_id(std::string id) {
    if (id.empty()) id = "section";
    auto is_taken = [&](const std::string& candidate) {
      return used_ids_.count(candidate) || options_.reserved_ids.count(candidate);
    };
    std::string candidate = id;
    if (is_taken(candidate)) {
      int& n = next_suffix_.try_emplace(id, 2).first->second;
      for (candidate = id + "-" + std::to_string(n); is_taken(candidate);) {
        candidate = id + "-" + std::to_string(++n);
      }
      ++n;
    }
    used_ids_.insert(candidate);
    return candidate;
  }

  int enter_span(MD_SPANTYPE type, void* detail) {
    if (image_depth_ > 0) {
      if (type == MD_SPAN_IMG) ++image_depth_;
      return 0;
    }
    if (type != MD_SPAN_IMG) paragraph_.other = true;
    if (type == MD_SPAN_A) {
      ++link_depth_;
      open_link(*static_cast<MD_SPAN_A_DETAIL*>(detail));
    } else if (type == MD_SPAN_IMG) {
      open_image(*static_cast<MD_SPAN_IMG_DETAIL*>(detail));
    } else if (const char* element = span_element(type)) {
      sink() += std::string("<") + element + ">";
    }
    return 0;
  }

  int leave_span(MD_SPANTYPE type, void*) {
    if (image_depth_ > 0) {
      if (type == MD_SPAN_IMG && --image_depth_ == 0) close_image();
      return 0;
    }
    if (type == MD_SPAN_A) --link_depth_;
    const char* element = type == MD_SPAN_A ? "a" : span_element(type);
    if (element) sink() += std::string("</") + element + ">";
    if (type == MD_SPAN_A && !link_notes_.empty()) {
      OpenLink& link = link_notes_.back();
      if (!link.note.empty()) {
        sink() += " <span class=\"file-info\">(" + escape_html(link.note) + ")</span>";
        result_.downloads.push_back({collapse_whitespace(link.text), link.target, link.note});
      }
      link_notes_.pop_back();
    }
    return 0;
  }

  void close_image() {
    std::string alt = collapse_whitespace(image_alt_);
    if (alt == "-") {
      alt.clear();  // decoration only: screen readers pass it by
    } else if (alt.empty()) {
      diagnostics_.error(image_location_,
                         format_message(tr("the picture '%1$s' has no text alternative: describe "
                                           "it between the brackets, ![…](%1$s), or write "
                                           "![-](%1$s) if it is only decoration"),
                                        image_source_));
    }
    // The first picture may be at the top of the page; the others load as they come near.
    std::string loading = pictures_seen_++ == 0 ? "" : " loading=\"lazy\"";
    sink() += " alt=\"" + escape_html(alt) + "\"" + loading + " decoding=\"async\">";
    if (in_picture_element_) sink() += "</picture>";
    in_picture_element_ = false;
    ++paragraph_.pictures;
  }

  /// The place of `href` in the source, searched from the previous link on (md4c gives none).
  /// Lines are counted on from the previous place, so a page with many links stays linear.
  SourceLocation locate(const std::string& href) {
    size_t length = href.size();
    size_t at = source_.text.find(href, search_from_);
    if (at == std::string::npos) at = source_.text.find(href);
    if (at == std::string::npos) at = find_escaped(source_.text, href, search_from_, length);
    if (at == std::string::npos) at = find_escaped(source_.text, href, 0, length);
    if (at == std::string::npos) return {source_.path, source_.first_line, 0};
    search_from_ = at + length;
    if (at < located_offset_) {
      located_offset_ = 0;
      located_ = {"", 1, source_.first_column};
    }
    auto step = location_of_offset(source_.path,
                                   std::string_view(source_.text).substr(located_offset_),
                                   at - located_offset_);
    located_.column = step.line == 1 ? located_.column + step.column - 1 : step.column;
    located_.line += step.line - 1;
    located_offset_ = at;
    SourceLocation where{source_.path, located_.line + source_.first_line - 1, located_.column};
    return where;
  }

  /// `written` is the link target decoded; `in_source` is how it reads in the file, for
  /// locating it (entities such as &#106; left as typed).
  std::string resolve(const std::string& written, const std::string& in_source) {
    last_note_.clear();
    last_target_.clear();
    last_picture_ = {};
    if (is_unsafe_url(written)) {
      diagnostics_.error(last_location_ = locate(in_source),
                         format_message(tr("link to '%1$s' is refused: scripts and embedded data "
                                           "are not allowed in links"),
                                        written));
      return "#";
    }
    // Links that work in the preview but not once published: a warning, the link is kept.
    if (auto warning = link_warning(written); !warning.empty()) {
      diagnostics_.warning(locate(in_source), warning);
    }
    auto resolution = resolve_(written);
    if (!resolution.error.empty()) {
      diagnostics_.error(last_location_ = locate(in_source), resolution.error);
      return "#";
    }
    SourceLocation where = last_location_ = locate(in_source);
    // Percent-encoded as CommonMark asks ("my url" → my%20url); what the resolver made is
    // encoded already and stays as it is.
    resolution.href = encode_url(resolution.href);
    last_note_ = resolution.note;
    last_target_ = resolution.target;
    last_picture_ = resolution.picture;
    if (!resolution.target.empty() && !resolution.fragment.empty()) {
      result_.fragment_references.push_back({resolution.target, resolution.fragment, where});
    }
    result_.link_places.push_back({resolution.href, std::move(where)});
    return resolution.href;
  }

  void open_link(const MD_SPAN_A_DETAIL& link) {
    std::string written = attribute_text(link.href);
    if (written.find('@') != std::string::npos && written.find('/') == std::string::npos &&
        written.find(':') == std::string::npos) {
      written = "mailto:" + written;
    }
    std::string& out = sink();
    out += "<a href=\"" + escape_html(resolve(written, attribute_source(link.href))) + "\"";
    if (link.title.size) out += " title=\"" + escape_html(attribute_text(link.title)) + "\"";
    out += ">";
    link_notes_.push_back({last_note_, last_target_, ""});
  }

  void open_image(const MD_SPAN_IMG_DETAIL& image) {
    std::string written = attribute_text(image.src);
    std::string src = resolve(written, attribute_source(image.src));
    std::string& out = sink();
    const PictureSources& sizes = last_picture_;
    bool responsive = options_.responsive_pictures;
    in_picture_element_ = responsive && !sizes.webp_srcset.empty();
    if (in_picture_element_) {
      out += "<picture><source type=\"image/webp\" srcset=\"" + escape_html(sizes.webp_srcset) +
             "\" sizes=\"" + kPictureSizes + "\">";
    }
    out += "<img src=\"" + escape_html(src) + "\"";
    if (responsive && !sizes.srcset.empty()) {
      out += " srcset=\"" + escape_html(sizes.srcset) + "\" sizes=\"" + kPictureSizes + "\"";
    }
    if (sizes.width > 0 && sizes.height > 0) {
      out += " width=\"" + std::to_string(sizes.width) + "\" height=\"" +
             std::to_string(sizes.height) + "\"";
    }
    std::string title = image.title.size ? attribute_text(image.title) : "";
    if (!title.empty()) out += " title=\"" + escape_html(title) + "\"";
    image_location_ = last_location_;
    image_source_ = written;
    if (paragraph_.pictures == 0) paragraph_.title = title;
    image_alt_.clear();
    image_depth_ = 1;
  }

  int text(MD_TEXTTYPE type, std::string_view text) {
    if (!footnotes_ || text.find("\u2058") == std::string_view::npos) return emit_text(type, text);
    if (type != MD_TEXT_NORMAL || image_depth_ > 0) {
      // In code, raw HTML or a picture's text alternative: the reference as written.
      return emit_text(type, restore_references(text, *footnotes_));
    }
    for (const auto& piece : split_at_placeholders(text)) {
      if (piece.reference < 0) {
        emit_text(type, piece.text);
      } else {
        call_note(static_cast<size_t>(piece.reference));
      }
    }
    return 0;
  }

  int emit_text(MD_TEXTTYPE type, std::string_view text) {
    std::string decoded;
    switch (type) {
      case MD_TEXT_NULLCHAR: decoded = "\uFFFD"; break;
      case MD_TEXT_BR: decoded = "\n"; break;
      case MD_TEXT_SOFTBR: decoded = "\n"; break;
      case MD_TEXT_ENTITY: decoded = decode_entity(text); break;
      default: decoded = options_.french_spacing && type == MD_TEXT_NORMAL
                             ? french_spacing(text) : std::string(text);
    }
    if (image_depth_ > 0) {
      image_alt_ += decoded;
      return 0;
    }
    if (decoded.find_first_not_of(" \t\n") != std::string::npos) paragraph_.other = true;
    if (type == MD_TEXT_HTML) {
      sink() += text;  // only reached when raw HTML is allowed
      return 0;
    }
    plain_ += decoded;
    if (heading_level_) heading_text_ += decoded;
    if (!link_notes_.empty() && !link_notes_.back().note.empty()) link_notes_.back().text += decoded;
    sink() += type == MD_TEXT_BR ? "<br>\n" : escape_html(decoded);
    return 0;
  }

  /// Renders each footnote's text, once, before the page (its links are checked there).
  void render_notes() {
    MarkdownOptions inner = options_;
    inner.footnotes = false;
    inner.figures = false;
    for (const auto& definition : footnotes_->definitions) {
      if (auto known = note_index_.find(definition.label); known != note_index_.end()) {
        const SourceLocation& first = footnotes_->definitions[known->second].location;
        diagnostics_.error(definition.location,
                           format_message(tr("the footnote '[^%1$s]' is defined twice (first at "
                                             "line %2$d)"),
                                          definition.label, first.line));
        continue;
      }
      note_index_.emplace(definition.label, notes_.size());
      auto body = Renderer(definition.body, inner, resolve_, diagnostics_).run();
      Note note{&definition};
      if (body.single_paragraph && !definition.several_paragraphs) {
        const size_t open = std::strlen("<p>"), close = std::strlen("</p>\n");
        note.html = body.html.substr(open, body.html.size() - open - close);
      } else {
        diagnostics_.error(definition.location,
                           format_message(tr("the footnote '[^%1$s]' must be one paragraph of "
                                             "text (no list, quote, code block or second "
                                             "paragraph): it is printed at the foot of the page, "
                                             "inside the sentence that calls it"),
                                          definition.label));
        note.html = escape_html(body.plain_text);
      }
      note.plain_text = body.plain_text;
      for (auto& place : body.link_places) result_.link_places.push_back(std::move(place));
      for (auto& reference : body.fragment_references) result_.fragment_references.push_back(reference);
      for (auto& download : body.downloads) result_.downloads.push_back(std::move(download));
      notes_.push_back(std::move(note));
    }
  }

  /// Reference `index` of the text: a numbered call of its note (a link to it on screen, the
  /// note itself in print), or the text as written with an error.
  void call_note(size_t index) {
    const FootnoteReference& reference = footnotes_->references[index];
    auto known = note_index_.find(reference.label);
    if (known == note_index_.end() || link_depth_ > 0) {
      diagnostics_.error(reference.location,
                         known == note_index_.end()
                             ? format_message(tr("the footnote '[^%1$s]' is not defined: write "
                                                 "its text on a line of its own, '[^%1$s]: …'"),
                                              reference.label)
                             : format_message(tr("the footnote '[^%1$s]' is called inside a "
                                                 "link's text: call it after the link"),
                                              reference.label));
      emit_text(MD_TEXT_NORMAL, reference.written);
      return;
    }
    paragraph_.other = true;
    Note& note = notes_[known->second];
    if (note.number == 0) {
      note.number = static_cast<int>(numbered_.size()) + 1;
      numbered_.push_back(known->second);
      if (!options_.footnotes_at_foot_of_page) {
        note.id = options_.id_prefix + unique_id("fn-" + std::to_string(note.number));
        if (notes_heading_id_.empty()) notes_heading_id_ = options_.id_prefix + unique_id("footnotes");
      }
    }
    std::string number = std::to_string(note.number);
    int call = static_cast<int>(note.calls.size()) + 1;
    if (options_.footnotes_at_foot_of_page) {
      // The first call carries the note, which floats to the foot of its page; the next ones
      // repeat its number.
      sink() += call == 1 ? "<span class=\"footnote\">" + note.html + "</span>"
                          : "<sup class=\"footnote-again\">" + number + "</sup>";
      note.calls.emplace_back();
      return;
    }
    std::string id = options_.id_prefix +
                     unique_id("fnref-" + number + (call == 1 ? "" : "-" + std::to_string(call)));
    note.calls.push_back(id);
    sink() += footnote_call_html(note.number, note.id, id, notes_heading_id_);
  }

  /// The notes no text calls are reported; on screen, the called ones are listed at the end.
  void finish_notes() {
    for (const Note& note : notes_) {
      if (note.number == 0) {
        diagnostics_.warning(note.definition->location,
                             format_message(tr("the footnote '[^%1$s]' is never called: call it "
                                               "with '[^%1$s]' in the text, or remove it"),
                                            note.definition->label));
      }
    }
    for (size_t index : numbered_) plain_ += " " + notes_[index].plain_text;
    if (numbered_.empty() || options_.footnotes_at_foot_of_page) return;
    std::vector<ListedNote> listed;
    for (size_t index : numbered_) listed.push_back({notes_[index].id, notes_[index].html, notes_[index].calls});
    result_.html += footnote_list_html(listed, notes_heading_id_, options_.labels);
  }

  const MarkdownSource& source_;
  const MarkdownOptions& options_;
  const LinkResolver& resolve_;
  Diagnostics& diagnostics_;
  RenderedMarkdown result_;
  std::vector<std::string> captures_;
  std::unordered_set<std::string> used_ids_;
  std::unordered_map<std::string, int> next_suffix_;  // per base id, for unique_id()
  std::string plain_;
  std::string heading_text_;
  int heading_level_ = 0;
  int image_depth_ = 0;
  std::string image_alt_;
  std::string image_source_;        // as written, for the error of a missing alternative
  SourceLocation image_location_;
  int pictures_seen_ = 0;
  std::string last_note_;                // of the last link resolved
  PictureSources last_picture_;          // of the last link resolved
  std::string last_target_;              // of the last link resolved
  bool in_picture_element_ = false;      // a <picture> is open around the current <img>
  SourceLocation last_location_;         // of the last link resolved
  struct OpenLink {
    std::string note;    // a download's type and size, shown when the link closes
    std::string target;  // its target (file:<site path>)
    std::string text;    // its text so far
  };
  std::vector<OpenLink> link_notes_;  // the links open
  // The paragraph being written, to tell a picture alone in it (a figure).
  struct Paragraph {
    bool open = false;
    std::string* out = nullptr;  // where it is written
    size_t start = 0;            // where its <p> is
    int pictures = 0;
    bool other = false;  // text or spans besides the pictures
    std::string title{};  // of its first picture
  } paragraph_;
  size_t search_from_ = 0;
  size_t located_offset_ = 0;                   // where `located_` is, for locate()
  SourceLocation located_{"", 1, 1};          // line and column only
  // Footnotes: the pass over the source, the notes defined (the first of each label), and
  // their order of first call (their numbers).
  std::optional<FootnoteSource> footnotes_;
  struct Note {
    const FootnoteDefinition* definition;
    std::string html{};        // its text, as phrasing content
    std::string plain_text{};
    int number = 0;            // 0 until called
    std::string id{};          // of its item in the list (screen)
    std::vector<std::string> calls{};  // the ids of its calls (screen), in order
  };
  std::vector<Note> notes_;
  std::unordered_map<std::string, size_t> note_index_;  // label → notes_
  std::vector<size_t> numbered_;                        // notes_ in the order of their numbers
  std::string notes_heading_id_;
  int link_depth_ = 0;
  std::vector<size_t> quotes_;  // where each open block quote starts in its sink
  int block_depth_ = 0;
  int top_level_blocks_ = 0;
  bool only_paragraphs_ = true;
  static constexpr int kMaxNesting = 32;
  int nesting_ = 0;
  bool too_deep_ = false;
};

}  // namespace

unsigned markdown_parser_flags(const MarkdownOptions& options) {
  return MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_PERMISSIVEAUTOLINKS |
         (options.allow_raw_html ? 0u : static_cast<unsigned>(MD_FLAG_NOHTML));
}

bool is_unsafe_url(std::string_view href) {
  std::string scheme;
  for (char c : href) {
    if (c == ':') break;
    if (c == '/' || c == '?' || c == '#') return false;
    if (c == ' ' || c == '\t' || c == '\n' || static_cast<unsigned char>(c) < 0x20) continue;
    scheme += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  if (href.find(':') == std::string_view::npos) return false;
  return scheme == "javascript" || scheme == "vbscript" || scheme == "data" || scheme == "file";
}

namespace {

/// `text` with every line ending a line feed. CommonMark ends lines with LF, CR or CRLF; the
/// footnotes' line scanner knows LF only, and let a lone CR (a TOML string's "\r", say) through
/// into the HTML.
std::string with_line_feeds(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r') out += text[i];
    else if (i + 1 == text.size() || text[i + 1] != '\n') out += '\n';
  }
  return out;
}

}  // namespace

RenderedMarkdown render_markdown(const MarkdownSource& source, const MarkdownOptions& options,
                                 const LinkResolver& resolve, Diagnostics& diagnostics) {
  if (source.text.find('\r') == std::string::npos) {
    return Renderer(source, options, resolve, diagnostics).run();
  }
  MarkdownSource unix_source = source;
  unix_source.text = with_line_feeds(source.text);
  return Renderer(unix_source, options, resolve, diagnostics).run();
}

}  // namespace passerelle
