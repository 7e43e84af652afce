#!/bin/sh
# Writes the default theme's shipped scripts, themes/default/static/js/*.js, from their
# commented sources in themes/default/js/ with terser (tests/site's devDependency, pinned): a
# visitor downloads the code without its comments. The build copies static/ as it is, with no
# minifier in the C++ build. Run it after editing a script in themes/default/js/ and commit
# both; `--check` (ctest theme_js_minified) fails when a shipped file is not what it would write.
# Usage: scripts/minify-theme-js.sh [--check]   (after `npm ci` in tests/site)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
terser="$root/tests/site/node_modules/terser/bin/terser"
[ -f "$terser" ] || { echo "minify-theme-js: run npm ci in tests/site first" >&2; exit 2; }
status=0
for source in "$root"/themes/default/js/*.js; do
  name=$(basename "$source")
  shipped="$root/themes/default/static/js/$name"
  minified=$(mktemp)
  {
    printf '// Minified from themes/default/js/%s by scripts/minify-theme-js.sh: edit that file.\n' "$name"
    node "$terser" "$source" --ecma 2020 --compress --mangle
  } > "$minified"
  if [ "${1:-}" = "--check" ]; then
    if ! cmp -s "$minified" "$shipped"; then
      echo "themes/default/static/js/$name is not the minified themes/default/js/$name: run scripts/minify-theme-js.sh" >&2
      status=1
    fi
    rm -f "$minified"
  else
    mv "$minified" "$shipped"
    chmod 644 "$shipped"
  fi
done
exit $status
