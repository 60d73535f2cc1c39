#!/usr/bin/env python3
# Generates a synthetic but realistic news archive for benchmarks by recombining paragraphs of the
# real corpora in ../shared/corpora (BBC, Reuters-21578, Wikinews). Called by make-archive.sh.
#
# Each generated article takes a real article as its base (headline and paragraphs in order, so
# names and places stay coherent for entity extraction) and splices in one to three paragraphs of
# another article from the same source, then gets a new id and a new date between 2000 and 2024.
# About 80% are written as plain-text files DIR/YYYY/MM/DD/<id>.txt (headline, blank line, body
# paragraphs; half open with a dateline), the rest as JSON Lines records in DIR/feeds/*.jsonl
# (fields id, title, date, body, source). Output is streamed: only the paragraph pools (~25 MB) are
# held in memory, whatever N is. The same N and SEED give byte-identical output.
#
# The texts are research-only: write archives under /tmp or a build folder, never into the repo.
import csv
import datetime
import gzip
import html
import io
import json
import os
import random
import re
import sys
import tarfile

JSONL_SHARE = 0.2
RECORDS_PER_FEED = 1000
FIRST_DAY = datetime.date(2000, 1, 1)
DAYS = (datetime.date(2024, 12, 31) - FIRST_DAY).days + 1
MONTHS = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"]


def decode(raw):
    """UTF-8, or Latin-1 for the odd file that is not (BBC sport/199.txt)."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def load_bbc(corpora):
    """[(headline, [paragraphs])] from the BBC tarball, in archive order."""
    stories = []
    with tarfile.open(os.path.join(corpora, "bbc", "bbc-fulltext.tar.gz")) as tar:
        for member in tar:
            if not member.isfile() or not member.name.endswith(".txt") or member.name.endswith("README.TXT"):
                continue
            text = decode(tar.extractfile(member).read())
            lines = text.split("\n", 1)
            paras = [re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\n", lines[1] if len(lines) > 1 else "")]
            paras = [p for p in paras if p]
            if lines[0].strip() and paras:
                stories.append((lines[0].strip(), paras))
    return stories


def load_reuters(corpora):
    """[(title, [paragraphs])] and the dateline places, from the Reuters SGML files."""
    stories, places = [], []
    folder = os.path.join(corpora, "reuters21578")
    for name in sorted(os.listdir(folder)):
        if not (name.startswith("reut2-") and name.endswith(".sgm.gz")):
            continue
        with gzip.open(os.path.join(folder, name), "rb") as f:
            text = f.read().decode("latin-1")
        for block in re.findall(r"<REUTERS.*?</REUTERS>", text, re.S):
            body = re.search(r"<BODY>(.*?)</BODY>", block, re.S)
            title = re.search(r"<TITLE>(.*?)</TITLE>", block, re.S)
            if not body or not title:
                continue
            dateline = re.search(r"<DATELINE>\s*([^,<]+),", block)
            if dateline:
                places.append(dateline.group(1).strip())
            clean = re.sub(r"&#\d+;", "", body.group(1))
            clean = re.sub(r"\s*Reuter\s*$", "", clean.strip())
            paras = [html.unescape(re.sub(r"\s+", " ", p)).strip() for p in re.split(r"\n {3,}", clean)]
            paras = [p for p in paras if p]
            if paras:
                stories.append((html.unescape(re.sub(r"&#\d+;", "", title.group(1))).strip(), paras))
    return stories, sorted(set(p for p in places if 2 <= len(p) <= 30))


def load_wikinews(corpora):
    """[(title, [paragraphs])] from the Wikinews CSVs, without the leading date paragraph."""
    stories = []
    for name in ("wikinews_2019.csv.gz", "wikinews_2020.csv.gz"):
        with gzip.open(os.path.join(corpora, "wikinews", name), "rt", encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                if row["title"].startswith("TEST PAGE:"):
                    continue
                paras = [re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\n", row["text"])]
                paras = [p for p in paras if p]
                if paras and re.match(r"^\w+day, \w+ \d+, \d{4}$", paras[0]):
                    paras = paras[1:]
                if paras:
                    stories.append((row["title"].strip(), paras))
    return stories


def dateline(rng, places, day):
    """One of the dateline shapes the readers must recognise."""
    place = rng.choice(places)
    shape = rng.randrange(3)
    if shape == 0:
        return f"{place.upper()} (Reuters) - "
    if shape == 1:
        return f"{place.upper()}, {MONTHS[day.month - 1]} {day.day} - "
    return f"{place.upper()} \u2014 "


def compose(rng, pool):
    """A headline and paragraphs: a base story plus 1-3 paragraphs spliced in from another one."""
    title, paras = rng.choice(pool)
    paras = list(paras)
    _, donor = rng.choice(pool)
    for _ in range(rng.randint(1, 3)):
        paras.insert(rng.randint(1, len(paras)), rng.choice(donor))
    return title, paras


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: make_archive.py N DIR [SEED]")
    count, out = int(sys.argv[1]), sys.argv[2]
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    corpora = os.environ.get("NEWSIDX_CORPORA",
                             os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "corpora"))
    if not os.path.isdir(corpora):
        sys.exit(f"make_archive.py: corpora folder not found: {corpora} (set NEWSIDX_CORPORA)")
    reuters, places = load_reuters(corpora)
    pools = [("Reuters", reuters, 0.5), ("BBC News", load_bbc(corpora), 0.35), ("Wikinews", load_wikinews(corpora), 0.15)]
    rng = random.Random(seed)
    os.makedirs(os.path.join(out, "feeds"), exist_ok=True)
    feed, feed_records, feed_index = None, 0, 0
    written_bytes = 0
    for n in range(count):
        pick = rng.random()
        source, pool = pools[-1][0], pools[-1][1]
        for name, candidates, share in pools:
            if pick < share:
                source, pool = name, candidates
                break
            pick -= share
        title, paras = compose(rng, pool)
        day = FIRST_DAY + datetime.timedelta(days=rng.randrange(DAYS))
        article_id = f"g{seed}-{n:08d}"
        if rng.random() < JSONL_SHARE:
            if feed is None or feed_records == RECORDS_PER_FEED:
                if feed:
                    feed.close()
                feed_index += 1
                feed = io.open(os.path.join(out, "feeds", f"feed-{feed_index:05d}.jsonl"), "w", encoding="utf-8")
                feed_records = 0
            stamp = f"{day.isoformat()}T{rng.randrange(24):02d}:{rng.randrange(60):02d}:00Z"
            line = json.dumps({"id": article_id, "title": title, "date": stamp, "body": "\n\n".join(paras),
                               "source": source}, ensure_ascii=False) + "\n"
            feed.write(line)
            feed_records += 1
            written_bytes += len(line)
        else:
            if rng.random() < 0.5:
                paras[0] = dateline(rng, places, day) + paras[0]
            folder = os.path.join(out, f"{day.year:04d}", f"{day.month:02d}", f"{day.day:02d}")
            os.makedirs(folder, exist_ok=True)
            text = title + "\n\n" + "\n\n".join(paras) + "\n"
            with io.open(os.path.join(folder, article_id + ".txt"), "w", encoding="utf-8") as f:
                f.write(text)
            written_bytes += len(text)
    if feed:
        feed.close()
    print(f"make_archive: {count} articles, {written_bytes / 1e6:.1f} MB (characters) in {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
