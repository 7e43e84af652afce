# Sourced by the end-to-end scripts that talk to `passerelle serve`: waiting for a condition,
# the address serve prints, and what a URL answers.
eventually() {  # eventually COMMAND...: succeeds within 15 s
  local deadline=$((SECONDS + 15))
  until "$@"; do
    [ "$SECONDS" -ge "$deadline" ] && return 1
    sleep 0.1
  done
}
serves() { curl -sS --max-time 5 "$1" | grep -F -- "$2" >/dev/null; }  # no -q: curl must not see a closed pipe
status_is() { [ "$(curl -s --max-time 5 -o /dev/null -w '%{http_code}' "$1")" = "$2" ]; }
# address_in LOG: the address a starting serve prints in LOG, waited for up to 15 s (empty if none).
address_in() {
  local address=""
  for _ in $(seq 150); do
    address=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$1" | head -1)
    [ -n "$address" ] && break
    sleep 0.1
  done
  echo "$address"
}
