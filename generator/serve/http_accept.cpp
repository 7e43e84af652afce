// Accepting connections within the limits: per client address, in all, and under the limit
// on open files (past them, the oldest connection still waiting for a request makes room).
#include "serve/http_connections.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>

#include "serve/http_response.h"
#include "serve/sockets.h"

namespace passerelle {

using http::response_head;

bool HttpServer::Impl::close_oldest_waiting(const std::string& address) {
  Connection* oldest = nullptr;
  for (auto& [id, connection] : connections) {
    if (connection.state != State::kReading || connection.stream) continue;
    if (!address.empty() && connection.address != address) continue;
    if (!oldest || connection.id < oldest->id) oldest = &connection;
  }
  if (!oldest) return false;
  close_connection(*oldest);
  return true;
}

void HttpServer::Impl::accept_all() {
  while (true) {
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    int fd = accept4(listener, reinterpret_cast<sockaddr*>(&address), &length,
                     SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) {
      if (errno == EINTR || errno == ECONNABORTED) continue;
      if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
        // Out of descriptors: make room, or stop accepting until the next sweep.
        if (!close_oldest_waiting("")) pause_accepting();
      }
      return;
    }
    admit(fd, address_of(address));
  }
}

void HttpServer::Impl::pause_accepting() {
  epoll_event event{};
  event.data.u64 = kListenerKey;
  epoll_ctl(epoll, EPOLL_CTL_MOD, listener, &event);  // no events until resumed
  accepting = false;
}

void HttpServer::Impl::resume_accepting() {
  if (accepting) return;
  epoll_event event{};
  event.events = EPOLLIN;
  event.data.u64 = kListenerKey;
  epoll_ctl(epoll, EPOLL_CTL_MOD, listener, &event);
  accepting = true;
}

void HttpServer::Impl::refuse(int fd) {
  static const std::string kRefusal =
      response_head(503, "text/plain; charset=utf-8", 21, "", true) +
      "Retry-After: 1\r\n\r\nToo many connections\n";
  [[maybe_unused]] auto sent =
      ::send(fd, kRefusal.data(), kRefusal.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
  ::shutdown(fd, SHUT_WR);
  ::close(fd);
}

void HttpServer::Impl::admit(int fd, std::string address) {
  if (connections.size() >= limits.max_connections && !close_oldest_waiting("")) {
    refuse(fd);
    return;
  }
  if (auto it = per_address.find(address); it != per_address.end() &&
                                           it->second >= limits.max_per_address &&
                                           !close_oldest_waiting(address)) {
    refuse(fd);
    return;
  }
  int yes = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
  uint64_t id = ++last_id;
  epoll_event event{};
  event.events = EPOLLIN;
  event.data.u64 = id;
  if (epoll_ctl(epoll, EPOLL_CTL_ADD, fd, &event) != 0) {
    ::close(fd);
    return;
  }
  ++per_address[address];
  Connection& connection = connections[id];
  connection.fd = fd;
  connection.id = id;
  connection.address = std::move(address);
  connection.since = Clock::now();
  connection.events = EPOLLIN;
  readable(connection);  // the request is often there already
}

}  // namespace passerelle
