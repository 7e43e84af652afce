#!/usr/bin/env bash
# Determinism across machines: the bundled site is built once as a reference, then again with
# everything a machine or a CI runner may change — locale, time zone, umask, the clock itself
# (faketime), the environment, relative paths from another working folder, a copy of the
# sources in another folder whose files were created in another order with other dates, and
# another output folder. Every tree must be byte-identical to the reference, and no output may
# contain a path of the machine.
# Usage: determinism.sh PASSERELLE_BINARY SOURCE_DIR
set -uo pipefail
binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
source_dir=$(cd "$2" && pwd)
source "$(dirname "$0")/lib.sh"
same_as_reference() { diff -r "$work/reference" "$1"; }

# The reference: a plain build in the C locale, UTC, umask 022.
(cd "$work" && LC_ALL=C TZ=UTC && umask 022 &&
  "$binary" build --source "$source_dir" --out "$work/reference" >/dev/null) ||
  { echo "FAIL the reference build"; exit 1; }

# A copy of the site's sources in a folder with spaces and accents in its name, its files
# created in reverse order (so the folder lists them differently) and dated 2001.
copy="$work/une copie déplacée/de la source"
mkdir -p "$copy"
(cd "$source_dir" && find site.toml content directory-data themes -type f | sort -r) |
  while IFS= read -r file; do
    mkdir -p "$copy/$(dirname "$file")"
    cp "$source_dir/$file" "$copy/$file"
  done
find "$copy" -exec touch -d '2001-02-03 04:05:06' {} +

check "another locale (C.UTF-8, LANG fr_FR.UTF-8)" bash -c \
  "LC_ALL=C.UTF-8 LANG=fr_FR.UTF-8 '$binary' build --source '$source_dir' --out '$work/locale' && diff -r '$work/reference' '$work/locale'"
check "another time zone (UTC+14)" bash -c \
  "TZ=Pacific/Kiritimati '$binary' build --source '$source_dir' --out '$work/tz' && diff -r '$work/reference' '$work/tz'"
check "a restrictive umask (077)" bash -c \
  "umask 077 && '$binary' build --source '$source_dir' --out '$work/umask' && diff -r '$work/reference' '$work/umask'"
if command -v faketime >/dev/null; then
  check "another clock (faketime 2031-07-14 23:59:58)" bash -c \
    "faketime '2031-07-14 23:59:58' '$binary' build --source '$source_dir' --out '$work/clock' && diff -r '$work/reference' '$work/clock'"
else
  echo "skip another clock: faketime is not installed (scripts/dependencies.sh test installs it)"
fi
check "an almost empty environment" bash -c \
  "env -i PATH=/usr/bin:/bin HOME=/nonexistent '$binary' build --source '$source_dir' --out '$work/env' && diff -r '$work/reference' '$work/env'"
check "relative paths from another working folder" bash -c \
  "mkdir -p '$work/elsewhere/deeper' && cd '$work/elsewhere/deeper' &&
   '$binary' build --source \"\$(realpath --relative-to=. '$source_dir')\" --out ../../relative/out &&
   diff -r '$work/reference' '$work/relative/out'"
check "a copy of the sources elsewhere, listed in another order, other file dates" bash -c \
  "'$binary' build --source '$copy' --out '$work/copied' && diff -r '$work/reference' '$work/copied'"
check "another output folder, built into twice" bash -c \
  "'$binary' build --source '$source_dir' --out '$work/a/b/c/public' &&
   '$binary' build --source '$copy' --out '$work/a/b/c/public' && diff -r '$work/reference' '$work/a/b/c/public'"

# Nothing of the machine in the output: no absolute path (sources, copy, output, working
# folder, home), no host or user name.
leaks() {
  local tree=$1 found=0
  for needle in "$source_dir" "$copy" "$work" "$HOME" "$(dirname "$binary")" "/tmp/" "/home/" \
      "$(hostname)" "file:///"; do
    [ -n "$needle" ] || continue
    if grep -rqF -- "$needle" "$tree"; then
      echo "found '$needle' in:"; grep -rlF -- "$needle" "$tree" | head -5; found=1
    fi
  done
  user=$(id -un)
  if [ ${#user} -ge 5 ] && grep -rqw -- "$user" "$tree"; then echo "found the user name $user"; found=1; fi
  return $found
}
check "no path, host or user name of the machine in the output" leaks "$work/copied"
check "asset names carry a hash of their content" bash -c \
  "ls '$work/reference/css' | grep -Eq '^site\.[0-9a-f]{10}\.css$'"

echo "determinism: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
