#include "check/link_fetcher.h"

#include <httplib.h>

#include <atomic>
#include <map>
#include <mutex>
#include <thread>

#include "base/text.h"
#include "messages/messages.h"

namespace passerelle {

std::string origin_of_url(const std::string& url) {
  size_t scheme_end = url.find("://");
  if (scheme_end == std::string::npos) return "";
  std::string scheme = url.substr(0, scheme_end);
  if (scheme != "http" && scheme != "https") return "";
  size_t host_end = url.find_first_of("/?#", scheme_end + 3);
  std::string host =
      url.substr(scheme_end + 3,
                 host_end == std::string::npos ? std::string::npos : host_end - scheme_end - 3);
  if (host.empty() || host.find('@') != std::string::npos) return "";
  return scheme + "://" + host;
}

namespace {

std::string path_of_url(const std::string& url, const std::string& origin) {
  std::string rest = url.substr(origin.size());
  rest = rest.substr(0, rest.find('#'));
  if (rest.empty() || rest.front() == '?') rest = "/" + rest;
  return rest;
}

std::string seconds(std::chrono::milliseconds duration) {
  auto ms = duration.count();
  return ms % 1000 == 0 ? std::to_string(ms / 1000) + " s" : std::to_string(ms) + " ms";
}

struct Attempt {
  int status = 0;  // 0: no answer
  httplib::Error error = httplib::Error::Success;
};

Attempt ask(httplib::Client& client, const std::string& path, bool head) {
  Attempt attempt;
  if (head) {
    auto result = client.Head(path.c_str());
    if (result) attempt.status = result->status;
    attempt.error = result.error();
    return attempt;
  }
  // GET, but only the status line and headers matter: stop before the body.
  auto result = client.Get(
      path.c_str(), httplib::Headers{},
      [&](const httplib::Response& response) {
        attempt.status = response.status;
        return response.status >= 300 && response.status < 400;  // keep following redirects
      },
      [](const char*, size_t) { return false; });
  if (attempt.status == 0) attempt.error = result.error();
  return attempt;
}

std::string explain(const Attempt& attempt, const FetchOptions& options) {
  using httplib::Error;
  switch (attempt.error) {
    case Error::Connection:
      return tr("could not connect");
    case Error::ConnectionTimeout:
      return format_message(tr("no connection within %1$s"), seconds(options.timeout));
    case Error::Read:
      return format_message(tr("no answer within %1$s"), seconds(options.timeout));
    case Error::SSLConnection:
      return tr("the secure connection failed");
    case Error::SSLServerVerification:
      return tr("its certificate could not be verified");
    case Error::ExceedRedirectCount:
      return tr("too many redirections");
    default:
      return format_message(tr("no answer (%1$s)"), httplib::to_string(attempt.error));
  }
}

class HostPacer {
 public:
  explicit HostPacer(std::chrono::milliseconds interval) : interval_(interval) {}
  void wait() {
    auto now = std::chrono::steady_clock::now();
    if (used_ && now < last_ + interval_) std::this_thread::sleep_until(last_ + interval_);
    last_ = std::chrono::steady_clock::now();
    used_ = true;
  }

 private:
  std::chrono::milliseconds interval_;
  std::chrono::steady_clock::time_point last_;
  bool used_ = false;
};

FetchResult fetch_one(httplib::Client& client, HostPacer& pacer, const std::string& url,
                      const std::string& origin, const FetchOptions& options) {
  FetchResult result;
  result.url = url;
  std::string path = path_of_url(url, origin);
  Attempt last;
  for (int round = 0; round <= options.retries; ++round) {
    pacer.wait();
    ++result.attempts;
    last = ask(client, path, true);
    // Some servers do not answer HEAD properly: ask again with GET before judging.
    if (last.status >= 400 && last.status != 404 && last.status != 410) {
      pacer.wait();
      ++result.attempts;
      last = ask(client, path, false);
    }
    if (last.status >= 200 && last.status < 400) {
      result.status = LinkStatus::kOk;
      result.http_status = last.status;
      return result;
    }
  }
  result.http_status = last.status;
  if (last.status == 404 || last.status == 410) {
    result.status = LinkStatus::kBroken;
    result.detail = format_message(tr("answered %1$d (the page is gone)"), last.status);
  } else if (last.status != 0) {
    result.status = LinkStatus::kUnsure;
    bool refused = last.status == 401 || last.status == 403 || last.status == 429;
    result.detail = format_message(refused ? tr("answered %1$d (the site may refuse automated "
                                                "checks: open it in a browser)")
                                           : tr("answered %1$d"),
                                   last.status);
  } else {
    result.status = LinkStatus::kUnsure;
    result.detail = explain(last, options);
  }
  if (result.attempts > 1) {
    result.detail = format_message(tr("%1$s, %2$d tries"), result.detail, result.attempts);
  }
  return result;
}

}  // namespace

std::vector<FetchResult> fetch_links(const std::vector<std::string>& urls,
                                     const FetchOptions& options,
                                     const std::function<void(size_t, size_t)>& progress) {
  std::vector<FetchResult> results(urls.size());
  std::map<std::string, std::vector<size_t>> by_origin;
  for (size_t i = 0; i < urls.size(); ++i) {
    std::string origin = origin_of_url(urls[i]);
    if (origin.empty()) {
      results[i] = {urls[i], LinkStatus::kBroken, 0, tr("not an absolute http(s) URL"), 0};
      continue;
    }
    by_origin[origin].push_back(i);
  }
  std::vector<const std::pair<const std::string, std::vector<size_t>>*> hosts;
  for (const auto& entry : by_origin) hosts.push_back(&entry);
  std::atomic<size_t> next_host{0};
  std::atomic<size_t> done{urls.size() - [&] {
    size_t queued = 0;
    for (const auto& [origin, indexes] : by_origin) queued += indexes.size();
    return queued;
  }()};
  std::mutex progress_mutex;
  auto worker = [&] {
    for (size_t h = next_host++; h < hosts.size(); h = next_host++) {
      const auto& [origin, indexes] = *hosts[h];
      httplib::Client client(origin);
      auto timeout = std::chrono::duration_cast<std::chrono::microseconds>(options.timeout);
      client.set_connection_timeout(timeout);
      client.set_read_timeout(timeout);
      client.set_write_timeout(timeout);
      client.set_follow_location(true);
      client.set_default_headers(
          {{"User-Agent", "passerelle-check/" PASSERELLE_VERSION " (link checker)"}});
      HostPacer pacer(options.host_interval);
      for (size_t index : indexes) {
        if (!client.is_valid()) {
          results[index] = {urls[index], LinkStatus::kUnsure, 0,
                            tr("cannot be asked (unsupported address)"), 0};
        } else {
          results[index] = fetch_one(client, pacer, urls[index], origin, options);
        }
        size_t finished = ++done;
        if (progress) {
          std::lock_guard lock(progress_mutex);
          progress(finished, urls.size());
        }
      }
    }
  };
  size_t thread_count = std::min(std::max<size_t>(options.parallel_hosts, 1), hosts.size());
  std::vector<std::thread> threads;
  for (size_t i = 0; i < thread_count; ++i) threads.emplace_back(worker);
  for (auto& thread : threads) thread.join();
  return results;
}

}  // namespace passerelle
