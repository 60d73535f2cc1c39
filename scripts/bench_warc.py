#!/usr/bin/env python3
"""BENCH_PART=warc of scripts/bench.sh (issue 17): web pages as files, as a WARC, and omindex.

  bench_warc.py BUILD_DIR WORK_DIR PAGES_TARBALL COMMAND

In one run, on the 130 Readability test pages (unpacked to WORK_DIR/pages as NAME.html, and
packed by scripts/make-warc.py into WORK_DIR/pages.warc.gz, one gzip member per record, a
request and a response record with real HTTP headers per page):
  - newsidx-index --extract-only --no-entities --jobs 1 on the files and on the WARC (reading:
    charset, parse, main content, metadata), and
  - newsidx-index (a fresh database each run) on the files and on the WARC, and omindex on the
    same HTML files (`omindex --db DB --url / DIR`),
each BENCH_RUNS times (default 3), under GNU time: median wall s, CPU s (user + system), CPU
utilisation (CPU / wall) and peak memory (maximum resident set). Then once, newsidx-index on a
generated WARC of BENCH_WARC_BYTES (default 1 GB, uncompressed so the file is that size) of the
same pages repeated under distinct URIs: wall, CPU and peak memory (target under 400 MB).
Prints a Markdown report and writes it to WORK_DIR/report-warc.md; BENCHMARKS.md is not touched.
"""
import os
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import time

RUNS = int(os.environ.get("BENCH_RUNS", "3"))
BIG = int(os.environ.get("BENCH_WARC_BYTES", str(10**9)))
HERE = os.path.dirname(os.path.abspath(__file__))


def timed(cmd, work, keep_stdout=False):
    """(wall s, CPU s, peak MB, output) of cmd under GNU time; exit 0 required."""
    stats = os.path.join(work, "time.txt")
    start = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-v", "-o", stats] + cmd,
                          stdout=subprocess.PIPE if keep_stdout else subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True, errors="replace")
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"bench_warc: {' '.join(cmd)} exited {proc.returncode}:\n{proc.stderr[-2000:]}")
    with open(stats) as f:
        text = f.read()
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    cpu = sum(float(x) for x in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", text))
    return wall, cpu, rss / 1024, (proc.stdout or "") + proc.stderr


def measure(cmd, work, db=None, runs=RUNS):
    rows = []
    for _ in range(runs):
        if db:
            shutil.rmtree(db, ignore_errors=True)
        rows.append(timed(cmd, work, keep_stdout=db is not None))
    wall = statistics.median(r[0] for r in rows)
    cpu = statistics.median(r[1] for r in rows)
    peak = max(r[2] for r in rows)
    return dict(wall=wall, cpu=cpu, peak=peak, summary=[l for l in rows[-1][3].splitlines() if "articles read" in l][-1:])


def row(label, m, mb):
    util = 100 * m["cpu"] / m["wall"] if m["wall"] else 0
    return (f"| {label} | {mb:.1f} | {m['wall']:.2f} | {m['cpu']:.2f} | {util:.0f}% | {m['peak']:.1f} | "
            f"{mb / m['cpu'] if m['cpu'] else 0:.1f} |")


def main():
    build, work, tarball, command = sys.argv[1:5]
    index = os.path.join(build, "indexer", "newsidx-index")
    os.makedirs(work, exist_ok=True)
    pages = os.path.join(work, "pages")
    if not os.path.isdir(pages):
        with tarfile.open(tarball) as t:
            t.extractall(os.path.join(work, "unpacked"))
        src = os.path.join(work, "unpacked", "readability-test-pages")
        os.makedirs(pages + ".tmp")
        for name in sorted(os.listdir(src)):
            shutil.copy(os.path.join(src, name, "source.html"), os.path.join(pages + ".tmp", name + ".html"))
        os.rename(pages + ".tmp", pages)
    warc = os.path.join(work, "pages.warc.gz")
    big = os.path.join(work, f"pages-{BIG}.warc")
    make = [sys.executable, os.path.join(HERE, "make-warc.py"), pages]
    if not os.path.exists(warc):
        subprocess.run(make + [warc], check=True)
    if not os.path.exists(big):
        subprocess.run(make + [big + ".tmp", "--size", str(BIG)], check=True)
        os.rename(big + ".tmp", big)
    html_mb = sum(os.path.getsize(os.path.join(pages, n)) for n in os.listdir(pages)) / 1e6
    warc_mb = os.path.getsize(warc) / 1e6
    big_mb = os.path.getsize(big) / 1e6
    db = os.path.join(work, "db")
    base = [index, "--config", "/dev/null", "-q"]
    ex = base + ["--extract-only", "--no-entities", "--jobs", "1"]
    r = {}
    r["files-read"] = measure(ex + [pages], work)
    r["warc-read"] = measure(ex + [warc], work)
    r["files-index"] = measure(base + ["--db", db, pages], work, db)
    r["warc-index"] = measure(base + ["--db", db, warc], work, db)
    r["omindex"] = measure(["omindex", "--db", db, "--url", "/", pages], work, db)
    r["big"] = measure(base + ["--db", db, big], work, db, runs=1)
    shutil.rmtree(db, ignore_errors=True)

    L = [f"Command: `{command}`, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; median of {RUNS} runs "
         f"(the {BIG / 1e9:g} GB WARC: one run); `nproc` {os.cpu_count()}, load average before the run "
         f"{os.getloadavg()[0]:.1f}.", "",
         f"Input: the {len(os.listdir(pages))} Readability test pages ({html_mb:.1f} MB of HTML) as `NAME.html` files, "
         f"and the same pages in a record-gzipped WARC by `scripts/make-warc.py` ({warc_mb:.1f} MB: "
         "a request and a response record per page, real HTTP headers).", "",
         "| run | MB in | wall s | CPU s | CPU use | peak MB | MB/s (CPU) |", "|---|---|---|---|---|---|---|",
         row("newsidx-index --extract-only --no-entities --jobs 1, files", r["files-read"], html_mb),
         row("newsidx-index --extract-only --no-entities --jobs 1, WARC", r["warc-read"], html_mb),
         row("newsidx-index (new database), files", r["files-index"], html_mb),
         row("newsidx-index (new database), WARC", r["warc-index"], html_mb),
         row("omindex --db DB --url / (new database), files", r["omindex"], html_mb),
         row(f"newsidx-index (new database), generated {big_mb / 1e3:.2f} GB WARC", r["big"], big_mb), ""]
    read_ratio = r["warc-read"]["cpu"] / r["files-read"]["cpu"]
    index_ratio = r["warc-index"]["cpu"] / r["files-index"]["cpu"]
    L.append(f"WARC over files, CPU s: reading {100 * (read_ratio - 1):+.1f}%, indexing {100 * (index_ratio - 1):+.1f}% "
             "(target: under +10%).")
    L.append(f"Generated WARC: peak {r['big']['peak']:.0f} MB (target: under 400 MB); "
             f"summary: {' '.join(r['big']['summary'])}")
    report = "\n".join(L) + "\n"
    with open(os.path.join(work, "report-warc.md"), "w") as f:
        f.write(report)
    print(report)


if __name__ == "__main__":
    main()
