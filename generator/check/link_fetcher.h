// Fetches external links to see whether they still lead somewhere, politely: one request at a
// time per host with a pause between two, a timeout, and one retry. A site that is slow, down
// or refuses robots is "unsure" (a warning); only a 404 or 410, twice, is "broken".
// cpp-httplib is used in this file's implementation only.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <vector>

namespace passerelle {

struct FetchOptions {
  std::chrono::milliseconds timeout{10000};       // to connect, and to receive the answer
  std::chrono::milliseconds host_interval{1000};  // at least this long between requests to a host
  int retries = 1;
  size_t parallel_hosts = 4;  // hosts asked at the same time
};

enum class LinkStatus { kOk, kBroken, kUnsure };

struct FetchResult {
  std::string url;
  LinkStatus status = LinkStatus::kUnsure;
  int http_status = 0;  // of the last answer; 0 when none came
  std::string detail;   // why it is broken or unsure
  int attempts = 0;
};

/// One result per URL, in the order given. `progress` (may be empty) is called after each URL.
std::vector<FetchResult> fetch_links(
    const std::vector<std::string>& urls, const FetchOptions& options,
    const std::function<void(size_t done, size_t total)>& progress = {});

/// "https://example.org:8443" of a URL, or empty when it is not an absolute http(s) URL.
std::string origin_of_url(const std::string& url);

}  // namespace passerelle
