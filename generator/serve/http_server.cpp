// HttpServer's public side: binding, starting and stopping its thread. The thread's work is
// in http_loop.cpp and the files http_connections.h names.
#include "serve/http_server.h"

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>

#include "serve/http_connections.h"
#include "serve/sockets.h"

namespace passerelle {

namespace {

// Sockets kept for everything else (the site's files, inotify…) under the limit on open files.
constexpr size_t kReservedFiles = 64;

}  // namespace

HttpServer::HttpServer(LiveSite& site, std::function<void(const std::string&)> log,
                       HttpLimits limits)
    : impl_(new Impl(site, std::move(log), limits)) {}

HttpServer::~HttpServer() { stop(); }

int HttpServer::bind(const std::string& host, int port, std::string& error) {
  error = "cannot listen on " + host + ":" + std::to_string(port) +
          " (is the port in use? choose another with --port)";
  int bound = 0;
  int listener = open_listener(host, port, bound);
  if (listener < 0) return -1;
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
