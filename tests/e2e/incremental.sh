#!/usr/bin/env bash
# incremental-equals-clean: after each round of random edits (fixed seed) of the medium corpus,
# an incremental build (which keeps the pages whose sources did not change) must leave an
# output byte-identical to a build that renders everything. Rounds of body and description
# edits must keep files; vocabulary, title, added and removed files are mixed in after.
# Usage: incremental.sh PASSERELLE_CORPUS_BINARY PASSERELLE_BINARY [SIZE]
# SIZE: the corpus size (medium; the sanitizers' suite uses tiny, its builds being slower).
set -uo pipefail
corpus=$1
passerelle=$2
size=${3:-medium}
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
site="$work/site"
seed=18

"$corpus" generate --size "$size" --seed "$seed" --out "$site" >/dev/null ||
  { echo "FAIL the corpus"; exit 1; }

summary() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$1" "$2"; }
kept() { summary "$1" kept_files; }
build() {  # build OUT SUMMARY: a build of the site into OUT, its --json summary in SUMMARY
  "$passerelle" build --json --source "$site" --out "$1" >"$2" 2>"$work/stderr" ||
    { cat "$work/stderr" "$2"; return 1; }
}
# A build that renders everything: the output's manifests, the search index's counts
# (search/count_cache.h) and the Markdown renders (markdown/markdown_memo.h) are forgotten
# first. The incremental builds count and render only the documents edited since the clean
# build before.
clean_build() {
  rm -rf "$work/.clean.manifests" "$site/.passerelle-cache/search" "$site/.passerelle-cache/markdown" &&
    build "$work/clean" "$work/clean.json"
}
same_trees() { diff -r "$work/incremental" "$work/clean" >"$work/diff" || { head -20 "$work/diff"; return 1; }; }

check "first build" build "$work/incremental" "$work/first.json"
check "the first build keeps nothing" test "$(kept "$work/first.json")" -eq 0
check "the first build keeps its search counts" test -s "$site/.passerelle-cache/search/fr"
check "the first build keeps its Markdown renders" test -s "$site/.passerelle-cache/markdown"
check "a build with nothing changed" build "$work/incremental" "$work/same.json"
same_pages=$(kept "$work/same.json")
pages=$(summary "$work/first.json" pages)
# Every file is kept, and there are more files than pages (the search index, the assets).
check "a build with nothing changed keeps every page ($same_pages files, $pages pages)" test "$same_pages" -gt "$pages"

round() {  # round NUMBER KINDS [MIN_KEPT]
  local number=$1 kinds=$2 min_kept=${3:-}
  local edits
  edits=$(python3 "$here/incremental_edits.py" "$site" "$seed" "$number" "$kinds" | paste -sd ';')
  check "round $number, incremental build ($edits)" build "$work/incremental" "$work/round.json"
  check "round $number, clean build" clean_build
  check "round $number, the clean build kept nothing" test "$(kept "$work/clean.json")" -eq 0
  check "round $number, incremental output = clean output" same_trees
  if [ -n "$min_kept" ]; then
    local count
    count=$(kept "$work/round.json")
    check "round $number, pages kept ($count)" test "$count" -ge "$min_kept"
  fi
}

# Edits of text only one page shows keep almost every page; edits of what other pages show (a
# label, a title, a page added or removed) render everything again. Few rounds: each makes a
# build that renders everything, and the test runs in CI.
round 1 body $((pages / 2))
round 2 actor $((pages / 2))
round 3 vocabulary,add,title
round 4 remove,body,actor

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
