#include "cli/command_table.h"

#include <algorithm>
#include <iostream>
#include <memory>
#include <optional>

#include <cxxopts.hpp>

#include "cli/commands.h"
#include "messages/messages.h"

namespace passerelle::cli {

namespace {

// Every command has these.
const std::vector<OptionSpec> kCommonOptions = {
    {"source", N_("the site's folder (with site.toml)"), OptionValue::kText, "."},
    {"h,help", N_("show this help")},
};

// The commands that build a site.
const std::vector<OptionSpec> kSiteOptions = {
    {"out", N_("output folder (default: public/ in the source)"), OptionValue::kText},
    {"base-url", N_("absolute URL the site is published at (overrides site.toml)"),
     OptionValue::kText},
    {"drafts", N_("include pages marked draft = true")},
};

// How the commands that print a lot talk to the person running them (cli/console.h).
const std::vector<OptionSpec> kConsoleOptions = {
    {"q,quiet", N_("print errors only")},
    {"v,verbose", N_("print the time of each stage and more details")},
    {"color", N_("colour the error and warning labels: auto, always or never"), OptionValue::kText,
     "auto"},
    {"lang", N_("the language of the messages: en, fr or it (default: from LANG)"),
     OptionValue::kText},
};

template <typename T>
std::shared_ptr<const cxxopts::Value> value_of(const OptionSpec& spec) {
  auto value = cxxopts::value<T>();
  if (spec.default_value) value->default_value(spec.default_value);
  return value;
}

void add_options(cxxopts::Options& options, const std::vector<OptionSpec>& specs,
                 const std::string& group = "") {
  auto add = options.add_options(group);
  for (const OptionSpec& spec : specs) {
    const char* help = tr(spec.help);
    switch (spec.value) {
      case OptionValue::kFlag: add(spec.name, help); break;
      case OptionValue::kText: add(spec.name, help, value_of<std::string>(spec)); break;
      case OptionValue::kInteger: add(spec.name, help, value_of<int>(spec)); break;
      case OptionValue::kNumber: add(spec.name, help, value_of<double>(spec)); break;
    }
  }
}

cxxopts::Options options_of(const CommandSpec& command) {
  cxxopts::Options options("passerelle " + std::string(command.name), tr(command.description));
  add_options(options, kCommonOptions);
  if (command.builds_site) add_options(options, kSiteOptions);
  add_options(options, command.options);
  if (command.console) add_options(options, kConsoleOptions, "output");
  if (!command.positional.empty()) {
    options.parse_positional(command.positional);
    options.positional_help(command.positional_help);
  }
  return options;
}

/// The exit code when the command must stop before its body runs: 0 after printing the help,
/// 2 after saying what is wrong (an unknown option, an argument that is no option where the
/// command takes none, a bad --color).
std::optional<int> parse_arguments(const CommandSpec& command, int argc, char** argv,
                                   cxxopts::ParseResult& args, ConsoleStyle& style) {
  std::string name = "passerelle " + std::string(command.name) + ": ";
  cxxopts::Options options = options_of(command);
  try {
    args = options.parse(argc, argv);
  } catch (const cxxopts::exceptions::exception& error) {
    std::cerr << name << error.what() << "\n" << options.help();
    return kExitUsage;
  }
  if (args.count("help")) {
    std::cout << options.help();
    return kExitOk;
  }
  if (command.positional.empty() && !args.unmatched().empty()) {
    std::cerr << name << format_message(tr("unexpected argument '%1$s'"), args.unmatched().front())
              << "\n";
    return kExitUsage;
  }
  if (std::string error; command.console && !console_style(args, style, error)) {
    std::cerr << name << error << "\n";
    return kExitUsage;
  }
  return std::nullopt;
}

}  // namespace

const std::vector<CommandSpec>& command_table() {
  static const std::vector<CommandSpec> table = {
      {"build", N_("build the site into a folder of static files"),
       N_("Builds the site into a folder of static files."), true, true,
       {{"future", N_("include pages dated after today")},
        {"strict", N_("treat warnings as errors (for CI): exit 1 and write nothing")},
        {"offline", N_("the offline edition: links end in index.html, so that the folder works "
                       "opened from disk (a copy on a USB stick)")},
        {"json",
         N_("print the summary as one JSON object (diagnostics included) instead of a line")}},
       {}, "", build_command},
      {"pdf", N_("build the site with PDFs of the print editions (needs WeasyPrint)"),
       N_("Builds the site and makes a PDF of each print edition of the guidelines with "
          "WeasyPrint; the site then links them."),
       true, false,
       {{"weasyprint", N_("the WeasyPrint program (default: weasyprint on the PATH)"),
         OptionValue::kText},
        {"timeout", N_("seconds allowed for each PDF"), OptionValue::kInteger, "300"}},
       {}, "", pdf_command},
      {"serve", N_("preview the site in a browser, rebuilt and reloaded as you edit"),
       N_("Serves the site for previewing, rebuilds it when a source changes and reloads the "
          "browser's tabs. Drafts are shown."),
       false, true,
       {{"port", N_("port to listen on (0: any free port)"), OptionValue::kInteger, "8000"},
        {"bind",
         N_("address to listen on; other than loopback, the preview is visible to your network"),
         OptionValue::kText, "127.0.0.1"},
        {"base-url", N_("absolute URL in canonical links (default: the preview's own address)"),
         OptionValue::kText},
        {"no-drafts", N_("leave out drafts and pages dated after today, as build does")},
        {"polling", N_("look for changes by polling instead of inotify notifications")},
        {"poll", N_("when polling, how often to look for changes, in milliseconds"),
         OptionValue::kInteger, "250"}},
       {}, "", serve_command},
      {"check", N_("check the site without writing it: links, translations, external links"),
       N_("Checks the site without writing it: everything build validates, the links of the "
          "built pages, translations and external links."),
       false, true,
       {{"drafts", N_("check pages and actor records marked draft = true too")},
        {"future", N_("check pages dated after today too")},
        {"strict", N_("treat warnings as errors (for CI)")},
        {"out", N_("the published site whose addresses must still lead somewhere (default: "
                   "public/ in the source)"),
         OptionValue::kText},
        {"format", N_("text or json (the whole report on stdout)"), OptionValue::kText, "text"},
        {"external", N_("fetch the external links to see that they still answer")},
        {"timeout", N_("with --external: seconds to wait for a site"), OptionValue::kNumber, "10"},
        {"host-interval", N_("with --external: seconds between two requests to one site"),
         OptionValue::kNumber, "1"}},
       {}, "", check_command},
      {"new", N_("create a guideline, a page or an actor record, ready to fill"),
       N_("Creates a source file ready to fill:\n"
          "  passerelle new guideline <slug> [--lang fr]   content/<lang>/guidelines/<slug>.md\n"
          "  passerelle new guideline <slug> --folder      content/<lang>/guidelines/<slug>/index.md\n"
          "  passerelle new page <slug> [--lang fr]        content/<lang>/<slug>.md (in the menu)\n"
          "  passerelle new actor <id> [--lang fr]         directory-data/actors/<id>.toml\n"
          "A guideline or page whose translation exists in another language is pre-filled from "
          "it, to translate. The file's comments are in its language."),
       false, false,
       {{"lang",
         N_("the page's language (default: the site's default language), or the language "
            "of an actor record's comments (default: the site's first language)"),
         OptionValue::kText},
        {"folder",
         N_("create the page as a folder, <slug>/index.md, to keep its pictures and "
            "downloads beside it")},
        {"what", N_("guideline, page or actor"), OptionValue::kText},
        {"name", N_("the page's slug or the actor's id"), OptionValue::kText}},
       {"what", "name"}, "guideline <slug> | page <slug> | actor <id>", new_command},
      {"list", N_("list drafts, future pages, stale records or untranslated copies"),
       N_("Lists the sources that need attention: drafts, pages dated in the future, "
          "actor records not reviewed for too long (stale), translations still in the "
          "source language (untranslated)."),
       false, false,
       {{"format", N_("text (one tab-separated line per source) or json"), OptionValue::kText,
         "text"},
        {"what", N_("drafts, future, stale or untranslated"), OptionValue::kText}},
       {"what"}, "drafts|future|stale|untranslated", list_command},
      {"import", N_("write or update actor records from a spreadsheet (CSV or TSV)"),
       N_("Reads a spreadsheet saved as CSV or TSV (UTF-8 or Excel's UTF-16 \"Unicode text\"; "
          "tab, semicolon or comma, found from the header line) with the columns of "
          "actors.csv, checks every row as the build does, and writes or updates "
          "directory-data/actors/<id>.toml. Nothing is written when any row has an error.\n"
          "  passerelle import actors <file.csv|file.tsv> [--dry-run]"),
       false, true,
       {{"dry-run", N_("show what would change in each record, write nothing")},
        {"separator", N_("the cells' separator: tab, semicolon or comma (default: found from "
                         "the header line)"),
         OptionValue::kText},
        {"what", N_("actors"), OptionValue::kText},
        {"file", N_("the sheet to read"), OptionValue::kText}},
       {"what", "file"}, "actors <file.csv|file.tsv>", import_command},
  };
  return table;
}

const CommandSpec* find_command(std::string_view name) {
  const auto& table = command_table();
  auto found = std::find_if(table.begin(), table.end(),
                            [&](const CommandSpec& command) { return command.name == name; });
  return found == table.end() ? nullptr : &*found;
}

int run_command(const CommandSpec& command, int argc, char** argv) {
  cxxopts::ParseResult args;
  ConsoleStyle style;
  if (auto stop = parse_arguments(command, argc, argv, args, style)) return *stop;
  return command.body(args, style);
}

std::string usage_text() {
  std::string text = tr("Usage: passerelle [--lang en|fr|it] <command> [options]\n\nCommands:\n");
  for (const CommandSpec& command : command_table()) {
    std::string name = command.name;
    text += "  " + name + std::string(9 - std::min<size_t>(name.size(), 8), ' ') +
            tr(command.summary) + "\n";
  }
  text += tr("\nOptions:\n"
             "  --lang     the language of the messages (default: from LANG or LC_MESSAGES)\n"
             "  --version  print the version\n"
             "  --help     show this help; 'passerelle <command> --help' for a command's options\n");
  return text;
}

}  // namespace passerelle::cli
