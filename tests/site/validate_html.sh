#!/usr/bin/env bash
# validate_html.sh <site-dir>
#
# Runs the Nu Html Checker (vnu.jar from the vnu-jar npm package) over every
# HTML page of the built site and exits non-zero on any error.
#
# Speed: vnu is given the site *folder*, so one JVM checks all pages (one JVM
# per file would cost ~0.7 s each). The JVM flags below trim start-up further:
#  -XX:TieredStopAtLevel=1  C1 JIT only: the run is too short to repay C2
#  -XX:+UseSerialGC         no GC threads to start for a short run
#  -Xss16m                  vnu's schema validation recurses deeply; with C1
#                           frames the default 1 MB stack overflows
#                           ("StackOverflowError while evaluating HTML schema")
# The jar's postinstall (a Java downloader) is not needed: the system java is used.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
site=${1:?usage: validate_html.sh <site-dir>}
jar="$here/node_modules/vnu-jar/build/dist/vnu.jar"

if [[ ! -f "$jar" ]]; then
  echo "missing $jar — run 'npm ci' in $here" >&2
  exit 2
fi
if [[ ! -f "$site/index.html" ]]; then
  echo "$site: no index.html — build the site first" >&2
  exit 2
fi

out=$(mktemp)
err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT

start=$(date +%s%N)
rc=0
# --verbose lists each checked file on stdout; messages go to stderr.
# timeout: the check takes seconds, never let a stuck JVM hang CI.
timeout 300 java -Xss16m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
  -jar "$jar" --errors-only --skip-non-html --verbose --format gnu \
  "$site" >"$out" 2>"$err" || rc=$?
elapsed=$(( ($(date +%s%N) - start) / 1000000 ))

pages=$(grep -c '\.html\?$' "$out" || true)
errors=$(grep -c ': error: ' "$err" || true)

# Show the messages with paths relative to the site folder.
site_abs=$(cd "$site" && pwd)
sed -e "s#\"file:$site_abs/#\"#" "$err"

echo "vnu: ${pages} pages checked, ${errors} errors (${elapsed} ms)"
if [[ $rc -ne 0 || $errors -ne 0 || $pages -eq 0 ]]; then
  # rc≠0 without counted errors means vnu itself failed (e.g. stack overflow).
  [[ $errors -eq 0 ]] && echo "vnu exited with status $rc" >&2
  exit 1
fi
