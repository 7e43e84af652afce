#!/usr/bin/env bash
# Atomic publishing, proven with kill -9. A large generated site A is published; then builds of
# a changed site B into the same folder are killed at every stage: while loading, while a new
# staging folder is half written, while a recycled one (the previous generation, see
# output/writer.h) is half updated, after the swap before the old output is kept as
# .public.previous, and at fractions of a build's duration. After each kill the output must be
# exactly (every file, folder and link) either the whole of A or the whole of B, and the next
# build must succeed and leave, next to the output, only the previous generation: no staging
# folder. A build with errors must leave A as it was.
# Usage: kill_publish.sh PASSERELLE_BINARY FIXTURE_DIR [ACTOR_COUNT]
set -uo pipefail
binary=$1
fixture=$2
actors=${3:-1000}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; rm -rf "$work"' EXIT
passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok   $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; }

site_a="$work/site-a"
site_b="$work/site-b"
out="$work/public"
"$here/make_big_site.sh" "$fixture" "$site_a" "$actors"
cp -R "$site_a" "$site_b"
# B adds an actor (its page is the marker of B's output) and renames another.
sed 's/^name = .*/name = "Marqueur du site B"/' "$site_a/directory-data/actors/generated-00001.toml" \
  >"$site_b/directory-data/actors/zz-marker.toml"
sed -i 's/^name = .*/name = "Association renommée"/' "$site_b/directory-data/actors/generated-00002.toml"
marker="$out/fr/annuaire/zz-marker/index.html"

tree_sums() {  # every folder and link by name, every file by name and content
  (cd "$1" && find . ! -type f -printf '%y %p\n' | LC_ALL=C sort &&
    find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum)
}
build() { "$binary" build --source "$1" --out "$2" >"$work/build.log" 2>&1; }
staging_folders() { find "$work" -maxdepth 1 -name '.public.staging-*' | wc -l; }
# What a finished build leaves next to the output: the previous generation, a real folder
# (and the generations' manifests, .public.manifests, which the incremental build reads).
only_previous_left() {
  [ "$(cd "$work" && find . -maxdepth 1 -name '.public*' ! -name .public.manifests -printf '%y %f\n')" = "d .public.previous" ]
}
# Moves the previous generation out of the way (not deleted: see bench/run.mjs on deleting).
set_previous_aside() {
  [ ! -e "$work/.public.previous" ] || mv "$work/.public.previous" "$(mktemp -d "$work/aside.XXXX")"
}

build "$site_a" "$out" || { cat "$work/build.log"; exit 1; }
tree_sums "$out" >"$work/a.sums"
started=$(date +%s%N)
build "$site_b" "$work/reference-b" || { cat "$work/build.log"; exit 1; }
build_ms=$((($(date +%s%N) - started) / 1000000))
tree_sums "$work/reference-b" >"$work/b.sums"
echo "site: $actors generated actors, $(find "$out" -type f | wc -l) files; a build of B takes ${build_ms} ms"
cmp -s "$work/a.sums" "$work/b.sums" && { echo "FAIL sites A and B must differ"; exit 1; }

state() {  # A, B, or MIXED: what the output folder holds now
  tree_sums "$out" >"$work/now.sums"
  if cmp -s "$work/now.sums" "$work/a.sums"; then echo A
  elif cmp -s "$work/now.sums" "$work/b.sums"; then echo B
  else echo MIXED; fi
}
# What a MIXED output has that B does not, and lacks (for the failure messages).
against_b() { tree_sums "$out" | diff - "$work/b.sums" | grep '^[<>]' | head -6 | tr '\n' ' '; }
running() { kill -0 "$pid" 2>/dev/null; }
# The build to be killed runs at the lowest priority (nice execs it: $! is its pid), so that on a
# loaded machine (ctest -j, other jobs) the loops below that watch for a stage to kill at see
# the CPU as soon as that stage is reached, instead of the build running on past it.
start_b() {
  nice -n 19 "$binary" build --source "$site_b" --out "$out" >/dev/null 2>&1 &
  pid=$!
  staging="$work/.public.staging-$pid"
}
kill_b() { kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; pid=""; }
# After a kill: the output is A or B, whole; the next build (of A, so that the following kill
# starts from A again; or of B, then A) cleans up whatever the killed build left and publishes
# that site exactly.
after_kill() {  # after_kill NAME EXPECTED_STATE_OR_ANY EXPECT_LEFTOVER(yes/no/any) [NEXT(A/B)]
  local name=$1 expected=$2 leftover=$3 next=${4:-A} now left
  now=$(state)
  left=$(staging_folders)
  local problems=""
  [ "$now" = MIXED ] && problems+=" the output is neither A nor B;"
  [ "$expected" != any ] && [ "$now" != "$expected" ] && problems+=" the output is $now, expected $expected;"
  [ "$leftover" = yes ] && [ "$left" -eq 0 ] && problems+=" the kill did not land while a staging folder existed;"
  [ "$leftover" = no ] && [ "$left" -ne 0 ] && problems+=" a staging folder exists;"
  if [ "$next" = B ]; then
    if ! build "$site_b" "$out"; then
      problems+=" the next build failed: $(head -3 "$work/build.log");"
    fi
    [ "$(state)" = B ] || problems+=" the next build did not publish B exactly;"
    only_previous_left || problems+=" the next build left more than .public.previous;"
  fi
  if ! build "$site_a" "$out"; then
    problems+=" the next build failed: $(head -3 "$work/build.log");"
  fi
  only_previous_left || problems+=" the next build left more than .public.previous;"
  [ "$(state)" = A ] || problems+=" the next build did not publish A exactly;"
  if [ -z "$problems" ]; then pass "$name (output was $now, $left staging folder(s) left, cleaned)"
  else fail "$name:$problems"; fi
}

# 1. Killed while loading the sources: nothing written yet.
start_b
sleep 0.02
kill_b
after_kill "killed while loading" A any

# 2. Killed while a new staging folder is half written (there is no previous generation to
# recycle): files are written in path order, so once it/ appears in the staging folder, fr/ is
# done and it/ is not. The loop uses shell built-ins only, to kill as soon as it sees it; should
# the build still get past the swap first (a loaded machine), start again from A.
landed=no
for attempt in $(seq 10); do
  set_previous_aside
  start_b
  while running && [ ! -d "$staging/it" ]; do :; done
  kill_b
  if [ "$(state)" = A ]; then landed=yes; break; fi
  build "$site_a" "$out"
done
if [ "$landed" = yes ]; then after_kill "killed with the staging folder half written" A yes
else fail "killed with the staging folder half written: the build got past the swap ten times"; fi

# 2b. Killed while the recycled staging folder is half updated: the previous generation (a copy
# of A, after the build above) is claimed as the staging folder, and B's files are compared and
# written in path order; B's marker page under fr/ is new, so once it is there, fr/ is updated
# and it/ is not. The next build is of B, from that half-updated folder.
landed=no
for attempt in $(seq 10); do
  [ -d "$work/.public.previous" ] || { fail "no previous generation to recycle"; break; }
  start_b
  while running && [ ! -e "$staging/fr/annuaire/zz-marker/index.html" ]; do :; done
  kill_b
  if [ "$(state)" = A ] && [ ! -e "$staging/it/elenco/zz-marker/index.html" ]; then
    landed=yes
    break
  fi
  build "$site_a" "$out"
done
if [ "$landed" = yes ]; then after_kill "killed with the recycled staging folder half updated" A yes B
else fail "killed with the recycled staging folder half updated: the kill came too late ten times"; fi

# 3. Killed after the swap, before the old output is kept as .public.previous. Those are two
# system calls in a row, a window no kill from outside lands in reliably; the state such a kill
# leaves is made by hand: B published, and A in the staging folder of a process that is gone.
build "$site_b" "$out" || fail "a build of B failed: $(head -3 "$work/build.log")"
sleep 0 &
dead=$!
wait "$dead"  # its pid now names no process
mv "$work/.public.previous" "$work/.public.staging-$dead"
after_kill "killed after the swap, before the old output is kept" B yes

# 4. Killed at fractions of a build's duration, wherever that lands.
for percent in 15 35 55 75 95; do
  start_b
  sleep "$(awk -v ms="$build_ms" -v p="$percent" 'BEGIN { printf "%.3f", ms * p / 100000 }')"
  kill_b
  after_kill "killed at ${percent}% of a build's duration" any any
done

# 5. A build with errors leaves the previous output exactly as it was.
cp -R "$site_a" "$work/site-broken"
printf 'name = "X"\ncountry = "XX"\n' >"$work/site-broken/directory-data/actors/broken.toml"
if ! build "$work/site-broken" "$out" && [ "$(state)" = A ] && [ "$(staging_folders)" -eq 0 ]; then
  pass "a build with errors leaves the previous output byte-identical"
else fail "a build with errors changed the output or left a staging folder"; fi

# 6. A stale staging folder of a killed build does not stop the next build, which removes it.
start_b
sleep 0.02
kill_b
mkdir -p "$work/.public.staging-999999999/fr" && echo x >"$work/.public.staging-999999999/fr/index.html"
echo "Passerelle output folder" >"$work/.public.staging-999999999/.passerelle-output"  # written first
if build "$site_b" "$out" && [ "$(state)" = B ] && [ "$(staging_folders)" -eq 0 ]; then
  pass "the next build removes stale staging folders and publishes B whole"
else fail "a stale staging folder was not cleaned or B was not published (output $(state), $(staging_folders) staging folder(s); against B: $(against_b); build: $(tail -3 "$work/build.log" | tr '\n' ' '))"; fi

# 7. Without a previous generation, a killed build's staging folder is recycled, whatever it
# holds: links (one to a file outside, which must not change), a file at a folder's place, a
# folder at a file's place, files the plan does not have.
set_previous_aside
stale="$work/.public.staging-999999999"
( set -e
  cp -R "$out" "$stale"
  echo "outside" >"$work/outside.txt"
  rm "$stale/index.html" && ln -s "$work/outside.txt" "$stale/index.html"
  rm -r "$stale/it/elenco" && echo "not a folder" >"$stale/it/elenco"
  rm "$stale/404.html" && mkdir -p "$stale/404.html/x" && echo x >"$stale/404.html/x/y.html"
  mkdir -p "$stale/old/deep" && echo old >"$stale/old/deep/z.html" && ln -s nowhere "$stale/old/link"
) || fail "could not make the stale staging folder"
if build "$site_b" "$out" && [ "$(state)" = B ] && only_previous_left &&
  [ "$(cat "$work/outside.txt")" = outside ]; then
  pass "a stale staging folder full of junk is recycled into exactly B"
else fail "a recycled stale staging folder did not give exactly B, or left something behind (output $(state); against B: $(against_b); build: $(tail -3 "$work/build.log" | tr '\n' ' '))"; fi

echo "kill -9 publishing: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
