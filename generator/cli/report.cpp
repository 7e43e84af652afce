#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>

#include <cxxopts.hpp>
#include <nlohmann/json.hpp>

#include "pipeline/build.h"
#include "cli/commands.h"
#include "cli/console.h"
#include "base/excerpt.h"
#include "base/filesystem.h"
#include "content/published_urls.h"
#include "output/output_folder.h"
#include "base/text.h"
#include "messages/messages.h"

namespace passerelle::cli {

namespace {

bool color_wanted(const std::string& mode, int fd) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* term = std::getenv("TERM");
  const char* no_color = std::getenv("NO_COLOR");
  return isatty(fd) && !(no_color && *no_color) && !(term && std::string(term) == "dumb");
}

/// A message with terminal control characters and bidi overrides from the sources replaced,
/// so that a hostile file cannot rewrite the editor's terminal.
std::string printable(std::string message) {
  while (auto bad = find_disallowed_character(message)) {
    auto lead = static_cast<unsigned char>(message[bad->offset]);
    size_t length = lead < 0x80 ? 1 : (lead & 0xE0) == 0xC0 ? 2 : (lead & 0xF0) == 0xE0 ? 3 : 4;
    message.replace(bad->offset, length, "\uFFFD");
  }
  return message;
}

// A junk file can produce thousands of errors; the first ones say enough.
constexpr size_t kMaxPrintedPerFile = 20;
constexpr size_t kMaxPrinted = 200;

}  // namespace

void print_nothing_written(int errors, const std::string& out) {
  std::cerr << "passerelle: "
            << (errors > 0 ? format_message(tr("%1$d error(s); nothing was written, %2$s is "
                                               "unchanged"), errors, out)
                           : format_message(tr("nothing was written, %1$s is unchanged"), out))
            << "\n";
}

bool has_site_config(const std::string& source) {
  if (std::filesystem::is_regular_file(source + "/site.toml")) return true;
  std::cerr << source << ": error: "
            << tr("no site.toml here; pass the site's folder with --source") << "\n";
  return false;
}

std::string picture_cache_folder(const std::string& source) {
  return source + "/.passerelle-cache/pictures";
}

std::string search_cache_folder(const std::string& source) {
  return source + "/.passerelle-cache/search";
}

std::string markdown_cache_file(const std::string& source) {
  return source + "/.passerelle-cache/markdown";
}

std::shared_ptr<const PublishedUrls> previous_urls(const std::string& out) {
  auto text = read_whole_file((std::filesystem::path(out) / kPublishedUrlsFile).string());
  if (!text) return nullptr;
  auto urls = parse_published_urls(*text);
  return urls ? std::make_shared<const PublishedUrls>(std::move(*urls)) : nullptr;
}

std::optional<SiteFolders> site_folders(const cxxopts::ParseResult& args,
                                        std::string_view command, int& exit_code) {
  std::string source = args["source"].as<std::string>();
  std::string out = args.count("out") ? args["out"].as<std::string>() : source + "/public";
  if (!has_site_config(source)) {
    exit_code = kExitErrors;
    return std::nullopt;
  }
  // Before anything is built or moved: a build replaces the whole output folder.
  if (auto refused = refuse_output_folder(out, source); !refused.empty()) {
    std::cerr << "passerelle " << command << ": error: " << refused << "\n";
    exit_code = kExitUsage;
    return std::nullopt;
  }
  return SiteFolders{source, out};
}

bool console_style(const cxxopts::ParseResult& args, ConsoleStyle& style, std::string& error) {
  std::string color = args["color"].as<std::string>();
  if (color != "auto" && color != "always" && color != "never") {
    error = format_message(tr("--color must be auto, always or never (not '%1$s')"), color);
    return false;
  }
  style.quiet = args.count("quiet") > 0;
  style.verbose = args.count("verbose") > 0 && !style.quiet;
  style.color = color_wanted(color, STDERR_FILENO);
  style.terminal = isatty(STDOUT_FILENO) != 0;
  return true;
}

std::string styled_diagnostic(const Diagnostic& d, const ConsoleStyle& style) {
  std::string text = format_diagnostic(d);
  if (!style.color) return text;
  // The label follows the location, which format_diagnostic writes first.
  Diagnostic bare = d;
  bare.message.clear();
  std::string prefix = format_diagnostic(bare);  // "path:1:2: error: "
  std::string label = d.severity == Severity::kError ? "error:" : "warning:";
  std::string colored = d.severity == Severity::kError ? "\033[1;31merror:\033[0m"
                                                       : "\033[1;35mwarning:\033[0m";
  size_t at = prefix.size() - label.size() - 1;
  return text.substr(0, at) + colored + text.substr(at + label.size());
}

void print_diagnostics(const SourceTree& tree, const Diagnostics& diagnostics,
                       const ConsoleStyle& style) {
  std::fflush(stdout);  // what was printed before comes first in a combined log
  std::map<std::string, size_t> per_file;
  size_t printed = 0, hidden = 0;
  for (const auto& d : diagnostics.sorted()) {
    if (style.quiet && d.severity == Severity::kWarning) continue;
    size_t& count = per_file[d.location.path];
    if (++count > kMaxPrintedPerFile || printed >= kMaxPrinted) {
      ++hidden;
      continue;
    }
    ++printed;
    Diagnostic safe = d;  // sanitised before colouring, which adds escape sequences of its own
    safe.message = printable(d.message);
    safe.location.path = printable(d.location.path);
    std::cerr << styled_diagnostic(safe, style) << "\n";
    if (auto excerpt = source_excerpt(tree, d)) {
      std::cerr << "  " << printable(excerpt->line) << "\n";
      if (!excerpt->caret.empty()) std::cerr << "  " << excerpt->caret << "\n";
    }
  }
  for (const auto& [path, count] : per_file) {
    if (count > kMaxPrintedPerFile && !path.empty()) {
      std::cerr << printable(path) << ": "
                << format_message(tr("%1$zu problems in this file, the first %2$zu shown"), count,
                                  kMaxPrintedPerFile)
                << "\n";
    }
  }
  if (hidden > 0) {
    std::cerr << "passerelle: " << format_message(tr("%1$zu more problem(s) not shown"), hidden)
              << "\n";
  }
}

void print_diagnostics(const SourceTree& tree, const Diagnostics& diagnostics) {
  print_diagnostics(tree, diagnostics, ConsoleStyle{});
}

std::string message_catalog_folder() {
  // Installed (cmake --install): share/locale beside the binary's bin/; in the build tree,
  // the catalogs msgfmt wrote there.
  std::error_code error;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", error);
  if (!error) {
    const auto installed = (self.parent_path() / PASSERELLE_INSTALLED_CATALOGS).lexically_normal();
    if (std::filesystem::is_regular_file(installed / "fr/LC_MESSAGES/passerelle.mo", error)) {
      return installed.string();
    }
  }
  return PASSERELLE_BUILD_CATALOGS;
}

std::string bundled_themes_folder() {
  if (const char* folder = std::getenv("PASSERELLE_THEMES"); folder && *folder) return folder;
  // An installed binary (cmake --install) uses the themes installed with it, wherever the
  // prefix is, even once the source tree is gone; one in the build tree has none beside it.
  std::error_code error;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", error);
  if (!error) {
    const auto installed = (self.parent_path() / PASSERELLE_INSTALLED_THEMES).lexically_normal();
    if (std::filesystem::is_directory(installed / "default", error)) return installed.string();
  }
  return PASSERELLE_BUNDLED_THEMES;
}

Progress::Progress(const ConsoleStyle& style, std::FILE* out)
    : style_(style), out_(out), started_(std::chrono::steady_clock::now()),
      stage_started_(started_) {}

Progress::~Progress() { finish(); }

double Progress::elapsed_ms() const {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started_)
      .count();
}

void Progress::end_stage() {
  if (current_.empty()) return;
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() -
                                                        stage_started_).count();
  // A slow stage is worth a line in a CI log; a fast one only when asked.
  bool worth_a_line = style_.verbose || (!style_.terminal && ms >= 1000);
  if (!style_.quiet && worth_a_line) {
    if (line_drawn_) std::fprintf(out_, "\r\033[K");
    line_drawn_ = false;
    std::fprintf(out_, "  %-8s %6.0f ms\n", current_.c_str(), ms);
  }
  current_.clear();
}

void Progress::stage(std::string_view name) {
  end_stage();
  current_ = std::string(name);
  stage_started_ = std::chrono::steady_clock::now();
  if (style_.quiet || !style_.terminal) return;
  // On a terminal, say what is going on in words; logs keep the short stage names.
  static const std::map<std::string, std::string, std::less<>> kLabels = {
      {"load", tr("Reading the sources")},      {"render", tr("Rendering the pages")},
      {"write", tr("Writing the site")},        {"translations", tr("Comparing translations")},
      {"links", tr("Checking links")},          {"external links", tr("Asking external sites")}};
  auto label = kLabels.find(current_);
  std::fprintf(out_, "\r\033[K%s…", label == kLabels.end() ? current_.c_str() : label->second.c_str());
  std::fflush(out_);
  line_drawn_ = true;
}

void Progress::finish() {
  end_stage();
  if (line_drawn_) {
    std::fprintf(out_, "\r\033[K");
    std::fflush(out_);
    line_drawn_ = false;
  }
}

}  // namespace passerelle::cli

namespace passerelle::cli {

std::string build_summary_json(const BuildResult* result, const Diagnostics& diagnostics,
                               double milliseconds, const std::string& output_folder) {
  using nlohmann::ordered_json;
  ordered_json summary = {{"ok", !diagnostics.has_errors()}};
  if (result) {
    ordered_json per_language = ordered_json::object();
    for (const auto& [language, count] : result->pages_per_language) {
      per_language[language] = count;
    }
    summary["pages"] = result->html_pages;
    summary["pages_per_language"] = std::move(per_language);
    summary["actors"] = result->actors;
    summary["kept_files"] = result->kept_files;
  }
  summary["errors"] = diagnostics.error_count();
  summary["warnings"] = diagnostics.warning_count();
  summary["milliseconds"] = std::llround(milliseconds);
  summary["output"] = output_folder;
  ordered_json items = ordered_json::array();
  for (const auto& d : diagnostics.sorted()) {
    items.push_back({{"severity", d.severity == Severity::kError ? "error" : "warning"},
                     {"path", d.location.path},
                     {"line", d.location.line},
                     {"column", d.location.column},
                     {"message", d.message}});
  }
  summary["diagnostics"] = std::move(items);
  // A path or message may hold bytes that are not UTF-8 (an editor's file name): replaced.
  return summary.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

}  // namespace passerelle::cli
