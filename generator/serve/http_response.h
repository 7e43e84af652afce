// The heads of the server's answers: status line, length, no caching, and how the
// connection goes on.
#pragma once

#include <cstddef>
#include <string>

namespace passerelle::http {

/// "Not Found" for 404; "Unknown" for a status the server never sends.
const char* reason_of(int status);

/// The head of an answer, without the empty line that ends it (headers may follow). `close`:
/// the connection closes after it; otherwise an HTTP/1.0 client (`http10`) is told it stays.
std::string response_head(int status, const std::string& content_type, size_t length,
                          const std::string& location, bool close, bool http10 = false);

/// The whole head of a live-reload event stream, which ends with the connection.
std::string event_stream_head();

}  // namespace passerelle::http
