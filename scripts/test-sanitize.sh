#!/usr/bin/env bash
# The test suite again, built with clang++ under AddressSanitizer and UndefinedBehaviorSanitizer
# (build-sanitize/), plus each libFuzzer target run for a bounded time (tests/fuzz/README.md).
# The checks of the bundled site's output (label "site": links, HTML validator, axe) are left
# out: they read files identical to the normal build's; so are those labelled "not-sanitized"
# (tests/CMakeLists.txt says why). Run by scripts/test.sh after the main
# suite; arguments go to ctest. PASSERELLE_FUZZ_SECONDS sets the time per fuzz target (15 s,
# for CI's time budget; set it higher for a longer hunt).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cmake -S "$root" -B "$root/build-sanitize" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DBUILD_TESTING=ON -DCMAKE_CXX_COMPILER=clang++ -DPASSERELLE_FUZZ=ON \
  -DPASSERELLE_UNITY_BUILD=ON "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only -DNDEBUG" \
  -DPASSERELLE_FUZZ_SECONDS="${PASSERELLE_FUZZ_SECONDS:-15}" >/dev/null
cmake --build "$root/build-sanitize"
# Sanitizer reports exit with codes of their own, never 1 (the code of a site with errors).
export ASAN_OPTIONS="exitcode=86:detect_leaks=1:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="exitcode=87:print_stacktrace=1:${UBSAN_OPTIONS:-}"
cd "$root/build-sanitize" && ctest --output-on-failure -j "${PASSERELLE_TEST_JOBS:-$(nproc)}" -LE '^(site|not-sanitized)$' "$@"
