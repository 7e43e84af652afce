// The live-reload event streams: a tab opens one for its page, gets a heartbeat while nothing
// changes, and one reload event (then the stream closes) once its page has changed.
#include "serve/http_connections.h"

#include "serve/http_response.h"

namespace passerelle {

namespace {

constexpr size_t kMaxStreamBacklog = 64 * 1024;  // unsent bytes of an event stream
// A tab refused because too many streams are open comes back after this.
constexpr const char* kRetryLater = "retry: 10000\n\n";

}  // namespace

using http::event_stream_head;

bool HttpServer::Impl::open_stream(Connection& connection, const Request& request) {
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

void HttpServer::Impl::push_reload(Connection& connection) {
  connection.out += "event: reload\ndata: reload\n\n";
  connection.close_after = true;
}

void HttpServer::Impl::site_changed() {
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

void HttpServer::Impl::sweep_stream(Connection& connection, Clock::time_point now) {
  if (!connection.out.empty()) {
    if (now - connection.since > limits.write_timeout ||
        connection.out.size() > kMaxStreamBacklog) {
      close_connection(connection);
    }
  } else if (now - connection.last_sent >= limits.heartbeat) {
    connection.last_sent = now;
    connection.out = ": still here\n\n";
    connection.since = now;
    flush(connection);
  }
}

}  // namespace passerelle
