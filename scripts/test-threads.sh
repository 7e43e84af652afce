#!/usr/bin/env bash
# The unit tests of threaded code and builds of the bundled site and the right-to-left fixture,
# built with clang++ under ThreadSanitizer (build-tsan/): loading, Markdown, rendering and
# writing run on every core, each task in its own slot, and any data race fails this stage. Run by
# scripts/test.sh after the sanitizer stage; PASSERELLE_SKIP_TSAN=1 skips it there.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build="$root/build-tsan"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=ON \
  -DCMAKE_CXX_COMPILER=clang++ -DPASSERELLE_TSAN=ON \
  -DPASSERELLE_UNITY_BUILD=ON "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only -DNDEBUG" >/dev/null
cmake --build "$build" --target passerelle unit_tests
# libvips runs each picture's operations on worker threads of its own and hands buffers between
# them inside Debian's libraries (libvips, GLib, the codecs), built without ThreadSanitizer:
# their synchronisation is invisible to it. ignore_noninstrumented_modules leaves out the calls
# (malloc, memcpy…) those libraries make; every access made by our own code is still checked.
export TSAN_OPTIONS="halt_on_error=1:exitcode=66:ignore_noninstrumented_modules=1:suppressions=$root/tests/tsan.supp:${TSAN_OPTIONS:-}"
# The unit tests of the code that starts threads of its own or shares data with them: the
# worker pool, serve (its server, controller and background rebuilds, the dashboard), the writer,
# the link fetcher, child processes, the project's updates and the search index's counting
# (documents are counted on every core from 512 on: the two sites below have fewer). A build's
# other parallel stages are the two site builds below; the other tests, run single-threaded,
# took 100 s here for no report.
# A file renamed here would silently drop its tests from this stage: each must exist.
threaded=""
for file in parallel_test serve_test serve_controller_test serve_rebuild_test dashboard_test \
            writer_test link_fetcher_test process_test project_test search_count_cache_test \
            markdown_memo_test; do
  [ -f "$root/tests/unit/$file.cpp" ] || { echo "test-threads.sh: no tests/unit/$file.cpp" >&2; exit 1; }
  threaded+="${threaded:+,}[#$file]"
done
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# The site builds beside the unit tests, which mostly run on one core.
( "$build/passerelle" build --quiet --source "$root" --out "$out/bundled" &&
  "$build/passerelle" build --quiet --source "$root/tests/fixtures/site-rtl" --out "$out/rtl" ) &
builds=$!
"$build/tests/unit_tests" --warn NoTests --filenames-as-tags "$threaded"
wait "$builds"
echo "ThreadSanitizer: unit tests and two site builds without a report"
