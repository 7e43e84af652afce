#!/usr/bin/env python3
"""Writes a sheet of N fictitious actors as a French-locale spreadsheet saves it: UTF-8 with a
byte-order mark, ';' between cells, French headers, vocabulary terms by their French labels.
Every value comes from the site's vocabulary (directory-data/vocabulary.toml). Deterministic.
Usage: make_actor_sheet.py VOCABULARY_TOML COUNT > sheet.csv"""
import csv
import random
import sys
import tomllib

vocabulary = tomllib.load(open(sys.argv[1], "rb"))
count = int(sys.argv[2])
rng = random.Random(16)


def label(category, key):
    return vocabulary[category][key]["fr"]["label"]


regions = {}
for key, term in vocabulary["regions"].items():
    regions.setdefault(term["country"], []).append(key)
countries = sorted(regions)
kinds = sorted(vocabulary["kinds"])
sectors = sorted(vocabulary["sectors"])
languages = sorted(vocabulary["languages"])
cities = {"MA": ["Rabat", "Salé", "Fès", "Béni Mellal", "Khénifra", "Oujda"],
          "IT": ["Roma", "Milano", "Torino", "Firenze", "Bologna", "Forlì"]}
words = ["Avenir", "Passerelle", "Horizons", "Solidarité", "Rencontres", "Énergies", "Racines"]

header = ["Nom", "Sigle", "Pays", "Région", "Ville", "Type", "Fondation", "Secteurs", "Langues",
          "Site web", "Courriel", "Téléphone", "latitude", "longitude", "Dernière vérification",
          "Autres noms", "Description (fr)", "Services (fr)", "Description (it)", "Servizi (it)"]
out = csv.writer(sys.stdout, delimiter=";", lineterminator="\r\n")
sys.stdout.write("\ufeff")
out.writerow(header)
for n in range(1, count + 1):
    country = countries[n % len(countries)]
    city = rng.choice(cities[country])
    name = f"Association {rng.choice(words)} de {city} n° {n}"
    chosen = rng.sample(sectors, rng.randint(1, 3))
    spoken = rng.sample(languages, rng.randint(0, 2))
    located = n % 3 == 0
    out.writerow([
        name,
        f"A{n}" if n % 4 == 0 else "",
        label("countries", country),
        label("regions", rng.choice(regions[country])) if n % 2 else "",
        city,
        label("kinds", rng.choice(kinds)),
        str(1950 + n % 70) if n % 5 else "",
        ";".join(label("sectors", key) for key in chosen),
        ";".join(label("languages", key) for key in spoken),
        f"https://example.org/{n}/" if n % 2 else "",
        f"contact{n}@example.org" if n % 3 else "",
        f"+212 5 22 {n:02d} 00 00" if country == "MA" else (f"+39 06 {n:04d} 000" if n % 2 else ""),
        f"{33 + n / 1000:.3f}" if located else "",
        f"{-7 + n / 1000:.3f}" if located else "",
        f"2026-{1 + n % 11:02d}-{1 + n % 27:02d}",
        f"ar:جمعية {n}" if n % 7 == 0 else "",
        f"L'association n° {n} accompagne les personnes de retour à {city}.",
        "Accueil;Orientation" if n % 2 else "",
        f"L'associazione n. {n} accompagna chi torna a {city}." if n % 3 else "",
        "Accoglienza" if n % 3 else "",
    ])
