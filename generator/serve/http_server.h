// Serves a LiveSite over HTTP/1.1: GET and HEAD, keep-alive, and the live-reload event streams.
//
// One thread runs an epoll loop over non-blocking sockets, and no connection ever holds a
// thread. A thread pool (cpp-httplib's, 32 threads, before) is starved by whatever holds its
// threads: 33 open tabs, each with its event stream, or 33 clients that send their request a
// byte at a time or never read the answer, and then nobody else is answered. Here an open event
// stream costs a socket and a few bytes until the page changes; a slow client costs the same
// until its deadline; answering a request is a lookup in memory (LiveSite::respond), which
// takes microseconds, so one thread answers thousands of requests a second. Limits: a request
// must arrive whole within `request_timeout` and an answer must make progress within
// `write_timeout`; an idle keep-alive connection is closed after `idle_timeout`; each client
// address holds at most `max_per_address` connections besides its event streams (past that,
// its oldest connection still waiting for a request is closed); there are at most
// `max_streams` event streams (past that, a tab is told to come back in 10 s).
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "serve/live_site.h"

namespace passerelle {

struct HttpLimits {
  std::chrono::milliseconds request_timeout{10'000};
  std::chrono::milliseconds write_timeout{10'000};
  std::chrono::milliseconds idle_timeout{5'000};
  /// How often an idle event stream gets a comment, which also notices a vanished client.
  std::chrono::milliseconds heartbeat{15'000};
  size_t max_connections = 4096;  // lowered to fit the process's limit on open files
  size_t max_per_address = 256;
  size_t max_streams = 1000;
};

class HttpServer {
 public:
  /// `log` (may be empty) receives one line per request: "GET /fr/ 200".
  explicit HttpServer(LiveSite& site, std::function<void(const std::string&)> log = {},
                      HttpLimits limits = {});
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  /// Binds `host`:`port` (port 0: any free port). Returns the port, or -1 with `error` set.
  int bind(const std::string& host, int port, std::string& error);
  /// Answers requests on a background thread; returns once the server runs (false if not).
  bool start();
  /// Closes every connection, event streams included, and waits for the thread.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace passerelle
