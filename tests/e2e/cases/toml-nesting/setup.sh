# TOML nesting bombs: 100,000 dotted keys, a table header as deep, nested arrays and inline
# tables. The first two overflowed toml++'s stack before the nesting guard.
printf 'a.%.0s' $(seq 100000) > directory-data/actors/dotted.toml && echo 'b = 1' >> directory-data/actors/dotted.toml
{ echo 'name = "X"'; printf '['; printf 'a.%.0s' $(seq 100000); echo 'b]'; } > directory-data/actors/header.toml
{ printf 'x = '; printf '[%.0s' $(seq 100000); printf ']%.0s' $(seq 100000); echo; } > directory-data/actors/arrays.toml
{ printf '+++\ntitle = "T"\nx = '; printf '{a=%.0s' $(seq 300); printf '1'; printf '}%.0s' $(seq 300); printf '\n+++\n'; } > content/fr/guidelines/inline.md
