# Binary data under Markdown and TOML names.
{ head -c 2048 /dev/urandom; printf "\0"; } > content/fr/guidelines/junk.md  # a NUL for sure
printf 'PK\x03\x04\x00\x00binary' > directory-data/actors/junk.toml
