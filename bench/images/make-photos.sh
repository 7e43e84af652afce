#!/usr/bin/env bash
# Generates N deterministic photo-like JPEGs (photo-001.jpg …) with GPS EXIF, for the image benchmark.
# Usage: make-photos.sh DIR [N=200] [W=4000] [H=3000]
set -euo pipefail

dir=${1:?usage: make-photos.sh DIR [N] [W] [H]}
n=${2:-200}; w=${3:-4000}; h=${4:-3000}

# Reuse an existing set: generating 200 full-size photos takes minutes.
if [[ -d $dir ]]; then
  count=$(find "$dir" -maxdepth 1 -name 'photo-*.jpg' | wc -l)
  if [[ $count -eq $n && $(vipsheader -f width "$dir/photo-001.jpg" 2>/dev/null) == "$w" \
        && $(vipsheader -f height "$dir/photo-001.jpg" 2>/dev/null) == "$h" ]]; then
    echo "make-photos: $dir already holds $n photos of ${w}x${h}"; exit 0
  fi
  echo "make-photos: $dir exists but does not hold $n photos of ${w}x${h}" >&2; exit 1
fi

# Build in a staging folder so an interrupted run never looks complete.
stage="$dir.partial"
rm -rf "$stage"; mkdir -p "$stage"

one() {  # one photo: three Perlin layers of different scales as R,G,B, plus sensor-like noise
  local i=$1 w=$2 h=$3 out=$4 s=$(( $1 * 10 ))
  local t; t=$(mktemp -d "${TMPDIR:-/tmp}/photo.XXXXXX")
  vips perlin "$t/r.v" "$w" "$h" --cell-size 640 --seed "$s" --uchar
  vips perlin "$t/g.v" "$w" "$h" --cell-size 170 --seed $((s + 1)) --uchar
  vips perlin "$t/b.v" "$w" "$h" --cell-size 45 --seed $((s + 2)) --uchar
  vips bandjoin "$t/r.v $t/g.v $t/b.v" "$t/rgb.v"
  # Noise keeps the JPEG size near a real photo's (a few MB); flat Perlin compresses far too well.
  vips gaussnoise "$t/n.v" "$w" "$h" --sigma 8 --mean 0 --seed "$s"
  vips add "$t/rgb.v" "$t/n.v" "$t/sum.v"
  vips cast "$t/sum.v" "$t/u.v" uchar
  vips copy "$t/u.v" "$out/$(printf 'photo-%03d.jpg' "$i")[Q=90,strip]" --interpretation srgb
  rm -rf "$t"
}
export -f one

seq 1 "$n" | xargs -P "$(nproc)" -I{} bash -c 'one "$@"' _ {} "$w" "$h" "$stage"
exiftool -q -overwrite_original -GPSLatitude=32.88 -GPSLatitudeRef=N \
  -GPSLongitude=6.90 -GPSLongitudeRef=W -SerialNumber=PB-BENCH-0042 "$stage"
mv "$stage" "$dir"
echo "make-photos: wrote $n photos of ${w}x${h} to $dir"
