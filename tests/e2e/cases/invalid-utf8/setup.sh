# Latin-1 bytes where UTF-8 is expected, in a record and in a page.
printf 'name = "Associazione Citt\xe0"\n' > directory-data/actors/comune-prova.toml
printf '+++\ntitle = "Cr\xe9dit"\n+++\n' > content/fr/guidelines/credit.md
