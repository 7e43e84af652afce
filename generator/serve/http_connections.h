// The state of HttpServer's one thread, shared by the files that implement it:
// http_loop.cpp (the epoll loop, deadlines), http_accept.cpp (accepting within the limits),
// http_answers.cpp (reading requests, sending answers) and event_streams.cpp (live reload).
// Private to serve/: only those files and http_server.cpp include it.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "serve/http_request.h"
#include "serve/http_server.h"

namespace passerelle {

struct HttpServer::Impl {
  using Clock = std::chrono::steady_clock;
  using Request = http::Request;

  enum class State {
    kReading,  // waiting for a request, or for the rest of it
    kWriting,  // sending an answer
    kStream,   // an event stream: sends heartbeats, and a reload when its page changes
    kClosing,  // answered with "Connection: close": waiting for the client to close
  };
  struct Connection {
    int fd = -1;
    uint64_t id = 0;  // in order of acceptance (the oldest is closed first), and epoll's key
    std::string address;
    State state = State::kReading;
    bool stream = false;       // counted in streams, not in per_address
    bool served = false;       // has answered: an empty `in` is then an idle keep-alive
    bool close_after = false;  // once `out` is sent
    bool queued = false;       // in `backlog`: requests are waiting in `in`
    std::string in;
    size_t scanned = 0;
    std::string out;
    size_t sent = 0;
    Clock::time_point since;  // waiting for a request since, or last progress in writing
    Clock::time_point last_sent;
    std::string page, seen;  // of an event stream
    uint32_t events = 0;     // asked of epoll
  };

  LiveSite& site;
  std::function<void(const std::string&)> log;
  HttpLimits limits;
  int listener = -1;
  int epoll = -1;
  int wake = -1;  // eventfd: the site changed, or stop()
  std::atomic<bool> stopping{false};
  bool running = false;
  std::thread thread;

  // epoll's keys: these two, then the connections' ids. A key is never used again, so that an
  // event of a connection closed meanwhile finds nothing, even if its descriptor was reused.
  static constexpr uint64_t kListenerKey = 0, kWakeKey = 1;

  // Owned by the loop's thread.
  std::unordered_map<uint64_t, Connection> connections;  // by id
  std::unordered_map<std::string, size_t> per_address;
  size_t streams = 0;
  std::vector<uint64_t> backlog;  // connections with requests waiting for their turn
  uint64_t last_id = kWakeKey;
  bool accepting = true;

  Impl(LiveSite& site, std::function<void(const std::string&)> log, HttpLimits limits)
      : site(site), log(std::move(log)), limits(limits) {}

  ~Impl();

  // The loop (http_loop.cpp).
  void run();
  void watch(Connection& connection, uint32_t events);
  void close_connection(Connection& connection);
  /// Closes what has overstayed, and sends the heartbeats that are due.
  void sweep();
  /// Gives their turn to the connections whose requests wait in `backlog`.
  void answer_backlog();

  // Accepting (http_accept.cpp).
  void accept_all();
  void admit(int fd, std::string address);
  void refuse(int fd);
  /// Closes the oldest connection still waiting for a request (from `address`, if not
  /// empty); false if there is none.
  bool close_oldest_waiting(const std::string& address);
  void pause_accepting();
  void resume_accepting();

  // Requests and answers (http_answers.cpp); each returns false if the connection was closed.
  /// Reads what the client sent.
  bool readable(Connection& connection);
  /// Answers the complete requests in `in`, one after the other, a few at a time (the others
  /// wait in `backlog`, the connection unwatched meanwhile).
  bool answer_requests(Connection& connection);
  bool answer(Connection& connection, const Request& request);
  bool send_error(Connection& connection, int status, const std::string& extra_headers = "");
  /// Queues `bytes` as the answer and sends what the socket takes.
  bool send(Connection& connection, std::string bytes);
  /// Sends what is queued; then, once all is sent, goes on.
  bool flush(Connection& connection);

  // Live-reload event streams (event_streams.cpp).
  bool open_stream(Connection& connection, const Request& request);
  void push_reload(Connection& connection);
  /// The site changed: the streams whose page changed get their reload.
  void site_changed();
  /// A stream's deadline and heartbeat, at the sweep at `now`.
  void sweep_stream(Connection& connection, Clock::time_point now);
};

}  // namespace passerelle
