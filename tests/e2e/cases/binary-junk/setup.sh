# Binary data under Markdown and TOML names (fixed bytes, so that the positions are stable):
# the start of a PNG image and of a ZIP archive.
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0' > content/fr/guidelines/junk.md
printf 'PK\x03\x04\x00\x00binary' > directory-data/actors/junk.toml
