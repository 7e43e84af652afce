#!/usr/bin/env bash
# End-to-end error cases through the real binary. Each folder in cases/ changes a copy of the
# fixture site (files/ is laid over it; setup.sh, if any, runs inside it), and the build must
# exit 1, print exactly expected.txt on stderr, and leave the previous output untouched.
# Each case runs twice: in English (expected.txt) and in a second language, the one of its
# expected.fr.txt or expected.it.txt (an editor in Rabat or Rome reads the same errors).
# A case's `args` file, if any, holds more options for the build (--strict for warnings).
# The day is pinned (SOURCE_DATE_EPOCH: 2026-12-06) so that dates compared with today never age.
# Usage: error_cases.sh PASSERELLE_BINARY [--refresh | --english-only]
# --refresh writes expected.txt and the second language's file (French when a case has none).
# --english-only leaves out the second language: the sanitizer stage, where what is tested is
# each error's path through the code (the same in every language), and each build is slower.
set -uo pipefail
binary=$1
refresh=${2:-}
english_only=false
if [ "$refresh" = "--english-only" ]; then english_only=true; refresh=""; fi
here=$(cd "$(dirname "$0")" && pwd)
fixture="$here/../fixtures/site-small"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
export SOURCE_DATE_EPOCH=1796515200

# Runs case NAME (folder CASE_DIR) with messages in LANGUAGE; compares its errors to EXPECTED.
run_case() {  # NAME CASE_DIR LANGUAGE EXPECTED
  local name=$1 case_dir=$2 language=$3 expected=$4
  local run="$work/$name-$language"
  local site="$run/site"
  mkdir -p "$site"
  cp -R "$fixture/." "$site/"
  [ -d "$case_dir/files" ] && cp -R "$case_dir/files/." "$site/"
  [ -f "$case_dir/setup.sh" ] && (cd "$site" && bash "$case_dir/setup.sh")
  # A previous good output that a failed build must leave exactly as it was.
  local out="$run/public"
  mkdir -p "$out/fr" && echo "previous build" > "$out/index.html" && echo "x" > "$out/fr/index.html"
  echo "Passerelle output folder" > "$out/.passerelle-output"  # as a build marks its output
  local before after status actual problems
  before=$(cd "$out" && find . -type f -exec sha256sum {} + | sort)
  # Bounded: malformed input must give an error, never a hang.
  read -ra args < <(cat "$case_dir/args" 2>/dev/null)
  timeout 120 "$binary" build --lang "$language" --source "$site" --out "$out" "${args[@]}" \
    >"$run/stdout" 2>"$run/stderr"
  status=$?
  actual=$(sed "s|$run|<case>|g" "$run/stderr")
  if [ "$refresh" = "--refresh" ]; then
    printf '%s\n' "$actual" > "$expected"
  fi
  after=$(cd "$out" && find . -type f -exec sha256sum {} + | sort)
  problems=""
  [ "$status" -eq 1 ] || problems+=" exit code $status (expected 1);"
  [ "$before" = "$after" ] || problems+=" the previous output changed;"
  [ -z "$(ls -A "$run" | grep staging)" ] || problems+=" a staging folder was left;"
  if [ "$actual" != "$(cat "$expected" 2>/dev/null)" ]; then
    problems+=" messages differ:"$'\n'"$(diff <(cat "$expected" 2>/dev/null) <(printf '%s\n' "$actual"))"
  fi
  if [ -z "$problems" ]; then
    passed=$((passed + 1))
    echo "ok   $name ($language)"
  else
    failed=$((failed + 1))
    echo "FAIL $name ($language):$problems"
  fi
}

for case_dir in "$here"/cases/*/; do
  name=$(basename "$case_dir")
  run_case "$name" "$case_dir" en "$case_dir/expected.txt"
  $english_only && continue
  second=fr
  [ -f "$case_dir/expected.it.txt" ] && second=it
  if [ ! -f "$case_dir/expected.$second.txt" ] && [ "$refresh" != "--refresh" ]; then
    failed=$((failed + 1))
    echo "FAIL $name: no expected.fr.txt or expected.it.txt (run with --refresh, then read them)"
    continue
  fi
  run_case "$name" "$case_dir" "$second" "$case_dir/expected.$second.txt"
done
echo "error cases: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
