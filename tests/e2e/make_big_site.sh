#!/usr/bin/env bash
# Makes a large site for tests: the fixture site plus COUNT generated actor records, so that a
# build writes thousands of files and takes long enough to be interrupted at any stage.
# Usage: make_big_site.sh FIXTURE_DIR DEST_DIR COUNT
set -euo pipefail
fixture=$1
dest=$2
count=$3
mkdir -p "$dest"
cp -R "$fixture/." "$dest/"
countries=(MA IT)
kinds=(ngo public-body)
sectors=('"training"' '"finance"' '"training", "finance"')
for ((i = 1; i <= count; i++)); do
  printf -v id 'generated-%05d' "$i"
  cat >"$dest/directory-data/actors/$id.toml" <<EOF
name = "Association générée n° $i"
country = "${countries[i % 2]}"
city = "Ville $((i % 97))"
kind = "${kinds[i % 2]}"
sectors = [${sectors[i % 3]}]
phone = "+212 5 00 00 $((i % 100)) 00"
last_reviewed = 2026-11-01

[description]
fr = """Une association générée pour les tests (numéro $i). Elle accompagne les personnes qui \
rentrent au pays dans la préparation de leur projet, la recherche de financement et la \
formation. Voir [le crédit](@/guidelines/credit.md)."""
it = """Un'associazione generata per le prove (numero $i). Accompagna chi rientra nel paese \
nella preparazione del progetto, nella ricerca di finanziamenti e nella formazione."""
EOF
done
