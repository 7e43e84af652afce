// `passerelle import actors <file> [--dry-run] [--separator tab|semicolon|comma]`: the records
// of a spreadsheet checked and planned by sheet/import_actors.h, then shown (--dry-run) or
// written, all of them or none.
#include <cstdio>
#include <filesystem>
#include <iostream>

#include <cxxopts.hpp>

#include "cli/command_table.h"
#include "cli/commands.h"
#include "cli/console.h"
#include "content/directory.h"
#include "messages/messages.h"
#include "output/new_file.h"
#include "sheet/import_actors.h"
#include "sheet/line_diff.h"

namespace passerelle::cli {

namespace {

/// The separator --separator names (0: find it), or nullopt for another value.
std::optional<char> separator_option(const cxxopts::ParseResult& args) {
  if (!args.count("separator")) return '\0';
  std::string name = args["separator"].as<std::string>();
  if (name == "tab" || name == "\\t" || name == "\t") return '\t';
  if (name == "semicolon" || name == ";") return ';';
  if (name == "comma" || name == ",") return ',';
  return std::nullopt;
}

/// The sheet's problems without a source excerpt (a row of a sheet is not a line of the
/// file), the site's with theirs.
void print_import_diagnostics(const SourceTree& tree, const std::string& sheet,
                              const Diagnostics& diagnostics, const ConsoleStyle& style) {
  Diagnostics of_sheet, of_site;
  for (const auto& d : diagnostics.items()) (d.location.path == sheet ? of_sheet : of_site).add(d);
  print_diagnostics(tree, of_site, style);
  print_diagnostics(MemorySourceTree{}, of_sheet, style);
}

void print_dry_run(const ImportPlan& plan) {
  for (const auto& change : plan.changes) {
    std::printf("--- %s\n+++ %s\n%s", change.created ? "/dev/null" : ("a/" + change.path).c_str(),
                ("b/" + change.path).c_str(), changed_lines(change.before, change.after).c_str());
  }
}

}  // namespace

int import_command(const cxxopts::ParseResult& args, ConsoleStyle& style) {
  auto separator = separator_option(args);
  bool actors = args.count("what") && args["what"].as<std::string>() == "actors";
  if (!actors || !args.count("file") || !args.unmatched().empty() || !separator) {
    std::cerr << "passerelle import: "
              << tr("say what to import and from which file: 'import actors <file.csv>' "
                    "(--separator: tab, semicolon or comma)")
              << "\n";
    return kExitUsage;
  }
  std::string source = args["source"].as<std::string>();
  if (!has_site_config(source)) return kExitErrors;
  std::string sheet = args["file"].as<std::string>();
  auto bytes = read_whole_file(sheet);
  if (!bytes) {
    std::cerr << sheet << ": error: " << tr("cannot read this file") << "\n";
    return kExitErrors;
  }
  DiskSourceTree tree(source);
  Diagnostics diagnostics;
  auto plan = plan_actor_import(tree, sheet, *bytes, {*separator}, diagnostics);
  print_import_diagnostics(tree, sheet, diagnostics, style);
  if (!plan) {
    print_nothing_written(diagnostics.error_count(), std::string(kActorsFolder));
    return kExitErrors;
  }
  size_t created = 0;
  for (const auto& change : plan->changes) created += change.created;
  size_t updated = plan->changes.size() - created;
  size_t unchanged = static_cast<size_t>(plan->rows) - plan->changes.size();
  if (args.count("dry-run")) {
    print_dry_run(*plan);
  } else {
    std::vector<FileWrite> files;
    for (const auto& change : plan->changes) {
      files.push_back({(std::filesystem::path(source) / change.path).string(), change.after});
    }
    std::string problem;
    if (!replace_files(files, &problem)) {
      std::cerr << problem << ": error: " << tr("could not write the records; none was changed")
                << "\n";
      return kExitErrors;
    }
  }
  if (!style.quiet) {
    std::cerr << "passerelle: "
              << format_message(args.count("dry-run")
                                    ? tr("%1$zu rows: %2$zu new records and %3$zu updated would "
                                         "be written (dry run: nothing written), %4$zu unchanged")
                                    : tr("%1$zu rows: %2$zu new records and %3$zu updated "
                                         "written, %4$zu unchanged"),
                                static_cast<size_t>(plan->rows), created, updated, unchanged)
              << "\n";
  }
  return kExitOk;
}

}  // namespace passerelle::cli
