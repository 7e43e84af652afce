#!/usr/bin/env bash
# Proves the README's two commands on a fresh Debian 12 machine: makes a minimal Debian 12 root
# (debootstrap --variant=minbase), puts a clean clone of this repository's HEAD in
# /opt/passerelle, and runs in it, chrooted, ./scripts/setup.sh then ./scripts/test.sh, each
# timed. Run as root on Debian 12, with debootstrap installed, access to a Debian mirror and to
# the npm registry, and about 8 GB of free disk. What to expect: docs/fresh-machine.md.
#
# Usage: fresh-machine.sh [--keep] [--dir DIR]   make a root, run the commands, remove the root
#        fresh-machine.sh --remove DIR           remove a root kept by --keep
#   --keep      keep the root (unmounted) for inspection instead of removing it
#   --dir DIR   where to make the root, a folder that does not exist yet (default: a new folder
#               under /var/tmp)
# The Debian mirror is the one this machine's APT uses; PASSERELLE_MIRROR overrides it. Exit
# status: 0 when both commands succeed, 1 otherwise, 2 on bad usage.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
marker=.passerelle-fresh-root   # written in every root this script makes; --remove requires it

usage() { sed -n '/^# Usage:/,/^# The Debian mirror/p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

# The mount points at or below $1, one per line (findmnt escapes spaces, which $1 never has).
mounted_below() {
  findmnt -rn -o TARGET | awk -v root="$1" '$0 == root || index($0, root "/") == 1'
}

# Stops the processes left running inside the root (a server a test started, say): they
# would keep its mounts busy.
stop_processes_in() {
  local proc pids=()
  for proc in /proc/[0-9]*; do
    if [ "$(readlink "$proc/root" 2>/dev/null)" = "$1" ]; then pids+=("${proc#/proc/}"); fi
  done
  if [ ${#pids[@]} -eq 0 ]; then return 0; fi
  echo "fresh-machine: stopping processes left in the root: ${pids[*]}"
  kill "${pids[@]}" 2>/dev/null || true
  sleep 2
  kill -9 "${pids[@]}" 2>/dev/null || true
}

# Unmounts everything below the root, deepest first, then checks that nothing is left.
unmount_all() {
  local target
  for _ in 1 2 3; do
    for target in $(mounted_below "$1" | sort -r); do
      umount -R "$target" 2>/dev/null || true
    done
    [ -z "$(mounted_below "$1")" ] && return 0
    sleep 1
  done
  [ -z "$(mounted_below "$1")" ]
}

# Removes a root, and only when nothing is mounted below it: rm -rf through a bind mount of
# /dev or /proc would delete the host's own device nodes and files.
remove_root() {
  local root=$1
  stop_processes_in "$root"
  if ! unmount_all "$root"; then
    echo "fresh-machine: still mounted below $root, NOT removed:" >&2
    mounted_below "$root" >&2
    return 1
  fi
  # --one-file-system: never cross into another file system, mounted or not.
  rm -rf --one-file-system "$root"
}

keep=0
dir=""
while [ $# -gt 0 ]; do
  case "$1" in
    --keep) keep=1 ;;
    --dir) [ $# -ge 2 ] || usage; dir=$2; shift ;;
    --remove)
      [ $# -eq 2 ] || usage
      root=$(realpath -e "$2")
      if [ ! -f "$root/$marker" ] || [ "$root" = / ]; then
        echo "fresh-machine: $root is not a root made by this script (no $marker)" >&2
        exit 1
      fi
      remove_root "$root" && echo "fresh-machine: removed $root"
      exit ;;
    -h | --help) usage ;;
    *) usage ;;
  esac
  shift
done

[ "$(id -u)" -eq 0 ] || { echo "fresh-machine: run as root (debootstrap, mount, chroot)" >&2; exit 1; }
command -v debootstrap >/dev/null ||
  { echo "fresh-machine: debootstrap is missing: apt-get install -y debootstrap" >&2; exit 1; }
mirror=${PASSERELLE_MIRROR:-}
if [ -z "$mirror" ] && [ -r /etc/apt/sources.list.d/debian.sources ]; then
  mirror=$(awk '/^URIs:/ { print $2; exit }' /etc/apt/sources.list.d/debian.sources)
fi
if [ -z "$mirror" ] && [ -r /etc/apt/sources.list ]; then
  mirror=$(awk '$1 == "deb" && !/security/ { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { print $i; exit } }' /etc/apt/sources.list)
fi
[ -n "$mirror" ] || { echo "fresh-machine: no Debian mirror found; set PASSERELLE_MIRROR" >&2; exit 1; }

if [ -n "$dir" ]; then
  [ ! -e "$dir" ] || { echo "fresh-machine: $dir exists; give a new folder" >&2; exit 2; }
  mkdir -p "$dir"
  root=$(realpath -e "$dir")
else
  root=$(mktemp -d /var/tmp/passerelle-fresh.XXXXXX)
fi
case "$root" in
  / | *[[:space:]]*) echo "fresh-machine: unusable root folder '$root'" >&2; exit 2 ;;
esac
touch "$root/$marker"

finish() {
  local status=$?
  trap - EXIT INT TERM
  set +e
  if [ "$keep" = 1 ]; then
    stop_processes_in "$root"
    if unmount_all "$root"; then
      echo "fresh-machine: root kept in $root (nothing mounted); remove it with: $0 --remove $root"
    else
      echo "fresh-machine: root kept in $root, but still mounted:" >&2
      mounted_below "$root" >&2
    fi
  elif remove_root "$root"; then
    echo "fresh-machine: removed $root"
  else
    status=1
  fi
  exit "$status"
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

head=$(git -C "$repo" rev-parse HEAD)
if [ -n "$(git -C "$repo" status --porcelain --untracked-files=no)" ]; then
  echo "fresh-machine: note: uncommitted changes are not tested, only HEAD ($head)"
fi

echo "fresh-machine: debootstrap --variant=minbase bookworm $root $mirror"
SECONDS=0
debootstrap --variant=minbase bookworm "$root" "$mirror" >"$root/debootstrap.log" 2>&1 ||
  { echo "fresh-machine: debootstrap failed:" >&2; tail -20 "$root/debootstrap.log" >&2; exit 1; }
echo "fresh-machine: minimal root made in $((SECONDS / 60)) min $((SECONDS % 60)) s"
# The APT sources of this machine (updates and security included), as on any installed Debian;
# without them the root would only have the release as it was at its first day.
if [ -r /etc/apt/sources.list.d/debian.sources ]; then
  cp /etc/apt/sources.list.d/debian.sources "$root/etc/apt/sources.list.d/debian.sources"
  rm -f "$root/etc/apt/sources.list"
fi
cp -L /etc/resolv.conf "$root/etc/resolv.conf"
# The certificate authorities this machine adds to Debian's (a network that inspects TLS has
# one): a machine on the same network needs them too. ca-certificates, once installed, trusts them.
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
  mkdir -p "$root/usr/local/share/ca-certificates"
  cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
fi
# A chroot has no init system: packages must not try to start services in it.
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod +x "$root/usr/sbin/policy-rc.d"

mount -t proc proc "$root/proc"
mount -t sysfs -o ro sysfs "$root/sys"
# /dev with /dev/pts and /dev/shm (Chromium's shared memory); rslave: unmounting here never
# unmounts the host's.
mount --rbind /dev "$root/dev"
mount --make-rslave "$root/dev"

git clone --quiet --no-hardlinks "$repo" "$root/opt/passerelle"
git -C "$root/opt/passerelle" checkout --quiet --detach "$head"

# A login's environment, nothing of this one's.
in_root() {
  chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin bash -c "$1"
}
log=$(mktemp)
run_timed() {  # run_timed NAME COMMAND: sets $status and $took
  echo "fresh-machine: $1"
  SECONDS=0
  status=0
  in_root "$2" 2>&1 | tee -a "$log" || status=$?
  took="$((SECONDS / 60)) min $((SECONDS % 60)) s"
  echo "fresh-machine: $1: exit $status after $took"
}

run_timed "./scripts/setup.sh" 'cd /opt/passerelle && ./scripts/setup.sh'
setup_status=$status setup_took=$took
run_timed "README's 'Using it' as typed, from another folder" \
  'cd / && passerelle --version && cd /opt/passerelle && passerelle new actor fresh-machine-check &&
   rm directory-data/actors/fresh-machine-check.toml && passerelle build --quiet'
using_status=$status
test_status=1 test_took="not run"
if [ "$setup_status" = 0 ]; then
  run_timed "./scripts/test.sh" 'cd /opt/passerelle && ./scripts/test.sh'
  test_status=$status test_took=$took
fi

echo
echo "fresh-machine: Debian 12 minbase root, HEAD $head"
echo "  ./scripts/setup.sh   exit $setup_status, $setup_took"
echo "  passerelle on PATH   exit $using_status"
echo "  ./scripts/test.sh    exit $test_status, $test_took"
grep -E '^[0-9]+% tests passed|^The following tests FAILED|^[[:space:]]+[0-9]+ - .*\((Failed|Timeout|Not Run)' "$log" |
  sed 's/^/    /' || true
grep -E '^ThreadSanitizer:' "$log" | sed 's/^/    /' || true
rm -f "$log"
[ "$setup_status" = 0 ] && [ "$using_status" = 0 ] && [ "$test_status" = 0 ]
