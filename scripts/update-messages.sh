#!/usr/bin/env bash
# Extracts the messages marked with tr("…") in generator/ into generator/messages/passerelle.pot
# and merges them into each catalog (fr.po, it.po): new messages arrive untranslated, changed
# ones marked fuzzy. Translate those, then rebuild. tests/e2e/messages.sh fails while any
# message of the code lacks a translation.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
messages=generator/messages
git ls-files 'generator/*.cpp' 'generator/*.h' | LC_ALL=C sort >"$messages/.sources"
trap 'rm -f "$messages/.sources"' EXIT
LC_ALL=C.UTF-8 xgettext --files-from="$messages/.sources" --from-code=UTF-8 --language=C++ --keyword= \
  --keyword=tr --keyword=trn:1,2 --keyword=N_ --add-comments=TRANSLATORS: --no-wrap --no-location --package-name=passerelle \
  -o "$messages/passerelle.pot"
# The header says the messages are UTF-8 (with --omit-header xgettext drops every non-ASCII
# character, such as '…'); its creation date would change the catalogs at every run.
sed -i '/^"POT-Creation-Date: /d' "$messages/passerelle.pot"
for po in "$messages"/fr.po "$messages"/it.po; do
  msgmerge --quiet --update --backup=none --no-wrap --no-location "$po" "$messages/passerelle.pot"
done
