# A front matter of 100,000 unknown fields: each is an error, the report stays readable
# (20 per file) and quick (each file is read once for the excerpts).
{ printf '+++\ntitle = "T"\nsummary = "S"\ndate = 2026-10-05\n'; seq -f 'champ%.0f = 1' 100000; printf '+++\n'; } > content/fr/guidelines/fields.md
