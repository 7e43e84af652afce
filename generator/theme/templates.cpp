#include "theme/templates.h"

#include <kainjow/mustache.hpp>

#include <algorithm>
#include <cstdlib>
#include <regex>

#include "base/text.h"

namespace passerelle {

namespace mustache = kainjow::mustache;

struct TemplateSet::Compiled {
  explicit Compiled(const std::string& text) : engine(text) {}
  mutable mustache::mustache engine;  // rendering keeps error state inside
};

TemplateSet::TemplateSet() = default;
TemplateSet::TemplateSet(TemplateSet&&) noexcept = default;
TemplateSet& TemplateSet::operator=(TemplateSet&&) noexcept = default;
TemplateSet::~TemplateSet() = default;

namespace {

/// kainjow reports "… at <byte offset>"; turn it into a line and column.
Diagnostic template_error(const std::string& path, const std::string& text,
                          const std::string& message) {
  size_t at = message.rfind(" at ");
  SourceLocation where{path, 0, 0};
  std::string what = message;
  if (at != std::string::npos) {
    where = location_of_offset(path, text, std::strtoul(message.c_str() + at + 4, nullptr, 10));
    what = message.substr(0, at);
  }
  return {Severity::kError, where, "template: " + what};
}

std::string name_of(const std::string& path, const std::string& folder) {
  return path.substr(folder.size(), path.size() - folder.size() - std::string(".mustache").size());
}

mustache::data to_data(const View& view) {
  switch (view.kind()) {
    // Empty text is false in sections, so `{{#updated}}…{{/updated}}` needs no extra flag.
    case View::Kind::kString:
      return view.text().empty() ? mustache::data(mustache::data::type::bool_false)
                                 : mustache::data(view.text());
    case View::Kind::kBool: return view.flag() ? mustache::data::type::bool_true
                                               : mustache::data::type::bool_false;
    // kainjow's set() and push_back() copy whole subtrees, which made nested views cost
    // once per level; children are moved into place instead.
    case View::Kind::kList: {
      mustache::data list = mustache::data::type::list;
      // kainjow's move constructor is not noexcept, so a growing list would copy every item
      // (with its subtree) each time it reallocates.
      const_cast<mustache::list&>(list.list_value()).reserve(view.items().size());
      for (const auto& item : view.items()) {
        list.push_back(mustache::data(mustache::data::type::bool_false));  // cheap placeholder
        const_cast<mustache::data&>(list.list_value().back()) = to_data(item);
      }
      return list;
    }
    case View::Kind::kObject: {
      mustache::data object;
      for (const auto& [key, value] : view.fields()) object[key] = to_data(value);
      return object;
    }
  }
  return {};
}

}  // namespace

namespace {

/// Replaces every {{> name}} by the partial's text (recursively), so that a template is parsed
/// once rather than each partial at every use — a card partial in a loop of thousands of
/// actors would otherwise be parsed thousands of times. Unknown partials are reported.
std::string inline_partials(const std::string& text, const std::map<std::string, std::string>& partials,
                            const std::string& path, Diagnostics& diagnostics, int depth = 0) {
  static const std::regex kPartial(R"(\{\{>\s*([A-Za-z0-9_.-]+)\s*\}\})");
  std::string out;
  auto begin = text.cbegin();
  for (std::sregex_iterator it(text.begin(), text.end(), kPartial), end; it != end; ++it) {
    out.append(begin, text.cbegin() + it->position());
    begin = text.cbegin() + it->position() + it->length();
    auto found = partials.find((*it)[1]);
    if (found == partials.end()) {
      diagnostics.add({Severity::kError, location_of_offset(path, text, static_cast<size_t>(it->position())),
                       "template: unknown partial '" + std::string((*it)[1]) + "'"});
    } else if (depth > 8) {
      diagnostics.error({path, 0, 0}, "template: partials include each other too deeply");
    } else {
      out += inline_partials(found->second, partials, path, diagnostics, depth + 1);
    }
  }
  out.append(begin, text.cend());
  return out;
}

}  // namespace

std::optional<TemplateSet> TemplateSet::load(
    const SourceTree& theme, const std::function<std::string(const std::string&)>& origin,
    Diagnostics& diagnostics, size_t workers) {
  TemplateSet set;
  set.engines_.resize(std::max<size_t>(1, workers));
  int errors_before = diagnostics.error_count();
  std::map<std::string, std::string> page_templates;
  for (const auto& path : theme.list_files("templates")) {
    if (!ends_with(path, ".mustache")) continue;
    auto text = theme.read(path);
    if (!text) continue;
    // Each file is checked on its own first, so that errors point into the file itself.
    mustache::mustache check(*text);
    if (!check.is_valid()) {
      diagnostics.add(template_error(origin(path), *text, check.error_message()));
      continue;
    }
    if (starts_with(path, "templates/partials/")) {
      set.partials_[name_of(path, "templates/partials/")] = *text;
    } else {
      std::string name = name_of(path, "templates/");
      page_templates[name] = *text;
      set.origins_[name] = origin(path);
    }
  }
  for (const auto& [name, text] : page_templates) {
    std::string inlined = inline_partials(text, set.partials_, set.origins_[name], diagnostics);
    for (auto& engines : set.engines_) {
      auto compiled = std::make_unique<Compiled>(inlined);
      if (!compiled->engine.is_valid()) {
        diagnostics.error({set.origins_[name], 0, 0},
                          "template: " + compiled->engine.error_message() + " (with its partials)");
        break;
      }
      compiled->engine.set_custom_escape([](const std::string& s) { return escape_html(s); });
      engines[name] = std::move(compiled);
    }
  }
  if (diagnostics.error_count() > errors_before) return std::nullopt;
  return set;
}


std::string TemplateSet::render(const std::string& name, const View& view,
                                Diagnostics& diagnostics, size_t worker) const {
  const auto& templates = engines_.at(worker);
  auto it = templates.find(name);
  if (it == templates.end()) {
    diagnostics.error({"templates/" + name + ".mustache", 0, 0}, "template is missing from the theme");
    return "";
  }
  mustache::data data = to_data(view);
  std::string html = it->second->engine.render(data);
  if (!it->second->engine.is_valid()) {
    diagnostics.error({origins_.at(name), 0, 0}, "template: " + it->second->engine.error_message());
  }
  return html;
}

}  // namespace passerelle
