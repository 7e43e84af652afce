#!/usr/bin/env bash
# Regenerates the golden output of the fixture site and the expected messages of the error
# cases. Review the result with `git diff tests/golden tests/e2e` before committing.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cmake --build "$root/build" --target passerelle >/dev/null
# Golden files are not an output folder of the build's (they carry no marker): written anew.
rm -rf "$root/tests/golden/site-small"
"$root/build/passerelle" build --source "$root/tests/fixtures/site-small" \
  --out "$root/tests/golden/site-small" >/dev/null
# The build keeps the output it replaced beside it (for the next build), and marks its output;
# golden files need neither.
rm -rf "$root/tests/golden/.site-small.previous" "$root/tests/golden/.site-small.manifests" \
  "$root/tests/golden/site-small/.passerelle-output"
if [ -x "$root/tests/e2e/error_cases.sh" ]; then
  "$root/tests/e2e/error_cases.sh" "$root/build/passerelle" --refresh
fi
echo "Refreshed tests/golden/site-small"
