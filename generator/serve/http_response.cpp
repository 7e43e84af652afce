#include "serve/http_response.h"

#include <utility>

namespace passerelle::http {

const char* reason_of(int status) {
  static const std::pair<int, const char*> kReasons[] = {
      {200, "OK"},
      {301, "Moved Permanently"},
      {400, "Bad Request"},
      {404, "Not Found"},
      {405, "Method Not Allowed"},
      {408, "Request Timeout"},
      {413, "Content Too Large"},
      {414, "URI Too Long"},
      {431, "Request Header Fields Too Large"},
      {500, "Internal Server Error"},
      {501, "Not Implemented"},
      {503, "Service Unavailable"},
      {505, "HTTP Version Not Supported"},
  };
  for (const auto& [code, reason] : kReasons) {
    if (code == status) return reason;
  }
  return "Unknown";
}

std::string response_head(int status, const std::string& content_type, size_t length,
                          const std::string& location, bool close, bool http10) {
  std::string head = "HTTP/1.1 " + std::to_string(status) + " " + reason_of(status) + "\r\n";
  if (!content_type.empty()) head += "Content-Type: " + content_type + "\r\n";
  head += "Content-Length: " + std::to_string(length) + "\r\n";
  head += "Cache-Control: no-store\r\n";
  if (!location.empty()) head += "Location: " + location + "\r\n";
  if (close) {
    head += "Connection: close\r\n";
  } else if (http10) {
    head += "Connection: keep-alive\r\n";
  }
  return head;
}

std::string event_stream_head() {
  return "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n"
         "Connection: close\r\n\r\n";
}

}  // namespace passerelle::http
