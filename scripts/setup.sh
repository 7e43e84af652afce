#!/usr/bin/env bash
# First command for a newcomer: installs what is missing, builds passerelle, and generates the
# bundled site into public/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/dependencies.sh" build
cmake -S "$root" -B "$root/build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$root/build" --target passerelle
"$root/build/passerelle" build --source "$root"
