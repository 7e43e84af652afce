#include "markdown/footnotes.h"

#include <cstdlib>

#include "base/text.h"
#include "messages/messages.h"

namespace passerelle {

namespace {

// U+2058 FOUR DOT PUNCTUATION and private-use characters around the reference's number.
constexpr std::string_view kOpen = "\u2058\uE000";
constexpr std::string_view kClose = "\uE001\u2058";

std::string placeholder(size_t index) {
  return std::string(kOpen) + std::to_string(index) + std::string(kClose);
}

int indentation(std::string_view line) {
  int width = 0;
  for (char c : line) {
    if (c == ' ') {
      ++width;
    } else if (c == '\t') {
      width += 4 - width % 4;
    } else {
      break;
    }
  }
  return width;
}

bool is_blank(std::string_view line) { return line.find_first_not_of(" \t\r") == std::string_view::npos; }

/// The label of `[^label]` at `at` in `line`, and where it ends; empty when none is there.
std::string_view label_at(std::string_view line, size_t at, size_t& end) {
  if (line.compare(at, 2, "[^") != 0) return {};
  size_t i = at + 2;
  while (i < line.size() && line[i] != ']' && line[i] != '[' && line[i] != ' ' && line[i] != '\t') ++i;
  if (i >= line.size() || line[i] != ']' || i == at + 2 || i - at - 2 > 100) return {};
  end = i + 1;
  return line.substr(at + 2, i - at - 2);
}

/// The fence a line opens or closes (``` or ~~~, at least three), or empty.
std::string_view fence_of(std::string_view line) {
  size_t i = line.find_first_not_of(' ');
  if (i == std::string_view::npos || i > 3 || (line[i] != '`' && line[i] != '~')) return {};
  size_t end = line.find_first_not_of(line[i], i);
  if (end == std::string_view::npos) end = line.size();
  if (end - i < 3) return {};
  return line.substr(i, end - i);
}

int code_points(std::string_view text) {
  int n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

}  // namespace

std::optional<FootnoteSource> extract_footnotes(const MarkdownSource& source) {
  if (source.text.find("[^") == std::string::npos) return std::nullopt;
  FootnoteSource out;
  std::vector<std::string_view> lines;
  std::string_view text = source.text;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  if (!text.empty() && text.back() == '\n') lines.push_back({});  // the last, empty line
  std::string fence;  // of the fenced code block the line is in
  for (size_t n = 0; n < lines.size(); ++n) {
    std::string_view line = lines[n];
    int line_number = source.first_line + static_cast<int>(n);
    std::string_view this_fence = fence_of(line);
    if (!fence.empty()) {
      if (!this_fence.empty() && this_fence[0] == fence[0] && this_fence.size() >= fence.size() &&
          is_blank(line.substr(line.find(this_fence) + this_fence.size()))) {
        fence.clear();
      }
    } else if (!this_fence.empty()) {
      fence = std::string(this_fence);
    } else if (size_t at = line.find_first_not_of(' '); at != std::string_view::npos && at <= 3) {
      size_t label_end = 0;
      std::string_view label = label_at(line, at, label_end);
      if (!label.empty() && label_end < line.size() && line[label_end] == ':') {
        FootnoteDefinition definition;
        definition.label = std::string(label);
        definition.location = {source.path, line_number, static_cast<int>(at) + 1};
        size_t body = line.find_first_not_of(" \t", label_end + 1);
        std::string body_text;
        int body_line = line_number, body_column = 1;
        if (body != std::string_view::npos) {
          body_text = std::string(line.substr(body));
          body_column = code_points(line.substr(0, body)) + 1;
        }
        size_t last = n;
        while (last + 1 < lines.size()) {
          std::string_view next = lines[last + 1];
          if (!is_blank(next) && indentation(next) >= 4) {
            if (body_text.empty()) {  // "[^x]:" alone: the text starts on the next line
              size_t first = next.find_first_not_of(" \t");
              body_text = std::string(next.substr(first));
              body_line = source.first_line + static_cast<int>(last + 1);
              body_column = code_points(next.substr(0, first)) + 1;
            } else {
              body_text += "\n" + std::string(next);
            }
            ++last;
          } else if (is_blank(next) && last + 2 < lines.size() && !is_blank(lines[last + 2]) &&
                     indentation(lines[last + 2]) >= 4) {
            definition.several_paragraphs = true;
            body_text += "\n\n" + std::string(lines[last + 2]);
            last += 2;
          } else {
            break;
          }
        }
        definition.body = {body_text, source.path, body_line, body_column};
        out.definitions.push_back(std::move(definition));
        for (size_t blank = n; blank <= last; ++blank) {
          if (blank + 1 < lines.size()) out.text += '\n';
        }
        n = last;
        continue;
      }
    }
    // The references of an ordinary line (those in code come back as written).
    size_t copied = 0;
    for (size_t at = line.find("[^"); at != std::string_view::npos; at = line.find("[^", at + 1)) {
      size_t backslashes = 0;
      while (backslashes < at && line[at - 1 - backslashes] == '\\') ++backslashes;
      size_t end = 0;
      std::string_view label = label_at(line, at, end);
      if (label.empty() || backslashes % 2 == 1) continue;
      out.text += line.substr(copied, at - copied);
      out.text += placeholder(out.references.size());
      out.references.push_back({std::string(label), std::string(line.substr(at, end - at)),
                                {source.path, line_number, code_points(line.substr(0, at)) + 1}});
      copied = end;
      at = end - 1;
    }
    out.text += line.substr(copied);
    if (n + 1 < lines.size()) out.text += '\n';
  }
  if (out.definitions.empty() && out.references.empty()) return std::nullopt;
  return out;
}

std::vector<TextPiece> split_at_placeholders(std::string_view text) {
  std::vector<TextPiece> pieces;
  size_t from = 0;
  for (size_t at = text.find(kOpen); at != std::string_view::npos; at = text.find(kOpen, from)) {
    size_t digits = at + kOpen.size();
    size_t close = text.find(kClose, digits);
    if (close == std::string_view::npos || close == digits || close - digits > 9) break;
    if (at > from) pieces.push_back({text.substr(from, at - from)});
    pieces.push_back({{}, std::atoi(std::string(text.substr(digits, close - digits)).c_str())});
    from = close + kClose.size();
  }
  if (from < text.size()) pieces.push_back({text.substr(from)});
  return pieces;
}

std::string restore_references(std::string_view text, const FootnoteSource& footnotes) {
  std::string out;
  for (const auto& piece : split_at_placeholders(text)) {
    if (piece.reference >= 0 && static_cast<size_t>(piece.reference) < footnotes.references.size()) {
      out += footnotes.references[static_cast<size_t>(piece.reference)].written;
    } else {
      out += piece.text;
    }
  }
  return out;
}

std::string footnote_call_html(int number, const std::string& note_id, const std::string& call_id,
                               const std::string& heading_id) {
  return "<sup class=\"footnote-ref\"><a href=\"#" + escape_html(note_id) + "\" id=\"" +
         escape_html(call_id) + "\" role=\"doc-noteref\" aria-describedby=\"" +
         escape_html(heading_id) + "\">" + std::to_string(number) + "</a></sup>";
}

std::string footnote_list_html(const std::vector<ListedNote>& notes, const std::string& heading_id,
                               const MarkdownLabels& labels) {
  std::string out = "<section class=\"footnotes\" role=\"doc-endnotes\" aria-labelledby=\"" +
                    escape_html(heading_id) + "\">\n<h2 id=\"" + escape_html(heading_id) + "\">" +
                    escape_html(labels.notes) + "</h2>\n<ol>\n";
  for (const ListedNote& note : notes) {
    out += "<li id=\"" + escape_html(note.id) + "\">" + note.html;
    for (size_t i = 0; i < note.calls.size(); ++i) {
      std::string label = i == 0 ? labels.back_to_text
                                 : format_message(labels.back_to_reference.c_str(),
                                                  static_cast<int>(i + 1));
      out += " <a href=\"#" + escape_html(note.calls[i]) +
             "\" class=\"footnote-back\" role=\"doc-backlink\" aria-label=\"" +
             escape_html(label) + "\">\u21A9" +
             (i == 0 ? "" : "<sup>" + std::to_string(i + 1) + "</sup>") + "</a>";
    }
    out += "</li>\n";
  }
  return out + "</ol>\n</section>\n";
}

}  // namespace passerelle
