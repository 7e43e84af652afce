#!/usr/bin/env bash
# First command for a newcomer: installs what is missing, builds passerelle, installs it into
# /usr/local (the binary on the PATH, the bundled themes beside it) so that the README's
# commands work as typed, and generates the bundled site into public/ with it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/dependencies.sh" build
cmake -S "$root" -B "$root/build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$root/build" --target passerelle
sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
"${sudo_cmd[@]}" cmake --install "$root/build" >/dev/null
prefix=$(sed -n 's/^CMAKE_INSTALL_PREFIX:PATH=//p' "$root/build/CMakeCache.txt")
if [ "$(command -v passerelle)" != "$prefix/bin/passerelle" ]; then
  echo "setup.sh: passerelle is installed in $prefix/bin, which is not first on the PATH" >&2
fi
"$prefix/bin/passerelle" build --source "$root"
