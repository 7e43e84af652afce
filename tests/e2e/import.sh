#!/usr/bin/env bash
# `passerelle import actors` through the real binary (issue #16), on a copy of the bundled site
# whose directory is emptied (and whose pages' links to its actors point elsewhere):
# a generated 300-row sheet (French headers and labels, ';', UTF-8 BOM) imported, built,
# its export (actors.csv) imported again with no change; one cell edited: one line of one
# record changes. Then each bad input with its exact error, exit 1 and nothing written; and
# actors.xlsx converted to CSV by LibreOffice with the same values and accents as actors.csv.
# The day is pinned (SOURCE_DATE_EPOCH: 2026-12-06).
# Usage: import.sh PASSERELLE_BINARY SOURCE_ROOT
set -uo pipefail
binary=$1
root=$2
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
export SOURCE_DATE_EPOCH=1796515200
site="$work/site"
mkdir -p "$site"
# With the project's .gitignore, as a site kept in git has it: a build keeps its caches in the
# site's .passerelle-cache/, which git must not see as a change of the directory.
cp -R "$root/site.toml" "$root/content" "$root/directory-data" "$root/.gitignore" "$site/"
rm -f "$site"/directory-data/actors/*.toml
# 300 actors make the printable edition larger than the bundled site's page budget.
sed -i -E 's/^page_bytes = .*/page_bytes = 2000000/' "$site/site.toml"
grep -rlF "@/actors/" "$site/content" | xargs -r sed -i -E 's#\(@/actors/[^)]*\)#(https://example.org/)#g'
git -C "$site" init -q && git -C "$site" add -A && git -C "$site" -c user.name=t -c user.email=t@t commit -qm base

import() { "$binary" import actors "$@" --source "$site"; }
unchanged() { test -z "$(git -C "$site" status --porcelain)"; }
commit_all() { git -C "$site" add -A && git -C "$site" -c user.name=t -c user.email=t@t commit -qm step; }

python3 "$here/make_actor_sheet.py" "$site/directory-data/vocabulary.toml" 300 >"$work/sheet.csv"
check "a 300-row sheet imports into an empty directory" \
  bash -c "'$binary' import actors '$work/sheet.csv' --source '$site' 2>&1 | grep -F '300 rows: 300 new records and 0 updated written, 0 unchanged'"
check "300 records written" test "$(ls "$site"/directory-data/actors/*.toml | wc -l)" -eq 300
check "a row's labels became keys" grep -Fx 'country = "MA"' "$site/directory-data/actors/association-solidarite-de-fes-n-1.toml"
commit_all
check "the imported directory builds" "$binary" build --source "$site" --out "$work/out" -q
check "the export has the 300 actors" test "$(python3 -c "import csv,sys; print(len(list(csv.reader(open(sys.argv[1], encoding='utf-8')))))" "$work/out/actors.csv")" -eq 301
check "the export imported again changes nothing" \
  bash -c "'$binary' import actors '$work/out/actors.csv' --source '$site' 2>&1 | grep -F '300 rows: 0 new records and 0 updated written, 300 unchanged'"
check "the directory is byte-identical" unchanged

# One cell edited in the export: one line of one record.
python3 - "$work/out/actors.csv" "$work/edited.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
rows[42][rows[0].index("city")] = "Tétouan"
csv.writer(open(sys.argv[2], "w", encoding="utf-8", newline="")).writerows(rows)
PY
check "--dry-run shows the one changed line and writes nothing" \
  bash -c "'$binary' import actors '$work/edited.csv' --source '$site' --dry-run | grep -c '^[-+][^-+]' | grep -qx 2 && test -z \"\$(git -C '$site' status --porcelain)\""
import "$work/edited.csv" >/dev/null 2>&1
check "one edited cell changes one line of one record" \
  bash -c "test \"\$(git -C '$site' diff --numstat)\" = \"\$(printf '1\t1\tdirectory-data/actors/%s.toml' \"\$(sed -n 43p '$work/out/actors.csv' | cut -d, -f1)\")\""
check "the changed line is the city" bash -c "git -C '$site' diff -U0 | grep -Fx '+city = \"Tétouan\"'"
commit_all

# UTF-16 with its byte-order mark (Excel's "Unicode text"), tab-separated, Italian headers.
printf 'Nome\tPaese\tTipo\tSettori\tUltima verifica\tDescrizione (it)\nCooperativa Àncora\tMarocco\tONG\tFormazione\t06/12/2026\tUna cooperativa.\n' |
  iconv -f UTF-8 -t UTF-16 >"$work/unicode.txt"
check "a UTF-16 tab-separated sheet with Italian headers is read" \
  bash -c "'$binary' import actors '$work/unicode.txt' --source '$site' --dry-run | grep -Fx '+name = \"Cooperativa Àncora\"'"

# Bad inputs: exit 1, the exact error, nothing written.
fails() {  # fails NAME SHEET EXPECTED_STDERR
  local name=$1 sheet=$2 expected=$3
  check "$name" bash -c "'$binary' import actors '$sheet' --source '$site' 2>'$work/err'; s=\$?;
    test \$s -eq 1 || { echo exit \$s; exit 1; }
    diff <(printf '%s\n' \"\$1\") '$work/err' && test -z \"\$(git -C '$site' status --porcelain)\"" _ "$expected"
}
good_row='Atlas,Maroc,ONG,Formation,2026-12-01,Texte.'
printf 'name,country,kind,sectors,last_reviewed,description_fr\n%s\nBeta,Maroc,ONG,Formation,2026-12-01,=HYPERLINK("http://evil.example/";"clic")\n' "$good_row" >"$work/formula.csv"
fails "a formula cell" "$work/formula.csv" \
"$work/formula.csv:3:6: error: a formula is not imported: write the value itself, or put a ' before it to keep it as text (cell: \"=HYPERLINK(\"http://evil.example/\";\"clic\")\")
passerelle: 1 error(s); nothing was written, directory-data/actors/ is unchanged"
printf 'name,country,kind,sectors,last_reviewed,phone,description_fr\nGamma,Maroc,ONG,Formation,2026-12-01,"=cmd|'"'"' /C calc'"'"'!A0",Texte.\n' >"$work/payload.csv"
fails "an injected =cmd| payload" "$work/payload.csv" \
"$work/payload.csv:2:6: error: a formula is not imported: write the value itself, or put a ' before it to keep it as text (cell: \"=cmd|' /C calc'!A0\")
passerelle: 1 error(s); nothing was written, directory-data/actors/ is unchanged"
{ echo "name,description_fr"; head -c 31457280 /dev/zero | tr '\0' 'a'; echo; } >"$work/big.csv"
fails "a 30 MB file" "$work/big.csv" \
"$work/big.csv: error: the sheet is 30 MB, more than the 10 MB an import reads: split it into several files
passerelle: 1 error(s); nothing was written, directory-data/actors/ is unchanged"
{ echo "name"; printf 'x%.0s,' $(seq 5000); echo; } >"$work/wide.csv"
fails "a row of 5,000 columns" "$work/wide.csv" \
"$work/wide.csv:2: error: this row has more than 200 cells: a sheet of actors has one column per field (see actors.csv)
passerelle: 1 error(s); nothing was written, directory-data/actors/ is unchanged"
{ printf 'name,city\nAtlas,F\xc3\xa8s\nAtlas 2,F'; printf '\xe8s\n'; } >"$work/mixed.csv"
fails "mixed encodings (a Latin-1 byte in UTF-8)" "$work/mixed.csv" \
"$work/mixed.csv:3:2: error: this cell is not valid UTF-8 (text of several encodings mixed?): save the sheet as UTF-8 CSV
passerelle: 1 error(s); nothing was written, directory-data/actors/ is unchanged"
printf 'name,Pays,country\nAtlas,Maroc,MA\n' >"$work/twice.csv"
fails "duplicate headers" "$work/twice.csv" \
"$work/twice.csv:1:3: error: column 'country' is given twice (also column 2, 'Pays'): keep one
passerelle: 1 error(s); nothing was written, directory-data/actors/ is unchanged"
printf 'name,contry\nAtlas,Maroc\n' >"$work/unknown.csv"
fails "an unknown header" "$work/unknown.csv" \
"$work/unknown.csv:1:2: error: unknown column 'contry': did you mean 'country'? (the columns are those of actors.csv)
passerelle: 1 error(s); nothing was written, directory-data/actors/ is unchanged"
printf '\xef\xbb\xbf\r\n' >"$work/empty.csv"
fails "an empty sheet" "$work/empty.csv" \
"$work/empty.csv: error: the sheet is empty: nothing to import
passerelle: 1 error(s); nothing was written, directory-data/actors/ is unchanged"
printf 'name,country,kind,sectors,last_reviewed,description_fr\n%s\nDelta,Marok,ONG,Formation,2026-12-01,Texte.\n' "$good_row" >"$work/label.csv"
fails "one bad row stops the good ones too" "$work/label.csv" \
"$work/label.csv:3:2: error: 'Marok' is not in the vocabulary: did you mean 'MA'? (cell: \"Marok\")
passerelle: 1 error(s); nothing was written, directory-data/actors/ is unchanged"

# actors.xlsx as LibreOffice reads it: the same cells as actors.csv.
if command -v soffice >/dev/null; then
  check "LibreOffice converts actors.xlsx to CSV" \
    timeout 180 soffice --headless "-env:UserInstallation=file://$work/libreoffice" \
      --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1' --outdir "$work/converted" "$work/out/actors.xlsx"
  check "LibreOffice's CSV has actors.csv's values and accents" python3 - "$work/out/actors.csv" "$work/converted/actors.csv" <<'PY'
import csv, sys
def rows(path):
    table = list(csv.reader(open(path, encoding="utf-8", newline="")))
    width = max(len(row) for row in table)
    return [row + [""] * (width - len(row)) for row in table]
expected, converted = rows(sys.argv[1]), rows(sys.argv[2])
assert len(expected) == len(converted) == 301, (len(expected), len(converted))
for r, (a, b) in enumerate(zip(expected, converted)):
    assert a == b, (r + 1, [(x, y) for x, y in zip(a, b) if x != y][:3])
assert any("Fès" in cell for row in converted for cell in row)
PY
else
  failed=$((failed + 1)); echo "FAIL soffice (libreoffice-calc-nogui) is not installed"
fi

echo "import: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
