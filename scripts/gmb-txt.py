#!/usr/bin/env python3
"""Writes the GMB sentences (../shared/corpora/gmb/ner_dataset.csv.gz, Kaggle's token-per-row CSV of
Groningen Meaning Bank news, research-only) as plain-text pseudo-articles into OUT_DIR, for
`newsidx-index` and `scripts/facet-top.sh` (QUALITY.md, "GMB and saved web pages"). The CSV keeps
no document boundaries, so every SIZE consecutive sentences (default 15) make one article: a first
line holding the first sentence as its headline, a blank line, then the sentences as a paragraph.
Tokens are joined back into running text (no space before punctuation or a clitic, quotes paired).
Usage: scripts/gmb-txt.py OUT_DIR [SIZE] [CORPORA_DIR]"""
import csv
import gzip
import os
import sys

NO_SPACE_BEFORE = {".", ",", ";", ":", "!", "?", "%", ")", "'s", "'", "n't", "'re", "'ve", "'ll", "'d", "'m", "'S"}
NO_SPACE_AFTER = {"(", "$"}


def sentences(path):
    """Yields each sentence as its list of tokens."""
    with gzip.open(path, "rt", encoding="cp1252", newline="") as f:
        rows = csv.reader(f)
        next(rows)
        tokens = []
        for row in rows:
            if row[0].startswith("Sentence:") and tokens:
                yield tokens
                tokens = []
            tokens.append(row[1])
        if tokens:
            yield tokens


def detokenize(tokens):
    """Joins GMB's tokens into running text; its quotes are all tagged as opening, so they alternate."""
    out = ""
    quote_open = False
    glue = True
    for tok in tokens:
        if tok == '"':
            if quote_open:
                out += tok
                glue = False
            else:
                out += ("" if glue else " ") + tok
                glue = True
            quote_open = not quote_open
            continue
        if tok in ("LRB", "-LRB-"):
            tok = "("
        if tok in ("RRB", "-RRB-"):
            tok = ")"
        if not (glue or tok in NO_SPACE_BEFORE):
            out += " "
        out += tok
        glue = tok in NO_SPACE_AFTER
    return out


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    size = int(sys.argv[2]) if len(sys.argv) > 2 else 15
    corpora = sys.argv[3] if len(sys.argv) > 3 else os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpora")
    os.makedirs(out, exist_ok=True)
    batch = []
    n = 0

    def flush():
        nonlocal n
        n += 1
        with open(os.path.join(out, f"{n:05d}.txt"), "w", encoding="utf-8") as o:
            o.write(batch[0] + "\n\n" + " ".join(batch) + "\n")

    for tokens in sentences(os.path.join(corpora, "gmb", "ner_dataset.csv.gz")):
        batch.append(detokenize(tokens))
        if len(batch) == size:
            flush()
            batch = []
    if batch:
        flush()
    print(f"{n} articles in {out}")


if __name__ == "__main__":
    main()
