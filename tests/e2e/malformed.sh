#!/usr/bin/env bash
# Unusual but acceptable input is handled: byte-order marks and CRLF line endings give the
# very same site; very long lines, large (under the limit) pages, pathological inline Markdown
# and a huge front matter value build in bounded time; symbolic links leading out of the source
# folder are not followed. (Input that must be refused, old Mac CR line endings included, is
# in cases/, run by error_cases.sh.)
# Usage: malformed.sh PASSERELLE_BINARY FIXTURE_DIR
set -uo pipefail
binary=$1
fixture=$2
source "$(dirname "$0")/lib.sh"
fresh() {  # fresh NAME: a copy of the fixture site at $work/NAME
  rm -rf "${work:?}/$1" && mkdir -p "$work/$1" && cp -R "$fixture/." "$work/$1/"
}
builds() {  # builds NAME: the copy builds, in bounded time, into $work/NAME-out
  timeout 60 "$binary" build --source "$work/$1" --out "$work/$1-out" >/dev/null
}
built_page() {  # built_page NAME SLUG: the built French guideline SLUG of the copy NAME
  echo "$work/$1-out/fr/lignes-directrices/$2/index.html"
}
at_least() {  # at_least COUNT PATTERN FILE: PATTERN occurs COUNT times or more in FILE
  local found
  found=$(grep -o -- "$2" "$3" | wc -l)
  [ "$found" -ge "$1" ] || { echo "$2: $found times in $3, expected at least $1"; return 1; }
}
page() {  # page FILE BODY_FILE: a guideline with a front matter and the body from BODY_FILE
  { printf '+++\ntitle = "Page"\nsummary = "S"\ndate = 2026-10-05\n+++\n'; cat "$2"; } >"$1"
}

fresh reference && builds reference || { echo "FAIL the fixture does not build"; exit 1; }

fresh crlf
find "$work/crlf" -name '*.md' -o -name '*.toml' | while IFS= read -r f; do
  { printf '\xef\xbb\xbf'; sed 's/$/\r/' "$f"; } >"$f.new" && mv "$f.new" "$f"
done
check "BOM and CRLF in every source give the same site" bash -c \
  "timeout 60 '$binary' build --source '$work/crlf' --out '$work/crlf-out' >/dev/null && diff -r '$work/reference-out' '$work/crlf-out'"

fresh long-line
yes 'mot' | head -c 5000000 | tr '\n' ' ' >"$work/body" && echo >>"$work/body"
page "$work/long-line/content/fr/guidelines/long.md" "$work/body"
check "a 5 MB line builds, every word in its page" bash -c \
  "$(declare -f builds at_least); work='$work' binary='$binary'; builds long-line &&
   at_least 1200000 'mot ' '$(built_page long-line long)'"

fresh large
yes 'Un paragraphe ordinaire, avec du *texte*, un [lien](https://example.org/) et du `code`.
' | head -c 9000000 >"$work/body"
page "$work/large/content/fr/guidelines/large.md" "$work/body"
check "a 9 MB page (under the 10 MB limit) builds, every paragraph rendered" bash -c \
  "$(declare -f builds at_least); work='$work' binary='$binary'; builds large &&
   at_least 100000 '<em>texte</em>' '$(built_page large large)' &&
   at_least 100000 'href=\"https://example.org/\"' '$(built_page large large)'"

fresh inline
{ printf '[%.0s' $(seq 50000); echo
  printf '*%.0s' $(seq 50000); echo x; echo
  printf '`%.0s' $(seq 50000); echo x; echo
  printf '**a %.0s' $(seq 30000); echo; echo
  printf '[a](b %.0s' $(seq 30000); echo; echo
  printf '&#%.0s' $(seq 30000); echo; echo
  printf '<%.0s' $(seq 50000); echo; echo
  printf '| a %.0s' $(seq 5000); echo '|'; printf '|---%.0s' $(seq 5000); echo '|'; } >"$work/body"
page "$work/inline/content/fr/guidelines/inline.md" "$work/body"
check "pathological inline Markdown (brackets, emphasis, backticks, a 5,000-column table) builds, escaped" bash -c \
  "$(declare -f builds at_least); work='$work' binary='$binary'; builds inline &&
   at_least 50000 '&lt;' '$(built_page inline inline)' && at_least 30000 '&amp;#' '$(built_page inline inline)' &&
   at_least 80000 '\\[' '$(built_page inline inline)'"

fresh nested
: >"$work/body"
for depth in $(seq 0 29); do printf "%*s- niveau $depth\n" $((depth * 2)) '' >>"$work/body"; done
page "$work/nested/content/fr/guidelines/nested.md" "$work/body"
check "lists nested 30 deep (under the limit) build, every level listed" bash -c \
  "$(declare -f builds at_least); work='$work' binary='$binary'; builds nested &&
   at_least 30 '<li>' '$(built_page nested nested)' && at_least 1 'niveau 29' '$(built_page nested nested)'"

fresh summary
summary=$(yes 'résumé' | head -n 250000 | tr '\n' ' ')
printf '+++\ntitle = "T"\nsummary = "%s"\ndate = 2026-10-05\n+++\nTexte.\n' "$summary" \
  >"$work/summary/content/fr/guidelines/summary.md"
check "a 2 MB front matter value builds, in its page and the guidelines index" bash -c \
  "$(declare -f builds at_least); work='$work' binary='$binary'; builds summary &&
   at_least 250000 'résumé' '$(built_page summary summary)' &&
   at_least 250000 'résumé' '$work/summary-out/fr/lignes-directrices/index.html'"

# Symbolic links that lead out of the source folder are skipped: neither the linked file nor
# a linked folder's pages reach the site.
mkdir -p "$work/outside/folder"
printf '+++\ntitle = "SECRET-FILE"\nsummary = "S"\ndate = 2026-10-05\n+++\nSECRET-FILE\n' >"$work/outside/secret.md"
printf '+++\ntitle = "SECRET-FOLDER"\nsummary = "S"\ndate = 2026-10-05\n+++\nSECRET-FOLDER\n' >"$work/outside/folder/page.md"
printf 'name = "SECRET-RECORD"\n' >"$work/outside/record.toml"
fresh links
ln -s "$work/outside/secret.md" "$work/links/content/fr/guidelines/secret.md"
ln -s "$work/outside/folder" "$work/links/content/fr/guidelines/folder"
ln -s "$work/outside/record.toml" "$work/links/directory-data/actors/secret-record.toml"
ln -s ../../fr/guidelines/credit.md "$work/links/content/it/guidelines/credit.md"  # stays inside
check "symbolic links out of the source are not followed" bash -c \
  "timeout 60 '$binary' build --source '$work/links' --out '$work/links-out' >/dev/null &&
   ! grep -rq SECRET '$work/links-out' && [ -f '$work/links-out/it/linee-guida/credit/index.html' ]"

echo "malformed input: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
