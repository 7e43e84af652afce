#!/usr/bin/env python3
"""Random edits of a passerelle-corpus site, for e2e/incremental.sh: deterministic for a seed.

Usage: incremental_edits.py SITE SEED ROUND KINDS
KINDS: comma-separated among body, actor, vocabulary, title, add, remove; each round makes one
to three edits of those kinds and prints what it did. `remove` removes a file an earlier `add`
made (nothing links to it, so the site still builds).
"""
import glob
import os
import random
import re
import sys

site, seed, round_number, kinds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4].split(",")
rng = random.Random(seed * 1000 + round_number)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def guidelines():
    return sorted(glob.glob(os.path.join(site, "content", "*", "guidelines", "guideline-*.md")))


def actors():
    return sorted(glob.glob(os.path.join(site, "directory-data", "actors", "*.toml")))


def edit_body():
    path = rng.choice(guidelines())
    write(path, read(path) + f"\nUne phrase ajoutée au tour {round_number}, numéro {rng.randrange(1000)}.\n")
    return f"body of {os.path.relpath(path, site)}"


def edit_actor():
    path = rng.choice(actors())
    text = read(path)
    language = rng.choice(["fr", "it"])
    marker = f'\n{language} = """\n'
    at = text.rfind(marker)
    if at < 0:
        return f"nothing in {os.path.relpath(path, site)}"
    at += len(marker)
    word = rng.choice(["Nouveau. ", "Nuovo. ", "Récemment : "])
    write(path, text[:at] + word + text[at:])
    return f"description ({language}) of {os.path.relpath(path, site)}"


def edit_vocabulary():
    path = os.path.join(site, "directory-data", "vocabulary.toml")
    text = read(path)
    labels = list(re.finditer(r'label = "([^"]*)"', text))
    found = rng.choice(labels)
    write(path, text[:found.end(1)] + f" {round_number}" + text[found.end(1):])
    return f"vocabulary label {found.group(1)!r}"


def edit_title():
    path = rng.choice(guidelines())
    text = read(path)
    write(path, re.sub(r'^title = "', f'title = "({round_number}) ', text, count=1, flags=re.M))
    return f"title of {os.path.relpath(path, site)}"


def add_file():
    source = rng.choice(guidelines())
    folder = os.path.dirname(source)
    path = os.path.join(folder, f"added-{round_number}-{rng.randrange(1000)}.md")
    text = re.sub(r'^title = "', 'title = "Ajout : ', read(source), count=1, flags=re.M)
    # Its own address, from its file name: the copy must not claim the original's.
    text = re.sub(r'^(slug|translation_key|aliases) = .*\n', '', text, flags=re.M)
    write(path, text)
    return f"added {os.path.relpath(path, site)}"


def remove_file():
    added = sorted(glob.glob(os.path.join(site, "content", "*", "guidelines", "added-*.md")))
    if not added:
        return add_file()
    path = rng.choice(added)
    os.remove(path)
    return f"removed {os.path.relpath(path, site)}"


edits = {"body": edit_body, "actor": edit_actor, "vocabulary": edit_vocabulary,
         "title": edit_title, "add": add_file, "remove": remove_file}
for _ in range(rng.randint(1, 3)):
    print(edits[rng.choice(kinds)]())
