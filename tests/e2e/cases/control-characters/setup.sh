# Invisible characters that would break XML feeds or make text read differently from what it
# is: a raw escape sequence, a bidi override written as a TOML escape, a raw bidi isolate, a
# form feed and a noncharacter.
printf '+++\ntitle = "Le cr\xc3\xa9dit \x1b[31m"\nsummary = "S"\ndate = 2026-10-05\n+++\n' > content/fr/guidelines/credit.md
sed -i 's/^city = .*/city = "\\u202Egpj.exe"/' directory-data/actors/ong-atlas.toml
printf '+++\ntitle = "\xe2\x81\xa6x"\n+++\n' > content/it/about.md
printf '+++\ntitle = "T"\n+++\nSaut\x0cde page\n' > content/fr/about.md
printf 'name = "X\xef\xbf\xbe"\n' > directory-data/actors/comune-prova.toml
