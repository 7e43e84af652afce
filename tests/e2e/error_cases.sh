#!/usr/bin/env bash
# End-to-end error cases through the real binary. Each folder in cases/ changes a copy of the
# fixture site (files/ is laid over it; setup.sh, if any, runs inside it), and the build must
# exit 1, print exactly expected.txt on stderr, and leave the previous output untouched.
# A case's `args` file, if any, holds more options for the build (--strict for warnings).
# The day is pinned (SOURCE_DATE_EPOCH: 2026-12-06) so that dates compared with today never age.
# Usage: error_cases.sh PASSERELLE_BINARY [--refresh]
set -uo pipefail
binary=$1
refresh=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
fixture="$here/../fixtures/site-small"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
export SOURCE_DATE_EPOCH=1796515200

for case_dir in "$here"/cases/*/; do
  name=$(basename "$case_dir")
  site="$work/$name/site"
  mkdir -p "$site"
  cp -R "$fixture/." "$site/"
  [ -d "$case_dir/files" ] && cp -R "$case_dir/files/." "$site/"
  [ -f "$case_dir/setup.sh" ] && (cd "$site" && bash "$case_dir/setup.sh")
  # A previous good output that a failed build must leave exactly as it was.
  out="$work/$name/public"
  mkdir -p "$out/fr" && echo "previous build" > "$out/index.html" && echo "x" > "$out/fr/index.html"
  echo "Passerelle output folder" > "$out/.passerelle-output"  # as a build marks its output
  before=$(cd "$out" && find . -type f -exec sha256sum {} + | sort)
  # Bounded: malformed input must give an error, never a hang.
  read -ra args < <(cat "$case_dir/args" 2>/dev/null)
  timeout 120 "$binary" build --source "$site" --out "$out" "${args[@]}" >"$work/$name/stdout" 2>"$work/$name/stderr"
  status=$?
  actual=$(sed "s|$work/$name|<case>|g" "$work/$name/stderr")
  if [ "$refresh" = "--refresh" ]; then
    printf '%s\n' "$actual" > "$case_dir/expected.txt"
  fi
  after=$(cd "$out" && find . -type f -exec sha256sum {} + | sort)
  problems=""
  [ "$status" -eq 1 ] || problems+=" exit code $status (expected 1);"
  [ "$before" = "$after" ] || problems+=" the previous output changed;"
  [ -z "$(ls -A "$work/$name" | grep staging)" ] || problems+=" a staging folder was left;"
  if [ "$actual" != "$(cat "$case_dir/expected.txt" 2>/dev/null)" ]; then
    problems+=" messages differ:"$'\n'"$(diff <(cat "$case_dir/expected.txt" 2>/dev/null) <(printf '%s\n' "$actual"))"
  fi
  if [ -z "$problems" ]; then
    passed=$((passed + 1))
    echo "ok   $name"
  else
    failed=$((failed + 1))
    echo "FAIL $name:$problems"
  fi
done
echo "error cases: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
