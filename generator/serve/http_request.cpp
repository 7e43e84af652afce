#include "serve/http_request.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <vector>

namespace passerelle::http {

namespace {

constexpr size_t kMaxHead = 16 * 1024;   // request line and headers
constexpr size_t kMaxTarget = 8 * 1024;  // the request line's path and query
constexpr size_t kMaxHeaders = 100;
constexpr size_t kMaxBody = 64 * 1024;           // a GET has none; a small one is read and ignored

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/// Percent-decodes `text` (invalid escapes are kept as they are); '+' is a space in a query.
std::string decoded(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex_digit(text[i + 1]) >= 0 &&
        hex_digit(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_digit(text[i + 1]) * 16 + hex_digit(text[i + 2]));
      i += 2;
    } else if (plus_is_space && text[i] == '+') {
      out += ' ';
    } else {
      out += text[i];
    }
  }
  return out;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool is_token(std::string_view text) {
  static const std::string_view kSymbols = "!#$%&'*+-.^_`|~";
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) ||
           kSymbols.find(c) != std::string_view::npos;
  });
}

/// Where the head that starts at `from` ends (past its empty line), looking from `scanned`
/// on; npos while incomplete. Lines end with CRLF or a bare LF.
size_t head_end(const std::string& buffer, size_t from, size_t& scanned) {
  for (size_t at = buffer.find('\n', std::max(from, scanned)); at != std::string::npos;
       at = buffer.find('\n', at + 1)) {
    if (at + 1 < buffer.size() && buffer[at + 1] == '\n') return at + 2;
    if (at + 2 < buffer.size() && buffer[at + 1] == '\r' && buffer[at + 2] == '\n') return at + 3;
  }
  scanned = buffer.size() >= 2 ? buffer.size() - 2 : 0;
  return std::string::npos;
}

/// The lines of a head (CRLF or LF), up to its empty line: the request line, then the headers.
std::vector<std::string_view> head_lines(std::string_view head) {
  std::vector<std::string_view> lines;
  for (size_t at = 0; at < head.size();) {
    size_t newline = head.find('\n', at);
    std::string_view line = head.substr(at, newline - at);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) break;
    lines.push_back(line);
    at = newline + 1;
  }
  return lines;
}

bool has_control(std::string_view line) {
  return std::any_of(line.begin(), line.end(), [](char c) {
    return (static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7F;
  });
}

/// An event stream's `since` and `page` from a query; the first of each counts.
void read_query(std::string_view query, Request& request) {
  bool since_seen = false, page_seen = false;
  while (!query.empty()) {
    std::string_view pair = query.substr(0, query.find('&'));
    query.remove_prefix(std::min(query.size(), pair.size() + 1));
    size_t equals = pair.find('=');
    std::string name = decoded(pair.substr(0, equals), true);
    std::string value =
        equals == std::string_view::npos ? "" : decoded(pair.substr(equals + 1), true);
    if (name == "since" && !since_seen) {
      request.since = value;
      since_seen = true;
    } else if (name == "page" && !page_seen) {
      request.page = value;
      page_seen = true;
    }
  }
}

/// The request line: METHOD SP target SP HTTP/1.x. 0, or the status of its error.
int read_request_line(std::string_view line, Request& request) {
  size_t first = line.find(' ');
  size_t last = line.rfind(' ');
  if (first == std::string_view::npos || first == last) return 400;
  std::string_view method = line.substr(0, first);
  std::string_view target = line.substr(first + 1, last - first - 1);
  std::string_view version = line.substr(last + 1);
  if (!is_token(method) || target.empty() ||
      target.find_first_of(" \t") != std::string_view::npos) {
    return 400;
  }
  if (version == "HTTP/1.1") {
    request.keep_alive = true;
  } else if (version == "HTTP/1.0") {
    request.keep_alive = false;
    request.http10 = true;
  } else {
    return version.substr(0, 5) == "HTTP/" ? 505 : 400;
  }
  if (target.size() > kMaxTarget) return 414;
  // The absolute form (to a proxy) names this server: only its path counts.
  for (std::string_view scheme : {"http://", "https://"}) {
    if (target.size() >= scheme.size() &&
        equals_ignoring_case(target.substr(0, scheme.size()), scheme)) {
      size_t path = target.find('/', scheme.size());
      target = path == std::string_view::npos ? "/" : target.substr(path);
    }
  }
  if (target.front() != '/') return 400;  // "*", or anything else
  target = target.substr(0, target.find('#'));
  size_t question = target.find('?');
  request.path = decoded(target.substr(0, question), false);
  if (question != std::string_view::npos) read_query(target.substr(question + 1), request);
  request.method = std::string(method);
  return 0;
}

/// The headers that matter here: the body's length and the connection's fate. 0, or the
/// status of their error.
int read_headers(const std::vector<std::string_view>& lines, Request& request,
                 std::optional<size_t>& content_length) {
  if (lines.size() - 1 > kMaxHeaders) return 431;
  bool close_asked = false;
  for (size_t i = 1; i < lines.size(); ++i) {
    std::string_view header = lines[i];
    if (header.front() == ' ' || header.front() == '\t') return 400;  // folded lines
    size_t colon = header.find(':');
    if (colon == std::string_view::npos || !is_token(header.substr(0, colon))) return 400;
    std::string_view name = header.substr(0, colon);
    std::string_view value = trimmed(header.substr(colon + 1));
    if (equals_ignoring_case(name, "Content-Length")) {
      if (value.empty() || value.size() > 12 ||
          !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return 400;
      }
      size_t length = std::stoull(std::string(value));
      if (content_length && *content_length != length) return 400;
      content_length = length;
    } else if (equals_ignoring_case(name, "Transfer-Encoding")) {
      return 501;  // a body of unknown length: nothing here takes one
    } else if (equals_ignoring_case(name, "Connection")) {
      while (!value.empty()) {
        size_t comma = value.find(',');
        std::string_view option = trimmed(value.substr(0, comma));
        value = comma == std::string_view::npos ? std::string_view() : value.substr(comma + 1);
        if (equals_ignoring_case(option, "close")) close_asked = true;
        if (equals_ignoring_case(option, "keep-alive") && request.http10) request.keep_alive = true;
      }
    }
  }
  if (close_asked) request.keep_alive = false;
  return 0;
}

}  // namespace

Parse parse_request(const std::string& buffer, size_t& scanned, Request& request, int& status) {
  size_t start = 0;  // empty lines before a request line are ignored (RFC 9112, 2.2)
  while (start < buffer.size() && (buffer[start] == '\r' || buffer[start] == '\n')) ++start;
  size_t end = head_end(buffer, start, scanned);
  if (end == std::string::npos) {
    if (buffer.size() - start <= kMaxHead && start <= kMaxHead) return Parse::kIncomplete;
    status = 431;
    return Parse::kBad;
  }
  if (end - start > kMaxHead) {
    status = 431;
    return Parse::kBad;
  }
  status = 400;
  auto lines = head_lines(std::string_view(buffer.data() + start, end - start));
  if (lines.empty() || std::any_of(lines.begin(), lines.end(), has_control)) return Parse::kBad;
  std::optional<size_t> content_length;
  status = read_request_line(lines.front(), request);
  if (status == 0) status = read_headers(lines, request, content_length);
  if (status == 0 && content_length.value_or(0) > kMaxBody) status = 413;
  if (status != 0) return Parse::kBad;
  request.length = end + content_length.value_or(0);
  if (buffer.size() < request.length) return Parse::kIncomplete;
  return Parse::kComplete;
}

std::string printable(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = '?';
  }
  return out;
}

}  // namespace passerelle::http
