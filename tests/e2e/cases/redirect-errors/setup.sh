# Redirects that cannot be: a loop in site.toml, aliases that are the addresses of real pages
# (a guideline's, a tag page's, an actor's), and an alias that is neither a slug nor a path.
cat >> site.toml <<'TOML'

[redirects]
"/fr/ancienne-a/" = "/fr/ancienne-b/"
"/fr/ancienne-b/" = "/fr/ancienne-a/"
TOML
sed -i 's/^slug = "preparer-le-retour"/slug = "preparer-le-retour"\naliases = ["credit", "Ancienne Adresse", "\/fr\/ancien-retour\/", "\/fr\/tags\/retour\/"]/' content/fr/guidelines/retour.md
sed -i '1i aliases = ["ong-atlas"]' directory-data/actors/comune-prova.toml
