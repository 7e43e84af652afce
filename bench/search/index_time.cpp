// Times the search stage of a build, in process: the site is loaded once, then its index
// (every language, every file) is built `runs` times. Prints the medians of the wall-clock and
// CPU times in milliseconds (CPU time is steadier on a busy machine) and the index's size. Used by run.mjs; not part of the test suite (timing goals live in bench/).
//
//   search_index_bench SITE_DIR [RUNS] [OUT_DIR]
//
// With OUT_DIR, each run also writes the index files there (as `build` does: a staging folder
// swapped in), timed apart: creating files is a large part of the cost on a big site, and
// Pagefind's time includes writing its own.
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "pipeline/build.h"
#include "output/writer.h"
#include "search/files.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: search_index_bench SITE_DIR [RUNS] [OUT_DIR]\n");
    return 2;
  }
  int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
  passerelle::DiskSourceTree tree(argv[1]);
  passerelle::Diagnostics diagnostics;
  auto load_started = std::chrono::steady_clock::now();
  auto site = passerelle::load_site(tree, {}, diagnostics);
  auto load_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - load_started).count();
  if (!site) {
    std::fprintf(stderr, "%s: the site has errors\n", argv[1]);
    return 1;
  }
  auto cpu_now = [] {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1000 + static_cast<double>(t.tv_nsec) / 1e6;
  };
  const char* out_dir = argc > 3 ? argv[3] : nullptr;
  std::vector<double> times, cpu, written, written_cpu;
  size_t bytes = 0, files = 0;
  for (int i = 0; i < runs; ++i) {
    auto started = std::chrono::steady_clock::now();
    double cpu_started = cpu_now();
    passerelle::OutputPlan search;
    for (const auto& language : site->config.languages) {
      for (auto& file : passerelle::search::language_search_files(*site, language)) search.push_back(std::move(file));
    }
    cpu.push_back(cpu_now() - cpu_started);
    times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count());
    if (out_dir) {
      std::string error;
      if (!passerelle::publish(search, out_dir, argv[1], &error)) {
        std::fprintf(stderr, "%s\n", error.c_str());
        return 1;
      }
      written_cpu.push_back(cpu_now() - cpu_started);
      written.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count());
    }
    bytes = files = 0;
    for (const auto& file : search) {
      bytes += file.bytes.size();
      ++files;
    }
  }
  std::sort(times.begin(), times.end());
  std::sort(cpu.begin(), cpu.end());
  std::sort(written.begin(), written.end());
  std::sort(written_cpu.begin(), written_cpu.end());
  auto median = [](const std::vector<double>& values) { return values.empty() ? 0.0 : values[values.size() / 2]; };
  std::printf("{\"index_ms\":%.2f,\"index_cpu_ms\":%.2f,\"written_ms\":%.2f,\"written_cpu_ms\":%.2f,"
              "\"load_ms\":%.2f,\"bytes\":%zu,\"files\":%zu,\"runs\":%d}\n",
              median(times), median(cpu), median(written), median(written_cpu), load_ms, bytes, files, runs);
  return 0;
}
