#!/usr/bin/env bash
# Runs one libFuzzer target for a bounded time, starting from its seed corpus and regression
# inputs, and prints how many inputs it ran. New interesting inputs go to a working corpus in
# the build folder (kept between runs, never committed); an input that crashes, hangs or breaks
# an invariant is saved there too and fails the test: copy it to tests/fuzz/regressions/<name>/.
# Usage: run_fuzzer.sh FUZZ_BINARY NAME SECONDS BUILD_DIR
set -uo pipefail
binary=$1
name=$2
seconds=$3
build_dir=$4
here=$(cd "$(dirname "$0")" && pwd)
work="$build_dir/corpus-work/$name"
artifacts="$build_dir/artifacts/$name"
mkdir -p "$work" "$artifacts"
dictionary=()
[ -f "$here/dictionaries/$name.dict" ] && dictionary=(-dict="$here/dictionaries/$name.dict")
log="$build_dir/fuzz-$name.log"
"$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
  -print_final_stats=1 -artifact_prefix="$artifacts/" "${dictionary[@]}" \
  "$work" "$here/corpus/$name" "$here/regressions/$name" >"$log" 2>&1
status=$?
executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
corpus=$(find "$work" -type f | wc -l)
echo "fuzz $name: ${executions:-?} executions in ${seconds} s, working corpus $corpus inputs (log: $log)"
if [ "$status" -ne 0 ]; then
  grep -E "ERROR|invariant broken|Test unit written|SUMMARY" "$log" | head -20
  echo "FAIL: keep the input above as tests/fuzz/regressions/$name/<short-name> and fix the cause"
fi
exit "$status"
