#!/usr/bin/env bash
# The benchmark corpus: the same seed gives a byte-identical corpus, another seed a different
# one, passerelle builds it, and the Hugo conversion is deterministic and builds with Hugo
# (when hugo is installed; those checks are skipped otherwise).
# Usage: test_corpus.sh PASSERELLE_CORPUS_BINARY PASSERELLE_BINARY
set -uo pipefail
corpus=$1
passerelle=$2
repository=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
check() {  # check NAME COMMAND...: the command must succeed
  local name=$1; shift
  if "$@" >"$work/last" 2>&1; then passed=$((passed + 1)); echo "ok   $name"
  else failed=$((failed + 1)); echo "FAIL $name"; sed 's/^/     /' "$work/last"; fi
}
fails() { ! "$@"; }

check "a tiny corpus is generated" "$corpus" generate --size tiny --seed 7 --out "$work/a"
check "the same seed again" "$corpus" generate --size tiny --seed 7 --out "$work/b"
check "same seed, byte-identical corpus" diff -r "$work/a" "$work/b"
check "another seed" "$corpus" generate --size tiny --seed 8 --out "$work/c"
check "another seed, another corpus" fails diff -rq "$work/a" "$work/c"
check "6 guidelines per language and 12 actors" bash -c "
  [ \$(ls '$work/a/content/fr/guidelines' | grep -c '^guideline-') -eq 6 ] &&
  [ \$(ls '$work/a/content/it/guidelines' | grep -c '^guideline-') -eq 6 ] &&
  [ \$(ls '$work/a/directory-data/actors' | wc -l) -eq 12 ]"
check "every actor field is filled" bash -c "
  for field in name short_name country region city kind sectors languages website email phone address coordinates last_reviewed other_names; do
    [ \$(grep -l \"^\$field = \" '$work/a/directory-data/actors/'*.toml | wc -l) -eq 12 ] || { echo \"missing \$field\"; exit 1; }
  done
  grep -q '\[services\]' '$work/a/directory-data/actors/'*.toml && grep -q 'lang = \"ar\"' '$work/a/directory-data/actors/'*.toml"
check "guidelines have headings, lists, a table and links" bash -c "
  f='$work/a/content/fr/guidelines/guideline-0001.md'
  grep -q '^## ' \$f && grep -q '^- ' \$f && grep -q '^1\. ' \$f && grep -q '^|---|' \$f &&
  grep -q '](@/guidelines/' \$f && grep -q '](@/actors/' \$f"
check "regenerating over an earlier corpus replaces it" "$corpus" generate --size tiny --seed 8 --out "$work/a"
mkdir -p "$work/foreign" && echo keep > "$work/foreign/file"
check "a foreign non-empty folder is refused" fails "$corpus" generate --size tiny --out "$work/foreign"
check "the foreign folder is untouched" grep -q keep "$work/foreign/file"

check "passerelle builds the corpus" "$passerelle" build --source "$work/b" --out "$work/out"
# Six guidelines plus the print edition, which lives in the guidelines folder too.
check "one page per guideline and actor and language" bash -c "
  [ \$(ls -d '$work/out/fr/lignes-directrices/'*/ | wc -l) -eq 7 ] &&
  [ \$(ls -d '$work/out/it/linee-guida/'*/ | wc -l) -eq 7 ] &&
  [ \$(ls '$work/out/fr/annuaire/'*/index.html | wc -l) -ge 12 ]"

check "the Hugo conversion runs" "$corpus" hugo "$work/b" "$work/hugo-1"
check "the Hugo conversion is deterministic" bash -c "'$corpus' hugo '$work/b' '$work/hugo-2' >/dev/null && diff -r '$work/hugo-1' '$work/hugo-2'"
check "internal links become relref shortcodes" bash -c "
  grep -q '{{< relref \"/lignes-directrices/guideline-' '$work/hugo-1/content/fr/lignes-directrices/guideline-0001.md' &&
  ! grep -q '](@/' -r '$work/hugo-1/content'"
check "the bundled site converts too" "$corpus" hugo "$repository" "$work/hugo-small"
if command -v hugo >/dev/null; then
  check "hugo builds the converted corpus" hugo --quiet -s "$work/hugo-1" -d "$work/hugo-out"
  check "hugo wrote every guideline and actor page" bash -c "
    [ \$(ls '$work/hugo-out/fr/lignes-directrices/'*/index.html | wc -l) -eq 6 ] &&
    [ \$(ls '$work/hugo-out/it/elenco/'*/index.html | wc -l) -eq 12 ] &&
    grep -q 'TableOfContents' '$work/hugo-out/fr/lignes-directrices/'*/index.html &&
    [ -d '$work/hugo-out/fr/countries' ] && [ -d '$work/hugo-out/fr/kinds' ] && [ -d '$work/hugo-out/fr/sectors' ]"
  check "hugo builds the converted bundled site" hugo --quiet -s "$work/hugo-small" -d "$work/hugo-small-out"
else
  echo "skip hugo is not installed: the Hugo builds are not checked"
fi

echo "corpus: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
