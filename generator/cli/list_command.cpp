// `passerelle list drafts|future|stale|untranslated`: one line per source that needs an
// editor's attention — path, language, title and why — or a JSON array with --format json.
#include <cstdio>
#include <iostream>

#include <cxxopts.hpp>
#include <nlohmann/json.hpp>

#include "check/listing.h"
#include "cli/command_table.h"
#include "cli/commands.h"
#include "cli/console.h"
#include "messages/messages.h"

namespace passerelle::cli {

int list_command(const cxxopts::ParseResult& args, ConsoleStyle&) {
  auto listing = args.count("what") ? listing_named(args["what"].as<std::string>()) : std::nullopt;
  if (!args.unmatched().empty() || !listing) {
    std::cerr << "passerelle list: " << tr("say what to list: drafts, future, stale or untranslated")
              << "\n";
    return kExitUsage;
  }
  std::string format = args["format"].as<std::string>();
  if (format != "text" && format != "json") {
    std::cerr << "passerelle list: "
              << format_message(tr("--format must be text or json (not '%1$s')"), format) << "\n";
    return kExitUsage;
  }
  std::string source = args["source"].as<std::string>();
  if (!has_site_config(source)) return kExitErrors;
  DiskSourceTree tree(source);
  Diagnostics diagnostics;
  auto sources = read_listed_sources(tree, diagnostics);
  if (!sources) {
    print_diagnostics(tree, diagnostics, ConsoleStyle{});
    return kExitErrors;
  }
  auto listed = list_sources(*sources, *listing, today());
  if (format == "json") {
    nlohmann::ordered_json json = nlohmann::ordered_json::array();
    for (const auto& item : listed) {
      json.push_back({{"path", item.path}, {"language", item.language}, {"title", item.title},
                      {"reason", item.reason}});
    }
    std::printf("%s\n", json.dump(2).c_str());
  } else {
    for (const auto& item : listed) {
      std::printf("%s\t%s\t%s\t%s\n", item.path.c_str(),
                  item.language.empty() ? "-" : item.language.c_str(), item.title.c_str(),
                  item.reason.c_str());
    }
  }
  // Files that did not load are not listed: say so, without failing the listing.
  if (diagnostics.has_errors()) {
    int errors = diagnostics.error_count();
    std::cerr << "passerelle list: "
              << format_message(trn("%1$d error in the sources (see passerelle check); files with "
                                    "errors are not listed",
                                    "%1$d errors in the sources (see passerelle check); files with "
                                    "errors are not listed",
                                    static_cast<unsigned long>(errors)),
                                errors)
              << "\n";
  }
  return kExitOk;
}

}  // namespace passerelle::cli
