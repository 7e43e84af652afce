#include <catch2/catch.hpp>

#include "base/link_warnings.h"

using namespace passerelle;

TEST_CASE("url_host takes the host out of an absolute URL") {
  CHECK(url_host("http://localhost:8000/fr/") == "localhost");
  CHECK(url_host("https://user@Example.ORG/x") == "example.org");
  CHECK(url_host("http://[::1]:8000/") == "::1");
  CHECK(url_host("/fr/").empty());
}

TEST_CASE("hosts of the editor's machine or network are private") {
  for (const char* host : {"localhost", "localhost.", "app.localhost", "nas.local", "127.0.0.1",
                           "127.1.2.3", "0.0.0.0", "10.0.0.5", "172.16.0.1", "172.31.255.255",
                           "192.168.1.10", "169.254.1.1", "::1", "fd00::1", "fe80::1"}) {
    INFO(host);
    CHECK(is_private_host(host));
  }
  for (const char* host : {"example.org", "172.32.0.1", "192.169.0.1", "8.8.8.8", "localhost.org",
                           "fdic.gov", "2001:db8::1"}) {
    INFO(host);
    CHECK_FALSE(is_private_host(host));
  }
}

TEST_CASE("root-absolute and local links get a warning, others none") {
  CHECK(link_warning("/fr/lignes-directrices/").find("starts at the site's root") !=
        std::string::npos);
  CHECK(link_warning("http://localhost:8000/fr/").find("'localhost'") != std::string::npos);
  CHECK(link_warning("https://192.168.0.2/").find("local network") != std::string::npos);
  CHECK(link_warning("https://www.iom.int/").empty());
  CHECK(link_warning("//cdn.example.org/x").empty());
  CHECK(link_warning("guidelines/x.md").empty());
  CHECK(link_warning("mailto:a@example.org").empty());
}
