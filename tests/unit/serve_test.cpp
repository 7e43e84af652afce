// `passerelle serve`'s library: the in-memory site with its live-reload bookkeeping, the
// watcher, the error page, and the HTTP server through a real client on the loopback.
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <thread>

#include "serve/error_page.h"
#include "serve/http_server.h"
#include "serve/live_site.h"
#include "serve/watcher.h"

namespace fs = std::filesystem;
using namespace passerelle;
using namespace std::chrono_literals;

namespace {

const OutputPlan kPlan = {
    {"index.html", "<!DOCTYPE html><html><head><title>x</title></head><body>root</body></html>"},
    {"fr/index.html", "<html><head></head><body>accueil</body></html>"},
    {"fr/a/index.html", "<html><head></head><body>page a</body></html>"},
    {"fr/b/index.html", "<html><head></head><body>page b</body></html>"},
    {"404.html", "<html><head></head><body>introuvable</body></html>"},
    {"css/site.1234.css", "body{}"},
};

OutputPlan with_file(OutputPlan plan, const std::string& path, const std::string& bytes) {
  for (auto& file : plan) {
    if (file.path == path) {
      file.bytes = bytes;
      return plan;
    }
  }
  plan.push_back({path, bytes});
  return plan;
}

/// The data-since value a served page carries.
std::string since_of(const ServedResponse& response) {
  auto at = response.body.find("data-since=\"");
  REQUIRE(at != std::string::npos);
  at += 12;
  return response.body.substr(at, response.body.find('"', at) - at);
}

fs::path fresh_folder(const std::string& name) {
  auto folder =
      fs::temp_directory_path() / ("passerelle-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(folder);
  fs::create_directories(folder);
  return folder;
}

void write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path) << text;
}

}  // namespace

TEST_CASE("LiveSite serves pages with the live-reload script, and other files as they are") {
  LiveSite site("run");
  site.publish(kPlan);
  auto page = site.respond("/fr/a/");
  CHECK(page.status == 200);
  CHECK(page.content_type == "text/html; charset=utf-8");
  CHECK(page.body.find("page a") != std::string::npos);
  // Before </head>, from an external file: no inline script.
  CHECK(page.body.find(
            "<script src=\"/_passerelle/live.js\" data-since=\"run-1\" defer></script>\n</head>") !=
        std::string::npos);
  auto css = site.respond("/css/site.1234.css");
  CHECK(css.body == "body{}");
  CHECK(css.content_type == "text/css; charset=utf-8");
  CHECK(site.respond("/").body.find("root") != std::string::npos);
  CHECK(site.respond("/fr/a/index.html").status == 200);
  auto script = site.respond(LiveSite::kScriptPath);
  CHECK(script.content_type == "text/javascript; charset=utf-8");
  CHECK(script.body.find("EventSource") != std::string::npos);
}

TEST_CASE("LiveSite redirects a folder without its slash and answers unknown paths with 404.html") {
  LiveSite site("run");
  site.publish(kPlan);
  auto redirect = site.respond("/fr/a");
  CHECK(redirect.status == 301);
  CHECK(redirect.location == "/fr/a/");
  auto missing = site.respond("/fr/nowhere/");
  CHECK(missing.status == 404);
  CHECK(missing.body.find("introuvable") != std::string::npos);
  CHECK(site.respond("/../etc/passwd").status == 404);
}

TEST_CASE("LiveSite tells which pages changed, and a failed build changes them all") {
  LiveSite site("run");
  auto first = site.publish(kPlan);
  CHECK(first.everything);  // the first build
  std::string since_a = since_of(site.respond("/fr/a/"));
  std::string since_b = since_of(site.respond("/fr/b/"));

  auto second = site.publish(
      with_file(kPlan, "fr/a/index.html", "<html><head></head><body>page A!</body></html>"));
  CHECK_FALSE(second.everything);
  CHECK(second.changed_pages == 1);
  CHECK(site.wait_for_change("/fr/a/", since_a, 0ms) == LiveSite::Wait::kChanged);
  CHECK(site.wait_for_change("/fr/b/", since_b, 0ms) == LiveSite::Wait::kTimeout);
  CHECK(site.wait_for_change("/fr/a/index.html", since_a, 0ms) == LiveSite::Wait::kChanged);

  // A page served after the change is up to date.
  std::string since_a2 = since_of(site.respond("/fr/a/"));
  CHECK(site.wait_for_change("/fr/a/", since_a2, 0ms) == LiveSite::Wait::kTimeout);

  auto failed = site.publish_error("<html><head></head><body>broken &lt;x&gt;</body></html>");
  CHECK(failed.everything);
  auto error_page = site.respond("/fr/b/");
  CHECK(error_page.status == 500);
  CHECK(error_page.body.find("broken") != std::string::npos);
  CHECK(site.respond("/css/site.1234.css").status == 500);
  CHECK(site.wait_for_change("/fr/b/", since_b, 0ms) == LiveSite::Wait::kChanged);

  std::string since_error = since_of(error_page);
  auto fixed = site.publish(kPlan);
  CHECK(fixed.everything);  // every tab shows the error page: all reload
  CHECK(site.wait_for_change("/fr/b/", since_error, 0ms) == LiveSite::Wait::kChanged);
  CHECK(site.respond("/fr/b/").status == 200);
}

TEST_CASE("LiveSite publishes some pages at once, and the complete build after them reloads no tab twice") {
  LiveSite site("run");
  CHECK(site.publish_partial({{"fr/a/index.html", "x"}}).generation == 0);  // no build yet
  site.publish(kPlan);
  std::string since_a = since_of(site.respond("/fr/a/"));
  std::string since_b = since_of(site.respond("/fr/b/"));

  const std::string edited = "<html><head></head><body>page A!</body></html>";
  auto partial = site.publish_partial({{"fr/a/index.html", edited}});
  CHECK(partial.generation == 2);
  CHECK(partial.changed_pages == 1);
  CHECK(site.respond("/fr/a/").body.find("page A!") != std::string::npos);
  CHECK(site.respond("/fr/b/").body.find("page b") != std::string::npos);  // the rest as it was
  CHECK(site.respond("/css/site.1234.css").body == "body{}");
  CHECK(site.wait_for_change("/fr/a/", since_a, 0ms) == LiveSite::Wait::kChanged);
  CHECK(site.wait_for_change("/fr/b/", since_b, 0ms) == LiveSite::Wait::kTimeout);

  // The complete build has the same page: the tab that reloaded for it does not reload again.
  std::string since_a2 = since_of(site.respond("/fr/a/"));
  auto complete = site.publish(with_file(
      with_file(kPlan, "fr/a/index.html", edited), "fr/b/index.html", "<html><head></head><body>B</body></html>"));
  CHECK_FALSE(complete.everything);
  CHECK(complete.changed_pages == 1);
  CHECK(site.wait_for_change("/fr/a/", since_a2, 0ms) == LiveSite::Wait::kTimeout);
  CHECK(site.wait_for_change("/fr/b/", since_b, 0ms) == LiveSite::Wait::kChanged);

  // A page the site does not have waits for the complete build; so does every page of a
  // failed build.
  CHECK(site.publish_partial({{"fr/new/index.html", "new"}}).generation == 0);
  CHECK(site.respond("/fr/new/").status == 404);
  site.publish_error("<html><head></head><body>broken</body></html>");
  CHECK(site.publish_partial({{"fr/a/index.html", "a"}}).generation == 0);
  CHECK(site.respond("/fr/a/").status == 500);
}

TEST_CASE("LiveSite: a new page reloads its tab, a removed one every tab, a page from another run is out of date") {
  LiveSite site("run");
  site.publish(kPlan);
  std::string since = since_of(site.respond("/fr/new/"));  // 404 for now
  auto with_new = with_file(kPlan, "fr/new/index.html", "<html><head></head><body>new</body></html>");
  site.publish(with_new);
  CHECK(site.wait_for_change("/fr/new/", since, 0ms) == LiveSite::Wait::kChanged);
  // Files that come and go (a search index's shards) reload no other tab; a removed page, all.
  std::string since_a = since_of(site.respond("/fr/a/"));
  auto shard = site.publish(with_file(with_new, "search/fr/shard-1.json", "[]"));
  CHECK_FALSE(shard.everything);
  CHECK(site.wait_for_change("/fr/a/", since_a, 0ms) == LiveSite::Wait::kTimeout);
  auto removed = site.publish(with_new);
  CHECK_FALSE(removed.everything);
  CHECK(site.wait_for_change("/fr/a/", since_a, 0ms) == LiveSite::Wait::kTimeout);
  OutputPlan without_b;
  for (const auto& file : with_new) {
    if (file.path != "fr/b/index.html") without_b.push_back(file);
  }
  CHECK(site.publish(without_b).everything);
  CHECK(site.wait_for_change("/fr/a/", since_a, 0ms) == LiveSite::Wait::kChanged);
  CHECK(site.wait_for_change("/fr/a/", "earlier-run-5", 0ms) == LiveSite::Wait::kChanged);
  CHECK(site.wait_for_change("/fr/a/", "garbage", 0ms) == LiveSite::Wait::kChanged);
}

TEST_CASE("LiveSite wakes a waiting tab when its page changes, and every waiter on stop") {
  LiveSite site("run");
  site.publish(kPlan);
  std::string since = since_of(site.respond("/fr/caf%C3%A9/"));
  auto waiting =
      std::async(std::launch::async, [&] { return site.wait_for_change("/fr/a/", since, 10s); });
  std::this_thread::sleep_for(50ms);
  site.publish(with_file(kPlan, "fr/a/index.html", "changed"));
  REQUIRE(waiting.wait_for(5s) == std::future_status::ready);
  CHECK(waiting.get() == LiveSite::Wait::kChanged);

  std::string later = since_of(site.respond("/fr/a/"));
  auto stopped =
      std::async(std::launch::async, [&] { return site.wait_for_change("/fr/a/", later, 10s); });
  std::this_thread::sleep_for(50ms);
  site.stop();
  REQUIRE(stopped.wait_for(5s) == std::future_status::ready);
  CHECK(stopped.get() == LiveSite::Wait::kStopped);
}

TEST_CASE(
    "The watcher sees files added, changed and removed, and ignores editors' temporary files") {
  auto root = fresh_folder("watch");
  write(root / "site.toml", "x");
  write(root / "content/fr/a.md", "one");
  write(root / "content/fr/.a.md.swp", "swap");
  write(root / "public/index.html", "output is not watched");
  write(root / ".public.previous/index.html", "nor is the output before last");
  auto before = take_snapshot(root.string(), watched_site_paths());
  CHECK(before.count("site.toml"));
  CHECK(before.count("content/fr/a.md"));
  CHECK_FALSE(before.count("content/fr/.a.md.swp"));
  CHECK_FALSE(before.count("public/index.html"));
  CHECK_FALSE(before.count(".public.previous/index.html"));
  CHECK(changed_paths(before, take_snapshot(root.string(), watched_site_paths())).empty());

  write(root / "content/fr/a.md", "two!");  // another size, whatever the clock's resolution
  write(root / "directory-data/actors/x.toml", "name = 'x'");
  write(root / "content/fr/a.md~", "backup");
  fs::remove(root / "site.toml");
  auto after = take_snapshot(root.string(), watched_site_paths());
  CHECK(changed_paths(before, after) ==
        std::vector<std::string>{"content/fr/a.md", "directory-data/actors/x.toml", "site.toml"});
  fs::remove_all(root);
}

TEST_CASE("The error page shows every diagnostic with its place and source line, escaped") {
  MemorySourceTree tree;
  tree.add("directory-data/actors/x.toml", "name = \"ok\"\nsectors = [\"<script>\"]\n");
  Diagnostics diagnostics;
  diagnostics.error({"directory-data/actors/x.toml", 2, 12},
                    "unknown sector '<script>' (allowed: a & b)");
  diagnostics.warning({"content/fr/a.md", 0, 0}, "a warning");
  std::string html = error_page_html(diagnostics, tree);
  CHECK(html.find("<code class=\"where\">directory-data/actors/x.toml:2:12</code>") !=
        std::string::npos);
  CHECK(html.find("unknown sector &#39;&lt;script&gt;&#39; (allowed: a &amp; b)") !=
        std::string::npos);
  CHECK(html.find("sectors = [&quot;&lt;script&gt;&quot;]") != std::string::npos);
  CHECK(html.find("<code class=\"where\">content/fr/a.md</code>") != std::string::npos);
  CHECK(html.find("1 error, 1 warning") != std::string::npos);
  CHECK(html.find("<script") == std::string::npos);  // the server adds the only script
}

TEST_CASE("The HTTP server answers on the loopback and pushes a reload to the open tab") {
  LiveSite site("run");
  site.publish(kPlan);
  HttpServer server(site);
  std::string error;
  int port = server.bind("127.0.0.1", 0, error);
  REQUIRE(port > 0);
  REQUIRE(server.start());
  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(10s);
  auto page = client.Get("/fr/a/");
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(page->get_header_value("Cache-Control") == "no-store");
  std::string since = since_of({page->status, "", page->body, ""});
  auto missing = client.Get("/fr/zzz/");
  REQUIRE(missing);
  CHECK(missing->status == 404);

  // The tab's event stream: open, then a rebuild changes its page.
  std::string received;
  auto stream = std::async(std::launch::async, [&] {
    httplib::Client events("127.0.0.1", port);
    events.set_read_timeout(10s);
    return events.Get(("/_passerelle/events?since=" + since + "&page=%2Ffr%2Fa%2F").c_str(),
                      [&](const char* data, size_t length) {
                        received.append(data, length);
                        return true;
                      });
  });
  std::this_thread::sleep_for(200ms);
  site.publish(with_file(kPlan, "fr/a/index.html", "<html><head></head><body>new a</body></html>"));
  REQUIRE(stream.wait_for(10s) == std::future_status::ready);
  auto result = stream.get();
  REQUIRE(result);
  CHECK(result->get_header_value("Content-Type") == "text/event-stream");
  CHECK(received.find("event: reload") != std::string::npos);
  auto updated = client.Get("/fr/a/");
  REQUIRE(updated);
  CHECK(updated->body.find("new a") != std::string::npos);
  server.stop();
}

namespace {

/// A client on a raw socket, to send what a browser would not (a byte at a time, a broken
/// request, nothing at all) and to read exactly what the server sends.
class RawClient {
 public:
  explicit RawClient(int port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  }
  ~RawClient() { ::close(fd_); }
  RawClient(const RawClient&) = delete;
  RawClient& operator=(const RawClient&) = delete;

  bool connected() const { return connected_; }
  void send(const std::string& bytes) {
    CHECK(::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL) ==
          static_cast<ssize_t>(bytes.size()));
  }
  /// Reads until `expected` has arrived, the server closed or `timeout` passed.
  std::string read_until(const std::string& expected, std::chrono::milliseconds timeout = 5000ms) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (received_.find(expected) == std::string::npos && !closed_) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) break;
      pollfd fd{fd_, POLLIN, 0};
      if (::poll(&fd, 1, static_cast<int>(left.count())) <= 0) break;
      char buffer[65536];
      ssize_t length = ::recv(fd_, buffer, sizeof buffer, 0);
      if (length <= 0) {
        closed_ = true;
      } else {
        received_.append(buffer, static_cast<size_t>(length));
      }
    }
    return received_;
  }
  /// Reads until the server closes the connection (or `timeout` passed).
  std::string read_all(std::chrono::milliseconds timeout = 5000ms) {
    return read_until(std::string(1, '\0') + "never", timeout);
  }
  bool closed() const { return closed_; }
  const std::string& received() const { return received_; }

 private:
  int fd_ = -1;
  bool connected_ = false;
  bool closed_ = false;
  std::string received_;
};

/// The server of the tests below, on a free loopback port, serving kPlan.
struct TestServer {
  LiveSite site{"run"};
  HttpServer server;
  int port = 0;
  explicit TestServer(HttpLimits limits = {}) : server(site, {}, limits) {
    site.publish(kPlan);
    std::string error;
    port = server.bind("127.0.0.1", 0, error);
    REQUIRE(port > 0);
    REQUIRE(server.start());
  }
  std::string get(const std::string& target, const std::string& headers = "") {
    RawClient client(port);
    REQUIRE(client.connected());
    client.send("GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" + headers +
                "\r\n");
    return client.read_all();
  }
  std::string stream_request(const std::string& since, const std::string& page) const {
    return "GET /_passerelle/events?since=" + since + "&page=" + page +
           " HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n";
  }
};

/// The value of `name` in a response's head ("" if absent).
std::string header_of(const std::string& response, const std::string& name) {
  auto head = response.substr(0, response.find("\r\n\r\n"));
  auto at = head.find("\r\n" + name + ": ");
  if (at == std::string::npos) return "";
  at += name.size() + 4;
  return head.substr(at, head.find("\r\n", at) - at);
}

}  // namespace

TEST_CASE("LiveSite never redirects to another host: //fr and friends go to /fr/") {
  LiveSite site("run");
  site.publish(kPlan);
  for (std::string path : {"//fr", "///fr", "//fr/a", "/fr//a"}) {
    INFO(path);
    auto answer = site.respond(path);
    if (answer.status == 301) {
      CHECK(is_local_location(answer.location));
      CHECK(answer.location.substr(0, 2) != "//");
    }
  }
  CHECK(site.respond("//fr").location == "/fr/");
  CHECK(site.respond("///fr").location == "/fr/");
  CHECK(site.respond("//fr/a").location == "/fr/a/");
  CHECK(site.respond("/\\fr").status == 404);
  CHECK(site.respond("/\\fr").location.empty());
  CHECK(site.respond("/\\\\fr").location.empty());

  CHECK(is_local_location("/fr/"));
  CHECK(is_local_location("/"));
  CHECK_FALSE(is_local_location("//evil/"));
  CHECK_FALSE(is_local_location("/\\evil/"));
  CHECK_FALSE(is_local_location("http://evil/"));
  CHECK_FALSE(is_local_location("evil"));
  CHECK_FALSE(is_local_location(""));
  CHECK_FALSE(is_local_location("/fr/\r\nSet-Cookie: x=1"));
  CHECK_FALSE(is_local_location("/fr\\/"));
}

TEST_CASE(
    "The HTTP server answers //-prefixed, backslashed and encoded paths without leaving the host") {
  TestServer test;
  // (target, Location expected; "" for none)
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"//fr", "/fr/"},
      {"///fr", "/fr/"},
      {"/%2F%2Ffr", "/fr/"},
      {"/%2f/fr", "/fr/"},
      {"//fr/a", "/fr/a/"},
      {"/fr", "/fr/"},
      {"/\\evil", ""},
      {"/%5Cevil", ""},
      {"/%5C%5Cfr", ""},
      {"//evil", ""},
      {"/%2F%2Fevil", ""},
      {"/%2F%2Fevil.example%2F", ""},
      {"http://evil/fr", "/fr/"},  // the absolute form names this server: only its path counts
  };
  for (const auto& [target, expected] : cases) {
    INFO(target);
    std::string response = test.get(target);
    REQUIRE(response.find("\r\n\r\n") != std::string::npos);
    std::string location = header_of(response, "Location");
    CHECK(location == expected);
    if (!location.empty()) CHECK(is_local_location(location));
    CHECK(response.rfind(expected.empty() ? "HTTP/1.1 404" : "HTTP/1.1 301", 0) == 0);
  }
}

TEST_CASE(
    "The HTTP server answers HEAD, pipelined and HTTP/1.0 requests, and refuses broken ones") {
  TestServer test;
  {
    RawClient client(test.port);
    client.send("HEAD /fr/a/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    std::string response = client.read_all();
    CHECK(response.rfind("HTTP/1.1 200 OK\r\n", 0) == 0);
    CHECK(std::stoul(header_of(response, "Content-Length")) > 10);
    CHECK(response.substr(response.find("\r\n\r\n") + 4).empty());
  }
  {
    RawClient client(test.port);  // two requests in one write, answered in order
    client.send(
        "GET /fr/a/ HTTP/1.1\r\nHost: x\r\n\r\nGET /fr/b/ HTTP/1.1\r\nHost: x\r\nConnection: "
        "close\r\n\r\n");
    std::string response = client.read_all();
    CHECK(client.closed());
    auto a = response.find("page a");
    auto b = response.find("page b");
    CHECK(a != std::string::npos);
    CHECK(b != std::string::npos);
    CHECK(a < b);
  }
  {
    RawClient client(test.port);  // HTTP/1.0, lines ending in a bare LF: answered, then closed
    client.send("GET /fr/b/ HTTP/1.0\n\n");
    std::string response = client.read_all();
    CHECK(client.closed());
    CHECK(response.find("page b") != std::string::npos);
  }
  {
    RawClient client(test.port);  // a body with a GET is read and ignored
    client.send(
        "GET /fr/a/ HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhelloGET /fr/b/ "
        "HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    std::string response = client.read_all();
    CHECK(response.find("page a") != std::string::npos);
    CHECK(response.find("page b") != std::string::npos);
  }
  const std::vector<std::pair<std::string, std::string>> refused = {
      {"POST /fr/a/ HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n", "HTTP/1.1 405"},
      {"GET /fr/a/ HTTP/2.0\r\n\r\n", "HTTP/1.1 505"},
      {"GET /fr/a/\r\n\r\n", "HTTP/1.1 400"},
      {"GET fr/a/ HTTP/1.1\r\n\r\n", "HTTP/1.1 400"},
      {"GET /fr/a/ HTTP/1.1\r\nNo colon here\r\n\r\n", "HTTP/1.1 400"},
      {"GET /fr/a/ HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n", "HTTP/1.1 400"},
      {"GET /fr/a/ HTTP/1.1\r\nContent-Length: 1, 2\r\n\r\n", "HTTP/1.1 400"},
      {"GET /fr/a/ HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", "HTTP/1.1 501"},
      {"GET /fr/a/ HTTP/1.1\r\nContent-Length: 99999999\r\n\r\n", "HTTP/1.1 413"},
      {"GET /" + std::string(9000, 'a') + " HTTP/1.1\r\n\r\n", "HTTP/1.1 414"},
      {"GET / HTTP/1.1\r\nX: " + std::string(20000, 'a') + "\r\n\r\n", "HTTP/1.1 431"},
      {"GET /\x1b[2J HTTP/1.1\r\n\r\n", "HTTP/1.1 400"},
  };
  for (const auto& [request, status] : refused) {
    INFO(request.substr(0, 60));
    RawClient client(test.port);
    client.send(request);
    std::string response = client.read_all();
    CHECK(response.rfind(status, 0) == 0);
    CHECK(client.closed());
  }
  // And the server still answers.
  CHECK(test.get("/fr/a/").find("page a") != std::string::npos);
}

TEST_CASE("The HTTP server is not starved by open event streams nor by slow clients") {
  HttpLimits limits;
  limits.request_timeout = 500ms;
  limits.write_timeout = 500ms;
  TestServer test(limits);
  std::string since = since_of(test.site.respond("/fr/a/"));

  // Far more streams than the 32 threads of the old server; half on /fr/a/, half on /fr/b/.
  std::vector<std::unique_ptr<RawClient>> streams;
  for (int i = 0; i < 100; ++i) {
    streams.push_back(std::make_unique<RawClient>(test.port));
    REQUIRE(streams.back()->connected());
    streams.back()->send(test.stream_request(since, i % 2 ? "%2Ffr%2Fa%2F" : "%2Ffr%2Fb%2F"));
  }
  for (auto& stream : streams) {
    std::string opened = stream->read_until("retry: 1000\n\n");
    REQUIRE(opened.find("Content-Type: text/event-stream\r\n") != std::string::npos);
    REQUIRE(opened.find("retry: 1000\n\n") != std::string::npos);
  }
  // Clients that send part of a request and stop, and clients that never read.
  std::vector<std::unique_ptr<RawClient>> slow;
  for (int i = 0; i < 40; ++i) {
    slow.push_back(std::make_unique<RawClient>(test.port));
    if (i % 2) {
      slow.back()->send("GET /fr/a/ HT");  // part of a request, then nothing
    } else {
      std::string requests;  // pipelined, and the answers never read
      for (int j = 0; j < 1000; ++j) requests += "GET /fr/a/ HTTP/1.1\r\nHost: x\r\n\r\n";
      slow.back()->send(requests);
    }
  }
  // Ordinary requests are answered at once all the same.
  for (int i = 0; i < 20; ++i) {
    auto started = std::chrono::steady_clock::now();
    CHECK(test.get("/fr/a/").find("page a") != std::string::npos);
    CHECK(std::chrono::steady_clock::now() - started < 2s);
  }
  // A slow client is told 408 and closed once its time is up.
  std::string late = slow[1]->read_all(3s);
  CHECK(late.rfind("HTTP/1.1 408", 0) == 0);
  CHECK(slow[1]->closed());

  // A rebuild that changes /fr/a/ reloads the streams of /fr/a/, and only them.
  test.site.publish(
      with_file(kPlan, "fr/a/index.html", "<html><head></head><body>A!</body></html>"));
  for (size_t i = 0; i < streams.size(); ++i) {
    INFO(i);
    if (i % 2) {
      CHECK(streams[i]->read_until("event: reload\n").find("event: reload\ndata: reload\n\n") !=
            std::string::npos);
      CHECK(streams[i]->read_all().size() > 0);
      CHECK(streams[i]->closed());  // the server ends the stream after the reload
    }
  }
  CHECK(streams[0]->read_until("event: reload", 200ms).find("event: reload") == std::string::npos);

  // stop() ends the streams still open, at once.
  auto started = std::chrono::steady_clock::now();
  test.server.stop();
  CHECK(std::chrono::steady_clock::now() - started < 2s);
  streams[0]->read_all(2s);
  CHECK(streams[0]->closed());
}

TEST_CASE(
    "The HTTP server bounds each client's connections and the event streams, and ends idle ones") {
  HttpLimits limits;
  limits.max_per_address = 4;
  limits.max_streams = 2;
  limits.idle_timeout = 300ms;
  limits.heartbeat = 300ms;
  TestServer test(limits);
  std::string since = since_of(test.site.respond("/fr/a/"));

  // Four connections that say nothing, then a fifth from the same address: the oldest of the
  // four is closed to make room, and the fifth is answered.
  std::vector<std::unique_ptr<RawClient>> idle;
  for (int i = 0; i < 4; ++i) {
    idle.push_back(std::make_unique<RawClient>(test.port));
    std::this_thread::sleep_for(20ms);  // accepted in this order
  }
  std::this_thread::sleep_for(100ms);
  CHECK(test.get("/fr/a/").find("page a") != std::string::npos);
  CHECK(idle[0]->read_all(2s).empty());
  CHECK(idle[0]->closed());
  CHECK_FALSE(idle[3]->closed());
  idle.clear();

  // Two streams are all there may be: a third tab is told to come back in 10 s.
  RawClient first(test.port), second(test.port), third(test.port);
  first.send(test.stream_request(since, "%2Ffr%2Fa%2F"));
  second.send(test.stream_request(since, "%2Ffr%2Fb%2F"));
  CHECK(first.read_until("retry: 1000\n\n").find("retry: 1000\n\n") != std::string::npos);
  CHECK(second.read_until("retry: 1000\n\n").find("retry: 1000\n\n") != std::string::npos);
  third.send(test.stream_request(since, "%2Ffr%2Fa%2F"));
  CHECK(third.read_all().find("\r\n\r\nretry: 10000\n\n") != std::string::npos);
  CHECK(third.closed());
  // An idle stream gets a heartbeat, which tells a vanished client from a quiet one.
  CHECK(first.read_until(": still here\n\n", 2s).find(": still here\n\n") != std::string::npos);

  // A keep-alive connection left idle after its answer is closed.
  RawClient keep(test.port);
  keep.send("GET /fr/a/ HTTP/1.1\r\nHost: x\r\n\r\n");
  CHECK(keep.read_until("page a").find("page a") != std::string::npos);
  CHECK_FALSE(keep.closed());
  keep.read_all(3s);
  CHECK(keep.closed());
}

TEST_CASE("LiveSite takes each file's hash from the build's summary of it, when it has one") {
  auto summaries = [](const OutputPlan& plan) {
    std::vector<FileSummary> all;
    for (const auto& file : plan) all.push_back(summary_of(file));
    return all;
  };
  LiveSite site("run");
  CHECK(site.publish(kPlan, summaries(kPlan)).everything);
  auto edited = with_file(kPlan, "fr/a/index.html", "<html><head></head><body>page A!</body></html>");
  CHECK(site.publish(edited, summaries(edited)).changed_pages == 1);
  CHECK(site.respond("/fr/a/").body.find("page A!") != std::string::npos);
  // The summary is what is compared: one saying another hash marks its page changed.
  auto said = summaries(edited);
  said[3].hash ^= 1;  // fr/b/index.html
  REQUIRE(said[3].path == "fr/b/index.html");
  CHECK(site.publish(edited, said).changed_pages == 1);
  // Summaries of other files (another order) are not taken: the files are hashed.
  auto reversed = said;
  std::reverse(reversed.begin(), reversed.end());
  CHECK(site.publish(edited, reversed).changed_pages == 1);  // fr/b back to its real hash
  CHECK(site.publish(edited, reversed).changed_pages == 0);
}
