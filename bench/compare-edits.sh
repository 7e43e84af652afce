#!/usr/bin/env bash
# Two passerelle binaries on the same site, alternating, each into its own output: builds with
# nothing changed, after one guideline's text and after one actor's description (edits made
# and undone here), then full builds into empty folders (without the site's caches). Prints GNU
# time's wall, CPU and peak memory of each build, and whether the two outputs end identical.
# For a change's before and after on the same machine state (docs/performance.md).
# Usage: bench/compare-edits.sh OLD_BINARY NEW_BINARY SITE WORK
# SITE: a generated corpus (passerelle-corpus generate); its files are edited and restored.
set -euo pipefail
old=$(realpath "$1") new=$(realpath "$2") site=$3 work=$(realpath -m "$4")
mkdir -p "$work"
cd "$site"
# Each binary keeps its own .passerelle-cache (a cache is only read by the program that wrote
# it: alternating on one would make every build start without one).
rm -rf "$work/cache-old" "$work/cache-new"
[ ! -e .passerelle-cache ] || mv .passerelle-cache "$work/cache-aside-$$"
time_build() {  # time_build LABEL BINARY OUT (LABEL starts with old or new)
  local who=${1%% *}
  [ ! -e "$work/cache-$who" ] || mv "$work/cache-$who" .passerelle-cache
  /usr/bin/time -f "$1 %e s wall, %U+%S s CPU, %M KB" "$2" build --quiet --out "$3" \
    >/dev/null 2>"$work/time.txt" || { cat "$work/time.txt"; exit 1; }
  [ ! -e .passerelle-cache ] || mv .passerelle-cache "$work/cache-$who"
  tail -1 "$work/time.txt"
}
both() {  # both ROUND LABEL: the two binaries, the first one alternating
  if [ $(($1 % 2)) = 0 ]; then
    time_build "old $2" "$old" "$work/out-old"; time_build "new $2" "$new" "$work/out-new"
  else
    time_build "new $2" "$new" "$work/out-new"; time_build "old $2" "$old" "$work/out-old"
  fi
}
guideline() { printf "content/fr/guidelines/guideline-%04d.md" $(($1 * 7)); }
actor() { ls directory-data/actors/*.toml | sed -n "$(($1 * 311))p"; }
time_build "old first" "$old" "$work/out-old"; time_build "new first" "$new" "$work/out-new"
for i in 1 2; do both "$i" "nothing changed"; done
for i in 1 2 3 4; do
  cp "$(guideline "$i")" "$work/guideline-$i"
  echo "Une phrase ajoutée au tour $i." >>"$(guideline "$i")"
  both "$i" "one guideline"
done
for i in 1 2 3; do
  cp "$(actor "$i")" "$work/actor-$i"
  # A sentence at the end of the record's last description.
  python3 - "$(actor "$i")" "$i" <<'PY'
import sys
path, n = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
end = text.rfind('"""\n')
if end > 0:
    text = text[:end] + f" Une phrase ajoutée {n}.\n" + text[end:]
open(path, "w", encoding="utf-8").write(text)
PY
  both "$i" "one actor"
done
for i in 1 2 3 4; do cp "$work/guideline-$i" "$(guideline "$i")"; done
for i in 1 2 3; do cp "$work/actor-$i" "$(actor "$i")"; done
both 0 "edits undone"
if diff -r "$work/out-old" "$work/out-new" >/dev/null; then echo "outputs identical"; else echo "outputs differ"; fi
for order in "old new" "new old"; do
  for binary in $order; do
    rm -rf "$work/full" "$work/.full."* "$work/cache-$binary"
    sync
    time_build "$binary full build" "$([ $binary = old ] && echo "$old" || echo "$new")" "$work/full"
  done
done
rm -rf "$work/full" "$work/.full."*
[ ! -e "$work/cache-aside-$$" ] || mv "$work/cache-aside-$$" .passerelle-cache
