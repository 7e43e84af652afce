#!/usr/bin/env bash
# The stages of generator/ include only the stages below them (docs/architecture.md): each
# folder has a rank, and a file may include a folder of lower rank or its own, never a sibling
# of the same rank or a later stage. A new folder must be given its rank here.
# Usage: layers.sh GENERATOR_DIR
set -uo pipefail
generator=$1
declare -A rank=(
  [messages]=0 [base]=1 [config]=2
  [content]=3 [markdown]=3
  [model]=4
  [theme]=5 [output]=5
  [render]=6 [feeds]=6 [exports]=6 [search]=6 [media]=6
  [print]=7 [pipeline]=8
  [check]=9 [scaffold]=9 [sheet]=9
  [serve]=10
  [cli]=11
)
problems=0
for folder_path in "$generator"/*/; do
  folder=$(basename "$folder_path")
  if [ -z "${rank[$folder]+x}" ]; then
    echo "generator/$folder/ has no rank in $(basename "$0"): give it its place in the stages"
    problems=$((problems + 1))
    continue
  fi
  while IFS=: read -r file line included; do
    target=${included%%/*}
    [ "$target" = "$folder" ] && continue
    if [ -z "${rank[$target]+x}" ] || [ "${rank[$target]}" -ge "${rank[$folder]}" ]; then
      echo "${file#"$generator"/}:$line: $folder/ (stage ${rank[$folder]}) includes $included" \
        "(stage ${rank[$target]:-?}): includes must point to an earlier stage"
      problems=$((problems + 1))
    fi
  done < <(grep -Hno '^#include "[a-z_]*/[^"]*"' "$folder_path"*.cpp "$folder_path"*.h 2>/dev/null |
             sed 's/#include "\(.*\)"$/\1/')
done
if [ "$problems" -gt 0 ]; then
  echo "$problems include(s) against the stages"
  exit 1
fi
echo "every include of generator/ points to an earlier stage"
