#!/usr/bin/env bash
# The command line through the real binary: help, version, usage errors, determinism of the
# bundled site, and replacement of a previous output in one piece.
# Usage: cli.sh PASSERELLE_BINARY SOURCE_DIR
set -uo pipefail
binary=$1
source_dir=$2
source "$(dirname "$0")/lib.sh"
exit_code() { "$binary" "${@:2}" >/dev/null 2>&1; [ $? -eq "$1" ]; }

check "--version prints the version" bash -c "'$binary' --version | grep -Eq '^passerelle [0-9]+\.[0-9]+\.[0-9]+$'"
check "--help lists the build command" bash -c "'$binary' --help | grep -q 'build'"
check "--help lists the pdf command" bash -c "'$binary' --help | grep -q '^  pdf '"
check "pdf --help lists its options" bash -c "'$binary' pdf --help | grep -q -- '--weasyprint'"
check "pdf --timeout 0 is a usage error (2)" exit_code 2 pdf --timeout 0
check "build --help lists its options" bash -c "'$binary' build --help | grep -q -- '--base-url'"
check "no command is a usage error (2)" exit_code 2
check "an unknown command is a usage error (2)" exit_code 2 frobnicate
check "an unknown option is a usage error (2)" exit_code 2 build --no-such-option
check "a folder without site.toml is an error (1)" exit_code 1 build --source "$work"

check "the bundled site builds" "$binary" build --source "$source_dir" --out "$work/one"
check "the summary names pages per language" bash -c "'$binary' build --source '$source_dir' --out '$work/two' | grep -Eq '^Built [0-9]+ pages \(fr [0-9]+, it [0-9]+\), [0-9]+ actors'"
check "two builds are byte-identical" diff -r "$work/one" "$work/two"
check "--base-url changes canonical links" bash -c "'$binary' build --source '$source_dir' --out '$work/three' --base-url https://other.example.net/x >/dev/null && grep -q 'href=\"https://other.example.net/x/fr/\"' '$work/three/fr/index.html'"
echo stale > "$work/one/stale.html"
check "a new build replaces the previous output whole" bash -c "'$binary' build --source '$source_dir' --out '$work/one' >/dev/null && [ ! -e '$work/one/stale.html' ] && [ -f '$work/one/index.html' ]"
check "an output folder given with a trailing slash is replaced too" bash -c "'$binary' build --source '$source_dir' --out '$work/slash/' >/dev/null && '$binary' build --source '$source_dir' --out '$work/slash/' >/dev/null && diff -r '$work/one' '$work/slash'"
check "no staging folder is left behind" bash -c "! ls -a '$work' '$work/slash' | grep -q staging"
check "the output may not be the source folder (2)" exit_code 2 build --source "$source_dir" --out "$source_dir"

# passerelle pdf without a working WeasyPrint: exit 1, say how to install it, change nothing.
mkdir -p "$work/empty-path" "$work/tmp"
"$binary" build --quiet --source "$source_dir" --out "$work/kept"
(cd "$work/kept" && find . -type f -exec md5sum {} + | LC_ALL=C sort) >"$work/kept.sums"
check "pdf without WeasyPrint exits 1 and says how to install it" bash -c \
  "PATH='$work/empty-path' '$binary' pdf --source '$source_dir' --out '$work/kept' 2>'$work/err'; [ \$? -eq 1 ] && grep -q 'apt-get install weasyprint' '$work/err'"
check "pdf with a failing WeasyPrint exits 1" bash -c \
  "TMPDIR='$work/tmp' '$binary' pdf --source '$source_dir' --out '$work/kept' --weasyprint /bin/false 2>'$work/err'; [ \$? -eq 1 ] && grep -q 'could not make' '$work/err'"
check "a failed pdf leaves the previous output as it was" bash -c \
  "cd '$work/kept' && find . -type f -exec md5sum {} + | LC_ALL=C sort | cmp - '$work/kept.sums'"
check "pdf leaves no temporary or staging folder behind" bash -c "[ -z \"\$(ls -A '$work/tmp')\" ] && ! ls -a '$work' | grep -q staging"

echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
