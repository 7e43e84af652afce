#!/usr/bin/env bash
# Redirects through the real binary on a copy of the fixture site: a guideline whose slug
# changes leaves a redirect page at its former address (from the manifest the build keeps in
# its output), a second change collapses the chain, aliases in front matter and records and
# site.toml's [redirects] publish redirect pages and _redirects, and the manifest stays
# byte-identical across rebuilds.
# Usage: redirects.sh PASSERELLE_BINARY
set -uo pipefail
binary=$1
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
export SOURCE_DATE_EPOCH=1796515200
site="$work/site"
out="$work/public"
cp -R "$here/../fixtures/site-small" "$site"
guideline="$site/content/fr/guidelines/retour.md"
build() { "$binary" build --source "$site" --out "$out" >"$work/build.log" 2>&1 || { cat "$work/build.log"; return 1; }; }
set_slug() { sed -i "s/^slug = .*/slug = \"$1\"/" "$guideline"; }
leads_to() {  # leads_to FORMER_PATH TARGET_HREF: a redirect page, valid for a reader too
  local page="$out/$1index.html"
  [ -f "$page" ] || { echo "no page at $1"; return 1; }
  grep -F "<meta http-equiv=\"refresh\" content=\"0; url=$2\">" "$page" >/dev/null &&
    grep -F "<a href=\"$2\">" "$page" >/dev/null && grep -F 'rel="canonical"' "$page" >/dev/null ||
    { cat "$page"; return 1; }
}

check "first build keeps a manifest of its addresses" build
check "the manifest names the guideline's address and source" \
  grep -F '"fr/lignes-directrices/preparer-le-retour/": "content/fr/guidelines/retour.md"' "$out/published-urls.json"
set_slug "preparer-son-retour"
check "rebuild after a slug change" build
check "the former address redirects to the new one" \
  leads_to "fr/lignes-directrices/preparer-le-retour/" "../preparer-son-retour/"
set_slug "bien-preparer-le-retour"
check "rebuild after a second change" build
check "the first address leads straight to the newest (chain collapsed)" \
  leads_to "fr/lignes-directrices/preparer-le-retour/" "../bien-preparer-le-retour/"
check "the second address too" \
  leads_to "fr/lignes-directrices/preparer-son-retour/" "../bien-preparer-le-retour/"
cp "$out/published-urls.json" "$work/manifest-before"
check "a rebuild without changes" build
check "keeps the manifest byte for byte" cmp "$work/manifest-before" "$out/published-urls.json"

sed -i 's/^slug = .*/&\naliases = ["vieux-guide", "\/fr\/retour\/"]/' "$guideline"
sed -i '1i aliases = ["atlas-ngo"]' "$site/directory-data/actors/ong-atlas.toml"
sed -i '1i redirects_file = true' "$site/site.toml"
printf '\n[redirects]\n"/fr/ancien-annuaire/" = "/fr/annuaire/"\n' >> "$site/site.toml"
check "build with aliases and [redirects]" build
check "a front matter alias beside the guideline" leads_to "fr/lignes-directrices/vieux-guide/" "../bien-preparer-le-retour/"
check "a front matter alias from the root" leads_to "fr/retour/" "../lignes-directrices/bien-preparer-le-retour/"
check "a record's alias, in French" leads_to "fr/annuaire/atlas-ngo/" "../ong-atlas/"
check "and in Italian" leads_to "it/elenco/atlas-ngo/" "../ong-atlas/"
check "a redirect of site.toml" leads_to "fr/ancien-annuaire/" "../annuaire/"
check "_redirects lists them under the base path" \
  grep -Fx "/guide/fr/lignes-directrices/vieux-guide/ /guide/fr/lignes-directrices/bien-preparer-le-retour/ 301" "$out/_redirects"
check "redirect pages are not in the sitemap" bash -c "! grep -F 'vieux-guide' '$out/sitemap.xml'"

rm "$site/content/fr/about.md"
"$binary" check --source "$site" --out "$out" >"$work/check.log" 2>&1
check "check warns of a published address now gone without a redirect" \
  grep -F "content/fr/about.md: warning: /fr/a-propos/ was published by the last build and is gone" "$work/check.log"

echo "redirects: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
