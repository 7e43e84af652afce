#!/usr/bin/env bash
# `passerelle check` through the real binary. Each folder in check/ is laid over a copy of the
# fixture site; check must exit 1 and print exactly expected.txt on stderr (every planted
# problem, nothing else). Then: the bundled site passes --strict, the JSON report, the exit
# codes, and --external against a local server (never the internet).
# Usage: check.sh PASSERELLE_BINARY SOURCE_DIR [--refresh]
set -uo pipefail
binary=$1
source_dir=$2
refresh=${3:-}
here=$(cd "$(dirname "$0")" && pwd)
fixture="$here/../fixtures/site-small"
work=$(mktemp -d)
helper=""
cleanup() {
  if [ -n "$helper" ]; then kill "$helper" 2>/dev/null; wait "$helper" 2>/dev/null; fi
  rm -rf "$work"
}
trap cleanup EXIT
passed=0
failed=0
check() {  # check NAME COMMAND...: the command must succeed
  local name=$1; shift
  if "$@" >"$work/last" 2>&1; then passed=$((passed + 1)); echo "ok   $name"
  else failed=$((failed + 1)); echo "FAIL $name"; sed 's/^/     /' "$work/last"; fi
}
exit_code() { "$binary" "${@:2}" >/dev/null 2>&1; [ $? -eq "$1" ]; }
site_with() {  # site_with NAME CASE_DIR: a copy of the fixture with the case's files over it
  mkdir -p "$work/$1"
  cp -R "$fixture/." "$work/$1/"
  [ -n "${2:-}" ] && cp -R "$2/files/." "$work/$1/"
  echo "$work/$1"
}

for case_dir in "$here"/check/*/; do
  name=$(basename "$case_dir")
  site=$(site_with "$name" "$case_dir")
  "$binary" check --source "$site" --color never >"$work/$name.out" 2>"$work/$name.err"
  status=$?
  [ "$refresh" = "--refresh" ] && cp "$work/$name.err" "$case_dir/expected.txt"
  check "$name: exit code 1" test "$status" -eq 1
  check "$name: every planted problem reported, nothing else" diff "$case_dir/expected.txt" "$work/$name.err"
done

planted=$(site_with planted-json "$here/check/planted")
"$binary" check --source "$planted" --format json >"$work/report.json" 2>/dev/null
check "planted: the JSON report lists the problems and the translation gaps" node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const has = (list, f) => list.some(f);
  const ok = r.ok === false && r.errors === 3 && r.rendered === true &&
    has(r.diagnostics, (d) => d.severity === "error" && /unknown sector .cooking./.test(d.message) && d.line === 7 && d.column === 24) &&
    has(r.diagnostics, (d) => /nulle-part\.md/.test(d.message)) &&
    has(r.diagnostics, (d) => /le-budjet/.test(d.message)) &&
    has(r.translations.missing, (g) => g.what === "page" && g.item === "guidelines/credit" && g.language === "it") &&
    has(r.translations.missing, (g) => g.what === "page" && g.item === "guidelines/solo-italiano" && g.language === "fr") &&
    has(r.translations.stale, (s) => s.key === "about" && s.language === "it" && s.source_date === "2026-11-15") &&
    r.translations.coverage.pages.total === 5;
  if (!ok) { console.log(JSON.stringify(r, null, 1)); process.exit(1); }' "$work/report.json"

check "the bundled site: nothing to report, even with --strict" bash -c \
  "'$binary' check --source '$source_dir' --strict --color never 2>&1 | tee /dev/stderr | grep -q ': 0 error(s), 0 warning(s)'"
check "the fixture has warnings only: exit 0" exit_code 0 check --source "$fixture"
check "…and 1 with --strict" exit_code 1 check --source "$fixture" --strict
check "--quiet prints errors only" bash -c "[ -z \"\$('$binary' check --source '$fixture' --quiet 2>&1)\" ]"
check "--color always colours the labels" bash -c \
  "'$binary' check --source '$fixture' --color always 2>&1 >/dev/null | grep -q \$'\\033\\[1;35mwarning:'"
check "--help lists --external" bash -c "'$binary' check --help | grep -q -- '--external'"
check "a bad --format is a usage error (2)" exit_code 2 check --source "$fixture" --format xml
check "a bad --color is a usage error (2)" exit_code 2 check --source "$fixture" --color sometimes
check "a bad --timeout is a usage error (2)" exit_code 2 check --source "$fixture" --timeout 0
check "a folder without site.toml is an error (1)" exit_code 1 check --source "$work"

# External links, against a local server that answers, has lost a page, or is slow.
cat >"$work/server.js" <<'JS'
const http = require('http');
const server = http.createServer((request, response) => {
  if (request.url === '/slow') return setTimeout(() => response.end('late'), 3000);
  response.statusCode = request.url === '/gone' ? 404 : 200;
  response.end();
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
setTimeout(() => process.exit(0), 60000).unref();  // stops by itself
JS
node "$work/server.js" >"$work/port" &
helper=$!
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.1; done
port=$(cat "$work/port")
external=$(site_with external "")
# Only the local server's links: the fixture's other external links lead outside this machine.
rm "$external/directory-data/actors/script-test.toml"
sed -i '/^website = /d' "$external"/directory-data/actors/*.toml
cat >>"$external/content/fr/about.md" <<MD

[ici](http://127.0.0.1:$port/ok), [là](http://127.0.0.1:$port/gone) et [lent](http://127.0.0.1:$port/slow).
MD
"$binary" check --source "$external" >"$work/external.out" 2>"$work/external.err"
check "external links are listed, not fetched, by default" grep -q "^  http://127.0.0.1:$port/gone .*content/fr/about.md:9:" "$work/external.out"
check "…only the local ones" grep -q "^External links (3; not fetched" "$work/external.out"
"$binary" check --source "$external" --external --timeout 0.5 --host-interval 0 --color never >"$work/external.out" 2>"$work/external.err"
status=$?
check "--external: a page that is gone is an error (exit 1)" test "$status" -eq 1
check "…reported where the source writes it" grep -q "^content/fr/about.md:9:.*: error: external link http://127.0.0.1:$port/gone answered 404 (the page is gone), 2 tries" "$work/external.err"
check "…a slow site is a warning" grep -q ": warning: external link http://127.0.0.1:$port/slow no answer within 500 ms, 2 tries" "$work/external.err"
check "…a page that answers is fine" bash -c "! grep -q 'external link http://127.0.0.1:$port/ok' '$work/external.err' && grep -q '^  ok  *http://127.0.0.1:$port/ok ' '$work/external.out' || { cat '$work/external.out' '$work/external.err'; false; }"

echo "check: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
