// The command line: parses options, runs a subcommand, prints diagnostics and sets the exit
// code. The only place that prints.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include <cxxopts.hpp>

#include "build.h"
#include "output/writer.h"
#include "text.h"

namespace fs = std::filesystem;
using namespace passerelle;

namespace {

constexpr int kExitOk = 0;
constexpr int kExitErrors = 1;
constexpr int kExitUsage = 2;

/// The source line of a diagnostic with a caret under its column, as compilers show it.
std::string excerpt(const SourceTree& tree, const Diagnostic& d) {
  if (d.location.line <= 0 || d.location.path.empty()) return "";
  auto text = tree.read(d.location.path);
  if (!text) return "";
  std::string normalized = normalize_source(*text);
  size_t begin = 0;
  for (int line = 1; line < d.location.line; ++line) {
    begin = normalized.find('\n', begin);
    if (begin == std::string::npos) return "";
    ++begin;
  }
  std::string line = normalized.substr(begin, normalized.find('\n', begin) - begin);
  if (line.size() > 200 || find_invalid_utf8(line)) return "";
  std::string out = "  " + line + "\n";
  if (d.location.column > 0) {
    std::string pad;
    int column = 1;
    for (size_t i = 0; i < line.size() && column < d.location.column; ++i) {
      if ((static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) continue;
      pad += line[i] == '\t' ? '\t' : ' ';
      ++column;
    }
    out += "  " + pad + "^\n";
  }
  return out;
}

void print_diagnostics(const SourceTree& tree, const Diagnostics& diagnostics) {
  for (const auto& d : diagnostics.sorted()) {
    std::cerr << format_diagnostic(d) << "\n" << excerpt(tree, d);
  }
}

cxxopts::Options build_options() {
  cxxopts::Options options("passerelle build", "Builds the site into a folder of static files.");
  options.add_options()
      ("source", "the site's folder (with site.toml)", cxxopts::value<std::string>()->default_value("."))
      ("out", "output folder (default: public/ in the source)", cxxopts::value<std::string>())
      ("base-url", "absolute URL the site is published at (overrides site.toml)", cxxopts::value<std::string>())
      ("drafts", "include pages marked draft = true")
      ("h,help", "show this help");
  return options;
}

int run_build(int argc, char** argv) {
  auto options = build_options();
  cxxopts::ParseResult args;
  try {
    args = options.parse(argc, argv);
  } catch (const cxxopts::exceptions::exception& error) {
    std::cerr << "passerelle build: " << error.what() << "\n" << options.help();
    return kExitUsage;
  }
  if (args.count("help")) {
    std::cout << options.help();
    return kExitOk;
  }
  if (!args.unmatched().empty()) {
    std::cerr << "passerelle build: unexpected argument '" << args.unmatched().front() << "'\n";
    return kExitUsage;
  }
  auto started = std::chrono::steady_clock::now();
  std::string source = args["source"].as<std::string>();
  std::string out = args.count("out") ? args["out"].as<std::string>() : source + "/public";
  if (!fs::is_regular_file(source + "/site.toml")) {
    std::cerr << source << ": error: no site.toml here; pass the site's folder with --source\n";
    return kExitErrors;
  }
  BuildOptions build;
  build.include_drafts = args.count("drafts") > 0;
  if (args.count("base-url")) build.base_url = args["base-url"].as<std::string>();

  DiskSourceTree tree(source);
  DiskSourceTree bundled(PASSERELLE_BUNDLED_THEMES);
  Diagnostics diagnostics;
  auto result = build_site(tree, bundled, build, diagnostics);
  print_diagnostics(tree, diagnostics);
  if (!result) {
    std::cerr << "passerelle: " << diagnostics.error_count() << " error(s); nothing was written, "
              << out << " is unchanged\n";
    return kExitErrors;
  }
  std::string error;
  if (!publish(result->plan, out, source, &error)) {
    std::cerr << "passerelle: error: " << error << "\n";
    return kExitErrors;
  }
  auto elapsed = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started);
  std::string per_language;
  for (const auto& [language, count] : result->pages_per_language) {
    if (language.find('.') != std::string::npos) continue;  // root files
    per_language += (per_language.empty() ? "" : ", ") + language + " " + std::to_string(count);
  }
  std::printf("Built %zu pages (%s), %zu actors, %d warning(s) in %.0f ms\n", result->html_pages,
              per_language.c_str(), result->actors, diagnostics.warning_count(), elapsed.count());
  std::printf("Open %s/index.html\n", fs::weakly_canonical(fs::absolute(out)).c_str());
  return kExitOk;
}

const char* kUsage =
    "Usage: passerelle <command> [options]\n\n"
    "Commands:\n"
    "  build    build the site into a folder of static files\n\n"
    "Options:\n"
    "  --version  print the version\n"
    "  --help     show this help; 'passerelle <command> --help' for a command's options\n";

}  // namespace

int main(int argc, char** argv) {
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
  std::cerr << "passerelle: unknown command '" << command << "'\n\n" << kUsage;
  return kExitUsage;
}
