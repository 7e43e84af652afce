// What the subcommands of the passerelle tool share: exit codes and where things are installed.
// Their options and bodies are listed in cli/command_table.h. Only code under cli/ prints.
#pragma once

#include <string>

#include "base/diagnostics.h"
#include "base/filesystem.h"

namespace passerelle::cli {

constexpr int kExitOk = 0;
constexpr int kExitErrors = 1;
constexpr int kExitUsage = 2;

/// Today's date on this machine, YYYY-MM-DD, or the day of $SOURCE_DATE_EPOCH when it is set:
/// the one place the clock is read (the pipeline gets the day in BuildOptions::today).
std::string today();

/// Prints diagnostics to stderr, each followed by its source line and a caret.
void print_diagnostics(const SourceTree& tree, const Diagnostics& diagnostics);

/// The bundled themes: $PASSERELLE_THEMES, else those installed with the binary, else the sources'.
std::string bundled_themes_folder();

/// Where the compiled message catalogs are (share/locale when installed).
std::string message_catalog_folder();

}  // namespace passerelle::cli
