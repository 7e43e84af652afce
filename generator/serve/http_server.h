// Serves a LiveSite over HTTP. cpp-httplib is used in this file's implementation only.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "serve/live_site.h"

namespace passerelle {

class HttpServer {
 public:
  /// `log` (may be empty) receives one line per request: "GET /fr/ 200".
  explicit HttpServer(LiveSite& site, std::function<void(const std::string&)> log = {});
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  /// Binds `host`:`port` (port 0: any free port). Returns the port, or -1 with `error` set.
  int bind(const std::string& host, int port, std::string& error);
  /// Answers requests on a background thread; returns once the server runs (false if not).
  bool start();
  /// Ends the event streams, stops answering and waits for the thread.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace passerelle
