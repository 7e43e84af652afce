#!/usr/bin/env bash
# Second command: installs what the tests need, builds everything and runs the whole test
# suite with CTest (unit, golden, end-to-end, links, HTML validator, accessibility, hostile
# input, print PDFs), then the suite again under sanitizers with each fuzz target run for a bounded time
# (scripts/test-sanitize.sh; PASSERELLE_SKIP_SANITIZE=1 skips that part), then the threaded code's unit tests and
# two site builds under ThreadSanitizer (scripts/test-threads.sh; PASSERELLE_SKIP_TSAN=1 skips
# it). Arguments go to ctest, which runs as many tests at once as there are cores
# (PASSERELLE_TEST_JOBS overrides; tests/CMakeLists.txt keeps the browser tests one at a time).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# Each stage says how long it took: CI has a time budget (README).
stage_started=$SECONDS
stage() { echo "test.sh: $1 took $((SECONDS - stage_started)) s"; stage_started=$SECONDS; }
"$root/scripts/dependencies.sh" test
(cd "$root/tests/site" && npm ci --no-audit --no-fund --loglevel=error)
# Most of CI's time is compiling, three times: the library and unit tests are compiled in
# batches (PASSERELLE_UNITY_BUILD), with line tables only (-g1: enough for a failing test's
# backtrace, a third less compile time than full debug information).
cmake -S "$root" -B "$root/build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=ON \
  -DPASSERELLE_UNITY_BUILD=ON "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG" >/dev/null
stage "installing and configuring"
cmake --build "$root/build"
stage "building"
# As many tests at once as cores: one more (tried) made the suite no shorter and its heavy
# tests slower.
jobs=${PASSERELLE_TEST_JOBS:-$(nproc)}
(cd "$root/build" && ctest --output-on-failure -j "$jobs" "$@")
stage "the test suite"
if [ "${PASSERELLE_SKIP_SANITIZE:-0}" != 1 ]; then "$root/scripts/test-sanitize.sh" "$@"; stage "the sanitizer stage"; fi
if [ "${PASSERELLE_SKIP_TSAN:-0}" != 1 ]; then "$root/scripts/test-threads.sh"; stage "the ThreadSanitizer stage"; fi
echo "test.sh: all stages took $SECONDS s"
