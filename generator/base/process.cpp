#include "base/process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

extern char** environ;

namespace passerelle {

namespace {

bool is_executable_file(const std::string& path) {
  struct stat info {};
  return stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode) && access(path.c_str(), X_OK) == 0;
}

std::string variable_name(const std::string& entry) { return entry.substr(0, entry.find('=')); }

constexpr size_t kMaxOutput = 64 * 1024;

}  // namespace

std::string find_program(const std::string& name, const std::string& path_variable) {
  if (name.empty()) return "";
  if (name.find('/') != std::string::npos) return is_executable_file(name) ? name : "";
  size_t start = 0;
  while (start <= path_variable.size()) {
    size_t end = path_variable.find(':', start);
    if (end == std::string::npos) end = path_variable.size();
    std::string folder = path_variable.substr(start, end - start);
    if (folder.empty()) folder = ".";  // an empty PATH entry means the current folder
    std::string candidate = folder + "/" + name;
    if (is_executable_file(candidate)) return candidate;
    start = end + 1;
  }
  return "";
}

ProcessResult run_program(const std::vector<std::string>& argv,
                          const std::vector<std::string>& environment, int timeout_seconds) {
  ProcessResult result;
  if (argv.empty()) {
    result.error = "no program to run";
    return result;
  }
  // The environment: ours, with the given entries replacing those of the same name.
  std::vector<std::string> env_strings;
  for (char** entry = environ; entry && *entry; ++entry) {
    std::string value = *entry;
    bool replaced = false;
    for (const auto& extra : environment) replaced |= variable_name(extra) == variable_name(value);
    if (!replaced) env_strings.push_back(std::move(value));
  }
  for (const auto& extra : environment) env_strings.push_back(extra);
  std::vector<char*> envp;
  for (auto& entry : env_strings) envp.push_back(entry.data());
  envp.push_back(nullptr);
  std::vector<std::string> args = argv;
  std::vector<char*> argp;
  for (auto& arg : args) argp.push_back(arg.data());
  argp.push_back(nullptr);

  int pipe_fds[2];
  if (pipe2(pipe_fds, O_CLOEXEC) != 0) {
    result.error = std::string("cannot create a pipe: ") + std::strerror(errno);
    return result;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDERR_FILENO);
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  // Its own process group, so that a timeout stops whatever it started too.
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attributes, 0);
  pid_t pid = 0;
  int spawned = posix_spawn(&pid, argp[0], &actions, &attributes, argp.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  close(pipe_fds[1]);
  if (spawned != 0) {
    close(pipe_fds[0]);
    result.error = "cannot run " + argv[0] + ": " + std::strerror(spawned);
    return result;
  }
  result.started = true;

  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
  bool reading = true;
  bool exited = false;
  int status = 0;
  char buffer[4096];
  while (!exited) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now()).count();
    if (left <= 0) {
      result.timed_out = true;
      break;
    }
    int wait_ms = static_cast<int>(std::min<long long>(left, reading ? 500 : 20));
    if (reading) {
      pollfd readable{pipe_fds[0], POLLIN, 0};
      if (poll(&readable, 1, wait_ms) > 0) {
        ssize_t n = read(pipe_fds[0], buffer, sizeof buffer);
        if (n > 0) {
          result.output.append(buffer, static_cast<size_t>(n));
          if (result.output.size() > kMaxOutput) {
            result.output.erase(0, result.output.size() - kMaxOutput);
          }
          continue;
        }
        if (n == 0 || errno != EINTR) reading = false;  // closed: the program is ending
      }
    } else {
      usleep(static_cast<useconds_t>(wait_ms) * 1000);
    }
    // Also checked while its output is open: a child it left behind may hold the pipe.
    exited = waitpid(pid, &status, WNOHANG) == pid;
  }
  if (exited && reading) {  // what it wrote just before it ended
    fcntl(pipe_fds[0], F_SETFL, O_NONBLOCK);
    ssize_t n;
    while ((n = read(pipe_fds[0], buffer, sizeof buffer)) > 0) {
      result.output.append(buffer, static_cast<size_t>(n));
    }
    if (result.output.size() > kMaxOutput) result.output.erase(0, result.output.size() - kMaxOutput);
  }
  close(pipe_fds[0]);
  if (result.timed_out) {
    kill(-pid, SIGTERM);
    for (int i = 0; i < 20 && waitpid(pid, &status, WNOHANG) == 0; ++i) usleep(100 * 1000);
    kill(-pid, SIGKILL);
    waitpid(pid, &status, 0);
    return result;
  }
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  return result;
}

}  // namespace passerelle
