#!/usr/bin/env python3
"""Lists runs of six or more lines repeated in generator/ (the rule of docs: reuse a helper).

Lines are compared stripped, without blank lines, comments, includes and lone braces. With
--shape, names, numbers and strings are replaced by placeholders too, so that the same code
with other names is found (expect some false alarms: read each hit).
Usage: scripts/find_repeats.py [--shape] [--window N] [folder]
"""
import re
import sys
from collections import defaultdict
from pathlib import Path

KEYWORDS = set("""if else for while return const auto std string size_t bool int void case switch
break continue static struct class namespace using template typename true false nullptr new delete
try catch throw""".split())


def normalised(line, shape):
    line = line.strip()
    if shape:
        line = re.sub(r'"(\\.|[^"\\])*"', '""', line)
        line = re.sub(r"'(\\.|[^'\\])*'", "''", line)
        line = re.sub(r"\b\d+\b", "0", line)
        line = re.sub(r"\b[A-Za-z_]\w*\b", lambda m: m.group(0) if m.group(0) in KEYWORDS else "x", line)
    return line


def meaningful(line):
    s = line.strip()
    return s and not s.startswith(("//", "#include", "#pragma")) and s not in ("{", "}", "};", "})", "});")


def main():
    args = sys.argv[1:]
    shape = "--shape" in args
    window = 6
    if "--window" in args:
        window = int(args[args.index("--window") + 1])
    rest = [a for a in args if not a.startswith("--") and not a.isdigit()]
    root = Path(rest[0] if rest else "generator")
    seen = defaultdict(list)
    for path in sorted(root.rglob("*")):
        if path.suffix not in (".cpp", ".h"):
            continue
        lines = [(n + 1, normalised(l, shape)) for n, l in enumerate(path.read_text().splitlines()) if meaningful(l)]
        for i in range(len(lines) - window + 1):
            key = "\n".join(text for _, text in lines[i:i + window])
            seen[key].append((str(path), lines[i][0]))
    reported = set()
    found = 0
    for key, places in seen.items():
        spots = sorted(set(places))
        if len(spots) < 2:
            continue
        first = spots[0]
        # One report per run of overlapping windows: skip a window that continues a reported one.
        if any((p, n - 1) in reported for p, n in spots):
            reported.update(spots)
            continue
        reported.update(spots)
        found += 1
        print(" = ".join(f"{p}:{n}" for p, n in spots))
    print(f"{found} repeated run(s) of {window}+ lines", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
