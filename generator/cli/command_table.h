// The command line's interface as data: every command, what it says of itself and the options
// it takes, in one table. `passerelle --help`, each command's --help and its parser are made
// from it, so a new option or command is one row here plus the code that reads it.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/console.h"

namespace cxxopts {
class ParseResult;
}  // namespace cxxopts

namespace passerelle::cli {

/// The kind of value an option takes; a flag takes none.
enum class OptionValue { kFlag, kText, kInteger, kNumber };

/// One option: its name ("q,quiet" with a short form), its help (marked N_, translated when the
/// help is shown), its value and that value's default.
struct OptionSpec {
  const char* name;
  const char* help;
  OptionValue value = OptionValue::kFlag;
  const char* default_value = nullptr;
};

/// What a command does with its arguments and the console options (their defaults for a
/// command without them); returns the exit code.
using CommandBody = std::function<int(const cxxopts::ParseResult& args, ConsoleStyle& style)>;

struct CommandSpec {
  const char* name;
  const char* summary;      // N_: its line in `passerelle --help`
  const char* description;  // N_: the head of `passerelle <name> --help`
  bool builds_site;         // takes --out, --base-url and --drafts
  bool console;             // takes --quiet, --verbose, --color and --lang
  std::vector<OptionSpec> options;
  std::vector<std::string> positional;  // options that may be given without their name
  const char* positional_help;
  CommandBody body;
};

/// Every command, in the order `passerelle --help` lists them.
const std::vector<CommandSpec>& command_table();

/// The command named `name`, or null.
const CommandSpec* find_command(std::string_view name);

/// Parses the arguments of `passerelle <command>` (argv[0] is the command's name), then runs
/// its body; or returns at once after --help (0) or a usage error (2, said on stderr).
int run_command(const CommandSpec& command, int argc, char** argv);

/// `passerelle --help`: the commands with their summaries and the options before a command.
std::string usage_text();

// The bodies, one per command file.
int build_command(const cxxopts::ParseResult& args, ConsoleStyle& style);
int check_command(const cxxopts::ParseResult& args, ConsoleStyle& style);
int import_command(const cxxopts::ParseResult& args, ConsoleStyle& style);
int list_command(const cxxopts::ParseResult& args, ConsoleStyle& style);
int new_command(const cxxopts::ParseResult& args, ConsoleStyle& style);
int pdf_command(const cxxopts::ParseResult& args, ConsoleStyle& style);
int serve_command(const cxxopts::ParseResult& args, ConsoleStyle& style);

}  // namespace passerelle::cli
