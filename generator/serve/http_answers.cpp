// Reading requests and sending answers on one connection: pipelined requests a few at a time,
// errors answered and the connection closed, answers sent as far as the socket takes them.
#include "serve/http_connections.h"

#include <sys/epoll.h>
#include <sys/socket.h>

#include <cerrno>

#include "serve/http_response.h"

namespace passerelle {

namespace {

constexpr size_t kReadChunk = 16 * 1024;
// Pipelined requests answered for one connection before the others get their turn.
constexpr int kRequestsPerTurn = 8;

}  // namespace

using http::Parse;
using http::printable;
using http::reason_of;
using http::response_head;
bool HttpServer::Impl::readable(Connection& connection) {
  char buffer[kReadChunk];
  ssize_t length;
  do {
    length = ::recv(connection.fd, buffer, sizeof buffer, 0);
  } while (length < 0 && errno == EINTR);
  if (length < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return true;
  if (length <= 0) {  // closed by the client (a tab closed), or reset
    close_connection(connection);
    return false;
  }
  // An event stream or a closing connection has nothing more to read: what comes is dropped.
  if (connection.state != State::kReading) return true;
  connection.in.append(buffer, static_cast<size_t>(length));
  return answer_requests(connection);
}

bool HttpServer::Impl::answer_requests(Connection& connection) {
  for (int answered = 0; connection.state == State::kReading && !connection.in.empty();
       ++answered) {
    if (answered == kRequestsPerTurn) {
      if (!connection.queued) backlog.push_back(connection.id);
      connection.queued = true;
      watch(connection, 0);
      return true;
    }
    Request request;
    int status = 0;
    switch (parse_request(connection.in, connection.scanned, request, status)) {
      case Parse::kIncomplete:
        return true;
      case Parse::kBad:
        connection.in.clear();
        return send_error(connection, status);
      case Parse::kComplete:
        connection.in.erase(0, request.length);
        connection.scanned = 0;
        if (!answer(connection, request)) return false;
    }
  }
  return true;
}

bool HttpServer::Impl::send_error(Connection& connection, int status,
                                  const std::string& extra_headers) {
  std::string body = std::string(reason_of(status)) + "\n";
  connection.close_after = true;
  return send(connection,
              response_head(status, "text/plain; charset=utf-8", body.size(), "", true) +
                  extra_headers + "\r\n" + body);
}

bool HttpServer::Impl::answer(Connection& connection, const Request& request) {
  bool head_only = request.method == "HEAD";
  if (request.method != "GET" && !head_only) {
    if (log) log(request.method + " " + printable(request.path) + " 405");
    return send_error(connection, 405, "Allow: GET, HEAD\r\n");
  }
  if (request.path == LiveSite::kEventsPath && !head_only)
    return open_stream(connection, request);
  ServedResponse answer = site.respond(request.path);
  if (!answer.location.empty() && !is_local_location(answer.location)) {
    answer = {404, "text/plain; charset=utf-8", "Not found\n", ""};  // never off this server
  }
  if (log)
    log(request.method + " " + printable(request.path) + " " + std::to_string(answer.status));
  connection.close_after = !request.keep_alive;
  std::string out = response_head(answer.status, answer.content_type, answer.body.size(),
                                  answer.location, connection.close_after, request.http10) +
                    "\r\n";
  if (!head_only) out += answer.body;
  return send(connection, std::move(out));
}

bool HttpServer::Impl::send(Connection& connection, std::string bytes) {
  connection.state = State::kWriting;
  connection.out = std::move(bytes);
  connection.sent = 0;
  connection.since = Clock::now();
  return flush(connection);
}

bool HttpServer::Impl::flush(Connection& connection) {
  while (connection.sent < connection.out.size()) {
    ssize_t sent = ::send(connection.fd, connection.out.data() + connection.sent,
                          connection.out.size() - connection.sent, MSG_NOSIGNAL);
    if (sent > 0) {
      connection.sent += static_cast<size_t>(sent);
      connection.since = Clock::now();
    } else if (sent < 0 && errno == EINTR) {
      continue;
    } else if (sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      watch(connection, connection.state == State::kStream ? EPOLLIN | EPOLLOUT : EPOLLOUT);
      return true;
    } else {
      close_connection(connection);
      return false;
    }
  }
  connection.out.clear();
  connection.sent = 0;
  if (connection.close_after) {
    ::shutdown(connection.fd, SHUT_WR);
    connection.state = State::kClosing;
    connection.since = Clock::now();
    watch(connection, EPOLLIN);
    return true;
  }
  watch(connection, EPOLLIN);
  if (connection.state == State::kWriting) {  // ready for the next request
    connection.state = State::kReading;
    connection.served = true;
    connection.since = Clock::now();
  }
  return true;
}

}  // namespace passerelle
