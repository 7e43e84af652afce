# Sourced by the end-to-end scripts that talk to `passerelle serve`: waiting for a condition,
# and what a URL answers.
eventually() {  # eventually COMMAND...: succeeds within 15 s
  local deadline=$((SECONDS + 15))
  until "$@"; do
    [ "$SECONDS" -ge "$deadline" ] && return 1
    sleep 0.1
  done
}
serves() { curl -sS --max-time 5 "$1" | grep -F -- "$2" >/dev/null; }  # no -q: curl must not see a closed pipe
status_is() { [ "$(curl -s --max-time 5 -o /dev/null -w '%{http_code}' "$1")" = "$2" ]; }
