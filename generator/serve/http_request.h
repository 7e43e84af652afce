// One HTTP/1.1 request read from the start of a connection's buffer (RFC 9112): the request
// line and headers checked, the path percent-decoded, the query of an event stream. No socket
// here, so that every rule can be tested alone (tests/unit/http_request_test.cpp).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace passerelle::http {

struct Request {
  std::string method;
  std::string path;         // decoded
  std::string since, page;  // of an event stream's query
  bool keep_alive = true;
  bool http10 = false;  // HTTP/1.0: keep-alive only when asked, and said in the answer
  size_t length = 0;    // of the whole request in the buffer, head and body
};

enum class Parse { kIncomplete, kComplete, kBad };

/// Reads the request at the start of `buffer`; on kBad, `status` is the error to answer.
/// `scanned` is how far the buffer was searched for the end of the head (0 for a new
/// request): kept between calls, it spares searching a head that comes a byte at a time again.
Parse parse_request(const std::string& buffer, size_t& scanned, Request& request, int& status);

/// `text` with control characters shown as '?', for the log (a terminal would obey them).
std::string printable(std::string_view text);

}  // namespace passerelle::http
