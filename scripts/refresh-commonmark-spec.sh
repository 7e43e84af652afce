#!/usr/bin/env bash
# Rewrites tests/commonmark/spec.json and LICENSE from the npm package commonmark-spec (the
# CommonMark spec's examples), fetched with npm into a temporary folder. Review the diff.
# Usage: scripts/refresh-commonmark-spec.sh [VERSION]   (default 0.31.2)
set -euo pipefail
version=${1:-0.31.2}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "commonmark-spec@$version" >/dev/null && tar xzf commonmark-spec-*.tgz)
cp "$work/package/LICENSE" "$root/tests/commonmark/LICENSE"
# The package's index.js extracts the examples from spec.txt; spec.txt shows a tab as '→',
# which the spec's own test runner turns back into a tab, as done here.
node -e '
const tests = require(process.argv[1]).tests;
const tab = (s) => s.replace(/\u2192/g, "\t");
const out = tests.map((e) => ({number: e.number, section: e.section,
                              markdown: tab(e.markdown), html: tab(e.html)}));
process.stdout.write(JSON.stringify(out, null, 1) + "\n");' "$work/package" \
  > "$root/tests/commonmark/spec.json"
echo "tests/commonmark/spec.json: commonmark-spec $version"
