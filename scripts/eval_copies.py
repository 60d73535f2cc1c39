#!/usr/bin/env python3
"""Helper of scripts/eval-copies.sh: generates the syndicated-copy test archive from the BBC set,
and scores story clusters (pair recall and precision), the BBC byte-identical groups, and a
Reuters sample to check by hand. Reads and writes only under the folders it is given."""
import collections
import itertools
import json
import os
import random
import subprocess
import sys

OUTLETS = ["dailypost", "herald", "wirefeed", "gazette", "courier"]
DATELINES = ["LONDON (Wire) -", "NEW YORK, March 3 -", "MANCHESTER, England --", "PARIS (AFP) —"]
BYLINES = ["By Sam Rivers", "By Ann Lee, Business Reporter", "From our correspondent", "By J. Doe and K. Roe"]
CREDITS = ["(Reporting by Ann Lee; Editing by Sam Rivers)", "Copyright 2005 Example Wire. All rights reserved.",
           "This story was supplied by a news agency.", "(c) Example Syndicate"]
SWAPS = {"said": "stated", "says": "states", "people": "individuals", "government": "administration",
         "company": "firm", "but": "however", "year": "twelve months", "new": "fresh", "also": "too"}


def read_bbc(root):
    stories = {}
    for section in sorted(os.listdir(root)):
        folder = os.path.join(root, section)
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            if name.endswith(".txt"):
                with open(os.path.join(folder, name), encoding="latin-1") as f:
                    text = f.read()
                stories[f"{section}/{name}"] = text
    return stories


def paragraphs(body):
    return [p.strip() for p in body.split("\n\n") if p.strip()]


def copy_of(text, rng, other_title):
    title, _, body = text.partition("\n")
    paras = paragraphs(body)
    words = sum(len(p.split()) for p in paras)
    keep = rng.uniform(0.7, 0.9) * words
    kept, n = [], 0
    for p in paras:
        if n >= keep:
            break
        kept.append(p)
        n += len(p.split())
    # A few words changed.
    changes = 0
    for i, p in enumerate(kept):
        toks = p.split(" ")
        for j, t in enumerate(toks):
            if t in SWAPS and changes < 5 and rng.random() < 0.5:
                toks[j] = SWAPS[t]
                changes += 1
        kept[i] = " ".join(toks)
    kept[0] = rng.choice(DATELINES) + " " + kept[0]
    kept.insert(min(2, len(kept)), "Read more: " + other_title.strip() + " - the full story and analysis on our website")
    headline = "Update: " + " ".join(reversed(title.split()))
    return headline + "\n\n" + rng.choice(BYLINES) + "\n\n" + "\n\n".join(kept) + "\n\n" + rng.choice(CREDITS) + "\n"


def generate(bbc, out, seed):
    stories = read_bbc(bbc)
    ids = sorted(stories)
    random.Random(0).shuffle(ids)
    half = [i for n, i in enumerate(ids) if n % 2 == seed - 1]
    rng = random.Random(seed)
    originals = rng.sample(half, 150)
    for sid in half:  # every story of the half: the originals and the negatives
        path = os.path.join(out, "orig", sid)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(stories[sid])
    for sid in originals:
        print(f"orig/{sid}\t{sid}")
        for k in range(rng.randint(1, 3)):
            other = stories[rng.choice(half)].partition("\n")[0]
            cid = f"copies/{rng.choice(OUTLETS)}/{sid.replace('/', '-')[:-4]}-{k}.txt"
            path = os.path.join(out, cid)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(copy_of(stories[sid], rng, other))
            print(f"{cid}\t{sid}")


def read_labels(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            out[parts[0]] = (parts[1] if len(parts) > 1 else "", parts[2] if len(parts) > 2 else "")
    return out


def same_text(archive, a, b):
    """Whether two BBC originals are one story by an independent measure (difflib over words)."""
    import difflib
    read = lambda s: open(os.path.join(archive, "orig", s), encoding="utf-8").read().split()
    return difflib.SequenceMatcher(None, read(a), read(b), autojunk=False).ratio() >= 0.8


def score(truth_path, labels_path, archive):
    source = {}
    with open(truth_path) as f:
        for line in f:
            a, s = line.rstrip("\n").split("\t")
            source[a] = s
    copies = {a for a in source if a.startswith("copies/")}
    labels = read_labels(labels_path)
    story = lambda a: source.get(a) or (a[len("orig/"):] if a.startswith("orig/") else a)
    by_label = collections.defaultdict(list)
    for a, (lab, _) in labels.items():
        if lab:
            by_label[lab].append(a)
    predicted = set()
    for members in by_label.values():
        for a, b in itertools.combinations(sorted(members), 2):
            if a in copies or b in copies:
                predicted.add((a, b))
    true = set()
    by_story = collections.defaultdict(list)
    for a in source:
        by_story[source[a]].append(a)
    for members in by_story.values():
        for a, b in itertools.combinations(sorted(members), 2):
            true.add((a, b))
    hit = predicted & true
    wrong = sorted(predicted - true)
    # A copy of A paired with B where the BBC set itself holds A and B as near-identical texts
    # (difflib ratio >= 0.8) is right: the set's own duplicates, not the generator's.
    twins = [(a, b) for a, b in wrong if same_text(archive, story(a), story(b))]
    print(f"pairs joining copies of the BBC set's own near-identical stories: {len(twins)} (raw precision "
          f"{len(hit) / max(1, len(predicted)):.4f})")
    recall = len(hit) / max(1, len(true))
    hit = hit | set(twins)
    wrong = sorted(set(wrong) - set(twins))
    print(f"generated copies: {len(copies)} of {len(by_story)} stories, {len(labels)} articles in the archive")
    print(f"pairs: {len(true)} true, {len(predicted)} predicted, {len(hit)} right")
    print(f"pair recall {recall:.4f}, precision {len(hit) / max(1, len(predicted)):.4f}")
    for a, b in wrong[:20]:
        print(f"  wrong pair: {a} ({story(a)})  {b} ({story(b)})")
    missed = sorted(true - predicted)
    for a, b in missed[:10]:
        print(f"  missed pair: {a}  {b}")
    among = sum(1 for m in by_label.values() if not any(a in copies for a in m))
    print(f"stories among the BBC originals themselves (not scored): {among}")


def identical(duplicates_path, labels_path):
    labels = read_labels(labels_path)
    groups = found = 0
    with open(duplicates_path) as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            ids = [p[len("bbc/"):] for p in line.split()]
            groups += 1
            labs = {labels.get(i, ("", ""))[0] for i in ids}
            if len(labs) == 1 and "" not in labs:
                found += 1
            else:
                print(f"  byte-identical group not found: {' '.join(ids)}")
    stories = collections.Counter(lab for lab, _ in labels.values() if lab)
    print(f"BBC byte-identical groups found: {found} of {groups}; BBC stories with copies: {len(stories)}, "
          f"articles in them: {sum(stories.values())}")


def sample(labels_path, db, build, n):
    labels = read_labels(labels_path)
    stories = collections.defaultdict(list)
    for a, (lab, title) in labels.items():
        if lab:
            stories[lab].append((a, title))
    sizes = collections.Counter(len(m) for m in stories.values())
    print(f"Reuters: {len(labels)} articles, {len(stories)} stories with copies holding "
          f"{sum(len(m) for m in stories.values())} articles; sizes {dict(sorted(sizes.items()))}")
    query = os.path.join(build, "query", "newsidx-query")
    for lab in random.Random(0).sample(sorted(stories), min(n, len(stories))):
        print(f"--- story {lab} ({len(stories[lab])} articles)")
        out = subprocess.run([query, "--db", db, "--copies", lab, "--json", "--limit", "5"],
                             capture_output=True, text=True).stdout
        for line in out.splitlines():
            j = json.loads(line)
            if j["type"] == "article":
                print(f"  {j['id']} | {j['title']} | {j['snippet'][:160]}")


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "generate":
        generate(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    elif cmd == "score":
        score(sys.argv[2], sys.argv[3], sys.argv[4])
    elif cmd == "identical":
        identical(sys.argv[2], sys.argv[3])
    elif cmd == "sample":
        sample(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]))
