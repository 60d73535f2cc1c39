#!/usr/bin/env python3
"""Writes the Wikinews sample (../shared/corpora/wikinews, CC BY 2.5) as one .txt file per article
(headline, blank line, text as scraped, interview transcripts included) into OUT_DIR, for
`newsidx-index` and `scripts/facet-top.sh` (QUALITY.md, "Wikinews lists").
Usage: scripts/wikinews-txt.py OUT_DIR [CORPORA_DIR]"""
import csv
import gzip
import os
import sys


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    corpora = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpora")
    os.makedirs(out, exist_ok=True)
    n = 0
    for name in ("wikinews_2019.csv.gz", "wikinews_2020.csv.gz"):
        with gzip.open(os.path.join(corpora, "wikinews", name), "rt", encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                if row["title"].startswith("TEST PAGE:"):
                    continue
                n += 1
                with open(os.path.join(out, f"{n:05d}.txt"), "w", encoding="utf-8") as o:
                    o.write(row["title"].strip() + "\n\n" + row["text"])
    print(f"{n} articles in {out}")


if __name__ == "__main__":
    main()
