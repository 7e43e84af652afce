# A 50 MB page and a 12 MB record, generated here rather than committed.
{ printf '+++\ntitle = "Énorme"\nsummary = "S"\ndate = 2026-10-05\n+++\n'
  yes 'Une ligne de texte ordinaire, répétée pour faire un fichier de cinquante mégaoctets.' | head -c 50000000; } > content/fr/guidelines/huge.md
{ printf 'name = "X"\n'; yes '# commentaire' | head -c 12000000; } > directory-data/actors/huge.toml
