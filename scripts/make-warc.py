#!/usr/bin/env python3
"""Packs saved web pages into a WARC file, as a crawler writes one: the benchmark's WARC input.

  make-warc.py PAGES OUT.warc.gz [--size BYTES] [--host HOST] [--level 1-9]
  make-warc.py PAGES OUT.warc    [--size BYTES]           (no .gz: records written uncompressed)

PAGES is a directory of NAME.html files, or of NAME/source.html folders (the Readability test
pages as unpacked). The output starts with a warcinfo record; each page then gets a `request` and
a `response` record (WARC/1.0, WARC-Record-ID, WARC-Date, WARC-Target-URI
https://HOST/NAME.html, exact Content-Length, block and payload SHA-1 digests), the response
holding a real HTTP/1.1 message (status line, Date, Server, Content-Type text/html without a
charset, so the page's own <meta> decides as it does for a file, Content-Length). With an output
name ending in .gz every record is its own gzip member, as crawlers write them.

--size BYTES repeats the pages until the WARC records (uncompressed, as a reader sees them) come to
at least BYTES, whatever the gzip members take on disk: round N > 0 puts the pages
under https://HOST/rN/NAME.html and renames their rel=canonical and og:url declarations (a byte
substitution in the payload), so that every copy is a distinct article to the indexer instead of
a newer version of the first. Python 3 standard library only.
"""
import argparse
import base64
import datetime
import gzip
import hashlib
import os
import sys
import uuid


def pages_of(root):
    """(name, bytes) of every page under root, in name order."""
    out = []
    for entry in sorted(os.listdir(root)):
        path = os.path.join(root, entry)
        if os.path.isdir(path) and os.path.isfile(os.path.join(path, "source.html")):
            path = os.path.join(path, "source.html")
        elif not entry.endswith((".html", ".htm")):
            continue
        else:
            entry = entry.rsplit(".", 1)[0]
        with open(path, "rb") as f:
            out.append((entry, f.read()))
    return out


def sha1_label(data):
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode("ascii")


def warc_record(kind, uri, block, content_type, date, payload=None):
    headers = [
        ("WARC-Type", kind),
        ("WARC-Record-ID", f"<urn:uuid:{uuid.uuid4()}>"),
        ("WARC-Date", date),
    ]
    if uri:
        headers.append(("WARC-Target-URI", uri))
    headers.append(("Content-Type", content_type))
    headers.append(("WARC-Block-Digest", sha1_label(block)))
    if payload is not None:
        headers.append(("WARC-Payload-Digest", sha1_label(payload)))
    headers.append(("Content-Length", str(len(block))))
    head = "WARC/1.0\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers) + "\r\n"
    return head.encode("utf-8") + block + b"\r\n\r\n"


def http_response(body, when):
    head = ("HTTP/1.1 200 OK\r\n"
            f"Date: {when.strftime('%a, %d %b %Y %H:%M:%S GMT')}\r\n"
            "Server: nginx\r\n"
            "Content-Type: text/html\r\n"
            f"Content-Length: {len(body)}\r\n"
            "Connection: close\r\n\r\n")
    return head.encode("ascii") + body


def http_request(host, path):
    return (f"GET {path} HTTP/1.1\r\nHost: {host}\r\n"
            "User-Agent: newsidx-make-warc/1.0\r\nAccept: text/html\r\n\r\n").encode("ascii")


# Renamed in repeated copies, so that a copy's id is its own target URI (see the module doc).
CANONICAL_RENAMES = [(b'rel="canonical"', b'rel="x-copy-of"'), (b"rel='canonical'", b"rel='x-copy-of'"),
                     (b'property="og:url"', b'property="x-copy-of"')]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("pages")
    ap.add_argument("out")
    ap.add_argument("--size", type=int, default=0, help="repeat the pages until the output holds this many bytes")
    ap.add_argument("--host", default="pages.example.org")
    ap.add_argument("--level", type=int, default=6, help="gzip level of each record (.gz output)")
    args = ap.parse_args()
    pages = pages_of(args.pages)
    if not pages:
        sys.exit(f"make-warc: no pages in {args.pages}")
    compress = args.out.endswith(".gz")
    when = datetime.datetime(2026, 12, 6, 12, 0, 0, tzinfo=datetime.timezone.utc)
    written = records = record_bytes = 0
    with open(args.out, "wb") as out:
        def put(record):
            nonlocal written, records, record_bytes
            data = gzip.compress(record, compresslevel=args.level, mtime=0) if compress else record
            record_bytes += len(record)
            out.write(data)
            written += len(data)
            records += 1

        info = (f"software: newsidx scripts/make-warc.py\r\nformat: WARC File Format 1.0\r\n"
                f"description: {len(pages)} saved pages\r\n").encode("utf-8")
        put(warc_record("warcinfo", "", info, "application/warc-fields", when.strftime("%Y-%m-%dT%H:%M:%SZ")))
        round_no = 0
        while True:
            for name, body in pages:
                path = f"/{name}.html" if round_no == 0 else f"/r{round_no}/{name}.html"
                if round_no:
                    for old, new in CANONICAL_RENAMES:
                        body = body.replace(old, new)
                uri = f"https://{args.host}{path}"
                date = when.strftime("%Y-%m-%dT%H:%M:%SZ")
                put(warc_record("request", uri, http_request(args.host, path), "application/http;msgtype=request", date))
                put(warc_record("response", uri, http_response(body, when), "application/http;msgtype=response",
                                date, payload=body))
                when += datetime.timedelta(seconds=1)
                if args.size and record_bytes >= args.size:
                    break
            round_no += 1
            if not args.size or record_bytes >= args.size:
                break
    print(f"make-warc: {args.out}: {records} records, {round_no} round(s) of {len(pages)} pages, {record_bytes} bytes of records, {written} bytes on disk",
          file=sys.stderr)


if __name__ == "__main__":
    main()
