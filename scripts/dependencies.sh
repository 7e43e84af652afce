#!/usr/bin/env bash
# Installs the Debian packages Passerelle needs, when some are missing.
# Usage: dependencies.sh [build|test|bench]   (test adds what the browser and validator tests
# need; bench adds Hugo and GNU time for bench/run.mjs, and valgrind for profiling)
set -euo pipefail
build_packages=(cmake ninja-build g++ pkg-config libmd4c-dev libmd4c-html0-dev
  libtomlplusplus-dev libkainjow-mustache-dev libcxxopts-dev catch2 libutf8proc-dev
  nlohmann-json3-dev libcpp-httplib-dev libstemmer-dev libjemalloc-dev)
test_packages=(default-jre-headless chromium weasyprint poppler-utils curl faketime libxml2-utils clang libclang-rt-14-dev)
bench_packages=(hugo time valgrind)
packages=("${build_packages[@]}")
[ "${1:-build}" = "test" ] && packages+=("${test_packages[@]}")
[ "${1:-build}" = "bench" ] && packages+=("${bench_packages[@]}")
# Node.js and npm may come from elsewhere than Debian; only install them when absent.
if [ "${1:-build}" = "test" ] || [ "${1:-build}" = "bench" ]; then
  command -v node >/dev/null || packages+=(nodejs)
  command -v npm >/dev/null || packages+=(npm)
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
