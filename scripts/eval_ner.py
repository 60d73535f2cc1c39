#!/usr/bin/env python3
"""CoNLL-2003 evaluation helper for scripts/eval-ner.sh.
make DATA.gz DOCS.jsonl GOLD.json: rebuilds documents and writes gold spans (token offsets).
score GOLD.json EXTRACT.jsonl: maps extracted mentions to tokens and prints P/R/F1."""
import collections
import gzip
import json
import sys

TYPE = {"person": "PER", "org": "ORG", "place": "LOC", "country": "LOC"}


def read_docs(path):
    docs, sent, doc = [], [], []
    for line in gzip.open(path, "rt", encoding="utf-8"):
        line = line.strip()
        if line.startswith("-DOCSTART-"):
            if sent:
                doc.append(sent)
            if doc:
                docs.append(doc)
            doc, sent = [], []
            continue
        if not line:
            if sent:
                doc.append(sent)
            sent = []
            continue
        parts = line.split(" ")
        sent.append((parts[0], parts[-1]))
    if sent:
        doc.append(sent)
    if doc:
        docs.append(doc)
    return docs


def spans_iob1(tags):
    """Entity spans (begin, end, type) from IOB1 tags."""
    out, start, typ = [], None, None
    for i, t in enumerate(tags + ["O"]):
        if t == "O" or t.startswith("B-") or (t.startswith("I-") and t[2:] != typ):
            if start is not None:
                out.append((start, i, typ))
            start, typ = (i, t[2:]) if t != "O" else (None, None)
    return out


def make(data, docs_out, gold_out):
    gold = {}
    with open(docs_out, "w", encoding="utf-8") as out:
        for n, doc in enumerate(read_docs(data)):
            text, offsets, ents, base = "", [], [], 0
            for sent in doc:
                sent_tokens = []
                for word, tag in sent:
                    if text and not text.endswith("\n"):
                        text += " "
                    start = len(text.encode("utf-8"))
                    text += word
                    offsets.append((start, len(text.encode("utf-8"))))
                    sent_tokens.append(tag)
                for b, e, t in spans_iob1(sent_tokens):
                    if t in ("PER", "LOC", "ORG"):
                        ents.append((base + b, base + e, t))
                base += len(sent)
                text += "\n"
            doc_id = f"testa-{n}"
            gold[doc_id] = {"offsets": offsets, "entities": ents}
            out.write(json.dumps({"id": doc_id, "title": doc_id, "body": text}) + "\n")
    json.dump(gold, open(gold_out, "w"))


def score(gold_path, extract_path):
    gold = json.load(open(gold_path))
    tp, fp, fn = collections.Counter(), collections.Counter(), collections.Counter()
    seen = set()
    for line in open(extract_path, encoding="utf-8"):
        rec = json.loads(line)
        g = gold.get(rec["id"])
        if g is None:
            continue
        seen.add(rec["id"])
        start_tok = {s: i for i, (s, e) in enumerate(g["offsets"])}
        end_tok = {e: i + 1 for i, (s, e) in enumerate(g["offsets"])}
        pred = set()
        for m in rec["mentions"]:
            t = TYPE.get(m["type"])
            if t and m["start"] in start_tok and m["end"] in end_tok:
                pred.add((start_tok[m["start"]], end_tok[m["end"]], t))
            elif t:
                pred.add((-m["start"], -m["end"], t))  # not on token boundaries: a false positive
        gold_set = {tuple(x) for x in g["entities"]}
        for x in pred & gold_set:
            tp[x[2]] += 1
        for x in pred - gold_set:
            fp[x[2]] += 1
        for x in gold_set - pred:
            fn[x[2]] += 1
    missing = set(gold) - seen
    print(f"documents: {len(seen)} scored" + (f", {len(missing)} missing from the output" if missing else ""))
    print(f"{'type':6} {'P':>6} {'R':>6} {'F1':>6} {'tp':>6} {'fp':>6} {'fn':>6}")

    def row(name, a, b, c):
        p = a / (a + b) if a + b else 0.0
        r = a / (a + c) if a + c else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{name:6} {100*p:6.2f} {100*r:6.2f} {100*f:6.2f} {a:6} {b:6} {c:6}")

    for t in ("PER", "LOC", "ORG"):
        row(t, tp[t], fp[t], fn[t])
    row("all", sum(tp.values()), sum(fp.values()), sum(fn.values()))


if __name__ == "__main__":
    if sys.argv[1] == "make":
        make(*sys.argv[2:5])
    else:
        score(*sys.argv[2:4])
