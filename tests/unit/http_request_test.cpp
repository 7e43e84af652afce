// The HTTP request parser and answer heads of `serve` (serve/http_request.h,
// serve/http_response.h), alone, without a socket.
#include <catch2/catch.hpp>

#include <string>

#include "serve/http_request.h"
#include "serve/http_response.h"

using namespace passerelle::http;

namespace {

struct Parsed {
  Parse result;
  Request request;
  int status = 0;
};

Parsed parse(const std::string& buffer) {
  Parsed parsed;
  size_t scanned = 0;
  parsed.result = parse_request(buffer, scanned, parsed.request, parsed.status);
  return parsed;
}

}  // namespace

TEST_CASE("parse_request reads a GET, decodes its path and drops the fragment") {
  auto parsed = parse("GET /fr/caf%C3%A9/?x=1#top HTTP/1.1\r\nHost: a\r\n\r\n");
  REQUIRE(parsed.result == Parse::kComplete);
  CHECK(parsed.request.method == "GET");
  CHECK(parsed.request.path == "/fr/café/");
  CHECK(parsed.request.keep_alive);
  CHECK_FALSE(parsed.request.http10);
}

TEST_CASE("parse_request waits for the rest of a head or body, and measures pipelined requests") {
  CHECK(parse("GET / HTTP/1.1\r\nHost: a\r\n").result == Parse::kIncomplete);
  CHECK(parse("GET / HTTP/1.1\r\nContent-Length: 4\r\n\r\nab").result == Parse::kIncomplete);
  std::string first = "GET /a HTTP/1.1\nContent-Length: 2\n\nxy";  // bare LF lines too
  auto parsed = parse(first + "GET /b HTTP/1.1\r\n\r\n");
  REQUIRE(parsed.result == Parse::kComplete);
  CHECK(parsed.request.path == "/a");
  CHECK(parsed.request.length == first.size());
}

TEST_CASE("parse_request reads an event stream's page and since, the first of each, decoded") {
  auto parsed = parse("GET /_events?page=%2Ffr%2F&since=a+b&page=x HTTP/1.1\r\n\r\n");
  REQUIRE(parsed.result == Parse::kComplete);
  CHECK(parsed.request.page == "/fr/");
  CHECK(parsed.request.since == "a b");
}

TEST_CASE("parse_request: HTTP/1.0 keeps the connection only when asked, close always wins") {
  CHECK_FALSE(parse("GET / HTTP/1.0\r\n\r\n").request.keep_alive);
  auto kept = parse("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n").request;
  CHECK(kept.keep_alive);
  CHECK(kept.http10);
  CHECK_FALSE(parse("GET / HTTP/1.1\r\nConnection: foo, close\r\n\r\n").request.keep_alive);
}

TEST_CASE("parse_request takes only the path of an absolute target") {
  auto parsed = parse("GET HTTP://example.org/it/?q HTTP/1.1\r\n\r\n");
  REQUIRE(parsed.result == Parse::kComplete);
  CHECK(parsed.request.path == "/it/");
}

TEST_CASE("parse_request refuses malformed or oversized requests with the right status") {
  auto status_of = [](const std::string& buffer) {
    auto parsed = parse(buffer);
    CHECK(parsed.result == Parse::kBad);
    return parsed.status;
  };
  CHECK(status_of("GET / HTTP/2.0\r\n\r\n") == 505);
  CHECK(status_of("GET / FTP/1.1\r\n\r\n") == 400);
  CHECK(status_of("GET * HTTP/1.1\r\n\r\n") == 400);
  CHECK(status_of("G(T / HTTP/1.1\r\n\r\n") == 400);
  CHECK(status_of("GET /\x01 HTTP/1.1\r\n\r\n") == 400);
  CHECK(status_of("GET / HTTP/1.1\r\nX: a\r\n folded\r\n\r\n") == 400);
  CHECK(status_of("GET / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n") == 400);
  CHECK(status_of("GET / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n") == 501);
  CHECK(status_of("GET / HTTP/1.1\r\nContent-Length: 70000\r\n\r\n") == 413);
  CHECK(status_of("GET /" + std::string(9000, 'a') + " HTTP/1.1\r\n\r\n") == 414);
  CHECK(status_of("GET / HTTP/1.1\r\nX: " + std::string(17000, 'a')) == 431);
  std::string many;
  for (int i = 0; i < 101; ++i) many += "X" + std::to_string(i) + ": a\r\n";
  CHECK(status_of("GET / HTTP/1.1\r\n" + many + "\r\n") == 431);
}

TEST_CASE("printable shows control characters of a logged path as '?'") {
  CHECK(printable("/a\x1b[31m\x7f") == "/a?[31m?");
}

TEST_CASE("response_head says the status, length, no caching and how the connection goes on") {
  CHECK(response_head(404, "text/plain", 10, "", false) ==
        "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 10\r\n"
        "Cache-Control: no-store\r\n");
  CHECK(response_head(301, "", 0, "/fr/", true) ==
        "HTTP/1.1 301 Moved Permanently\r\nContent-Length: 0\r\nCache-Control: no-store\r\n"
        "Location: /fr/\r\nConnection: close\r\n");
  CHECK_THAT(response_head(200, "", 0, "", false, true), Catch::EndsWith("Connection: keep-alive\r\n"));
  CHECK(std::string(reason_of(299)) == "Unknown");
}
