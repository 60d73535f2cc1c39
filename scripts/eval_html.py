#!/usr/bin/env python3
"""Main-content and metadata quality of newsidx's HTML reader on the Readability test pages.

  eval_html.py prepare PAGES_DIR OUT_DIR   copy the counted pages' source.html to OUT_DIR/NAME.html
  eval_html.py score PAGES_DIR EXTRACT.jsonl
  eval_html.py prepare PAGES_DIR OUT_DIR outside   the real pages that hold no article, instead
  eval_html.py classes EXTRACT.jsonl               which of those newsidx calls "not an article"

Scoring follows the public article-extraction benchmark: the expected and the extracted text are
cut into tokens (words; each Chinese or Japanese character is a token, as those scripts do not
space words) and 4-token shingles; per page, precision and recall of the shingle multisets; then
the mean precision and mean recall over pages and the F1 of the two means. A page we give no
article for scores precision 0 and recall 0. The expected text is what Readability.js extracts, so
the figure is agreement with Readability. Beside it, the all-text baseline: every text node of the
page's <body> (scripts and styles excepted), what an indexer that keeps the whole page reads.
Title: exact match after white-space normalisation, and "headline": equal once trailing
site-name parts of the expected title are cut (Readability often keeps " | Site"; newsidx removes
the site name, as its issue asks), each cut part shorter than what remains; date: the day (first 10 characters of the
expected publishedTime). Pages are split by their position in name order into odd (the half the
rules were developed on) and even (the check half).
"""
import html.parser
import json
import os
import re
import shutil
import sys
from collections import Counter

# Synthetic cleaning cases of Readability's test suite: a few lines made up to test one rule.
SYNTHETIC = set("""
003-metadata-preferred 004-metadata-space-separated-properties 005-unescape-html-entities base-url
base-url-base-element base-url-base-element-relative basic-tags-cleaning
comment-inside-script-parsing data-url-image dev418 embedded-videos hidden-nodes
invalid-attributes js-link-replacement lazy-image-3 metadata-content-missing missing-paragraphs
normalize-spaces ol parsely-metadata remove-aria-hidden remove-extra-brs remove-extra-paragraphs
remove-script-tags reordering-paragraphs replace-brs replace-font-tags rtl-1 rtl-2 rtl-3 rtl-4
social-buttons style-tags-removal svg-parsing table-style-attributes title-and-h1-discrepancy
title-en-dash visibility-hidden""".split())

# Real pages that hold no news, magazine or blog article: reference and documentation pages,
# product pages, section fronts, a multi-article weekly edition, whole books and fiction chapters.
NOT_ARTICLES = {
    "wikipedia": "encyclopedia entry", "wikipedia-2": "encyclopedia entry",
    "wikipedia-3": "encyclopedia entry", "wikipedia-4": "encyclopedia list",
    "mozilla-1": "product page", "mozilla-2": "product page",
    "google-sre-book-1": "book chapter", "mercurial": "documentation", "mathjax": "documentation",
    "ietf-1": "protocol draft", "daringfireball-1": "site colophon",
    "yahoo-2": "news front page", "nytimes-5": "section front page",
    "lwn-1": "weekly edition of many articles", "clean-links": "a whole book",
    "archive-of-our-own": "fiction chapter", "royal-road": "fiction chapter",
    "hukumusume": "children's tale",
}

BLOCKS = set("p div h1 h2 h3 h4 h5 h6 li ul ol blockquote pre table tr td th section article br dd dt figcaption".split())


class TextCollector(html.parser.HTMLParser):
    """Text of an HTML document, blocks separated by newlines; optionally only inside <body>."""

    def __init__(self, body_only):
        super().__init__(convert_charrefs=True)
        self.parts, self.skip, self.body_only, self.in_body = [], 0, body_only, not body_only

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "noscript", "template"):
            self.skip += 1
        if tag == "body":
            self.in_body = True
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "noscript", "template") and self.skip:
            self.skip -= 1
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip and self.in_body:
            self.parts.append(data)

    def text(self):
        return "".join(self.parts)


def html_text(raw, body_only=False):
    c = TextCollector(body_only)
    c.feed(raw)
    c.close()
    return c.text()


TOKEN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|\w+")


def shingles(text, n=4):
    toks = TOKEN.findall(text.lower())
    if len(toks) < n:
        return Counter([tuple(toks)]) if toks else Counter()
    return Counter(tuple(toks[i:i + n]) for i in range(len(toks) - n + 1))


def pr(expected, got):
    e, g = shingles(expected), shingles(got)
    if not e and not g:
        return 1.0, 1.0
    if not g:
        return 0.0, 0.0
    tp = sum((e & g).values())
    return tp / sum(g.values()), (tp / sum(e.values()) if e else 1.0)


def counted(pages_dir):
    out = []
    for name in sorted(os.listdir(pages_dir)):
        if name in SYNTHETIC:
            reason = "synthetic cleaning case"
        elif name in NOT_ARTICLES:
            reason = "not an article: " + NOT_ARTICLES[name]
        else:
            reason = ""
        out.append((name, reason))
    return out


def prepare(pages_dir, out_dir, which="counted"):
    """Copies the counted pages (or, with which="outside", the real pages that hold no article)."""
    os.makedirs(out_dir, exist_ok=True)
    for name, reason in counted(pages_dir):
        if (which == "counted" and not reason) or (which == "outside" and name in NOT_ARTICLES):
            shutil.copy(os.path.join(pages_dir, name, "source.html"), os.path.join(out_dir, name + ".html"))


def classes(extract_path):
    """Which of the real pages that hold no article newsidx also calls no article."""
    with open(extract_path, encoding="utf-8") as f:
        read = {os.path.basename(json.loads(line)["path"])[:-len(".html")] for line in f}
    refused = sorted(n for n in NOT_ARTICLES if n not in read)
    print(f"real pages outside the count that newsidx calls not an article: {len(refused)} of {len(NOT_ARTICLES)}"
          f" ({' '.join(refused) or '-'}); read as articles: {' '.join(sorted(read)) or '-'}")


def norm(s):
    return " ".join((s or "").split())


SUFFIX = re.compile(r"\s*(?:\||-|–|—|·|::|_)\s*[^|\-–—·_]*$")


def same_headline(ours, expected):
    """Equal, or equal once trailing site-name parts (' | Site', ' - Author - Medium', '_Site')
    are cut from the expected title: the same headline, the site name aside."""
    ours, expected = norm(ours), norm(expected)
    while True:
        if ours == expected:
            return True
        cut = SUFFIX.sub("", expected)
        # A site name is shorter than the headline it follows: "Raspberry Pi 3" is not the
        # headline of "Raspberry Pi 3 - The credit card sized PC that cost only $35".
        if cut == expected or not cut or len(expected) - len(cut) >= len(cut):
            return False
        expected = cut


def score(pages_dir, extract_path):
    got = {}
    with open(extract_path, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            got[os.path.basename(rec["path"])[:-len(".html")]] = rec
    pages = counted(pages_dir)
    print("pages left out:")
    for name, reason in pages:
        if reason:
            print(f"  {name}: {reason}")
    names = [n for n, r in pages if not r]
    print(f"pages counted ({len(names)}): {' '.join(names)}\n")
    rows = {}
    for i, name in enumerate(names):
        d = os.path.join(pages_dir, name)
        with open(os.path.join(d, "expected.html"), encoding="utf-8") as f:
            expected = html_text(f.read())
        with open(os.path.join(d, "expected-metadata.json"), encoding="utf-8") as f:
            meta = json.load(f)
        with open(os.path.join(d, "source.html"), encoding="utf-8", errors="replace") as f:
            baseline = html_text(f.read(), body_only=True)
        rec = got.get(name)
        p, r = pr(expected, rec["body"] if rec else "")
        bp, br = pr(expected, baseline)
        title_ok = norm(rec["title"]) == norm(meta.get("title")) if rec else False
        headline_ok = same_headline(rec["title"], meta.get("title")) if rec else False
        day = (meta.get("publishedTime") or "")[:10]
        date_ok = bool(rec) and rec.get("date") == day
        rows[name] = dict(half="odd" if i % 2 == 0 else "even", p=p, r=r, bp=bp, br=br,
                          title=(title_ok if meta.get("title") else None),
                          headline=(headline_ok if meta.get("title") else None),
                          date=(date_ok if day else None), got=bool(rec))
        if "-v" in sys.argv or "-vv" in sys.argv:
            print(f"{rows[name]['half']:4s} {name:36s} P {p:.2f} R {r:.2f}  base P {bp:.2f} R {br:.2f}  title {title_ok} "
                  f"date {rec.get('date') if rec else None} vs {day or '-'}")
            if rec and not title_ok and (rows[name]["half"] == "odd" or "-vv" in sys.argv):
                print(f"     title {rec['title']!r} vs {meta.get('title')!r}")
    print(f"{'pages':12s} {'n':>3s} {'P':>6s} {'R':>6s} {'F1':>6s}   {'all-text P':>10s} {'R':>6s} {'F1':>6s}"
          f"   {'title':>12s} {'headline':>12s} {'date':>12s} {'no article':>10s}")
    for label, sel in (("odd (dev)", "odd"), ("even (check)", "even"), ("all", None)):
        rs = [v for v in rows.values() if sel is None or v["half"] == sel]
        mp, mr = sum(v["p"] for v in rs) / len(rs), sum(v["r"] for v in rs) / len(rs)
        bp, br = sum(v["bp"] for v in rs) / len(rs), sum(v["br"] for v in rs) / len(rs)
        f1 = 2 * mp * mr / (mp + mr) if mp + mr else 0
        bf1 = 2 * bp * br / (bp + br) if bp + br else 0
        ts = [v["title"] for v in rs if v["title"] is not None]
        ds = [v["date"] for v in rs if v["date"] is not None]
        hs = [v["headline"] for v in rs if v["headline"] is not None]
        missing = sum(1 for v in rs if not v["got"])
        print(f"{label:12s} {len(rs):3d} {mp:6.3f} {mr:6.3f} {f1:6.3f}   {bp:10.3f} {br:6.3f} {bf1:6.3f}"
              f"   {sum(ts):3d}/{len(ts):3d} {100 * sum(ts) / max(1, len(ts)):3.0f}%"
              f" {sum(hs):3d}/{len(hs):3d} {100 * sum(hs) / max(1, len(hs)):3.0f}%"
              f" {sum(ds):3d}/{len(ds):3d} {100 * sum(ds) / max(1, len(ds)):3.0f}% {missing:10d}")


if __name__ == "__main__":
    if sys.argv[1] == "prepare":
        prepare(sys.argv[2], sys.argv[3], *sys.argv[4:5])
    elif sys.argv[1] == "classes":
        classes(sys.argv[2])
    else:
        score(sys.argv[2], sys.argv[3])
