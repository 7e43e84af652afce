// External link checks against a local cpp-httplib server on the loopback: a page that is
// there, one that is gone, one that does not answer HEAD, a slow one and a closed port.
// Never the internet.
#include "check/link_fetcher.h"

#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <mutex>
#include <thread>

using namespace passerelle;
using namespace std::chrono_literals;

namespace {

struct LocalSite {
  httplib::Server server;
  std::thread thread;
  int port = 0;
  std::mutex mutex;
  std::vector<std::chrono::steady_clock::time_point> requests;
  std::atomic<int> slow_requests{0};

  LocalSite() {
    auto note = [this] {
      std::lock_guard lock(mutex);
      requests.push_back(std::chrono::steady_clock::now());
    };
    server.Get("/ok", [note](const httplib::Request&, httplib::Response& response) {
      note();
      response.set_content("here", "text/plain");
    });
    server.Get("/moved", [note](const httplib::Request&, httplib::Response& response) {
      note();
      response.set_redirect("/ok");
    });
    server.Get("/gone", [note](const httplib::Request&, httplib::Response& response) {
      note();
      response.status = 404;
    });
    server.Get("/no-head", [note](const httplib::Request& request, httplib::Response& response) {
      note();
      if (request.method == "HEAD") {
        response.status = 405;
      } else {
        response.set_content("fine with GET", "text/plain");
      }
    });
    server.Get("/slow", [this, note](const httplib::Request&, httplib::Response& response) {
      note();
      ++slow_requests;
      std::this_thread::sleep_for(700ms);
      response.set_content("late", "text/plain");
    });
    port = server.bind_to_any_port("127.0.0.1");
    thread = std::thread([this] { server.listen_after_bind(); });
    for (int i = 0; i < 500 && !server.is_running(); ++i) std::this_thread::sleep_for(10ms);
  }
  ~LocalSite() {
    server.stop();
    thread.join();
  }
  std::string url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port) + path;
  }
};

/// A loopback port with nothing listening on it: connections are refused.
int closed_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(fd);
  return ntohs(address.sin_port);
}

}  // namespace

TEST_CASE("origin_of_url keeps scheme, host and port") {
  CHECK(origin_of_url("https://example.org/a/b?c#d") == "https://example.org");
  CHECK(origin_of_url("http://127.0.0.1:8080") == "http://127.0.0.1:8080");
  CHECK(origin_of_url("ftp://example.org/") == "");
  CHECK(origin_of_url("https://user@example.org/") == "");
  CHECK(origin_of_url("mailto:x@example.org") == "");
}

TEST_CASE("fetch_links: found, moved, gone, HEAD refused, slow, silent and unreachable") {
  LocalSite site;
  REQUIRE(site.server.is_running());
  // Bound and listening, but never accepting: the connection opens and nothing answers.
  httplib::Server silent;
  int silent_port = silent.bind_to_any_port("127.0.0.1");
  REQUIRE(silent_port > 0);
  FetchOptions options;
  options.timeout = 300ms;
  options.host_interval = 0ms;
  std::string nowhere = "http://127.0.0.1:" + std::to_string(closed_port()) + "/";
  auto results = fetch_links(
      {site.url("/ok"), site.url("/moved"), site.url("/gone"), site.url("/no-head"),
       site.url("/slow"), nowhere, "http://127.0.0.1:" + std::to_string(silent_port) + "/"},
      options);
  REQUIRE(results.size() == 7);
  CHECK(results[0].status == LinkStatus::kOk);
  CHECK(results[0].http_status == 200);
  CHECK(results[1].status == LinkStatus::kOk);
  CHECK(results[2].status == LinkStatus::kBroken);
  CHECK(results[2].http_status == 404);
  CHECK(results[2].attempts == 2);  // one retry before calling it broken
  CHECK(results[3].status == LinkStatus::kOk);
  // Slow is not broken: a warning, after a retry.
  CHECK(results[4].status == LinkStatus::kUnsure);
  CHECK(results[4].detail.find("no answer within 300 ms") != std::string::npos);
  CHECK(results[4].attempts == 2);
  CHECK(site.slow_requests == 2);
  CHECK(results[5].status == LinkStatus::kUnsure);
  INFO(results[5].detail);
  CHECK(results[5].detail.find("could not connect") != std::string::npos);
  CHECK(results[6].status == LinkStatus::kUnsure);
  CHECK(results[6].detail.find("no answer within 300 ms") != std::string::npos);
}

TEST_CASE("fetch_links leaves at least the interval between two requests to one host") {
  LocalSite site;
  REQUIRE(site.server.is_running());
  FetchOptions options;
  options.host_interval = 150ms;
  size_t calls = 0;
  auto results = fetch_links({site.url("/ok"), site.url("/ok?2"), site.url("/ok?3")}, options,
                             [&](size_t done, size_t total) {
                               ++calls;
                               CHECK(total == 3);
                               CHECK(done == calls);
                             });
  CHECK(calls == 3);
  for (const auto& result : results) CHECK(result.status == LinkStatus::kOk);
  std::lock_guard lock(site.mutex);
  REQUIRE(site.requests.size() == 3);
  // The server stamps requests when it receives them, which jitters by a few milliseconds on
  // a loaded machine; without pacing the three requests would arrive within ~1 ms.
  for (size_t i = 1; i < site.requests.size(); ++i) {
    CHECK(site.requests[i] - site.requests[i - 1] >= 120ms);
  }
}
