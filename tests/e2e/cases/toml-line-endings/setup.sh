# What TOML 1.0 refuses and must not be read as something else: a carriage return that does
# not end a line (in a comment, the text after it would become a key), old Mac line endings
# (a page's front matter is TOML), a second byte-order mark, and one after the start.
sed -i 's/^phone = /# note\rphone = /' directory-data/actors/ong-atlas.toml
{ printf '\xef\xbb\xbf\xef\xbb\xbf'; cat directory-data/actors/comune-prova.toml; } > bom2 && mv bom2 directory-data/actors/comune-prova.toml
tr '\n' '\r' < content/fr/about.md > mac && mv mac content/fr/about.md
sed -i '3s/^/\xef\xbb\xbf/' content/it/about.md
printf 'comment-cr = "Carriage return in comment" # \ra=1\n' >> directory-data/actors/script-test.toml
