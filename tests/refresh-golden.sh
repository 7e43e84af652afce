#!/usr/bin/env bash
# Regenerates the golden output of the fixture site and the expected messages of the error
# cases. Review the result with `git diff tests/golden tests/e2e` before committing.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cmake --build "$root/build" --target passerelle >/dev/null
"$root/build/passerelle" build --source "$root/tests/fixtures/site-small" \
  --out "$root/tests/golden/site-small" >/dev/null
# The build keeps the output it replaced beside it (for the next build); golden files need none.
rm -rf "$root/tests/golden/.site-small.previous"
if [ -x "$root/tests/e2e/error_cases.sh" ]; then
  "$root/tests/e2e/error_cases.sh" "$root/build/passerelle" --refresh
fi
echo "Refreshed tests/golden/site-small"
