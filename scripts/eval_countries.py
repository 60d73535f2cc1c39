#!/usr/bin/env python3
"""Scores facets.country (extract JSON Lines) against Reuters <PLACES> gold (TSV from
newsidx-reuters-places: id, split, codes). Prints micro P/R/F1 over TRAIN stories that have at
least one country in their gold tags, per-country errors, and examples."""
import collections
import json
import sys

gold_path, extract_path = sys.argv[1], sys.argv[2]
gold = {}
for line in open(gold_path, encoding="utf-8"):
    doc_id, split, codes = line.rstrip("\n").split("\t")
    if split == "TRAIN" and codes:
        gold[doc_id] = set(codes.split(","))

tp = fp = fn = 0
docs = 0
fp_by = collections.Counter()
fn_by = collections.Counter()
examples = []
for line in open(extract_path, encoding="utf-8"):
    rec = json.loads(line)
    if rec["id"] not in gold:
        continue
    docs += 1
    pred = set(rec["facets"]["country"])
    g = gold[rec["id"]]
    tp += len(pred & g)
    fp += len(pred - g)
    fn += len(g - pred)
    for c in pred - g:
        fp_by[c] += 1
    for c in g - pred:
        fn_by[c] += 1
    if (pred != g) and len(examples) < 8:
        examples.append((rec["id"], rec["title"][:60], sorted(g), sorted(pred)))

p = tp / (tp + fp) if tp + fp else 0.0
r = tp / (tp + fn) if tp + fn else 0.0
f = 2 * p * r / (p + r) if p + r else 0.0
print(f"stories scored (TRAIN, gold has a country): {docs}")
print(f"precision {100*p:.1f}  recall {100*r:.1f}  F1 {100*f:.1f}  (tp {tp}, fp {fp}, fn {fn})")
print("most frequent false positives:", ", ".join(f"{c} {n}" for c, n in fp_by.most_common(8)))
print("most frequent misses:", ", ".join(f"{c} {n}" for c, n in fn_by.most_common(8)))
print("examples (id, headline, gold, predicted):")
for e in examples:
    print("  ", *e)
