// `passerelle serve`: builds the site in memory, serves it on the loopback interface, rebuilds
// when a source changes and reloads the open tabs. A failed build is shown in the browser.
#include <poll.h>
#include <signal.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cxxopts.hpp>
#include <filesystem>
#include <iostream>
#include <memory>
#include <set>

#include "pipeline/build.h"
#include "cli/command_table.h"
#include "cli/commands.h"
#include "cli/console.h"
#include "messages/messages.h"
#include "serve/http_server.h"
#include "serve/notifier.h"
#include "serve/live_site.h"
#include "serve/rebuilds.h"
#include "serve/watcher.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace passerelle::cli {

namespace {

/// Waits for changes in the site with inotify, or by polling when inotify cannot watch it.
class SourceWatch {
 public:
  SourceWatch(const std::string& source, bool polling, int poll_ms, const sigset_t& stop_signals)
      : source_(source), poll_ms_(poll_ms), pause_ms_(poll_ms), stop_signals_(stop_signals) {
    if (!polling) notifier_ = std::make_unique<ChangeNotifier>(source, watched_site_paths());
    if (notifier_ && notifier_->ok()) {
      signals_ = signalfd(-1, &stop_signals_, SFD_CLOEXEC);
      if (signals_ >= 0) return;
    }
    notifier_.reset();
    snapshot_ = take_snapshot(source_, watched_site_paths());
  }
  ~SourceWatch() {
    if (signals_ >= 0) ::close(signals_);
  }
  bool notified() const { return notifier_ != nullptr; }

  /// Blocks until sources changed and then stayed quiet for a moment (an editor or a script
  /// may be saving several files); false when a stop signal came first.
  bool next(std::set<std::string>& changed) {
    return notifier_ ? next_notified(changed) : next_polled(changed);
  }

 private:
  bool next_notified(std::set<std::string>& changed) {
    // The pause that ends a burst of events: short, since an edit is shown within it.
    constexpr int kQuietMs = 10;
    // A file written without pause (a log, a long copy) must not hold the rebuild back forever.
    constexpr auto kLongestBurst = std::chrono::seconds(1);
    int timeout = -1;
    Clock::time_point first_change;
    while (true) {
      if (!changed.empty() && Clock::now() - first_change > kLongestBurst) return true;
      pollfd fds[2] = {{signals_, POLLIN, 0}, {notifier_->fd(), POLLIN, 0}};
      int ready = ::poll(fds, 2, timeout);
      if (ready < 0 && errno != EINTR) return false;
      if (fds[0].revents & POLLIN) return false;
      if (ready == 0) return true;  // quiet since the last event
      if (!(fds[1].revents & POLLIN)) continue;
      bool lost = false;
      for (auto& path : notifier_->read_changes(lost)) changed.insert(std::move(path));
      if (lost) changed.insert("/");  // events were dropped: read everything again
      if (!changed.empty() && timeout < 0) {
        timeout = kQuietMs;
        first_change = Clock::now();
      }
    }
  }

  bool next_polled(std::set<std::string>& changed) {
    while (true) {
      timespec pause{pause_ms_ / 1000, (pause_ms_ % 1000) * 1'000'000L};
      if (sigtimedwait(&stop_signals_, nullptr, &pause) > 0) return false;
      auto looked = Clock::now();
      SourceSnapshot next = take_snapshot(source_, watched_site_paths());
      // A large site takes long to look at: poll less often so that watching stays under
      // about a tenth of a core (64 files: under 1 ms; 10,000 files: about 0.1 s).
      long looking_ms =
          std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - looked).count();
      pause_ms_ = std::clamp<long>(10 * looking_ms, poll_ms_, std::max(poll_ms_, 5000));
      auto paths = changed_paths(snapshot_, next);
      snapshot_ = std::move(next);
      // Wait for a quiet poll before reporting.
      if (!paths.empty()) {
        changed.insert(paths.begin(), paths.end());
      } else if (!changed.empty()) {
        return true;
      }
    }
  }

  std::string source_;
  int poll_ms_;
  long pause_ms_;
  sigset_t stop_signals_;
  std::unique_ptr<ChangeNotifier> notifier_;
  int signals_ = -1;
  SourceSnapshot snapshot_;
};

}  // namespace

int serve_command(const cxxopts::ParseResult& args, ConsoleStyle& style) {
  int port = args["port"].as<int>();
  int poll_ms = args["poll"].as<int>();
  if (port < 0 || port > 65535 || poll_ms < 10 || poll_ms > 10000) {
    std::cerr << "passerelle serve: " << tr("--port must be 0 to 65535 and --poll 10 to 10000")
              << "\n";
    return kExitUsage;
  }
  std::string source = args["source"].as<std::string>();
  if (!has_site_config(source)) return kExitErrors;
  std::string host = args["bind"].as<std::string>();

  // SIGINT and SIGTERM are taken by a signalfd next to the inotify descriptor, or by
  // sigtimedwait(), which doubles as the polling pause.
  // They are blocked before any thread starts, so that every thread inherits the mask.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  auto instance = std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(
                                     std::chrono::system_clock::now().time_since_epoch())
                                     .count());
  LiveSite live(instance);
  std::function<void(const std::string&)> log;
  if (style.verbose)
    log = [](const std::string& line) {
      std::printf("  %s\n", line.c_str());
      std::fflush(stdout);
    };
  HttpServer server(live, log);
  std::string error;
  port = server.bind(host, port, error);
  if (port < 0) {
    std::cerr << "passerelle serve: error: " << error << "\n";
    return kExitErrors;
  }
  bool any_address = host == "0.0.0.0" || host == "::";
  std::string shown_host = any_address ? "127.0.0.1" : host;
  if (shown_host.find(':') != std::string::npos) shown_host = "[" + shown_host + "]";
  std::string address = "http://" + shown_host + ":" + std::to_string(port) + "/";

  BuildOptions build;
  build.include_drafts = args.count("no-drafts") == 0;
  build.include_future = build.include_drafts;  // like drafts: previewed, not yet published
  build.today = today();
  build.picture_cache = picture_cache_folder(source);
  build.search_cache = search_cache_folder(source);
  // Absolute links (canonical, 404 page) point at the preview unless asked otherwise.
  build.base_url = args.count("base-url") ? args["base-url"].as<std::string>() : address;

  // Watching starts before the first build, so that an edit made while it runs, or right
  // after the first page is served, is not missed.
  SourceWatch watch(source, args.count("polling") > 0, poll_ms, stop_signals);
  RebuildConsole console;
  console.quiet = style.quiet;
  console.verbose = style.verbose;
  console.line = [](const std::string& line) {
    std::printf("%s\n", line.c_str());
    std::fflush(stdout);
  };
  console.diagnostics = [style](const SourceTree& tree, const Diagnostics& diagnostics) {
    print_diagnostics(tree, diagnostics, style);
  };
  ServeRebuilds rebuilds(source, bundled_themes_folder(), build, live, console);
  rebuilds.first_build();
  if (!server.start()) {
    std::cerr << "passerelle serve: error: "
              << format_message(tr("the server did not start on %1$s"), address) << "\n";
    return kExitErrors;
  }
  std::printf("Serving %s at %s (Ctrl+C to stop)\n",
              fs::weakly_canonical(fs::absolute(source)).c_str(), address.c_str());
  std::printf("%s\n", format_message(tr("What passerelle check says, live: %1$s"),
                                     address + (LiveSite::kDashboardPath + 1))
                          .c_str());
  if (host != "127.0.0.1" && host != "localhost" && host != "::1") {
    std::printf("Listening on %s: anyone who can reach this machine can see the preview\n",
                host.c_str());
  }
  if (style.verbose) {
    std::printf("  watching for changes %s\n", watch.notified() ? "with inotify" : "by polling");
  }
  std::fflush(stdout);

  std::set<std::string> changed;
  while (watch.next(changed)) {
    auto seen = Clock::now();
    if (style.verbose) {
      for (const auto& path : changed) std::printf("  changed: %s\n", path.c_str());
    }
    rebuilds.changed(changed, seen);
    changed.clear();
  }
  std::printf("Stopping…\n");
  std::fflush(stdout);
  server.stop();
  std::printf("Stopped.\n");
  return kExitOk;
}

}  // namespace passerelle::cli
