#!/usr/bin/env bash
# Times `passerelle build` on a copy of the bundled site plus one guideline made of COUNT
# identical headings (`## a`), the worst case for de-duplicating heading ids.
# Usage: bench/headings.sh PASSERELLE_BINARY [COUNT]   (COUNT defaults to 100000)
set -euo pipefail
binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
count=${2:-100000}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

site="$work/site"
mkdir -p "$site"
cp -R "$root/site.toml" "$root/content" "$root/directory-data" "$site/"
# The page is far over the site's page budget on purpose: drop the budgets.
sed -i '/^\[budgets\]/,/^\[/{/^[a-z_]* *=/d}' "$site/site.toml"
[ -d "$root/themes" ] && cp -R "$root/themes" "$site/"
page="$site/content/fr/guidelines/headings.md"
printf '+++\ntitle = "Titres"\nsummary = "Des titres identiques."\ndate = 2026-10-01\n+++\n' >"$page"
awk -v n="$count" 'BEGIN { for (i = 0; i < n; i++) print "## a\n" }' >>"$page"
echo "$count headings, page of $(($(wc -c <"$page") / 1024)) KB"

# GNU time when installed (CPU and peak memory), else the shell's.
if [ -x /usr/bin/time ]; then
  /usr/bin/time -f 'wall %e s, cpu %U s user + %S s system, peak memory %M KB' \
    "$binary" build --quiet --source "$site" --out "$work/public"
else
  time "$binary" build --quiet --source "$site" --out "$work/public"
fi
