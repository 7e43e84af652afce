// The command line's entry point: dispatches to a subcommand (see cli/).
#include <iostream>
#include <string>

#include "cli/commands.h"

namespace {

const char* kUsage =
    "Usage: passerelle <command> [options]\n\n"
    "Commands:\n"
    "  build    build the site into a folder of static files\n"
    "  pdf      build the site with PDFs of the print editions (needs WeasyPrint)\n"
    "  serve    preview the site in a browser, rebuilt and reloaded as you edit\n"
    "  check    check the site without writing it: links, translations, external links\n"
    "  new      create a guideline or an actor record, ready to fill\n\n"
    "Options:\n"
    "  --version  print the version\n"
    "  --help     show this help; 'passerelle <command> --help' for a command's options\n";

}  // namespace

int main(int argc, char** argv) {
  using namespace passerelle::cli;
  if (argc < 2) {
    std::cerr << kUsage;
    return kExitUsage;
  }
  std::string command = argv[1];
  if (command == "--version" || command == "-V") {
    std::cout << "passerelle " << PASSERELLE_VERSION << "\n";
    return kExitOk;
  }
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << kUsage;
    return kExitOk;
  }
  if (command == "build") return run_build(argc - 1, argv + 1);
  if (command == "pdf") return run_pdf(argc - 1, argv + 1);
  if (command == "serve") return run_serve(argc - 1, argv + 1);
  if (command == "check") return run_check(argc - 1, argv + 1);
  if (command == "new") return run_new(argc - 1, argv + 1);
  std::cerr << "passerelle: unknown command '" << command << "'\n\n" << kUsage;
  return kExitUsage;
}
