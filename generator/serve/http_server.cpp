#include "serve/http_server.h"

#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <optional>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

#include "base/text.h"

namespace passerelle {

namespace {

using Clock = std::chrono::steady_clock;

constexpr size_t kMaxHead = 16 * 1024;   // request line and headers
constexpr size_t kMaxTarget = 8 * 1024;  // the request line's path and query
constexpr size_t kMaxHeaders = 100;
constexpr size_t kMaxBody = 64 * 1024;           // a GET has none; a small one is read and ignored
constexpr size_t kMaxStreamBacklog = 64 * 1024;  // unsent bytes of an event stream
constexpr size_t kReadChunk = 16 * 1024;
// Pipelined requests answered for one connection before the others get their turn.
constexpr int kRequestsPerTurn = 8;
// After an answer with "Connection: close", how long the client has to close its side, so
// that its last bytes, unread, do not make the kernel reset the connection under the answer.
constexpr auto kLinger = std::chrono::seconds(2);
// How often deadlines are looked at, and heartbeats sent.
constexpr auto kSweep = std::chrono::milliseconds(250);
// A tab refused because too many streams are open comes back after this.
constexpr const char* kRetryLater = "retry: 10000\n\n";
// Sockets kept for everything else (the site's files, inotify…) under the limit on open files.
constexpr size_t kReservedFiles = 64;

const char* reason_of(int status) {
  static const std::pair<int, const char*> kReasons[] = {
      {200, "OK"},
      {301, "Moved Permanently"},
      {400, "Bad Request"},
      {404, "Not Found"},
      {405, "Method Not Allowed"},
      {408, "Request Timeout"},
      {413, "Content Too Large"},
      {414, "URI Too Long"},
      {431, "Request Header Fields Too Large"},
      {500, "Internal Server Error"},
      {501, "Not Implemented"},
      {503, "Service Unavailable"},
      {505, "HTTP Version Not Supported"},
  };
  for (const auto& [code, reason] : kReasons) {
    if (code == status) return reason;
  }
  return "Unknown";
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/// Percent-decodes `text` (invalid escapes are kept as they are); '+' is a space in a query.
std::string decoded(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex_digit(text[i + 1]) >= 0 &&
        hex_digit(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_digit(text[i + 1]) * 16 + hex_digit(text[i + 2]));
      i += 2;
    } else if (plus_is_space && text[i] == '+') {
      out += ' ';
    } else {
      out += text[i];
    }
  }
  return out;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool is_token(std::string_view text) {
  static const std::string_view kSymbols = "!#$%&'*+-.^_`|~";
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) ||
           kSymbols.find(c) != std::string_view::npos;
  });
}

/// `text` with control characters shown as '?', for the log (a terminal would obey them).
std::string printable(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = '?';
  }
  return out;
}

struct Request {
  std::string method;
  std::string path;         // decoded
  std::string since, page;  // of an event stream's query
  bool keep_alive = true;
  bool http10 = false;  // HTTP/1.0: keep-alive only when asked, and said in the answer
  size_t length = 0;    // of the whole request in the buffer, head and body
};

/// Where the head that starts at `from` ends (past its empty line), looking from `scanned`
/// on; npos while incomplete. Lines end with CRLF or a bare LF.
size_t head_end(const std::string& buffer, size_t from, size_t& scanned) {
  for (size_t at = buffer.find('\n', std::max(from, scanned)); at != std::string::npos;
       at = buffer.find('\n', at + 1)) {
    if (at + 1 < buffer.size() && buffer[at + 1] == '\n') return at + 2;
    if (at + 2 < buffer.size() && buffer[at + 1] == '\r' && buffer[at + 2] == '\n') return at + 3;
  }
  scanned = buffer.size() >= 2 ? buffer.size() - 2 : 0;
  return std::string::npos;
}

enum class Parse { kIncomplete, kComplete, kBad };

/// Reads the request at the start of `buffer`; on kBad, `status` is the error to answer.
Parse parse_request(const std::string& buffer, size_t& scanned, Request& request, int& status) {
  size_t start = 0;  // empty lines before a request line are ignored (RFC 9112, 2.2)
  while (start < buffer.size() && (buffer[start] == '\r' || buffer[start] == '\n')) ++start;
  size_t end = head_end(buffer, start, scanned);
  if (end == std::string::npos) {
    if (buffer.size() - start <= kMaxHead && start <= kMaxHead) return Parse::kIncomplete;
    status = 431;
    return Parse::kBad;
  }
  if (end - start > kMaxHead) {
    status = 431;
    return Parse::kBad;
  }
  std::vector<std::string_view> lines;  // the request line, then the headers
  std::string_view head(buffer.data() + start, end - start);
  for (size_t at = 0; at < head.size();) {
    size_t newline = head.find('\n', at);
    std::string_view line = head.substr(at, newline - at);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) break;
    lines.push_back(line);
    at = newline + 1;
  }
  status = 400;
  if (lines.empty()) return Parse::kBad;
  for (auto line : lines) {
    bool control = std::any_of(line.begin(), line.end(), [](char c) {
      return (static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7F;
    });
    if (control) return Parse::kBad;
  }
  // The request line: METHOD SP target SP HTTP/1.x
  std::string_view line = lines.front();
  size_t first = line.find(' ');
  size_t last = line.rfind(' ');
  if (first == std::string_view::npos || first == last) return Parse::kBad;
  std::string_view method = line.substr(0, first);
  std::string_view target = line.substr(first + 1, last - first - 1);
  std::string_view version = line.substr(last + 1);
  if (!is_token(method) || target.empty() ||
      target.find_first_of(" \t") != std::string_view::npos) {
    return Parse::kBad;
  }
  if (version == "HTTP/1.1") {
    request.keep_alive = true;
  } else if (version == "HTTP/1.0") {
    request.keep_alive = false;
    request.http10 = true;
  } else {
    if (version.substr(0, 5) == "HTTP/") status = 505;
    return Parse::kBad;
  }
  if (target.size() > kMaxTarget) {
    status = 414;
    return Parse::kBad;
  }
  // The absolute form (to a proxy) names this server: only its path counts.
  for (std::string_view scheme : {"http://", "https://"}) {
    if (target.size() >= scheme.size() &&
        equals_ignoring_case(target.substr(0, scheme.size()), scheme)) {
      size_t path = target.find('/', scheme.size());
      target = path == std::string_view::npos ? "/" : target.substr(path);
    }
  }
  if (target.front() != '/') return Parse::kBad;  // "*", or anything else
  target = target.substr(0, target.find('#'));
  size_t question = target.find('?');
  request.path = decoded(target.substr(0, question), false);
  if (question != std::string_view::npos) {
    std::string_view query = target.substr(question + 1);
    bool since_seen = false, page_seen = false;
    while (!query.empty()) {
      std::string_view pair = query.substr(0, query.find('&'));
      query.remove_prefix(std::min(query.size(), pair.size() + 1));
      size_t equals = pair.find('=');
      std::string name = decoded(pair.substr(0, equals), true);
      std::string value =
          equals == std::string_view::npos ? "" : decoded(pair.substr(equals + 1), true);
      if (name == "since" && !since_seen) {
        request.since = value;
        since_seen = true;
      } else if (name == "page" && !page_seen) {
        request.page = value;
        page_seen = true;
      }
    }
  }
  request.method = std::string(method);

  if (lines.size() - 1 > kMaxHeaders) {
    status = 431;
    return Parse::kBad;
  }
  std::optional<size_t> content_length;
  bool close_asked = false;
  for (size_t i = 1; i < lines.size(); ++i) {
    std::string_view header = lines[i];
    if (header.front() == ' ' || header.front() == '\t') return Parse::kBad;  // folded lines
    size_t colon = header.find(':');
    if (colon == std::string_view::npos || !is_token(header.substr(0, colon))) return Parse::kBad;
    std::string_view name = header.substr(0, colon);
    std::string_view value = trimmed(header.substr(colon + 1));
    if (equals_ignoring_case(name, "Content-Length")) {
      if (value.empty() || value.size() > 12 ||
          !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return Parse::kBad;
      }
      size_t length = std::stoull(std::string(value));
      if (content_length && *content_length != length) return Parse::kBad;
      content_length = length;
    } else if (equals_ignoring_case(name, "Transfer-Encoding")) {
      status = 501;  // a body of unknown length: nothing here takes one
      return Parse::kBad;
    } else if (equals_ignoring_case(name, "Connection")) {
      while (!value.empty()) {
        size_t comma = value.find(',');
        std::string_view option = trimmed(value.substr(0, comma));
        value = comma == std::string_view::npos ? std::string_view() : value.substr(comma + 1);
        if (equals_ignoring_case(option, "close")) close_asked = true;
        if (equals_ignoring_case(option, "keep-alive") && request.http10) request.keep_alive = true;
      }
    }
  }
  if (close_asked) request.keep_alive = false;
  if (content_length.value_or(0) > kMaxBody) {
    status = 413;
    return Parse::kBad;
  }
  request.length = end + content_length.value_or(0);
  if (buffer.size() < request.length) return Parse::kIncomplete;
  return Parse::kComplete;
}

std::string response_head(int status, const std::string& content_type, size_t length,
                          const std::string& location, bool close, bool http10 = false) {
  std::string head = "HTTP/1.1 " + std::to_string(status) + " " + reason_of(status) + "\r\n";
  if (!content_type.empty()) head += "Content-Type: " + content_type + "\r\n";
  head += "Content-Length: " + std::to_string(length) + "\r\n";
  head += "Cache-Control: no-store\r\n";
  if (!location.empty()) head += "Location: " + location + "\r\n";
  if (close) {
    head += "Connection: close\r\n";
  } else if (http10) {
    head += "Connection: keep-alive\r\n";
  }
  return head;
}

std::string event_stream_head() {
  return "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n"
         "Connection: close\r\n\r\n";
}

std::string address_of(const sockaddr_storage& address) {
  char host[NI_MAXHOST] = "";
  if (getnameinfo(reinterpret_cast<const sockaddr*>(&address), sizeof address, host, sizeof host,
                  nullptr, 0, NI_NUMERICHOST) != 0) {
    return "?";
  }
  std::string text = host;
  if (starts_with(text, "::ffff:")) text.erase(0, 7);  // an IPv4 client of a dual-stack socket
  return text;
}

/// Raises the limit on open files to what the system allows (Debian's default soft limit,
/// 1,024, would be met before max_streams), and returns the limit.
size_t raise_open_files() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return 1024;
  if (limit.rlim_cur < limit.rlim_max) {
    rlimit raised = limit;
    raised.rlim_cur = std::min<rlim_t>(limit.rlim_max, 1 << 16);
    if (raised.rlim_cur > limit.rlim_cur && setrlimit(RLIMIT_NOFILE, &raised) == 0) limit = raised;
  }
  return limit.rlim_cur == RLIM_INFINITY ? (1 << 16) : static_cast<size_t>(limit.rlim_cur);
}

}  // namespace

struct HttpServer::Impl {
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

  ~Impl() {
    for (int fd : {listener, epoll, wake}) {
      if (fd >= 0) ::close(fd);
    }
  }

  void watch(Connection& connection, uint32_t events) {
    if (connection.events == events) return;
    epoll_event event{};
    event.events = events;
    event.data.u64 = connection.id;
    epoll_ctl(epoll, EPOLL_CTL_MOD, connection.fd, &event);
    connection.events = events;
  }

  void close_connection(Connection& connection) {
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

  /// Closes the oldest connection still waiting for a request (from `address`, if not
  /// empty); false if there is none.
  bool close_oldest_waiting(const std::string& address) {
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

  void accept_all() {
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

  void pause_accepting() {
    epoll_event event{};
    event.data.u64 = kListenerKey;
    epoll_ctl(epoll, EPOLL_CTL_MOD, listener, &event);  // no events until resumed
    accepting = false;
  }

  void resume_accepting() {
    if (accepting) return;
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.u64 = kListenerKey;
    epoll_ctl(epoll, EPOLL_CTL_MOD, listener, &event);
    accepting = true;
  }

  void refuse(int fd) {
    static const std::string kRefusal =
        response_head(503, "text/plain; charset=utf-8", 21, "", true) +
        "Retry-After: 1\r\n\r\nToo many connections\n";
    [[maybe_unused]] auto sent =
        ::send(fd, kRefusal.data(), kRefusal.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    ::shutdown(fd, SHUT_WR);
    ::close(fd);
  }

  void admit(int fd, std::string address) {
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

  /// Reads what the client sent. False if the connection was closed.
  bool readable(Connection& connection) {
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

  /// Answers the complete requests in `in`, one after the other, a few at a time (the others
  /// wait in `backlog`, the connection unwatched meanwhile). False if closed.
  bool answer_requests(Connection& connection) {
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

  bool send_error(Connection& connection, int status, const std::string& extra_headers = "") {
    std::string body = std::string(reason_of(status)) + "\n";
    connection.close_after = true;
    return send(connection,
                response_head(status, "text/plain; charset=utf-8", body.size(), "", true) +
                    extra_headers + "\r\n" + body);
  }

  bool answer(Connection& connection, const Request& request) {
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

  bool open_stream(Connection& connection, const Request& request) {
    if (log) log("GET " + std::string(LiveSite::kEventsPath) + " 200");
    if (streams >= limits.max_streams) {
      connection.close_after = true;
      return send(connection, event_stream_head() + kRetryLater);
    }
    if (auto it = per_address.find(connection.address); it != per_address.end()) {
      if (--it->second == 0) per_address.erase(it);
    }
    ++streams;
    connection.stream = true;
    connection.state = State::kStream;
    connection.page = request.page;
    connection.seen = request.since;
    connection.in.clear();
    connection.last_sent = Clock::now();
    connection.since = connection.last_sent;
    connection.out = event_stream_head() + "retry: 1000\n\n";  // come back soon after a restart
    if (site.changed_since(connection.page, connection.seen)) push_reload(connection);
    return flush(connection);
  }

  void push_reload(Connection& connection) {
    connection.out += "event: reload\ndata: reload\n\n";
    connection.close_after = true;
  }

  /// Queues `bytes` as the answer and sends what the socket takes. False if closed.
  bool send(Connection& connection, std::string bytes) {
    connection.state = State::kWriting;
    connection.out = std::move(bytes);
    connection.sent = 0;
    connection.since = Clock::now();
    return flush(connection);
  }

  /// Sends what is queued; then, once all is sent, goes on. False if closed.
  bool flush(Connection& connection) {
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

  /// The site changed: the streams whose page changed get their reload.
  void site_changed() {
    std::vector<uint64_t> ids;
    for (auto& [id, connection] : connections) {
      if (connection.state == State::kStream && !connection.close_after) ids.push_back(id);
    }
    for (uint64_t id : ids) {
      auto it = connections.find(id);
      if (it == connections.end()) continue;
      Connection& connection = it->second;
      if (!site.changed_since(connection.page, connection.seen)) continue;
      push_reload(connection);
      flush(connection);
    }
  }

  /// Closes what has overstayed, and sends the heartbeats that are due.
  void sweep() {
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
          if (!connection.out.empty()) {
            if (waited > limits.write_timeout || connection.out.size() > kMaxStreamBacklog) {
              close_connection(connection);
            }
          } else if (now - connection.last_sent >= limits.heartbeat) {
            connection.last_sent = now;
            connection.out = ": still here\n\n";
            connection.since = now;
            flush(connection);
          }
          break;
        case State::kClosing:
          if (waited > kLinger) close_connection(connection);
          break;
      }
    }
    resume_accepting();
  }

  /// Gives their turn to the connections whose requests wait in `backlog`.
  void answer_backlog() {
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

  void run() {
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
};

HttpServer::HttpServer(LiveSite& site, std::function<void(const std::string&)> log,
                       HttpLimits limits)
    : impl_(new Impl(site, std::move(log), limits)) {}

HttpServer::~HttpServer() { stop(); }

int HttpServer::bind(const std::string& host, int port, std::string& error) {
  error = "cannot listen on " + host + ":" + std::to_string(port) +
          " (is the port in use? choose another with --port)";
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE;
  addrinfo* found = nullptr;
  if (getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found) != 0) return -1;
  int listener = -1;
  for (addrinfo* at = found; at && listener < 0; at = at->ai_next) {
    int fd =
        ::socket(at->ai_family, at->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, at->ai_protocol);
    if (fd < 0) continue;
    // SO_REUSEADDR allows a quick restart; not SO_REUSEPORT, which would let a second `serve`
    // share the port with the first and answer half of the requests.
    int yes = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    if (::bind(fd, at->ai_addr, at->ai_addrlen) == 0 && ::listen(fd, 1024) == 0) {
      listener = fd;
    } else {
      ::close(fd);
    }
  }
  freeaddrinfo(found);
  if (listener < 0) return -1;
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  if (getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    ::close(listener);
    return -1;
  }
  int bound = address.ss_family == AF_INET6
                  ? ntohs(reinterpret_cast<sockaddr_in6*>(&address)->sin6_port)
                  : ntohs(reinterpret_cast<sockaddr_in*>(&address)->sin_port);
  if (impl_->listener >= 0) ::close(impl_->listener);
  impl_->listener = listener;
  size_t files = raise_open_files();
  impl_->limits.max_connections = std::min(
      impl_->limits.max_connections, files > 2 * kReservedFiles ? files - kReservedFiles : 16);
  error.clear();
  return bound;
}

bool HttpServer::start() {
  auto& impl = *impl_;
  if (impl.listener < 0 || impl.running) return impl.running;
  impl.epoll = epoll_create1(EPOLL_CLOEXEC);
  impl.wake = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (impl.epoll < 0 || impl.wake < 0) return false;
  for (auto [fd, key] :
       {std::pair{impl.listener, Impl::kListenerKey}, std::pair{impl.wake, Impl::kWakeKey}}) {
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.u64 = key;
    if (epoll_ctl(impl.epoll, EPOLL_CTL_ADD, fd, &event) != 0) return false;
  }
  int wake = impl.wake;
  impl.site.on_change([wake] {
    uint64_t one = 1;
    [[maybe_unused]] auto written = ::write(wake, &one, sizeof one);
  });
  impl.stopping = false;
  impl.thread = std::thread([&impl] { impl.run(); });
  impl.running = true;
  return true;
}

void HttpServer::stop() {
  if (!impl_ || !impl_->running) return;
  auto& impl = *impl_;
  impl.site.on_change({});  // returns once no call is under way: `wake` is not written again
  impl.site.stop();
  impl.stopping = true;
  uint64_t one = 1;
  [[maybe_unused]] auto written = ::write(impl.wake, &one, sizeof one);
  if (impl.thread.joinable()) impl.thread.join();
  impl.running = false;
}

}  // namespace passerelle
