#include "serve/http_server.h"

#include <httplib.h>

#include <chrono>
#include <thread>

namespace passerelle {

namespace {

// How often an idle event stream sends a comment, which also notices closed tabs.
constexpr auto kHeartbeat = std::chrono::seconds(15);
// Each open tab holds one event stream, and so one thread, for as long as it is open.
constexpr size_t kThreads = 32;

}  // namespace

struct HttpServer::Impl {
  LiveSite& site;
  std::function<void(const std::string&)> log;
  httplib::Server server;
  std::thread thread;
};

HttpServer::HttpServer(LiveSite& site, std::function<void(const std::string&)> log)
    : impl_(new Impl{site, std::move(log), {}, {}}) {
  auto& server = impl_->server;
  server.new_task_queue = [] { return new httplib::ThreadPool(kThreads); };
  server.set_default_headers({{"Cache-Control", "no-store"}});
  // An idle keep-alive connection holds a thread until it times out, and stop() waits for it.
  server.set_keep_alive_timeout(1);
  // cpp-httplib's default adds SO_REUSEPORT, which would let a second `serve` share the port
  // with the first and answer half of the requests. SO_REUSEADDR alone allows a quick restart.
  server.set_socket_options([](socket_t socket) {
    int yes = 1;
    ::setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  LiveSite* live = &site;
  server.Get(
      LiveSite::kEventsPath, [live](const httplib::Request& request, httplib::Response& response) {
        std::string since = request.get_param_value("since");
        std::string page = request.get_param_value("page");
        auto opened = std::make_shared<bool>(false);
        response.set_chunked_content_provider(
            "text/event-stream", [live, since, page, opened](size_t, httplib::DataSink& sink) {
              auto send = [&sink](const std::string& text) {
                return sink.write(text.data(), text.size());
              };
              if (!*opened) {
                *opened = true;
                return send("retry: 1000\n\n");  // reconnect quickly after a restart
              }
              switch (live->wait_for_change(page, since, kHeartbeat)) {
                case LiveSite::Wait::kChanged:
                  send("event: reload\ndata: reload\n\n");
                  sink.done();
                  return true;
                case LiveSite::Wait::kTimeout:
                  return send(": still here\n\n");
                case LiveSite::Wait::kStopped:
                  sink.done();
                  return true;
              }
              return false;
            });
      });
  server.Get(".*", [live](const httplib::Request& request, httplib::Response& response) {
    ServedResponse answer = live->respond(request.path);
    response.status = answer.status;
    if (!answer.location.empty()) response.set_header("Location", answer.location);
    response.set_content(std::move(answer.body), answer.content_type.c_str());
  });
  if (impl_->log) {
    auto* log = &impl_->log;
    server.set_logger([log](const httplib::Request& request, const httplib::Response& response) {
      (*log)(request.method + " " + request.path + " " + std::to_string(response.status));
    });
  }
}

HttpServer::~HttpServer() { stop(); }

int HttpServer::bind(const std::string& host, int port, std::string& error) {
  auto& server = impl_->server;
  int bound =
      port == 0 ? server.bind_to_any_port(host) : (server.bind_to_port(host, port) ? port : -1);
  if (bound < 0) {
    error = "cannot listen on " + host + ":" + std::to_string(port) +
            " (is the port in use? choose another with --port)";
  }
  return bound;
}

bool HttpServer::start() {
  auto& server = impl_->server;
  impl_->thread = std::thread([&server] { server.listen_after_bind(); });
  // This cpp-httplib has no wait_until_ready(): poll for a few seconds.
  for (int i = 0; i < 500 && !server.is_running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return server.is_running();
}

void HttpServer::stop() {
  if (!impl_) return;
  impl_->site.stop();
  impl_->server.stop();
  if (impl_->thread.joinable()) impl_->thread.join();
}

}  // namespace passerelle
