#!/usr/bin/env bash
# The messages in the editor's language. Fails when a message marked tr("…") in generator/
# has no French or Italian translation (or a fuzzy one), or when the catalogs are out of step
# with the code (run scripts/update-messages.sh); then checks that the binary speaks the
# language LANG, LANGUAGE or --lang asks for, and English otherwise.
# Usage: messages.sh PASSERELLE_BINARY REPOSITORY
set -uo pipefail
binary=$1
repo=$2
source "$(dirname "$0")/lib.sh"
pass() { passed=$((passed + 1)); echo "ok   $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; }

# The catalogs against the messages of the code, extracted by update-messages.sh itself.
"$repo/scripts/update-messages.sh" --pot "$work/passerelle.pot"
for language in fr it; do
  po="$repo/generator/messages/$language.po"
  msgmerge --quiet --no-wrap --no-location -o "$work/$language.po" "$po" "$work/passerelle.pot"
  untranslated=$(msgattrib --untranslated --no-obsolete "$work/$language.po" | grep -c '^msgid "' )
  fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$work/$language.po" | grep -c '^msgid "')
  obsolete=$(msgattrib --only-obsolete "$work/$language.po" | grep -c '^#~ msgid')
  # The header entry counts as one msgid in each listing that is not empty.
  if [ "$untranslated" -le 1 ] && [ "$fuzzy" -le 1 ]; then
    pass "$language.po translates every message of the code"
  else
    fail "$language.po: untranslated or fuzzy messages (scripts/update-messages.sh, then translate):"
    msgattrib --untranslated --only-fuzzy "$work/$language.po" 2>/dev/null | head -20
    msgattrib --untranslated "$work/$language.po" | grep -A1 '^msgid' | head -20
  fi
  if [ "$obsolete" = 0 ]; then pass "$language.po holds no message the code no longer has"
  else fail "$language.po: $obsolete obsolete message(s): run scripts/update-messages.sh"; fi
done

# The language of the messages, from the environment and --lang.
usage_line() { env -i PATH="$PATH" "$@" "$binary" --help | head -1; }
expect_line() {  # NAME EXPECTED ACTUAL
  if [ "$3" = "$2" ]; then pass "$1"; else fail "$1: expected '$2', got '$3'"; fi
}
expect_line "no locale: English" "Usage: passerelle [--lang en|fr|it] <command> [options]" "$(usage_line)"
expect_line "LANG=fr_FR.UTF-8: French" "Utilisation : passerelle [--lang en|fr|it] <commande> [options]" \
  "$(usage_line LANG=fr_FR.UTF-8)"
expect_line "LC_MESSAGES=it_IT.UTF-8: Italian" "Uso: passerelle [--lang en|fr|it] <comando> [opzioni]" \
  "$(usage_line LANG=en_GB.UTF-8 LC_MESSAGES=it_IT.UTF-8)"
expect_line "LANGUAGE=it:fr: Italian" "Uso: passerelle [--lang en|fr|it] <comando> [opzioni]" \
  "$(usage_line LANGUAGE=it:fr LANG=fr_FR.UTF-8)"
expect_line "LC_ALL=C: English" "Usage: passerelle [--lang en|fr|it] <command> [options]" \
  "$(usage_line LANG=fr_FR.UTF-8 LC_ALL=C)"
expect_line "German locale: English" "Usage: passerelle [--lang en|fr|it] <command> [options]" \
  "$(usage_line LANG=de_DE.UTF-8)"
got=$(env -i PATH="$PATH" LANG=fr_FR.UTF-8 "$binary" --lang it --help | head -1)
expect_line "--lang it before the command wins over LANG" "Uso: passerelle [--lang en|fr|it] <comando> [opzioni]" "$got"
got=$(env -i PATH="$PATH" "$binary" build --lang fr --source "$work/none" 2>&1 | head -1)
expect_line "--lang fr among build's options" \
  "$work/none: error: pas de site.toml ici ; indiquez le dossier du site avec --source" "$got"
got=$(env -i PATH="$PATH" LANG=it_IT.UTF-8 "$binary" nonsense 2>&1 | head -1)
expect_line "an unknown command, in Italian" "passerelle: comando sconosciuto «nonsense»" "$got"
got=$(env -i PATH="$PATH" "$binary" --lang de build 2>&1; echo "exit $?")
expect_line "an unknown --lang is a usage error" \
  "passerelle: --lang must be en, fr or it (not 'de')
exit 2" "$got"
echo "messages: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
