// The addresses the last build published, kept in the output as published-urls.json: the
// next build reads it to redirect a page whose address changed, and to keep earlier redirects.
#pragma once

#include <map>
#include <optional>
#include <string>

namespace passerelle {

struct PublishedUrls {
  std::map<std::string, std::string> pages;      // site path → the source it was made from
  std::map<std::string, std::string> redirects;  // former site path → site path it leads to
};

/// The manifest's file name, at the root of the output folder.
constexpr const char* kPublishedUrlsFile = "published-urls.json";

/// Parses a manifest; nullopt when it is not one (a build then starts without it).
std::optional<PublishedUrls> parse_published_urls(const std::string& text);

/// The manifest as JSON, keys sorted: the same URLs give the same bytes.
std::string published_urls_json(const PublishedUrls& urls);

}  // namespace passerelle
