#!/usr/bin/env bash
# Second command: installs what the tests need, builds everything and runs the whole test
# suite with CTest (unit, golden, end-to-end, links, HTML validator, accessibility, print PDFs).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/dependencies.sh" test
(cd "$root/tests/site" && npm ci --no-audit --no-fund --loglevel=error)
cmake -S "$root" -B "$root/build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=ON >/dev/null
cmake --build "$root/build"
cd "$root/build" && ctest --output-on-failure "$@"
