// Times the search stage of a build, in process: the site is loaded once, then its index
// (every language, every file) is built `runs` times. Prints the medians of the wall-clock and
// CPU times in milliseconds (CPU time is steadier on a busy machine) and the index's size. Used by run.mjs; not part of the test suite (timing goals live in bench/).
//
//   search_index_bench SITE_DIR [RUNS]
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "build.h"
#include "search/files.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: search_index_bench SITE_DIR [RUNS]\n");
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
  std::vector<double> times, cpu;
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
    bytes = files = 0;
    for (const auto& file : search) {
      bytes += file.bytes.size();
      ++files;
    }
  }
  std::sort(times.begin(), times.end());
  std::sort(cpu.begin(), cpu.end());
  std::printf("{\"index_ms\":%.2f,\"index_cpu_ms\":%.2f,\"load_ms\":%.2f,\"bytes\":%zu,\"files\":%zu,\"runs\":%d}\n",
              times[times.size() / 2], cpu[cpu.size() / 2], load_ms, bytes, files, runs);
  return 0;
}
