// The server's one thread: an epoll loop over the listener, the wake-up eventfd and every
// connection, with a sweep of deadlines every kSweep.
#include "serve/http_connections.h"

#include <sys/epoll.h>
#include <unistd.h>

#include <cerrno>

namespace passerelle {

namespace {

// After an answer with "Connection: close", how long the client has to close its side, so
// that its last bytes, unread, do not make the kernel reset the connection under the answer.
constexpr auto kLinger = std::chrono::seconds(2);
// How often deadlines are looked at, and heartbeats sent.
constexpr auto kSweep = std::chrono::milliseconds(250);

}  // namespace

HttpServer::Impl::~Impl() {
  for (int fd : {listener, epoll, wake}) {
    if (fd >= 0) ::close(fd);
  }
}

void HttpServer::Impl::watch(Connection& connection, uint32_t events) {
  if (connection.events == events) return;
  epoll_event event{};
  event.events = events;
  event.data.u64 = connection.id;
  epoll_ctl(epoll, EPOLL_CTL_MOD, connection.fd, &event);
  connection.events = events;
}

void HttpServer::Impl::close_connection(Connection& connection) {
  if (connection.stream) {
    --streams;
  } else if (auto it = per_address.find(connection.address); it != per_address.end()) {
    if (--it->second == 0) per_address.erase(it);
  }
  epoll_ctl(epoll, EPOLL_CTL_DEL, connection.fd, nullptr);
  ::close(connection.fd);
  uint64_t id = connection.id;  // not a reference into what is erased
  connections.erase(id);        // `connection` is gone
}

void HttpServer::Impl::sweep() {
  auto now = Clock::now();
  std::vector<uint64_t> ids;
  ids.reserve(connections.size());
  for (auto& [id, connection] : connections) ids.push_back(id);
  for (uint64_t id : ids) {
    auto it = connections.find(id);
    if (it == connections.end()) continue;
    Connection& connection = it->second;
    auto waited = now - connection.since;
    switch (connection.state) {
      case State::kReading:
        if (connection.in.empty()) {
          if (waited > (connection.served ? limits.idle_timeout : limits.request_timeout)) {
            close_connection(connection);
          }
        } else if (waited > limits.request_timeout) {
          if (log) log("(a request did not arrive whole in time) 408");
          send_error(connection, 408);  // a slow client: told, then closed
        }
        break;
      case State::kWriting:
        if (waited > limits.write_timeout) close_connection(connection);
        break;
      case State::kStream:
        sweep_stream(connection, now);
        break;
      case State::kClosing:
        if (waited > kLinger) close_connection(connection);
        break;
    }
  }
  resume_accepting();
}

void HttpServer::Impl::answer_backlog() {
  std::vector<uint64_t> turn;
  turn.swap(backlog);
  for (uint64_t id : turn) {
    auto it = connections.find(id);
    if (it == connections.end()) continue;
    Connection& connection = it->second;
    connection.queued = false;
    if (connection.state != State::kReading) continue;
    watch(connection, EPOLLIN);
    answer_requests(connection);
  }
}

void HttpServer::Impl::run() {
  std::vector<epoll_event> events(256);
  auto next_sweep = Clock::now() + kSweep;
  while (!stopping.load()) {
    auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(next_sweep - Clock::now());
    int timeout = backlog.empty() ? static_cast<int>(std::max<int64_t>(0, wait.count())) + 1 : 0;
    int ready = epoll_wait(epoll, events.data(), static_cast<int>(events.size()), timeout);
    if (ready < 0 && errno != EINTR) break;
    for (int i = 0; i < ready; ++i) {
      uint64_t key = events[i].data.u64;
      uint32_t flags = events[i].events;
      if (key == kListenerKey) {
        accept_all();
      } else if (key == kWakeKey) {
        uint64_t count;
        [[maybe_unused]] auto read = ::read(wake, &count, sizeof count);
        if (!stopping.load()) site_changed();
      } else if (auto it = connections.find(key); it != connections.end()) {
        Connection& connection = it->second;
        if (flags & EPOLLERR) {
          close_connection(connection);
          continue;
        }
        if ((flags & (EPOLLIN | EPOLLHUP)) && connection.state != State::kWriting) {
          if (!readable(connection)) continue;
        } else if ((flags & EPOLLHUP) && connection.state == State::kWriting) {
          close_connection(connection);
          continue;
        }
        if ((flags & EPOLLOUT) && !connection.out.empty() && flush(connection) &&
            connection.state == State::kReading) {
          answer_requests(connection);  // a pipelined request may be waiting
        }
      }
    }
    answer_backlog();
    if (Clock::now() >= next_sweep) {
      sweep();
      next_sweep = Clock::now() + kSweep;
    }
  }
  for (auto& [id, connection] : connections) ::close(connection.fd);
  connections.clear();
  per_address.clear();
  streams = 0;
}

}  // namespace passerelle
