// `passerelle serve`: builds the site in memory, serves it on the loopback interface, rebuilds
// when a source changes and reloads the open tabs. A failed build is shown in the browser.
#include <signal.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <cxxopts.hpp>
#include <filesystem>
#include <iostream>
#include <set>

#include "build.h"
#include "cli/commands.h"
#include "cli/console.h"
#include "serve/error_page.h"
#include "serve/http_server.h"
#include "serve/live_site.h"
#include "serve/watcher.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace passerelle::cli {

namespace {

cxxopts::Options serve_options() {
  cxxopts::Options options("passerelle serve",
                           "Serves the site for previewing, rebuilds it when a source changes and "
                           "reloads the browser's tabs. Drafts are shown.");
  options.add_options()("source", "the site's folder (with site.toml)",
                        cxxopts::value<std::string>()->default_value("."))(
      "port", "port to listen on (0: any free port)", cxxopts::value<int>()->default_value("8000"))(
      "bind", "address to listen on; other than loopback, the preview is visible to your network",
      cxxopts::value<std::string>()->default_value("127.0.0.1"))(
      "base-url", "absolute URL in canonical links (default: the preview's own address)",
      cxxopts::value<std::string>())("no-drafts",
                                     "leave out pages marked draft = true, as build does")(
      "poll", "how often to look for changes, in milliseconds",
      cxxopts::value<int>()->default_value("250"))("h,help", "show this help");
  add_console_options(options);
  return options;
}

std::string clock_time() {
  std::time_t now = std::time(nullptr);
  char text[16];
  std::strftime(text, sizeof text, "%H:%M:%S", std::localtime(&now));
  return text;
}

std::string describe(const std::set<std::string>& changed) {
  std::string first = *changed.begin();
  if (changed.size() == 1) return first + " changed";
  return first + " and " + std::to_string(changed.size() - 1) + " other file(s) changed";
}

struct Rebuild {
  bool ok = false;
  PublishSummary summary;
  int errors = 0;
};

Rebuild rebuild(const std::string& source, const BuildOptions& options, LiveSite& live,
                const ConsoleStyle& style, const std::string& reason) {
  auto started = Clock::now();
  DiskSourceTree tree(source);
  DiskSourceTree bundled(bundled_themes_folder());
  Diagnostics diagnostics;
  auto result = build_site(tree, bundled, options, diagnostics);
  Rebuild outcome;
  outcome.ok = result.has_value();
  outcome.errors = diagnostics.error_count();
  double ms = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
  std::string when = reason.empty() ? "" : "[" + clock_time() + "] " + reason + ": ";
  print_diagnostics(tree, diagnostics, style);
  if (result) {
    std::string counts = build_counts(*result);
    outcome.summary = live.publish(std::move(result->plan));
    if (!style.quiet) {
      std::printf("%s%s %s, %d warning(s) in %.0f ms", when.c_str(),
                  reason.empty() ? "Built" : "rebuilt", counts.c_str(), diagnostics.warning_count(),
                  ms);
      if (!reason.empty()) {
        if (outcome.summary.everything) {
          std::printf("; every open tab reloads");
        } else {
          std::printf("; %zu page(s) changed", outcome.summary.changed_pages);
        }
      }
      std::printf("\n");
    }
  } else {
    outcome.summary = live.publish_error(error_page_html(diagnostics, tree));
    std::printf(
        "%sbuild failed with %d error(s) in %.0f ms; the browser shows them until they are fixed\n",
        when.c_str(), diagnostics.error_count(), ms);
  }
  std::fflush(stdout);
  return outcome;
}

}  // namespace

int run_serve(int argc, char** argv) {
  auto options = serve_options();
  cxxopts::ParseResult args;
  try {
    args = options.parse(argc, argv);
  } catch (const cxxopts::exceptions::exception& error) {
    std::cerr << "passerelle serve: " << error.what() << "\n" << options.help();
    return kExitUsage;
  }
  if (args.count("help")) {
    std::cout << options.help();
    return kExitOk;
  }
  if (!args.unmatched().empty()) {
    std::cerr << "passerelle serve: unexpected argument '" << args.unmatched().front() << "'\n";
    return kExitUsage;
  }
  ConsoleStyle style;
  if (std::string error; !console_style(args, style, error)) {
    std::cerr << "passerelle serve: " << error << "\n";
    return kExitUsage;
  }
  int port = args["port"].as<int>();
  int poll_ms = args["poll"].as<int>();
  if (port < 0 || port > 65535 || poll_ms < 10 || poll_ms > 10000) {
    std::cerr << "passerelle serve: --port must be 0 to 65535 and --poll 10 to 10000\n";
    return kExitUsage;
  }
  std::string source = args["source"].as<std::string>();
  if (!fs::is_regular_file(source + "/site.toml")) {
    std::cerr << source << ": error: no site.toml here; pass the site's folder with --source\n";
    return kExitErrors;
  }
  std::string host = args["bind"].as<std::string>();

  // SIGINT and SIGTERM are taken by sigtimedwait() below, which doubles as the polling pause.
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
  // Absolute links (canonical, 404 page) point at the preview unless asked otherwise.
  build.base_url = args.count("base-url") ? args["base-url"].as<std::string>() : address;

  SourceSnapshot snapshot = take_snapshot(source, watched_site_paths());
  rebuild(source, build, live, style, "");
  if (!server.start()) {
    std::cerr << "passerelle serve: error: the server did not start on " << address << "\n";
    return kExitErrors;
  }
  std::printf("Serving %s at %s (Ctrl+C to stop)\n",
              fs::weakly_canonical(fs::absolute(source)).c_str(), address.c_str());
  if (host != "127.0.0.1" && host != "localhost" && host != "::1") {
    std::printf("Listening on %s: anyone who can reach this machine can see the preview\n",
                host.c_str());
  }
  std::fflush(stdout);

  std::set<std::string> pending;
  long pause_ms = poll_ms;
  while (true) {
    timespec pause{pause_ms / 1000, (pause_ms % 1000) * 1'000'000L};
    int signal = sigtimedwait(&stop_signals, nullptr, &pause);
    if (signal > 0) break;
    auto looked = Clock::now();
    SourceSnapshot next = take_snapshot(source, watched_site_paths());
    // A large site takes long to look at: poll less often so that watching stays under about
    // a tenth of a core (64 files: under 1 ms; 10,000 files: about 0.1 s).
    long looking_ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - looked).count();
    pause_ms = std::clamp<long>(10 * looking_ms, poll_ms, std::max(poll_ms, 5000));
    auto changed = changed_paths(snapshot, next);
    snapshot = std::move(next);
    if (!changed.empty()) {
      // Wait for a quiet poll: an editor or a script may be saving several files.
      pending.insert(changed.begin(), changed.end());
      continue;
    }
    if (pending.empty()) continue;
    if (style.verbose) {
      for (const auto& path : pending) std::printf("  changed: %s\n", path.c_str());
    }
    rebuild(source, build, live, style, describe(pending));
    pending.clear();
    // Sources edited during the build are seen at the next poll.
  }
  std::printf("Stopping…\n");
  std::fflush(stdout);
  server.stop();
  std::printf("Stopped.\n");
  return kExitOk;
}

}  // namespace passerelle::cli
