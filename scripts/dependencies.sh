#!/usr/bin/env bash
# Installs the Debian packages Passerelle needs, when some are missing, on any Debian 12 machine
# down to a minimal root (debootstrap --variant=minbase: scripts/fresh-machine.sh proves it).
# Usage: dependencies.sh [build|test|bench]
#   build  compiling passerelle, and what its commands need when they run: WeasyPrint and the
#          fonts of the print edition for `passerelle pdf` (scripts/setup.sh)
#   test   build, and what the browser, validator and PDF tests need (scripts/test.sh)
#   bench  build, and Hugo and GNU time for bench/run.mjs, and valgrind for profiling
set -euo pipefail
set_name=${1:-build}
case "$set_name" in
  build | test | bench) ;;
  *) echo "usage: dependencies.sh [build|test|bench]" >&2; exit 2 ;;
esac
build_packages=(cmake ninja-build g++ pkg-config libmd4c-dev libmd4c-html0-dev
  libtomlplusplus-dev libkainjow-mustache-dev libcxxopts-dev catch2 libutf8proc-dev
  nlohmann-json3-dev libcpp-httplib-dev libstemmer-dev libmimalloc-dev libcsv-dev
  gettext libvips-dev libxlsxwriter-dev)
# gettext: msgfmt compiles the catalogs; libvips: the photos' variants; libxlsxwriter: actors.xlsx
# `passerelle pdf` runs WeasyPrint, which typesets with the fonts print.css names first: Noto
# Serif, Noto Sans and their Arabic companions (fonts-noto-core), DejaVu Sans Mono for code.
# Chromium prints the same editions in the tests, and the web pages name Noto Naskh Arabic.
run_packages=(weasyprint fonts-noto-core fonts-dejavu-core)
# ca-certificates: npm fetches the test tools over HTTPS (a minimal root has no certificates).
# exiftool: the tests read the published photos' metadata with a tool other than libvips.
# libreoffice-calc-nogui: tests/e2e/import.sh opens actors.xlsx as a spreadsheet user would.
test_packages=(ca-certificates default-jre-headless chromium poppler-utils curl faketime
  libxml2-utils clang libclang-rt-14-dev libimage-exiftool-perl libreoffice-calc-nogui)
bench_packages=(hugo time valgrind libvips-tools libimage-exiftool-perl)  # vips: bench/images
packages=("${build_packages[@]}" "${run_packages[@]}")
[ "$set_name" = test ] && packages+=("${test_packages[@]}")
[ "$set_name" = bench ] && packages+=("${bench_packages[@]}")
# Node.js and npm may come from elsewhere than Debian; only install them when absent.
if [ "$set_name" = test ] || [ "$set_name" = bench ]; then
  command -v node >/dev/null || packages+=(nodejs)
  command -v npm >/dev/null || packages+=(npm)
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing: ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null; then
    echo "dependencies.sh: run it as root, or install sudo, to install: ${missing[*]}" >&2
    exit 1
  fi
  sudo_cmd=(sudo)
fi
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
