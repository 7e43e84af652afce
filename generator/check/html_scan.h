// A small HTML tokenizer for checks of the built pages: the attributes of every start tag,
// with entities decoded and their byte offsets. Comments, end tags and the content of raw-text
// elements (script, style…) are skipped. It reads what Passerelle writes; it is not a full
// HTML parser.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace passerelle {

struct HtmlAttribute {
  std::string tag;    // lower case
  std::string name;   // lower case
  std::string value;  // character references decoded
  size_t offset = 0;  // of the start tag's '<' in the document
};

std::vector<HtmlAttribute> scan_attributes(std::string_view html);

}  // namespace passerelle
