#!/usr/bin/env bash
# Extracts the messages marked with tr("…") in generator/ into generator/messages/passerelle.pot
# and merges them into each catalog (fr.po, it.po): new messages arrive untranslated, changed
# ones marked fuzzy. Translate those, then rebuild. tests/e2e/messages.sh fails while any
# message of the code lacks a translation.
# With --pot FILE it only extracts, into FILE: that test compares the catalogs with it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
messages=generator/messages
pot="$messages/passerelle.pot"
if [ "${1:-}" = --pot ]; then pot=$2; fi
sources=$(mktemp)
trap 'rm -f "$sources"' EXIT
git ls-files 'generator/*.cpp' 'generator/*.h' | LC_ALL=C sort >"$sources"
# The markers of messages/messages.h: tr, trn (singular, plural), N_ and N_plural.
LC_ALL=C.UTF-8 xgettext --files-from="$sources" --from-code=UTF-8 --language=C++ --keyword= \
  --keyword=tr --keyword=trn:1,2 --keyword=N_ --keyword=N_plural:1,2 --add-comments=TRANSLATORS: \
  --no-wrap --no-location --package-name=passerelle -o "$pot"
# The header says the messages are UTF-8 (with --omit-header xgettext drops every non-ASCII
# character, such as '…'); its creation date would change the catalogs at every run.
sed -i '/^"POT-Creation-Date: /d' "$pot"
[ "${1:-}" = --pot ] && exit 0
for po in "$messages"/fr.po "$messages"/it.po; do
  msgmerge --quiet --update --backup=none --no-wrap --no-location "$po" "$messages/passerelle.pot"
done
