// Links that work on the editor's machine and nowhere else: a root-absolute path (/fr/…)
// breaks when the site is served from a sub-path or opened from disk, and an address on the
// editor's machine or local network (http://localhost:8000/…, 192.168.…) means nothing to a
// reader. Both are warnings (errors under --strict).
#pragma once

#include <string>
#include <string_view>

namespace passerelle {

/// The host of an absolute URL (scheme://host[:port]/…), lower case, without brackets, port
/// or user; empty when `url` has no "://".
std::string url_host(std::string_view url);

/// True for a host that only makes sense on the writer's machine or network: localhost
/// (and *.localhost, *.local), 127.0.0.0/8, 0.0.0.0, 10/8, 172.16/12, 192.168/16, 169.254/16,
/// ::1 and IPv6 local addresses (fc00::/7, fe80::/10).
bool is_private_host(std::string_view host);

/// Why the link `written` (as an editor wrote it) will not work once published, or "".
std::string link_warning(std::string_view written);

}  // namespace passerelle
