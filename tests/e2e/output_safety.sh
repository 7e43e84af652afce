#!/usr/bin/env bash
# `build --out` and `pdf --out` never touch a folder that Passerelle did not write: each
# refusal exits 2 before anything is built or moved, and every file is still there afterwards,
# even after a second attempt (which used to empty a folder the first one had moved aside).
# Usage: output_safety.sh PASSERELLE_BINARY FIXTURE_SITE
set -uo pipefail
binary=$1
fixture=$2
source "$(dirname "$0")/lib.sh"
# Every path and every file's bytes below a folder.
snapshot() { (cd "$1" && find . | LC_ALL=C sort && find . -type f -exec md5sum {} + | LC_ALL=C sort); }

site="$work/site"
cp -r "$fixture" "$site"
# Refused twice with exit 2 and the message; the whole scratch area is unchanged.
refused() {  # refused NAME MESSAGE COMMAND...
  local name=$1 message=$2; shift 2
  snapshot "$work/area" >"$work/before"
  local ok=1
  for attempt in 1 2; do
    "$@" >"$work/out.txt" 2>"$work/err.txt"
    local code=$?
    [ "$code" -eq 2 ] || { echo "attempt $attempt: exit $code, not 2"; ok=0; }
    grep -q -- "$message" "$work/err.txt" || { echo "no '$message' in:"; cat "$work/err.txt"; ok=0; }
  done
  snapshot "$work/area" >"$work/after"
  diff "$work/before" "$work/after" || ok=0
  if [ $ok -eq 1 ]; then passed=$((passed + 1)); echo "ok   $name"
  else failed=$((failed + 1)); echo "FAIL $name"; fi
}
# The scratch area holds the site and a user's folders.
mkdir -p "$work/area"
mv "$site" "$work/area/site"
site="$work/area/site"
mkdir -p "$work/area/home/me/Documents" "$work/area/notes/sub" "$work/area/other-site"
echo "lettre" >"$work/area/home/me/Documents/lettre.txt"
echo "mine" >"$work/area/notes/a.md"
echo "mine too" >"$work/area/notes/sub/b.md"
echo 'title = "other"' >"$work/area/other-site/site.toml"
echo "a file" >"$work/area/a-file"

refused "inside the sources: content/" "inside the site's sources" "$binary" build --source "$site" --out "$site/content"
refused "inside the sources: a new folder in content/fr" "inside the site's sources" "$binary" build --source "$site" --out "$site/content/fr/out"
refused "inside the sources: directory-data/" "inside the site's sources" "$binary" build --source "$site" --out "$site/directory-data"
refused "the site's own folder" "it is the site's folder" "$binary" build --source "$site" --out "$site"
refused "a folder holding the sources" "holds the site's sources" "$binary" build --source "$site" --out "$work/area"
refused "the home folder" "your home folder" env HOME="$work/area/home/me" "$binary" build --source "$site" --out "$work/area/home/me"
refused "a folder holding the home folder" "holds your home folder" env HOME="$work/area/home/me" "$binary" build --source "$site" --out "$work/area/home"
refused "/" "root of the file system" "$binary" build --source "$site" --out /
refused "a folder holding a site.toml" "holds a site.toml" "$binary" build --source "$site" --out "$work/area/other-site"
refused "a folder of the user's" "did not write" "$binary" build --source "$site" --out "$work/area/notes"
refused "a file" "not a folder" "$binary" build --source "$site" --out "$work/area/a-file"
refused "pdf: a folder of the user's" "did not write" "$binary" pdf --source "$site" --out "$work/area/notes"

# What may be written: a new folder, an empty one, an earlier output, the default public/.
check "a new folder is written, with its marker" bash -c \
  "'$binary' build --quiet --source '$site' --out '$work/new' && grep -q '^Passerelle output folder' '$work/new/.passerelle-output'"
mkdir -p "$work/empty"
check "an empty folder is written" "$binary" build --quiet --source "$site" --out "$work/empty"
check "an earlier output is replaced, twice" bash -c \
  "'$binary' build --quiet --source '$site' --out '$work/new' && '$binary' build --quiet --source '$site' --out '$work/new' && [ -f '$work/new/index.html' ] && [ -f '$work/.new.previous/.passerelle-output' ]"
check "the default public/ in the sources, twice" bash -c \
  "'$binary' build --quiet --source '$site' && '$binary' build --quiet --source '$site' && [ -f '$site/public/index.html' ]"
rm -rf "$site/public" "$site/.public.previous"

# An unmarked folder where builds keep the output before last.
mkdir -p "$work/area/.new.previous"
cp -r "$work/new" "$work/area/new"
echo "mine" >"$work/area/.new.previous/keep.txt"
refused "an older generation the writer did not make" "keep the output before last" "$binary" build --source "$site" --out "$work/area/new"

echo "output_safety: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
