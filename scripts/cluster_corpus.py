#!/usr/bin/env python3
"""Unlabelled news text for scripts/train-clusters.sh: one sentence-ish line per paragraph,
lower-cased, tokenised roughly as CoNLL-2003 is (punctuation apart, "U.S." and "Smith's" kept
whole, "'s" split off), so that the word forms match what the NER tagger looks up.
Usage: cluster_corpus.py CORPORA_DIR OUT.txt   (prints what it read to stderr)
Sources: Reuters-21578 titles and bodies, BBC News (2004-05), English Wikinews 2019-20, the GMB
(Kaggle NER CSV) sentences' words. CoNLL-2003 is never read: its text is what the tagger is
trained and cross-validated on."""
import csv
import gzip
import html
import io
import re
import sys
import tarfile

TOKEN = re.compile(r"\d+(?:[,.]\d+)+|(?:[A-Za-z]\.){2,}|[A-Za-z0-9\u00C0-\u024F]+(?:[-'&.][A-Za-z0-9\u00C0-\u024F]+)*|\S")
CURLY = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201C": '"', "\u201D": '"', "\u2013": "-",
                       "\u2014": "-", "\u00A0": " "})


def tokens(text):
    out = []
    for t in TOKEN.findall(text.translate(CURLY)):
        low = t.lower()
        if low.endswith("'s") and len(low) > 2:
            out += [low[:-2], "'s"]
        elif low.endswith("n't") and len(low) > 3:
            out += [low[:-3], "n't"]
        else:
            out.append(low)
    return out


def write(out, text, counts, name):
    for para in re.split(r"\n\s*\n|\n    ", text):
        toks = tokens(para)
        if toks:
            out.write(" ".join(toks) + "\n")
            counts[name] = counts.get(name, 0) + len(toks)


def reuters(root, out, counts):
    for n in range(22):
        data = gzip.open(f"{root}/reuters21578/reut2-{n:03d}.sgm.gz", "rb").read().decode("latin-1")
        for part in re.findall(r"<TITLE>(.*?)</TITLE>|<BODY>(.*?)</BODY>", data, re.S):
            text = html.unescape(part[0] or part[1])
            text = re.sub(r"[\x00-\x08\x0b-\x1f]", " ", text).replace(" Reuter\n", "\n")
            write(out, text, counts, "reuters21578")


def bbc(root, out, counts):
    with tarfile.open(f"{root}/bbc/bbc-fulltext.tar.gz") as tar:
        for m in tar:
            if m.isfile() and m.name.endswith(".txt") and "README" not in m.name:
                write(out, tar.extractfile(m).read().decode("latin-1"), counts, "bbc")


def wikinews(root, out, counts):
    csv.field_size_limit(10**8)
    for year in (2019, 2020):
        with gzip.open(f"{root}/wikinews/wikinews_{year}.csv.gz", "rt", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                if not row["title"].startswith("TEST PAGE:"):
                    write(out, row["title"] + "\n\n" + row["text"], counts, "wikinews")


def gmb(root, out, counts):
    raw = gzip.open(f"{root}/gmb/ner_dataset.csv.gz").read().decode("cp1252", errors="replace")
    sentence = []
    for row in csv.reader(io.StringIO(raw)):
        if len(row) != 4 or row[0] == "Sentence #":
            continue
        if row[0] and sentence:
            write(out, " ".join(sentence), counts, "gmb")
            sentence = []
        sentence.append(row[1])
    if sentence:
        write(out, " ".join(sentence), counts, "gmb")


def main():
    root, path = sys.argv[1], sys.argv[2]
    counts = {}
    with open(path, "w", encoding="utf-8") as out:
        for source in (reuters, bbc, wikinews, gmb):
            source(root, out, counts)
    for name, n in counts.items():
        print(f"cluster_corpus: {name}: {n} tokens", file=sys.stderr)


if __name__ == "__main__":
    main()
