#!/usr/bin/env bash
# Incremental builds on a corpus (passerelle-corpus generate): a build that renders everything
# (the manifests forgotten), then builds after one edit each — nothing, a guideline's text, an
# actor's description, a vocabulary label (which renders everything) — into the same output.
# Prints wall and CPU time (GNU time), the pages kept and the stage times of each.
# Usage: bench/incremental.sh PASSERELLE SITE_DIR [OUT_DIR]   (SITE_DIR is edited)
set -euo pipefail
passerelle=$1
site=$2
out=${3:-$(dirname "$site")/incremental-out}
parent=$(dirname "$out")
name=$(basename "$out")

run() {  # run LABEL: one build, one line of figures
  local label=$1
  sync
  /usr/bin/time -f "%e %U %S %M" -o "$parent/.time" \
    "$passerelle" build --verbose --json --source "$site" --out "$out" >"$parent/.json" 2>"$parent/.stderr"
  read -r wall user system memory <"$parent/.time"
  local kept stages
  kept=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["kept_files"])' "$parent/.json")
  stages=$(grep -E '^  [a-z]+ +[0-9]+ ms' "$parent/.stderr" | awk '{printf "%s %s ms, ", $1, $2}')
  printf '%-28s wall %6.2f s  cpu %6.2f s  peak %5d MB  kept %6d  %s\n' "$label" "$wall" \
    "$(echo "$user + $system" | bc)" $((memory / 1024)) "$kept" "${stages%, }"
}

guidelines=("$site"/content/fr/guidelines/guideline-*.md)
actors=("$site"/directory-data/actors/*.toml)
first_guideline=${guidelines[0]}
first_actor=${actors[0]}
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
run "warm-up 1"
run "warm-up 2"
rm -rf "$parent/.$name.manifests"
run "everything rendered"
run "nothing changed"
run "nothing changed, again"
printf '\nUne phrase ajoutée pour mesurer.\n' >>"$first_guideline"
run "one guideline's text"
sed -i '0,/^fr = """$/s//fr = """\nMesure. /' "$first_actor"
run "one actor's description"
sed -i '0,/label = "\([^"]*\)"/s//label = "\1 bis"/' "$site/directory-data/vocabulary.toml"
run "one vocabulary label"
run "nothing changed after it"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
