// passerelle-corpus: the benchmark's tool (not part of the passerelle command). It writes the
// synthetic corpus, converts a Passerelle site for Hugo, and measures the physical baseline.
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "baseline.h"
#include "generate.h"
#include "hugo.h"

namespace {

const char* kUsage =
    "Usage:\n"
    "  passerelle-corpus generate --out DIR [--size tiny|medium|large] [--guidelines N]\n"
    "                             [--actors M] [--seed S] [--repository DIR]\n"
    "      Writes a synthetic site: N guidelines per language (fr, it) and M actor records.\n"
    "      Sizes: tiny 6/12, medium 500/3000, large 2000/10000 (guidelines per language/actors).\n"
    "      site.toml and the vocabulary come from the repository (default: this source tree).\n"
    "  passerelle-corpus hugo SITE OUT\n"
    "      Writes the same site for Hugo (multilingual, taxonomies, minimal layouts).\n"
    "  passerelle-corpus baseline --like DIR --out DIR INPUT...\n"
    "      Reads every INPUT file, then writes files of the same paths and sizes as in --like\n"
    "      into a new folder --out; prints the timings as JSON.\n";

int usage_error(const std::string& message) {
  std::cerr << "passerelle-corpus: " << message << "\n\n" << kUsage;
  return 2;
}

bool parse_number(const std::string& text, long long minimum, long long& value) {
  char* end = nullptr;
  long long parsed = std::strtoll(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || parsed < minimum) return false;
  value = parsed;
  return true;
}

int run_generate(const std::vector<std::string>& args) {
  corpus::CorpusOptions options;
  options.repository = PASSERELLE_REPOSITORY;
  options.guidelines = 6;
  options.actors = 12;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (i + 1 >= args.size()) return usage_error("missing value after " + arg);
    const std::string& value = args[++i];
    long long number = 0;
    if (arg == "--out") {
      options.out = value;
    } else if (arg == "--repository") {
      options.repository = value;
    } else if (arg == "--size") {
      if (value == "tiny") options.guidelines = 6, options.actors = 12;
      else if (value == "medium") options.guidelines = 500, options.actors = 3000;
      else if (value == "large") options.guidelines = 2000, options.actors = 10000;
      else return usage_error("unknown size '" + value + "' (tiny, medium, large)");
    } else if (arg == "--guidelines" && parse_number(value, 1, number)) {
      options.guidelines = static_cast<int>(number);
    } else if (arg == "--actors" && parse_number(value, 1, number)) {
      options.actors = static_cast<int>(number);
    } else if (arg == "--seed" && parse_number(value, 0, number)) {
      options.seed = static_cast<uint64_t>(number);
    } else {
      return usage_error("bad option or value: " + arg + " " + value);
    }
  }
  if (options.out.empty()) return usage_error("generate needs --out DIR");
  std::string error = corpus::generate_corpus(options);
  if (!error.empty()) {
    std::cerr << "passerelle-corpus: error: " << error << "\n";
    return 1;
  }
  std::printf("Wrote %d guidelines per language and %d actors (seed %llu) to %s\n", options.guidelines,
              options.actors, static_cast<unsigned long long>(options.seed), options.out.c_str());
  return 0;
}

int run_hugo(const std::vector<std::string>& args) {
  if (args.size() != 2) return usage_error("hugo needs SITE and OUT");
  const char* themes = std::getenv("PASSERELLE_THEMES");
  std::string error = corpus::convert_to_hugo({args[0], args[1], themes ? themes : PASSERELLE_BUNDLED_THEMES});
  if (!error.empty()) {
    std::cerr << "passerelle-corpus: error: " << error << "\n";
    return 1;
  }
  std::printf("Wrote the Hugo site to %s\n", args[1].c_str());
  return 0;
}

int run_baseline(const std::vector<std::string>& args) {
  std::string like, out;
  std::vector<std::string> inputs;
  for (size_t i = 0; i < args.size(); ++i) {
    if ((args[i] == "--like" || args[i] == "--out") && i + 1 < args.size()) {
      (args[i] == "--like" ? like : out) = args[i + 1];
      ++i;
    } else {
      inputs.push_back(args[i]);
    }
  }
  if (like.empty() || out.empty() || inputs.empty()) return usage_error("baseline needs --like, --out and inputs");
  auto result = corpus::run_baseline(inputs, like, out);
  if (!result.error.empty()) {
    std::cerr << "passerelle-corpus: error: " << result.error << "\n";
    return 1;
  }
  std::printf(
      "{\"read_files\": %llu, \"read_bytes\": %llu, \"read_ms\": %.3f, \"written_files\": %llu, "
      "\"written_bytes\": %llu, \"write_ms\": %.3f}\n",
      static_cast<unsigned long long>(result.read_files), static_cast<unsigned long long>(result.read_bytes),
      result.read_ms, static_cast<unsigned long long>(result.written_files),
      static_cast<unsigned long long>(result.written_bytes), result.write_ms);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage_error("no command");
  std::string command = argv[1];
  std::vector<std::string> args(argv + 2, argv + argc);
  if (command == "--help" || command == "-h") {
    std::cout << kUsage;
    return 0;
  }
  if (command == "generate") return run_generate(args);
  if (command == "hugo") return run_hugo(args);
  if (command == "baseline") return run_baseline(args);
  return usage_error("unknown command '" + command + "'");
}
