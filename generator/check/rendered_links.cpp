#include "check/rendered_links.h"

#include <map>
#include <set>

#include "check/html_scan.h"
#include "messages/messages.h"
#include "base/suggest.h"
#include "base/text.h"

namespace passerelle {

namespace {

bool is_url_attribute(const HtmlAttribute& a) {
  if (a.name == "href") return a.tag == "a" || a.tag == "area" || a.tag == "link";
  if (a.name == "src") {
    return a.tag == "img" || a.tag == "script" || a.tag == "source" || a.tag == "iframe" ||
           a.tag == "video" || a.tag == "audio" || a.tag == "track" || a.tag == "embed";
  }
  return false;
}

bool has_scheme(const std::string& url) {
  size_t colon = url.find(':');
  if (colon == std::string::npos || colon == 0) return false;
  for (size_t i = 0; i < colon; ++i) {
    char c = url[i];
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.')
      return false;
  }
  return true;
}

/// Joins `relative` to the folder of `from` (both '/'-separated); false when it climbs above
/// the site's root (a browser would silently stop at the host's root).
bool resolve(const std::string& from, const std::string& relative, std::string& out) {
  std::string whole = from.substr(0, from.rfind('/') + 1) + relative;
  bool folder = whole.empty() || whole.back() == '/' || ends_with(whole, "/.") ||
                ends_with(whole, "/..") || whole == "." || whole == "..";
  auto joined = join_relative_path(from, relative);
  if (!joined) return false;
  out = *joined;
  if (folder && !out.empty()) out += "/";
  return true;
}

struct ScannedPage {
  std::vector<HtmlAttribute> attributes;
  std::set<std::string> ids;
  const std::vector<std::string>* sources = nullptr;
};

std::string place_key(const SourceLocation& where) {
  return where.path + ":" + std::to_string(where.line) + ":" + std::to_string(where.column);
}

/// Where one of `sources` writes the link `url`; nullptr when none does (a template's link).
const SourceLocation* place_of(const LinkPlaces& places, const std::vector<std::string>& sources,
                               const std::string& url) {
  for (const auto& source : sources) {
    auto links = places.find(source);
    if (links == places.end()) continue;
    if (auto it = links->second.find(url); it != links->second.end()) return &it->second;
  }
  return nullptr;
}

}  // namespace

RenderedLinkStats check_rendered_links(const OutputPlan& plan, const std::string& base_url,
                                       const LinkPlaces& places, Diagnostics& diagnostics) {
  RenderedLinkStats stats;
  // A source place with an error already (a broken #fragment the model found) is not reported
  // again for the page built from it.
  std::set<std::string> reported;
  for (const auto& d : diagnostics.items()) {
    if (d.severity == Severity::kError) reported.insert(place_key(d.location));
  }
  std::set<std::string> files;
  std::map<std::string, ScannedPage> pages;
  std::map<std::string, const std::string*> bytes_of;
  for (const auto& file : plan) {
    files.insert(file.path);
    if (!ends_with(file.path, ".html")) continue;
    ScannedPage& page = pages[file.path];
    page.attributes = scan_attributes(file.bytes);
    page.sources = &file.sources;
    for (const auto& a : page.attributes) {
      if (a.name == "id" || (a.tag == "a" && a.name == "name")) page.ids.insert(a.value);
    }
    bytes_of[file.path] = &file.bytes;
  }
  std::string base_path;  // the path part of the base URL, for root-relative links
  if (size_t scheme = base_url.find("://"); scheme != std::string::npos) {
    size_t slash = base_url.find('/', scheme + 3);
    base_path = slash == std::string::npos ? "/" : base_url.substr(slash);
  }
  // A template's broken link is on every page: report it once, with the number of pages.
  struct Problem {
    Diagnostic first;
    size_t pages = 0;
    bool in_source = false;  // located in the source that writes the link
  };
  std::map<std::string, Problem> problems;
  std::vector<std::string> order;
  for (const auto& entry : pages) {
    // Named copies: clang 14 cannot capture structured bindings in the lambda below.
    const std::string& path = entry.first;
    const auto& page = entry.second;
    ++stats.pages;
    const auto& sources = *page.sources;
    auto built_from = [&](const std::string& message) {
      return sources.size() == 1
                 ? format_message(tr("%1$s (page built from %2$s)"), message, sources.front())
                 : message;
    };
    std::set<std::string> seen_here;
    auto report_as = [&](std::string key, const HtmlAttribute& a, const std::string& message) {
      // The text of a source is on several pages (its print edition too): one problem.
      std::string url = collapse_whitespace(a.value);
      const SourceLocation* written = place_of(places, sources, url);
      if (written && reported.count(place_key(*written))) return;
      if (written) key = "written at " + place_key(*written) + " " + url;
      if (!seen_here.insert(key).second) return;
      auto [it, fresh] = problems.try_emplace(key);
      if (fresh) {
        it->second.first = {Severity::kError, location_of_offset(path, *bytes_of[path], a.offset),
                            built_from(message)};
        if (written) it->second.first = {Severity::kError, *written, message};
        it->second.in_source = written != nullptr;
        order.push_back(key);
      }
      ++it->second.pages;
    };
    std::string key;  // what the problem is, whatever page it is on
    auto report = [&](const HtmlAttribute& a, const std::string& message) {
      report_as(key, a, message);
    };
    for (const auto& a : page.attributes) {
      if (!is_url_attribute(a)) continue;
      std::string url = collapse_whitespace(a.value);
      if (url.empty()) continue;
      std::string site_relative;  // a path from the site's root, or empty for a relative link
      bool from_root = false;
      if (!base_url.empty() && starts_with(url, base_url)) {
        site_relative = url.substr(base_url.size());
        from_root = true;
      } else if (starts_with(url, "//") || has_scheme(url)) {
        continue;  // another site, or mailto:, tel:…
      } else if (url.front() == '/') {
        // Right when it starts with the site's own path: 404.html's links, served at any depth.
        if (!starts_with(url, base_path)) {
          key = "root-relative " + url;
          report(a, format_message(tr("link '%1$s' starts at the host's root, but the site is "
                                      "published at %2$s: write it relative to the page"),
                                   url, base_url));
          continue;
        }
        site_relative = url.substr(base_path.size());
        from_root = true;
      }
      ++stats.internal_links;
      std::string written = from_root ? site_relative : url;
      size_t hash = written.find('#');
      std::string fragment =
          hash == std::string::npos ? "" : percent_decode(written.substr(hash + 1));
      std::string target = written.substr(0, hash);
      target = target.substr(0, target.find('?'));
      std::string resolved;
      if (target.empty() && !from_root) {
        resolved = path;  // "#x" or "?q": this page
      } else if (!resolve(from_root ? "" : path, percent_decode(target), resolved)) {
        key = "above the root " + url;
        report(a, format_message(tr("link '%1$s' climbs above the site's root"), url));
        continue;
      }
      std::string file =
          resolved.empty() || resolved.back() == '/' ? resolved + "index.html" : resolved;
      if (!files.count(file)) {
        key = "missing " + file;
        if (files.count(resolved + "/index.html")) {
          report(a, format_message(tr("link '%1$s' leads to a folder: add the trailing slash "
                                      "('%2$s/')"),
                                   url, target));
        } else {
          report(a, format_message(tr("link '%1$s' leads to no file of the built site"), url));
        }
        continue;
      }
      // "#top" scrolls to the top of any page, as browsers do without an element of that id.
      if (fragment.empty() || fragment == "top") continue;
      auto linked = pages.find(file);
      if (linked != pages.end() && !linked->second.ids.count(fragment)) {
        key = (file == path ? std::string("own fragment ") : "fragment " + file + "#") + fragment;
        std::vector<std::string> ids(linked->second.ids.begin(), linked->second.ids.end());
        auto hints = suggest(fragment, ids);
        for (auto& hint : hints) hint = "#" + hint;
        report(a, hints.empty()
                      ? format_message(tr("link '%1$s': no element with id '%2$s' in %3$s"),
                                       url, fragment, file)
                      : format_message(tr("link '%1$s': no element with id '%2$s' in %3$s; did you mean %4$s?"),
                                       url, fragment, file, quoted_alternatives(hints)));
      }
    }
  }
  for (const auto& key : order) {
    Problem& problem = problems.at(key);
    if (problem.pages > 1 && !problem.in_source) {
      size_t others = problem.pages - 1;
      problem.first.message =
          format_message(trn("%1$s; the same problem is on %2$zu other page: look at the theme's "
                             "templates",
                             "%1$s; the same problem is on %2$zu other pages: look at the theme's "
                             "templates",
                             others),
                         problem.first.message, others);
    }
    diagnostics.add(std::move(problem.first));
  }
  return stats;
}

std::vector<std::string> external_links_in(const std::string& html, const std::string& base_url) {
  std::vector<std::string> links;
  std::set<std::string> seen;
  for (const auto& a : scan_attributes(html)) {
    if (a.tag != "a" || a.name != "href") continue;
    std::string url = collapse_whitespace(a.value);
    if (!starts_with(url, "http://") && !starts_with(url, "https://")) continue;
    if (!base_url.empty() && starts_with(url, base_url)) continue;
    if (seen.insert(url).second) links.push_back(url);
  }
  return links;
}

}  // namespace passerelle
