# Empty files where a page, a record and the vocabulary are expected.
: > content/fr/guidelines/empty.md
: > directory-data/actors/empty.toml
printf '\xef\xbb\xbf' > content/it/guidelines/bom-only.md
printf '+++' > content/it/guidelines/fence-only.md
