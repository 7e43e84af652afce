// `passerelle new guideline|page <slug> [--lang L]` and `passerelle new actor <id>`: a new source
// file with every field present and commented, never over an existing one.
#include <cstdlib>
#include <ctime>
#include <cxxopts.hpp>
#include <filesystem>
#include <iostream>

#include "cli/command_table.h"
#include "cli/commands.h"
#include "base/text.h"
#include "cli/console.h"
#include "content/pages.h"
#include "output/new_file.h"
#include "scaffold/scaffold.h"
#include "messages/messages.h"

namespace fs = std::filesystem;

namespace passerelle::cli {

std::string today() {
  // SOURCE_DATE_EPOCH (reproducible-builds.org): a CI job or a test pins the day with it.
  std::time_t now = std::time(nullptr);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
    char* end = nullptr;
    long long seconds = std::strtoll(epoch, &end, 10);
    if (*end == '\0' && seconds >= 0) now = static_cast<std::time_t>(seconds);
  }
  return local_time_text(now, "%Y-%m-%d");
}

int new_command(const cxxopts::ParseResult& args, ConsoleStyle&) {
  if (!args.unmatched().empty() || !args.count("what") || !args.count("name")) {
    std::cerr << "passerelle new: "
              << tr("say what to create: 'new guideline <slug>', 'new page <slug>' or 'new actor <id>'") << "\n";
    return kExitUsage;
  }
  std::string what = args["what"].as<std::string>();
  std::string name = args["name"].as<std::string>();
  if (what != "guideline" && what != "page" && what != "actor") {
    std::cerr << "passerelle new: "
              << format_message(tr("can create a 'guideline', a 'page' or an 'actor', not '%1$s'"),
                                what)
              << "\n";
    return kExitUsage;
  }
  std::string source = args["source"].as<std::string>();
  if (!has_site_config(source)) return kExitErrors;
  DiskSourceTree tree(source);
  Diagnostics diagnostics;
  auto config_text = read_text_file(tree, "site.toml", diagnostics);
  auto config =
      config_text ? parse_site_config(*config_text, "site.toml", diagnostics) : std::nullopt;
  if (!config) {
    print_diagnostics(tree, diagnostics, ConsoleStyle{});
    return kExitErrors;
  }
  std::optional<Scaffold> scaffold;
  if (what == "guideline" || what == "page") {
    std::string language =
        args.count("lang") ? args["lang"].as<std::string>() : config->default_language;
    scaffold = scaffold_page(tree, *config, what == "page" ? PageKind::kPage : PageKind::kGuideline,
                             name, language, today(), diagnostics, args.count("folder") > 0);
  } else {
    // An actor record holds every language; --lang says which its comments are in.
    std::string language =
        args.count("lang") ? args["lang"].as<std::string>() : config->languages.front().code;
    scaffold = scaffold_actor(tree, *config, name, language, today(), diagnostics);
  }
  if (!scaffold) {
    // A bad name or language is a usage error; an existing file is an error of the site.
    bool usage = false;
    for (const auto& d : diagnostics.items()) usage = usage || d.location.path.empty();
    for (const auto& d : diagnostics.items()) {
      if (d.location.path.empty()) {
        std::cerr << "passerelle new: " << d.message << "\n";
      } else {
        std::cerr << format_diagnostic(d) << "\n";
      }
    }
    return usage ? kExitUsage : kExitErrors;
  }
  std::string error;
  if (!create_new_file((fs::path(source) / scaffold->path).string(), scaffold->text, &error)) {
    std::cerr << "passerelle new: error: " << error << "\n";
    return kExitErrors;
  }
  std::cout << format_message(tr("Created %1$s"), scaffold->path) << "\n";
  for (const auto& note : scaffold->notes) std::cout << "  " << note << "\n";
  return kExitOk;
}

}  // namespace passerelle::cli
