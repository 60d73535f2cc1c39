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

# indexer/clusters.hpp: kHashes minimums, the first kBands of them bands (16 bits; the others 8).
HASHES, BANDS = 32, 5

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


def sample(labels_path, db, build, n, seed):
    labels = read_labels(labels_path)
    stories = collections.defaultdict(list)
    for a, (lab, title) in labels.items():
        if lab:
            stories[lab].append((a, title))
    sizes = collections.Counter(len(m) for m in stories.values())
    print(f"Reuters: {len(labels)} articles, {len(stories)} stories with copies holding "
          f"{sum(len(m) for m in stories.values())} articles; sizes {dict(sorted(sizes.items()))}")
    query = os.path.join(build, "query", "newsidx-query")
    for lab in random.Random(seed).sample(sorted(stories), min(n, len(stories))):
        print(f"--- story {lab} ({len(stories[lab])} articles)")
        out = subprocess.run([query, "--db", db, "--copies", lab, "--json", "--limit", "5"],
                             capture_output=True, text=True).stdout
        for line in out.splitlines():
            j = json.loads(line)
            if j["type"] == "article":
                print(f"  {j['id']} | {j['title']} | {j['snippet'][:160]}")


def parse_fingerprint(hexed):
    """The fingerprint as indexer/clusters encodes it: shingle count, the BANDS band minimums
    (16-bit little-endian), the other minimums (a byte each), the counts of numbers and names (a
    byte each), their sketches (16-bit little-endian)."""
    b = bytes.fromhex(hexed)
    u16 = lambda i: b[i] | (b[i + 1] << 8)
    narrow = 2 + 2 * BANDS
    fixed = narrow + (HASHES - BANDS)
    mins = [u16(2 + 2 * i) for i in range(BANDS)] + [b[narrow + i] for i in range(HASHES - BANDS)]
    nn, na = b[fixed], b[fixed + 1]
    kn, ka = min(nn, 8), min(na, 8)
    numbers = [u16(fixed + 2 + 2 * i) for i in range(kn)]
    names = [u16(fixed + 2 + 2 * kn + 2 * i) for i in range(ka)]
    return u16(0), mins, (nn, numbers), (na, names)


def share(a, b):
    """indexer/clusters share(): (share, compared) of two (count, sketch) pairs."""
    few, many = (a, b) if a[0] <= b[0] else (b, a)
    rng = 0xFFFF
    for k in (a, b):
        if k[0] > len(k[1]) and k[1]:
            rng = min(rng, k[1][-1])
    compared = [h for h in few[1] if h <= rng]
    found = sum(1 for h in compared if h in set(many[1]))
    return (found / len(compared) if compared else 1.0), len(compared)


def similarity(fa, fb):
    """indexer/clusters similarity(): resemblance, containment, numbers share, names share."""
    same = sum(x == y for x, y in zip(fa[1], fb[1]))
    r = same / HASHES
    inter = r * (fa[0] + fb[0]) / (1 + r)
    c = min(1.0, inter / max(1, min(fa[0], fb[0])))
    return r, c, share(fa[2], fb[2]), share(fa[3], fb[3])


def tune(extract_path, truth_path):
    """Pair outcomes of the copy test at several name-containment thresholds, from the
    fingerprints --extract-only prints (candidates: pairs sharing one of the band minimums; TUNE_BANDS=N counts the first N only).
    With a truth file (generated copies): recall and precision; without: the pairs each
    threshold turns away, to read."""
    prints, titles = {}, {}
    with open(extract_path, encoding="utf-8") as f:
        for line in f:
            j = json.loads(line)
            if j.get("fingerprint"):
                key = str(j["id"])
                prints[key] = parse_fingerprint(j["fingerprint"])
                titles[key] = j.get("title", "")
    bands = collections.defaultdict(list)
    for k, fp in prints.items():
        for b in range(int(os.environ.get("TUNE_BANDS", BANDS))):
            bands[(b, fp[1][b])].append(k)
    cands = set()
    for members in bands.values():
        if len(members) <= 200:
            cands.update(itertools.combinations(sorted(members), 2))
    sims = {p: similarity(prints[p[0]], prints[p[1]]) for p in cands}
    base = {p for p, s in sims.items() if s[1] >= 0.5 and s[0] >= 0.25}
    source = {}
    if truth_path:
        with open(truth_path) as f:
            for line in f:
                a, s = line.rstrip("\n").split("\t")
                source[a] = s
    # A share counts from 1 compared number and from 3 compared names (kMinNumbers, kMinNames).
    ok_n = lambda sh, t: sh[1] < 1 or sh[0] >= t
    ok = lambda sh, t: sh[1] < 3 or sh[0] >= t
    grid = [(tn, ta) for tn in (0.0, 0.5, 0.6, 0.7, 0.8) for ta in (0.0, 0.4, 0.5, 0.6, 0.7)]
    for tn, ta in grid:
        kept = {p for p in base if ok_n(sims[p][2], tn) and ok(sims[p][3], ta)}
        if truth_path:
            copies = {a for a in source if a.startswith("copies/")}
            st = lambda a: source.get(a) or a[len("orig/"):]
            judged = [p for p in kept if p[0] in copies or p[1] in copies]
            right = sum(1 for a, b in judged if st(a) == st(b))
            true = collections.Counter(source.values())
            ntrue = sum(n * (n - 1) // 2 for n in true.values())
            print(f"numbers >= {tn}, names >= {ta}: pairs {len(judged)}, right {right}, "
                  f"direct-pair recall {right / max(1, ntrue):.4f}, precision {right / max(1, len(judged)):.4f}")
        else:
            print(f"numbers >= {tn}, names >= {ta}: {len(kept)} pairs of {len(base)}")
    if not truth_path:
        tn, ta = float(os.environ.get("TUNE_NUMBERS", "0.6")), float(os.environ.get("TUNE_NAMES", "0.5"))
        kept = sorted(p for p in base if ok_n(sims[p][2], tn) and ok(sims[p][3], ta))
        gone = sorted(set(base) - set(kept))
        for label, pairs in (("turned away", gone), ("kept", kept)):
            pairs = list(pairs)
            random.Random(0).shuffle(pairs)
            for a, b in pairs[:25]:
                s = sims[(a, b)]
                print(f"  {label}: numbers {s[2][0]:.2f}/{s[2][1]} names {s[3][0]:.2f}/{s[3][1]}  {titles[a]!r}  |  {titles[b]!r}")

if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "generate":
        generate(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    elif cmd == "score":
        score(sys.argv[2], sys.argv[3], sys.argv[4])
    elif cmd == "identical":
        identical(sys.argv[2], sys.argv[3])
    elif cmd == "tune":
        tune(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else "")
    elif cmd == "sample":
        sample(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), int(sys.argv[6]) if len(sys.argv) > 6 else 1)
