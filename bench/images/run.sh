#!/usr/bin/env bash
# Image-processing benchmark: N photos turned into responsive variants (480/960/1600 px, WebP + JPEG),
# first build and cached rebuild, Passerelle against Hugo. Prints a Markdown table.
# Usage: run.sh --passerelle BIN [--photos N] [--runs R] [--first-runs F] [--only hugo|passerelle]
#               [--photos-dir DIR] [--keep]
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
bin="" photos=200 runs=3 first_runs=1 only="" photos_dir="" keep=0
while [[ $# -gt 0 ]]; do
  case $1 in
    --passerelle) bin=$(realpath "$2"); shift 2 ;;
    --photos) photos=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --first-runs) first_runs=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    --photos-dir) photos_dir=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[[ $only == hugo || -n $bin ]] || { echo "run.sh: --passerelle BIN is required (or --only hugo)" >&2; exit 2; }

tmp=${TMPDIR:-/tmp}
photos_dir=${photos_dir:-$tmp/bench-photos-$photos}
"$here/make-photos.sh" "$photos_dir" "$photos" >&2

work=$(mktemp -d "$tmp/bench-images.XXXXXX")
if [[ $keep == 1 ]]; then echo "work dir: $work" >&2; else trap 'rm -rf "$work"' EXIT; fi

# --- Hugo site: one leaf bundle; the template asks for every variant, as a theme would.
hugo_site=$work/hugo
mkdir -p "$hugo_site/content/photos" "$hugo_site/layouts/_default"
cp "$photos_dir"/photo-*.jpg "$hugo_site/content/photos/"
cat > "$hugo_site/hugo.toml" <<'EOF'
baseURL = "https://example.org/"
disableKinds = ["home", "section", "taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
EOF
printf -- '---\ntitle: Photos\n---\n' > "$hugo_site/content/photos/index.md"
cat > "$hugo_site/layouts/_default/single.html" <<'EOF'
<!doctype html><html><head><title>{{ .Title }}</title></head><body>
{{ range .Resources.ByType "image" }}
  {{ $img := . }}
  {{ $widths := slice }}
  {{ range slice 480 960 1600 }}{{ if le . $img.Width }}{{ $widths = $widths | append . }}{{ end }}{{ end }}
  {{ if not $widths }}{{ $widths = slice $img.Width }}{{ end }}
  {{ $webp := slice }}{{ $jpg := slice }}{{ $fallback := "" }}
  {{ range $widths }}
    {{ $w := $img.Resize (printf "%dx webp q80" .) }}
    {{ $j := $img.Resize (printf "%dx jpg q80" .) }}
    {{ $webp = $webp | append (printf "%s %dw" $w.RelPermalink .) }}
    {{ $jpg = $jpg | append (printf "%s %dw" $j.RelPermalink .) }}
    {{ $fallback = $j }}
  {{ end }}
  <picture>
    <source type="image/webp" srcset="{{ delimit $webp ", " }}" sizes="(min-width: 50em) 50em, 100vw">
    <img src="{{ $fallback.RelPermalink }}" srcset="{{ delimit $jpg ", " }}" sizes="(min-width: 50em) 50em, 100vw"
         width="{{ $fallback.Width }}" height="{{ $fallback.Height }}" alt="{{ .Name }}" loading="lazy">
  </picture>
{{ end }}
</body></html>
EOF

# --- Passerelle site: the smallest valid site plus one guideline folder holding the photos.
pb_site=$work/passerelle
guide=$pb_site/content/fr/guidelines/photos
mkdir -p "$guide" "$pb_site/directory-data"
cp "$photos_dir"/photo-*.jpg "$guide/"
cat > "$pb_site/site.toml" <<'EOF'
base_url = "https://example.org/"
default_language = "fr"

[[languages]]
code = "fr"
name = "Français"
title = "Banc d'essai des images"
description = "Des photos en plusieurs tailles."
[languages.sections]
guidelines = "lignes-directrices"
directory = "annuaire"
country = "pays"
kind = "type"
sector = "secteur"
EOF
printf '[countries]\n[regions]\n[kinds]\n[sectors]\n[languages]\n' > "$pb_site/directory-data/vocabulary.toml"
printf '+++\ntitle = "Accueil"\nsummary = "Banc photos."\n+++\nBanc photos.\n' > "$pb_site/content/fr/_index.md"
{
  printf '+++\ntitle = "Photos"\nsummary = "Des photos à redimensionner."\ndate = 2024-01-01\nweight = 10\n+++\n'
  for i in $(seq 1 "$photos"); do printf '\n![Photo %d](photo-%03d.jpg)\n' "$i" "$i"; done
} > "$guide/index.md"

# --- Measurement helpers.
find "$photos_dir" -name 'photo-*.jpg' -printf '%s %f\n' > "$work/sources"
results=()
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
measure() {  # measure LABEL RUNS PREP-CMD OUT-DIR -- CMD...: median wall time and CPU use, highest max RSS, output images
  local label=$1 n=$2 prep=$3 out=$4; shift 5
  local times=() cpus=() rss=0 i log=$work/last.log
  for ((i = 1; i <= n; i++)); do
    eval "$prep"
    if ! /usr/bin/time -f "%e %M %P" -o "$work/time" "$@" > "$log" 2>&1; then
      echo "run.sh: $label failed:" >&2; tail -n 20 "$log" >&2; exit 1
    fi
    read -r t m c < "$work/time"
    times+=("$t"); cpus+=("${c%\%}"); (( m > rss )) && rss=$m
    echo "  $label run $i: ${t} s, ${m} KB, CPU ${c}" >&2
  done
  local wall; wall=$(median "${times[@]}")
  # CPU above 100 % means more than one core was busy.
  local cpu; cpu=$(median "${cpus[@]}")
  local imgs; imgs=$(find "$out" -type f \( -iname '*.jpg' -o -iname '*.jpeg' -o -iname '*.webp' -o -iname '*.png' -o -iname '*.avif' \) -printf '%s %f\n')
  # Originals copied unchanged (same name and size as a source photo) are counted apart from the variants.
  local summary; summary=$(awk 'FNR == NR {src[$2 " " $1]; next}
                                NF {n = split($2, p, "."); e = tolower(p[n]); all++; mb += $1
                                    if (($2 " " $1) in src) orig++; c[e]++; s[e] += $1}
    END {printf "%d | %d | %.1f | ", all, orig, mb / 1048576
         for (e in c) { printf "%s%d %s (%.1f MB)", sep, c[e], e, s[e] / 1048576; sep = ", " } }' "$work/sources" - <<< "$imgs")
  results+=("| $label | $n | $wall | $cpu | $(( rss / 1024 )) | $summary |")
}

echo "load before: $(uptime)" >&2
if [[ $only != passerelle ]]; then
  cd "$hugo_site"
  measure "Hugo first build" "$first_runs" 'rm -rf resources/_gen public' public -- hugo --quiet
  measure "Hugo cached rebuild" "$runs" 'rm -rf public' public -- hugo --quiet
fi
if [[ $only != hugo ]]; then
  cd "$pb_site"
  measure "Passerelle first build" "$first_runs" 'rm -rf .passerelle-cache public' public -- "$bin" build --quiet --out public
  measure "Passerelle cached rebuild" "$runs" 'rm -rf public' public -- "$bin" build --quiet --out public
fi
echo "load after: $(uptime)" >&2

echo
echo "$photos photos of $(vipsheader -f width "$photos_dir/photo-001.jpg")×$(vipsheader -f height "$photos_dir/photo-001.jpg"), $(nproc) cores; $(hugo version | cut -d' ' -f1-2)${bin:+; $("$bin" --version 2>&1 | head -n1)}"
echo
echo "| build | runs | median wall (s) | median CPU (%) | max RSS (MB) | images out | of which originals | MB out | by type |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---|"
printf '%s\n' "${results[@]}"
