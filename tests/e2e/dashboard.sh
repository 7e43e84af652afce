#!/usr/bin/env bash
# The serve dashboard (/_passerelle/, issue #14) through the real binary, on a copy of the
# fixture site with one error, one draft and one stale record: the dashboard lists each in its
# section while the build fails (the error page links to it), is valid HTML (vnu), and once the
# error is fixed no longer shows it; in French with --lang fr. The day is pinned
# (SOURCE_DATE_EPOCH, 2026-12-06) so that the fixture's dates never age.
# Usage: dashboard.sh PASSERELLE_BINARY
set -uo pipefail
binary=$1
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
source "$here/http.sh"
export SOURCE_DATE_EPOCH=1796515200
server=""
stop_server() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then kill -TERM "$server"; wait "$server"; fi
  server=""
}
trap 'stop_server; rm -rf "$work"' EXIT
jar="$here/../site/node_modules/vnu-jar/build/dist/vnu.jar"

section() {  # section ID FILE: the HTML of the dashboard's section ID, up to the next <h2
  awk -v id="<h2 id=\"$1\">" 'index($0, id) { on = 1; print; next } on && /<h2 / { exit } on' "$2"
}
dashboard_has() {  # dashboard_has ID TEXT: the latest dashboard's section ID contains TEXT
  curl -sS --max-time 5 "${url}_passerelle/" >"$work/dashboard.html" &&
    section "$1" "$work/dashboard.html" | grep -F -- "$2" >/dev/null
}
dashboard_lacks() { dashboard_has "$1" "" && ! section "$1" "$work/dashboard.html" | grep -F -- "$2" >/dev/null; }
start_serve() {  # start_serve [OPTION...]: serve the site on a free port; sets $url
  # Emptied here, not by the redirection alone: that runs in the new process, and until it
  # does address_in could read the address of the server stopped before.
  : >"$work/log"
  "$binary" serve --source "$site" --port 0 --poll 100 "$@" >"$work/log" 2>&1 &
  server=$!
  url=$(address_in "$work/log")
}

site="$work/site"
mkdir -p "$site"
cp -R "$here/../fixtures/site-small/." "$site/"
about="$site/content/fr/about.md"
cp "$about" "$work/about.md"
sed -i 's/^date = 2026-10-01/date = 01\/10\/2026/' "$about"  # the error
printf '+++\ntitle = "Brouillon <à finir>"\nsummary = "En cours."\ndate = 2026-11-20\ndraft = true\n+++\nUn texte en cours.\n' \
  >"$site/content/fr/brouillon.md"  # the draft
sed -i 's/^last_reviewed = .*/last_reviewed = 2012-01-01/' "$site/directory-data/actors/ong-atlas.toml"

start_serve
check "serve prints its address" test -n "$url"
check "and the dashboard's" grep -qF "What passerelle check says, live: ${url}_passerelle/" "$work/log"
check "the site shows the error page" eventually status_is "$url" 500
check "the error page links to the dashboard" serves "$url" '<a href="/_passerelle/">'
check "the dashboard answers 200 while the build fails" eventually status_is "${url}_passerelle/" 200
check "it lists the error with its place" eventually dashboard_has problems \
  '<code class="where">content/fr/about.md:4:8</code>: <span class="label">error:</span>'
check "with the source line" dashboard_has problems '<pre tabindex="0"><code>date = 01/10/2026'
check "the draft, its title escaped" dashboard_has drafts \
  '<code class="where">content/fr/brouillon.md</code> · fr · <span lang="fr">Brouillon &lt;à finir&gt;</span>'
check "the stale record" dashboard_has stale '<code class="where">directory-data/actors/ong-atlas.toml</code>'
check "the translation report" dashboard_has translations '<th scope="row">Pages</th>'
check "/_passerelle redirects to /_passerelle/" status_is "${url}_passerelle" 301

if [ -f "$jar" ]; then
  check "the dashboard is valid HTML (vnu)" timeout 120 java -Xss16m -XX:TieredStopAtLevel=1 \
    -XX:+UseSerialGC -jar "$jar" --errors-only --format gnu "$work/dashboard.html"
else
  check "vnu is installed (npm ci in tests/site)" false
fi

cp "$work/about.md" "$about"  # the fix
check "fixed: the site serves again" eventually status_is "${url}fr/" 200
check "fixed: the dashboard no longer shows the error" eventually dashboard_lacks problems 'about.md'
check "and counts no error" serves "${url}_passerelle/" ': 0 errors'
check "the draft and the stale record are still listed" bash -c \
  "grep -qF 'content/fr/brouillon.md' '$work/dashboard.html' && grep -qF 'ong-atlas.toml' '$work/dashboard.html'"
stop_server
check "build writes no dashboard" bash -c \
  "'$binary' build --source '$site' --out '$work/public' --quiet && test -e '$work/public/index.html' && test ! -e '$work/public/_passerelle'"

start_serve --lang fr
check "in French with --lang fr" eventually serves "${url}_passerelle/" '<html lang="fr">'
check "its headings in French" eventually serves "${url}_passerelle/" '<h2 id="drafts">Brouillons (1)</h2>'
stop_server

echo "dashboard: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
