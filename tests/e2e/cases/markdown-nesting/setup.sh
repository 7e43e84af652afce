# 100,000 nested block quotes, and as many nested list items, in a page and an actor record.
{ printf '+++\ntitle = "Citations"\nsummary = "S"\ndate = 2026-10-05\n+++\n'; printf '> %.0s' $(seq 100000); echo x; } > content/fr/guidelines/quotes.md
{ printf '+++\ntitle = "Listes"\nsummary = "S"\ndate = 2026-10-05\n+++\n'; printf -- '- %.0s' $(seq 100000); echo x; } > content/it/guidelines/lists.md
{ grep -v '^fr = ' directory-data/actors/ong-atlas.toml; printf 'fr = "'; printf -- '1. %.0s' $(seq 100000); echo 'x"'; } > directory-data/actors/ong-atlas.toml.new
mv directory-data/actors/ong-atlas.toml.new directory-data/actors/ong-atlas.toml
