// Running an external program (WeasyPrint for `passerelle pdf`): found on PATH, started with an
// argument vector — never through a shell, so no file name is ever interpreted — and stopped
// when it runs over its time limit.
#pragma once

#include <string>
#include <vector>

namespace passerelle {

/// The full path of `name` in the folders of `path_variable` (a PATH-style list), or "" when no
/// executable file of that name is found. A name with a '/' is returned as is if executable.
std::string find_program(const std::string& name, const std::string& path_variable);

struct ProcessResult {
  bool started = false;    // false: the program could not be run (error says why)
  bool timed_out = false;  // killed after the time limit
  int exit_code = -1;      // the program's exit status; -1 if killed by a signal
  std::string output;      // what it wrote on stdout and stderr, at most the last 64 KiB
  std::string error;
};

/// Runs `argv` (argv[0] is the program's path) with stdin from /dev/null, the environment of
/// this process plus `environment` ("NAME=value" entries replacing any of the same name), and
/// waits at most `timeout_seconds` before killing it and its process group.
ProcessResult run_program(const std::vector<std::string>& argv,
                          const std::vector<std::string>& environment, int timeout_seconds);

}  // namespace passerelle
