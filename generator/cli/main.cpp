// The command line's entry point: picks the language of the messages, then dispatches to a
// subcommand (see cli/).
#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>

#include "cli/commands.h"
#include "messages/messages.h"

namespace {

using passerelle::tr;

void print_usage(std::ostream& out) {
  out << tr("Usage: passerelle [--lang en|fr|it] <command> [options]\n\n"
            "Commands:\n"
            "  build    build the site into a folder of static files\n"
            "  pdf      build the site with PDFs of the print editions (needs WeasyPrint)\n"
            "  serve    preview the site in a browser, rebuilt and reloaded as you edit\n"
            "  check    check the site without writing it: links, translations, external links\n"
            "  new      create a guideline or an actor record, ready to fill\n"
            "  list     list drafts, future pages, stale records or untranslated copies\n\n"
            "Options:\n"
            "  --lang     the language of the messages (default: from LANG or LC_MESSAGES)\n"
            "  --version  print the version\n"
            "  --help     show this help; 'passerelle <command> --help' for a command's options\n");
}

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
    if (!before_command && command != "build" && command != "check" && command != "serve") {
      continue;
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
    print_usage(std::cerr);
    return kExitUsage;
  }
  std::string command = argv[1];
  if (command == "--version" || command == "-V") {
    std::cout << "passerelle " << PASSERELLE_VERSION << "\n";
    return kExitOk;
  }
  if (command == "--help" || command == "-h" || command == "help") {
    print_usage(std::cout);
    return kExitOk;
  }
  if (command == "build") return run_build(argc - 1, argv + 1);
  if (command == "pdf") return run_pdf(argc - 1, argv + 1);
  if (command == "serve") return run_serve(argc - 1, argv + 1);
  if (command == "check") return run_check(argc - 1, argv + 1);
  if (command == "new") return run_new(argc - 1, argv + 1);
  if (command == "list") return run_list(argc - 1, argv + 1);
  std::cerr << passerelle::format_message(tr("passerelle: unknown command '%1$s'\n\n"), command);
  print_usage(std::cerr);
  return kExitUsage;
}
