// Running external programs (used for WeasyPrint): lookup on PATH, arguments passed as they
// are, environment, exit codes, output and the time limit.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>

#include "base/process.h"

using namespace passerelle;

TEST_CASE("programs are found on a PATH-style list") {
  std::string path = "/no/such/folder:/bin:/usr/bin";
  CHECK(find_program("sh", path).size() > 3);
  CHECK(find_program("passerelle-no-such-program", path) == "");
  CHECK(find_program("sh", "/no/such/folder") == "");
  CHECK(find_program("/bin/sh", "") == "/bin/sh");
  CHECK(find_program("/no/such/program", path) == "");
  CHECK(find_program("", path) == "");
}

TEST_CASE("a program gets its arguments as they are, and its output and status come back") {
  auto echoed = run_program({"/bin/echo", "a b; $(touch x) 'c'"}, {}, 10);
  CHECK(echoed.started);
  CHECK(echoed.exit_code == 0);
  CHECK(echoed.output == "a b; $(touch x) 'c'\n");

  auto failed = run_program({"/bin/sh", "-c", "echo out; echo err >&2; exit 3"}, {}, 10);
  CHECK(failed.exit_code == 3);
  CHECK(failed.output.find("out") != std::string::npos);
  CHECK(failed.output.find("err") != std::string::npos);
  CHECK_FALSE(failed.timed_out);
}

TEST_CASE("the environment is ours with the given variables replaced") {
  setenv("PASSERELLE_TEST_KEPT", "kept", 1);
  setenv("PASSERELLE_TEST_SET", "old", 1);
  auto result = run_program({"/bin/sh", "-c", "echo \"$PASSERELLE_TEST_KEPT $PASSERELLE_TEST_SET\""},
                            {"PASSERELLE_TEST_SET=new"}, 10);
  CHECK(result.output == "kept new\n");
}

TEST_CASE("a program that runs too long is stopped") {
  auto started = std::chrono::steady_clock::now();
  auto result = run_program({"/bin/sh", "-c", "sleep 30"}, {}, 1);
  auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  CHECK(result.started);
  CHECK(result.timed_out);
  CHECK(seconds < 15);
}

TEST_CASE("a program that cannot run is reported") {
  auto result = run_program({"/no/such/program"}, {}, 5);
  CHECK_FALSE(result.started);
  CHECK(result.error.find("/no/such/program") != std::string::npos);
}
