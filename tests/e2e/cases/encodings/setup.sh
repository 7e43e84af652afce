# Files that are not UTF-8 text: a page and a record saved as UTF-16 (with and without a
# byte-order mark), a NUL byte in a page; each error says where.
iconv -f UTF-8 -t UTF-16 content/it/about.md > u16 && mv u16 content/it/about.md
iconv -f UTF-8 -t UTF-16LE directory-data/actors/comune-prova.toml > u16 && mv u16 directory-data/actors/comune-prova.toml
sed -i '7s/test,/te\x00st,/' content/fr/about.md
