#!/usr/bin/env bash
# `cmake --install` (what scripts/setup.sh does into /usr/local): the installed binary, moved
# elsewhere with its prefix, builds the bundled site from the site's own folder with the themes
# installed beside it, not with the source tree's.
# Usage: install.sh BUILD_DIR SOURCE_DIR
set -uo pipefail
build_dir=$1
source_dir=$2
source "$(dirname "$0")/lib.sh"

check "cmake --install into a prefix" cmake --install "$build_dir" --prefix "$work/prefix"
check "…installs the binary and the themes" test -x "$work/prefix/bin/passerelle" \
  -a -f "$work/prefix/share/passerelle/themes/default/templates/print.mustache"
# Moved: the themes are found from where the binary is, not from the prefix it was built for.
mv "$work/prefix" "$work/moved"
marker="<!-- the installed themes -->"
echo "$marker" >>"$work/moved/share/passerelle/themes/default/static/favicon.svg"
# The bundled site without its themes/ folder: a site that relies on the bundled themes.
mkdir "$work/site"
cp -R "$source_dir/site.toml" "$source_dir/content" "$source_dir/directory-data" "$work/site/"
check "the installed binary builds the site from its folder" bash -c \
  "cd '$work/site' && env -u PASSERELLE_THEMES '$work/moved/bin/passerelle' build --quiet &&
   test -f public/fr/index.html"
check "…with the installed themes" grep -qF "$marker" "$work/site/public/favicon.svg"
check "…and its message catalogs, from where it is" bash -c \
  "test -f '$work/moved/share/locale/it/LC_MESSAGES/passerelle.mo' &&
   '$work/moved/bin/passerelle' --lang it --help | grep -q '^Uso: passerelle'"
check "…and the source tree's themes without the installed ones" bash -c \
  "rm -r '$work/moved/share/passerelle/themes' &&
   cd '$work/site' && env -u PASSERELLE_THEMES '$work/moved/bin/passerelle' build --quiet &&
   ! grep -qF '$marker' public/favicon.svg"

echo "install: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
