#!/usr/bin/env python3
"""How well the title rule of indexer/readers/html_meta.cpp generalises, on the Readability pages.

  eval_titles.py PAGES_DIR EXTRACT.jsonl [-v]

A model of the rule in Python is run over the title candidates of each counted page (JSON-LD
headline, og:title, twitter:title, the main <h1>, <title>, og:site_name, the canonical host; read
here with html.parser) in variants: the order of the candidates, what a <title> with no known site
name loses, and the word count a headline needs. The model of the chosen variant must give
newsidx's own title (EXTRACT.jsonl, from `newsidx-index --extract-only`) on every page, else the
script says where it does not, exits 1, and its figures are not to be trusted. Then leave-one-site-out: for
each site, the variant that matches Readability's title on most pages of the other sites is scored
on that site's pages (ties broken once towards the first variant listed, once towards the last).
Run by scripts/eval-html.sh.
"""
import html.parser
import json
import os
import re
import sys

import eval_html

SEPARATORS = [" | ", " - ", " – ", " — ", " :: ", " » ", " · "]
ORDERS = ("repeated, agreed", "repeated, metadata", "metadata first")
SUFFIX_RULES = ("first part", "last part", "last part, else first", "never")
WORDS = (1, 2, 3, 4, 5)
CHOSEN = ("metadata first", "last part, else first", 3)


class Candidates(html.parser.HTMLParser):
    """The title candidates of a page, as html_meta.cpp gathers them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta, self.title, self.h1, self.h1_in_article = {}, None, [], []
        self.json_ld, self.canonical, self.articles, self.open, self.text, self.open_in_article = [], "", 0, None, "", False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and a.get("content"):
            for key in ("property", "name", "itemprop", "http-equiv"):
                if a.get(key):
                    self.meta.setdefault(a[key].lower(), " ".join(a["content"].split()))
        if tag == "link" and (a.get("rel") or "").lower() == "canonical" and not self.canonical:
            self.canonical = a.get("href") or ""
        if tag == "article":
            self.articles += 1
        is_json_ld = tag == "script" and (a.get("type") or "").lower() == "application/ld+json"
        if self.open is None and (tag in ("title", "h1") or is_json_ld):
            self.open, self.text, self.open_in_article = ("ld" if is_json_ld else tag), "", self.articles > 0

    def handle_endtag(self, tag):
        if tag == "article" and self.articles:
            self.articles -= 1
        if self.open != ("ld" if tag == "script" else tag):
            return
        text = " ".join(self.text.split())
        if self.open == "title" and self.title is None:
            self.title = text
        elif self.open == "h1":
            self.h1.append(text)
            if self.open_in_article:
                self.h1_in_article.append(text)
        elif self.open == "ld":
            self.json_ld.append(self.text)
        self.open = None

    def handle_data(self, data):
        if self.open:
            self.text += data


def json_ld_items(j, out, depth=0):
    if depth > 8:
        return
    if isinstance(j, list):
        for e in j:
            json_ld_items(e, out, depth + 1)
    elif isinstance(j, dict):
        out.append(j)
        if "@graph" in j:
            json_ld_items(j["@graph"], out, depth + 1)


def is_article(t):
    one = lambda x: isinstance(x, str) and ("Article" in x or x in ("BlogPosting", "Report", "SocialMediaPosting", "LiveBlogPosting"))
    return one(t) or (isinstance(t, list) and any(one(x) for x in t))


def string_of(item, key):
    v = item.get(key)
    if isinstance(v, list) and v:
        v = v[0]
    return " ".join(v.split()) if isinstance(v, str) else ""


def page_candidates(path):
    p = Candidates()
    with open(path, encoding="utf-8", errors="replace") as f:
        p.feed(f.read())
    headline = publisher = ""
    for text in p.json_ld:
        text = text.strip()
        if text.startswith("<![CDATA[") and text.endswith("]]>"):
            text = text[9:-3]
        try:
            j = json.loads(text)
        except ValueError:
            continue
        items = []
        json_ld_items(j, items)
        for item in items:
            if headline or not is_article(item.get("@type")):
                continue
            headline = string_of(item, "headline") or string_of(item, "name")
            if isinstance(item.get("publisher"), dict):
                publisher = string_of(item["publisher"], "name")
    url = next((u for u in (p.canonical, p.meta.get("og:url", "")) if u.startswith(("http://", "https://"))), "")
    host = re.split(r"[/:?#]", url.split("://", 1)[1])[0].lower() if url else ""
    return dict(metadata=[headline, p.meta.get("og:title", ""), p.meta.get("twitter:title", "")],
                h1=p.h1_in_article[0] if p.h1_in_article else (p.h1[0] if len(p.h1) == 1 else ""),
                title=p.title or "", site=p.meta.get("og:site_name") or publisher, host=host)


def words(s):
    return sum(len(part.split()) for part in parts(s))


def parts(t):
    out = [t]
    for sep in SEPARATORS:
        out = [x for p in out for x in p.split(sep)]
    return out


def names_site(part, site, host):
    p = part.lower()

    def same(name):
        n = name.lower()
        return bool(n) and (n == p or (n.startswith(p) and n[len(p):len(p) + 1] in (".", " "))
                            or (p.startswith(n) and p[len(n):len(n) + 1] == "."))

    h = host[4:] if host.startswith("www.") else host
    h = h[:h.rfind(".")] if "." in h else h
    return bool(p) and (same(site) or (len(h) >= 3 and same(h)))


def without_end(t, ps, last):
    rest = t[:len(t) - len(ps[-1])] if last else t[len(ps[0]):]
    for sep in SEPARATORS:
        if last and rest.endswith(sep):
            rest = rest[:-len(sep)]
        if not last and rest.startswith(sep):
            rest = rest[len(sep):]
    return rest


def strip_named(t, c):
    ps = parts(t)
    if len(ps) > 1 and names_site(ps[-1], c["site"], c["host"]):
        return without_end(t, ps, True)
    if len(ps) > 1 and names_site(ps[0], c["site"], c["host"]):
        return without_end(t, ps, False)
    return t


def strip_suffix(t, c, rule, k):
    ps = parts(t)
    if len(ps) < 2:
        return t
    named = strip_named(t, c)
    if named != t:
        return named
    if rule == "first part":
        return ps[0] if words(ps[0]) >= k else t
    for last in {"last part": (True,), "last part, else first": (True, False)}.get(rule, ()):
        if words(without_end(t, ps, last)) >= k:
            return without_end(t, ps, last)
    return t


def choose(c, variant):
    order, rule, k = variant
    title = " ".join(c["title"].split())
    stripped = strip_suffix(title, c, rule, k)
    meta = [" ".join(m.split()) for m in c["metadata"]]
    h1 = strip_named(" ".join(c["h1"].split()), c)
    if order == "metadata first":
        for m in meta:
            if m and not names_site(m, c["site"], c["host"]):
                return m
        if h1 and h1.lower() in title.lower():
            return h1
        return stripped if words(stripped) >= 3 or not h1 else h1
    own = meta + [h1]
    for m in own:
        if m and m.lower() in title.lower():
            return m
    for i, m in enumerate(own):
        if m and ((order == "repeated, agreed" and m.lower() in [x.lower() for x in own[i + 1:]])
                  or (order == "repeated, metadata" and i < 3)):
            return m
    if words(stripped) >= 3:
        return stripped
    return next((m for m in own if m), stripped)


def site_of(name, c):
    return re.sub(r"^(www|blog|m|en|sport)\.", "", c["host"]) if c["host"] else re.sub(r"-\d+$", "", name)


def main():
    pages_dir, extract_path = sys.argv[1], sys.argv[2]
    with open(extract_path, encoding="utf-8") as f:
        got = {os.path.basename(r["path"])[:-len(".html")]: r["title"] for r in map(json.loads, f)}
    pages = []
    for name, reason in eval_html.counted(pages_dir):
        with open(os.path.join(pages_dir, name, "expected-metadata.json"), encoding="utf-8") as f:
            expected = json.load(f).get("title")
        if not reason and expected and name in got:
            pages.append((name, page_candidates(os.path.join(pages_dir, name, "source.html")), eval_html.norm(expected)))
    off = [n for n, c, _ in pages if eval_html.norm(choose(c, CHOSEN)) != eval_html.norm(got[n])]
    print(f"title model: gives newsidx's title on {len(pages) - len(off)} of {len(pages)} pages"
          + (f"; NOT on {' '.join(off)}: the figures below do not describe newsidx" if off else ""))
    variants = [(o, r, k) for o in ORDERS for r in SUFFIX_RULES for k in WORDS]
    right = {v: [eval_html.norm(choose(c, v)) == e for _, c, e in pages] for v in variants}
    if "-v" in sys.argv:
        for v in variants:
            print(f"  {v}: {sum(right[v])}/{len(pages)}")
    sites = [site_of(n, c) for n, c, _ in pages]
    held_out = []
    for ordering in (variants, variants[::-1]):
        total = 0
        for s in sorted(set(sites)):
            train = [i for i, x in enumerate(sites) if x != s]
            best = max(ordering, key=lambda v: sum(right[v][i] for i in train))
            total += sum(right[best][i] for i, x in enumerate(sites) if x == s)
        held_out.append(total)
    print(f"title exact, chosen rule {CHOSEN}: {sum(right[CHOSEN])}/{len(pages)}; leave-one-site-out over "
          f"{len(variants)} variants and {len(set(sites))} sites: {held_out[0]}/{len(pages)} (ties to the first "
          f"variant), {held_out[1]}/{len(pages)} (ties to the last); the chosen rule when a cut must leave 1 to 5 "
          f"words: {' '.join(str(sum(right[(CHOSEN[0], CHOSEN[1], k)])) for k in WORDS)}")
    return 1 if off else 0


if __name__ == "__main__":
    sys.exit(main())
