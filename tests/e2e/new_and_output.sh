#!/usr/bin/env bash
# `passerelle new` and the output options of build (--quiet, --json, --color, progress lines)
# through the real binary, on copies of the fixture site.
# Usage: new_and_output.sh PASSERELLE_BINARY
set -uo pipefail
binary=$1
here=$(cd "$(dirname "$0")" && pwd)
fixture="$here/../fixtures/site-small"
source "$(dirname "$0")/lib.sh"
exit_code() { "$binary" "${@:2}" >/dev/null 2>&1; [ $? -eq "$1" ]; }
site="$work/site"
mkdir -p "$site"
cp -R "$fixture/." "$site/"

check "new guideline writes a commented draft" bash -c \
  "'$binary' new guideline aide-au-logement --source '$site' | grep -q '^Created content/fr/guidelines/aide-au-logement.md' &&
   grep -q '^draft = true' '$site/content/fr/guidelines/aide-au-logement.md'"
check "…which build leaves out and --drafts includes" bash -c \
  "'$binary' build --source '$site' --out '$work/a' >/dev/null && [ ! -e '$work/a/fr/lignes-directrices/aide-au-logement' ] &&
   '$binary' build --source '$site' --out '$work/b' --drafts >/dev/null && [ -f '$work/b/fr/lignes-directrices/aide-au-logement/index.html' ]"
check "new never overwrites (1)" exit_code 1 new guideline aide-au-logement --source "$site"
check "…and leaves the file as it was" grep -q "^title = \"Aide au logement\"" "$site/content/fr/guidelines/aide-au-logement.md"
check "new guideline in the other language offers the translation" bash -c \
  "'$binary' new guideline credit --lang it --source '$site' | grep -q 'Pre-filled from content/fr/guidelines/credit.md' &&
   grep -q '^title = \"Le crédit\"' '$site/content/it/guidelines/credit.md'"
check "…its comments in Italian, the language of the file" \
  grep -q '^# Traduzione di content/fr/guidelines/credit.md.' "$site/content/it/guidelines/credit.md"
check "…a French guideline's comments in French, whatever language the messages are in" bash -c \
  "LANGUAGE=it '$binary' new guideline accueil-social --source '$site' | grep -q '^Creato: content/fr/guidelines/accueil-social.md' &&
   grep -q '^# Une ligne directrice, publiée à l’adresse /fr/' '$site/content/fr/guidelines/accueil-social.md'"
rm -f "$site/content/fr/guidelines/accueil-social.md"
check "a bad slug is a usage error (2)" exit_code 2 new guideline "Aide Logement" --source "$site"
check "an unknown language is a usage error (2)" exit_code 2 new guideline x --lang de --source "$site"
check "new actor --lang it writes Italian comments and labels" bash -c \
  "'$binary' new actor ong-italiana --lang it --source '$site' >/dev/null && grep -q '^# Paese (obbligatorio), uno tra: IT (Italia), MA (Marocco).' '$site/directory-data/actors/ong-italiana.toml'"
rm -f "$site/directory-data/actors/ong-italiana.toml"
check "new actor writes a record listing the allowed values, commented in the site's first language" bash -c \
  "'$binary' new actor nouvelle-ong --source '$site' >/dev/null && grep -q '^# Pays (obligatoire), parmi : IT (Italie), MA (Maroc).' '$site/directory-data/actors/nouvelle-ong.toml'"
check "…a draft, whose empty fields the build reports as warnings" bash -c \
  "'$binary' build --source '$site' --out '$work/c' 2>&1 | grep -q \"^directory-data/actors/nouvelle-ong.toml:10:8: warning: field 'name' must not be empty\""
check "…the build leaves it out and succeeds (0)" exit_code 0 build --source "$site" --out "$work/c"
check "…build --strict fails on it (1)" exit_code 1 build --source "$site" --out "$work/c" --strict
rm "$site/directory-data/actors/nouvelle-ong.toml"
check "new without a name is a usage error (2)" exit_code 2 new guideline --source "$site"
check "new something else is a usage error (2)" exit_code 2 new chapter x --source "$site"

check "build --json prints one JSON summary" bash -c \
  "'$binary' build --source '$site' --out '$work/d' --json | node -e '
    const s = JSON.parse(require(\"fs\").readFileSync(0, \"utf8\"));
    if (!(s.ok === true && s.pages > 0 && s.pages_per_language.fr > 0 && s.actors === 3 && s.errors === 0 &&
          Array.isArray(s.diagnostics))) process.exit(1);'"
check "build --json on a broken site says so" bash -c \
  "cp -R '$site' '$work/broken' && echo 'nonsense' >> '$work/broken/site.toml' &&
   '$binary' build --source '$work/broken' --out '$work/e' --json 2>/dev/null | node -e '
    const s = JSON.parse(require(\"fs\").readFileSync(0, \"utf8\"));
    if (!(s.ok === false && s.errors > 0 && s.diagnostics[0].path === \"site.toml\")) process.exit(1);'"
check "build --quiet prints nothing when all is well" bash -c "[ -z \"\$('$binary' build --source '$site' --out '$work/f' --quiet 2>&1)\" ]"
check "build ends with a one-line summary" bash -c \
  "'$binary' build --source '$site' --out '$work/g' | grep -Eq '^Built [0-9]+ pages \(fr [0-9]+, it [0-9]+\), 3 actors, 0 warning\(s\) in [0-9]+ ms$'"
check "build --verbose prints the time of each stage" bash -c \
  "'$binary' build --source '$site' --out '$work/h' --verbose | grep -Eq '^  (load|render|write) +[0-9]+ ms$'"
check "not on a terminal, no progress line is redrawn" bash -c "! '$binary' build --source '$site' --out '$work/i' | grep -q \$'\\r'"
check "--color always colours error labels" bash -c \
  "'$binary' build --source '$work/broken' --out '$work/j' --color always 2>&1 | grep -q \$'\\033\\[1;31merror:\\033\\[0m'"
check "--color never does not" bash -c "! '$binary' build --source '$work/broken' --out '$work/k' --color never 2>&1 | grep -q \$'\\033'"
check "a bad --color is a usage error (2)" exit_code 2 build --source "$site" --color rainbow

echo "new and output: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
