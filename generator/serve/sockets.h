// The sockets of the HTTP server: the listener, a client's address, the limit on open files.
#pragma once

#include <sys/socket.h>

#include <cstddef>
#include <string>

namespace passerelle {

/// A non-blocking socket listening on `host`:`port` (port 0: any free port), or -1. `bound` is
/// set to the port it listens on.
int open_listener(const std::string& host, int port, int& bound);

/// The numeric address of a client ("127.0.0.1"; an IPv4 client of a dual-stack socket too).
std::string address_of(const sockaddr_storage& address);

/// Raises the limit on open files to what the system allows (Debian's default soft limit,
/// 1,024, would be met before max_streams), and returns the limit.
size_t raise_open_files();

}  // namespace passerelle
