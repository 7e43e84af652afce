#!/usr/bin/env bash
# `passerelle serve` through the real binary, on a copy of the fixture site and a free loopback
# port: an edited guideline is served at once, a new one after the complete build, a broken
# TOML record shows the error page (with path:line:col) while the server keeps running, fixing
# it brings the page back, and polling (--polling) works as well as inotify.
# Usage: serve.sh PASSERELLE_BINARY
set -uo pipefail
binary=$1
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
server=""
cleanup() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then kill -TERM "$server"; wait "$server"; fi
  rm -rf "$work"
}
trap cleanup EXIT
passed=0
failed=0
check() {  # check NAME COMMAND...: the command must succeed
  local name=$1; shift
  if "$@" >"$work/last" 2>&1; then passed=$((passed + 1)); echo "ok   $name"
  else failed=$((failed + 1)); echo "FAIL $name"; sed 's/^/     /' "$work/last"; echo "     --- server log:"; sed 's/^/     /' "$work/log"; fi
}
source "$(dirname "$0")/http.sh"

site="$work/site"
mkdir -p "$site"
cp -R "$here/../fixtures/site-small/." "$site/"
"$binary" serve --source "$site" --port 0 --poll 100 >"$work/log" 2>&1 &
server=$!
url=$(address_in "$work/log")
check "serve prints its loopback address" test -n "$url"
page="${url}fr/lignes-directrices/preparer-le-retour/"
record="$site/directory-data/actors/ong-atlas.toml"

check "the guideline is served" serves "$page" "<li>Réfléchir.</li>"
check "served pages load the live-reload script" serves "$page" '<script src="/_passerelle/live.js" data-since="'
check "the live-reload script is served" serves "${url}_passerelle/live.js" "new EventSource("
check "the language picker is served at /" status_is "$url" 200
check "an unknown path is 404" status_is "${url}fr/nowhere/" 404
# A folder without its slash is redirected, on this server only: "//fr" must not answer
# "Location: //fr/", which a browser follows to the host "fr" (issue #13).
location_of() {  # location_of PATH: the Location header of the answer to PATH, sent as it is
  curl -sS --path-as-is --max-time 5 -o /dev/null -D - "${url%/}$1" | tr -d '\r' | sed -n 's/^[Ll]ocation: //p'
}
redirects_to() { [ "$(location_of "$1")" = "$2" ]; }
stays_here() {  # stays_here PATH: no Location, or one that is a path on this server
  local location
  location=$(location_of "$1")
  case "$location" in
    "" | /[!/\\]*) return 0 ;;
    *) echo "$1 answers Location: $location"; return 1 ;;
  esac
}
check "a folder without its slash is redirected to it" redirects_to "/fr" "/fr/"
check "//fr is redirected to /fr/, not to the host fr" redirects_to "//fr" "/fr/"
check "/%2F%2Ffr is redirected to /fr/" redirects_to "/%2F%2Ffr" "/fr/"
for path in "//evil" "///evil.example/" "/%2F%2Fevil" "/%2F%2Fevil.example%2F" '/\evil' '/%5Cevil' '/\\fr' '/%5C%5Cfr' "//fr/lignes-directrices"; do
  check "$path does not redirect to another host" stays_here "$path"
done

sed -i 's|Réfléchir\.|Réfléchir longuement.|' "$site/content/fr/guidelines/retour.md"
check "an edited guideline is served at once" eventually serves "$page" "<li>Réfléchir longuement.</li>"
check "the edited page is published before the whole site" \
  eventually grep -q "content/fr/guidelines/retour.md changed: 1 page(s) updated in" "$work/log"
check "the rebuild is reported" eventually grep -q "content/fr/guidelines/retour.md changed: rebuilt" "$work/log"

# A new file in a watched folder (inotify names it) is a new page, after the complete build.
printf '+++\ntitle = "Nouveau"\nsummary = "Un ajout."\ndate = 2026-11-20\n+++\nUn texte tout neuf.\n' \
  >"$site/content/fr/guidelines/nouveau.md"
check "a new guideline is served" eventually serves "${url}fr/lignes-directrices/nouveau/" "Un texte tout neuf."

cp "$record" "$work/record.toml"
sed -i 's|^city = "Oujda"$|city = "Oujda|' "$record"  # an unclosed string
check "a broken TOML record shows the error page" eventually status_is "$page" 500
check "the error page names path:line:col" serves "$page" '<code class="where">directory-data/actors/ong-atlas.toml:5:'
check "the error page shows the source line, escaped" serves "$page" '<code>city = &quot;Oujda'
check "a second request during the error gets the page again" status_is "${url}it/" 500
check "the failed build is reported" grep -q "build failed with 1 error(s)" "$work/log"
check "the server keeps running" kill -0 "$server"

cp "$work/record.toml" "$record"
check "fixing the record brings the page back" eventually status_is "$page" 200
check "…with the edited text" serves "$page" "<li>Réfléchir longuement.</li>"

check "another server on the same port is refused (1)" bash -c \
  "port=\$(echo '$url' | grep -o '[0-9]*/\$' | tr -d /); timeout 10 '$binary' serve --source '$site' --port \$port >/dev/null 2>&1; [ \$? -eq 1 ]"
check "a built site carries no live-reload script" bash -c \
  "'$binary' build --source '$site' --out '$work/out' >/dev/null && ! grep -rq _passerelle '$work/out'"

# Polling, for file systems without inotify, sees edits too.
"$binary" serve --source "$site" --port 0 --polling --poll 50 >"$work/polling-log" 2>&1 &
polling=$!
polling_url=$(address_in "$work/polling-log")
sed -i 's|Un texte tout neuf\.|Un texte relu.|' "$site/content/fr/guidelines/nouveau.md"
check "with --polling, an edit is served too" eventually serves "${polling_url}fr/lignes-directrices/nouveau/" "Un texte relu."
kill -TERM "$polling"
wait "$polling"

kill -INT "$server"
for _ in $(seq 100); do kill -0 "$server" 2>/dev/null || break; sleep 0.1; done
wait "$server"
status=$?
server=""
check "Ctrl+C stops the server with exit code 0" test "$status" -eq 0
check "…and says so" grep -q "^Stopped\.$" "$work/log"

echo "serve: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
