// The command line's entry point: picks the language of the messages, then dispatches to a
// subcommand (see cli/).
#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>

#include "cli/command_table.h"
#include "cli/commands.h"
#include "messages/messages.h"

namespace {

using passerelle::tr;

/// The value of --lang: before the command for every command, or among the options of the
/// commands that take the console options (not `new`: its --lang is the language of the file
/// it writes).
std::string requested_language(int argc, char** argv) {
  bool before_command = true;
  std::string_view command;
  for (int i = 1; i < argc; ++i) {
    std::string_view argument = argv[i];
    if (before_command && !argument.starts_with("-")) {
      before_command = false;
      command = argument;
      continue;
    }
    if (!before_command) {
      const auto* spec = passerelle::cli::find_command(command);
      if (!spec || !spec->console) continue;
    }
    if (argument == "--lang" && i + 1 < argc) return argv[i + 1];
    if (argument.starts_with("--lang=")) return std::string(argument.substr(7));
  }
  return "";
}

/// Removes a --lang given before the command, so that the command's own parser never sees it.
int drop_leading_language(int argc, char** argv) {
  int kept = 1;
  for (int i = 1; i < argc; ++i) {
    std::string_view argument = argv[i];
    if (kept == 1 && argument == "--lang" && i + 1 < argc) {
      ++i;
      continue;
    }
    if (kept == 1 && argument.starts_with("--lang=")) continue;
    argv[kept++] = argv[i];
  }
  return kept;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace passerelle::cli;
  std::string requested = requested_language(argc, argv);
  std::string language = passerelle::message_language(requested, std::getenv);
  if (language.empty()) {
    std::cerr << "passerelle: --lang must be en, fr or it (not '" << requested << "')\n";
    return kExitUsage;
  }
  passerelle::use_message_language(language, message_catalog_folder());
  argc = drop_leading_language(argc, argv);
  if (argc < 2) {
    std::cerr << usage_text();
    return kExitUsage;
  }
  std::string command = argv[1];
  if (command == "--version" || command == "-V") {
    std::cout << "passerelle " << PASSERELLE_VERSION << "\n";
    return kExitOk;
  }
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << usage_text();
    return kExitOk;
  }
  if (const CommandSpec* spec = find_command(command)) {
    return run_command(*spec, argc - 1, argv + 1);
  }
  std::cerr << passerelle::format_message(tr("passerelle: unknown command '%1$s'\n\n"), command);
  std::cerr << usage_text();
  return kExitUsage;
}
