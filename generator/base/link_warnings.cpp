#include "base/link_warnings.h"

#include <array>
#include <optional>

#include "base/text.h"
#include "messages/messages.h"

namespace passerelle {

namespace {

/// The four numbers of a dotted IPv4 address, or nullopt.
std::optional<std::array<int, 4>> ipv4(std::string_view host) {
  std::array<int, 4> parts{};
  size_t part = 0;
  int digits = 0;
  for (char c : host) {
    if (c == '.') {
      if (digits == 0 || ++part == 4) return std::nullopt;
      digits = 0;
    } else if (c >= '0' && c <= '9' && digits < 3) {
      parts[part] = parts[part] * 10 + (c - '0');
      ++digits;
    } else {
      return std::nullopt;
    }
  }
  if (part != 3 || digits == 0) return std::nullopt;
  for (int value : parts) {
    if (value > 255) return std::nullopt;
  }
  return parts;
}

}  // namespace

std::string url_host(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return "";
  std::string_view rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (size_t at = rest.rfind('@'); at != std::string_view::npos) rest.remove_prefix(at + 1);
  if (starts_with(rest, "[")) return ascii_lower(rest.substr(1, rest.find(']') - 1));
  return ascii_lower(rest.substr(0, rest.find(':')));
}

bool is_private_host(std::string_view host) {
  if (ends_with(host, ".")) host.remove_suffix(1);  // "localhost." is localhost too
  if (host == "localhost" || ends_with(host, ".localhost") || ends_with(host, ".local")) return true;
  if (auto ip = ipv4(host)) {
    auto [a, b, c, d] = *ip;
    (void)c;
    (void)d;
    return a == 127 || a == 10 || a == 0 || (a == 172 && b >= 16 && b <= 31) ||
           (a == 192 && b == 168) || (a == 169 && b == 254);
  }
  if (host.find(':') == std::string_view::npos) return false;  // a name, not IPv6
  return host == "::1" || host == "::" || starts_with(host, "fc") || starts_with(host, "fd") ||
         starts_with(host, "fe8") || starts_with(host, "fe9") || starts_with(host, "fea") ||
         starts_with(host, "feb");
}

std::string link_warning(std::string_view written) {
  if (starts_with(written, "/") && !starts_with(written, "//")) {
    return format_message(tr("link '%1$s' starts at the site's root: it breaks when the site is "
                             "served from a sub-folder or opened from disk; link to the source "
                             "file instead (@/guidelines/<name>.md, @/actors/<id>)"),
                          std::string(written));
  }
  std::string host = url_host(written);
  if (!host.empty() && is_private_host(host)) {
    return format_message(tr("link '%1$s' points at '%2$s', an address of your own computer or "
                             "local network: readers cannot open it"),
                          std::string(written), host);
  }
  return "";
}

}  // namespace passerelle
