#!/usr/bin/env bash
# Drafts and the silent problems (issue #14), through the real binary on a copy of the fixture
# site: `new actor` while `serve` runs keeps every other page serving and the draft's page
# shows a banner once its fields are filled; `build` leaves drafts and future pages out;
# --strict turns the new warnings into errors; `passerelle list` lists what needs attention.
# The day is pinned (SOURCE_DATE_EPOCH, 2026-12-06) so that the fixture's dates never age.
# Usage: drafts.sh PASSERELLE_BINARY
set -uo pipefail
binary=$1
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
export SOURCE_DATE_EPOCH=1796515200
server=""
cleanup() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then kill -TERM "$server"; wait "$server"; fi
  rm -rf "$work"
}
trap cleanup EXIT
source "$(dirname "$0")/http.sh"
all_ok() {  # all_ok URL...: every URL answers 200
  local url
  for url in "$@"; do status_is "$url" 200 || { echo "$url: not 200"; return 1; }; done
}
fails_with() {  # fails_with TEXT COMMAND...: exit 1, TEXT on stderr
  local text=$1; shift
  "$@" >"$work/out" 2>"$work/err"
  local status=$?
  [ "$status" -eq 1 ] || { echo "exit $status"; cat "$work/err"; return 1; }
  grep -F -- "$text" "$work/err" >/dev/null || { cat "$work/err"; return 1; }
}

site="$work/site"
mkdir -p "$site"
cp -R "$here/../fixtures/site-small/." "$site/"

# --- serve, then `new actor` ----------------------------------------------------------------
"$binary" serve --source "$site" --port 0 --poll 100 >"$work/log" 2>&1 &
server=$!
url=$(address_in "$work/log")
check "serve prints its loopback address" test -n "$url"
pages=("$url" "${url}fr/" "${url}it/" "${url}fr/lignes-directrices/preparer-le-retour/"
       "${url}fr/annuaire/" "${url}fr/annuaire/ong-atlas/" "${url}it/elenco/ong-atlas/")
check "before: every page answers 200" all_ok "${pages[@]}"
check "new actor while serve runs" "$binary" new actor nouvel-acteur --source "$site"
check "serve saw the new record and rebuilt" eventually grep -q "nouvel-acteur.toml" "$work/log"
check "the incomplete draft is reported as warnings, not errors" \
  eventually grep -q "nouvel-acteur.toml:.*warning: this record is a draft with 5 problems" "$work/log"
check "after: every other page still answers 200" all_ok "${pages[@]}"
check "the incomplete draft has no page yet" status_is "${url}fr/annuaire/nouvel-acteur/" 404
record="$site/directory-data/actors/nouvel-acteur.toml"
sed -i -e 's/^name = ""/name = "Nouvel acteur"/' -e 's/^country = ""/country = "MA"/' \
  -e 's/^kind = ""/kind = "ngo"/' -e 's/^sectors = \[\]/sectors = ["training"]/' "$record"
python3 - "$record" <<'PY'
import sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
text = text.replace('[description]\nfr = """\n"""', '[description]\nfr = """\nUne association.\n"""', 1)
open(path, "w", encoding="utf-8").write(text)
PY
check "the completed draft is served, with the French banner" \
  eventually serves "${url}fr/annuaire/nouvel-acteur/" '<aside class="draft-banner wrap" aria-label="Brouillon"><p><strong>Brouillon</strong>'
check "and the Italian one" eventually serves "${url}it/elenco/nouvel-acteur/" '<strong>Bozza</strong>'
check "other pages have no banner" bash -c "! curl -sS '${url}fr/annuaire/ong-atlas/' | grep -q draft-banner"
check "the other pages still answer 200" all_ok "${pages[@]}"
kill -TERM "$server"; wait "$server"; server=""

# --- build ------------------------------------------------------------------------------------
check "build succeeds with a draft record" "$binary" build --source "$site" --out "$work/public" --quiet
check "build leaves the draft out" test ! -e "$work/public/fr/annuaire/nouvel-acteur/index.html"
check "and out of actors.json" bash -c "! grep -q nouvel-acteur '$work/public/actors.json'"
check "build --drafts publishes it, with the banner" bash -c \
  "'$binary' build --source '$site' --out '$work/with-drafts' --drafts --quiet && grep -q draft-banner '$work/with-drafts/fr/annuaire/nouvel-acteur/index.html'"
sed -i 's/^name = "Nouvel acteur"/name = ""/' "$record"
check "build --strict fails on the incomplete draft's warnings" \
  fails_with "warnings count as errors" "$binary" build --source "$site" --out "$work/strict" --strict
check "and wrote nothing" test ! -e "$work/strict"

# --- future pages -----------------------------------------------------------------------------
sed -i 's/^date = 2026-10-01/date = 2035-01-01/' "$site/content/fr/about.md"
check "build leaves a future page out" bash -c \
  "'$binary' build --source '$site' --out '$work/future' --quiet && test ! -e '$work/future/fr/a-propos/index.html'"
check "build --future publishes it" bash -c \
  "'$binary' build --source '$site' --out '$work/future2' --future --quiet && test -e '$work/future2/fr/a-propos/index.html'"
# A page that links to a future one fails, as a link to a draft does: the target is not built.
sed -i 's/^date = 2026-10-05/date = 2035-01-01/' "$site/content/fr/guidelines/credit.md"
check "a link to a future page is an error of the build" fails_with "no page content/fr/guidelines/credit.md" \
  "$binary" build --source "$site" --out "$work/future3"

# --- passerelle list --------------------------------------------------------------------------
"$binary" list drafts --source "$site" >"$work/drafts.txt" 2>&1
check "list drafts names the draft record and why" grep -P \
  '^directory-data/actors/nouvel-acteur.toml\t-\tnouvel-acteur\tdraft with 1 problem' "$work/drafts.txt"
"$binary" list future --source "$site" >"$work/future.txt" 2>&1
check "list future names the future pages" grep -P \
  "^content/fr/about.md\tfr\tÀ propos\t'date' \(2035-01-01\) is in the future" "$work/future.txt"
sed -i 's/^last_reviewed = .*/last_reviewed = 2012-01-01/' "$site/directory-data/actors/ong-atlas.toml"
"$binary" list stale --source "$site" --format json >"$work/stale.json" 2>&1
check "list stale --format json names the stale record" node -e '
  const list = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  if (!(list.length === 1 && list[0].path === "directory-data/actors/ong-atlas.toml" &&
        list[0].language === "" && /more than 12 months ago/.test(list[0].reason))) {
    console.log(JSON.stringify(list)); process.exit(1);
  }' "$work/stale.json"
"$binary" new guideline credit --lang it --source "$site" >/dev/null
sed -i '/^draft = true/d' "$site/content/it/guidelines/credit.md"
"$binary" list untranslated --source "$site" >"$work/untranslated.txt" 2>&1
check "list untranslated names the copy still in French" grep -P \
  '^content/it/guidelines/credit.md\tit\tLe crédit\tits text is the same as content/fr/guidelines/credit.md' "$work/untranslated.txt"
check "check --future --strict fails on it" fails_with "not translated yet" \
  "$binary" check --source "$site" --strict --future
check "list with another word is a usage error" bash -c "'$binary' list everything --source '$site'; test \$? -eq 2"

echo "drafts: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
