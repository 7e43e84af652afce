// `passerelle serve`'s library: the in-memory site with its live-reload bookkeeping, the
// watcher, the error page, and the HTTP server through a real client on the loopback.
#include <httplib.h>
#include <unistd.h>

#include <catch2/catch.hpp>
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
