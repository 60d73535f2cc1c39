#!/usr/bin/env python3
# BENCH_PART=queries of scripts/bench.sh: the query figures of two builds of newsidx in one run,
# so that "no worse than before" is read from one machine state, not from two days' tables.
#
#   bench_queries.py BASE_BINDIR BASE_LABEL HEAD_BINDIR HEAD_LABEL OUT_MD
#
# Each build indexes Reuters-21578 (SGML) and BBC (plain text) with its own newsidx-index (the two
# builds may have different schema versions) BENCH_INDEX_RUNS times (default 3), the builds
# alternating, each into a new database (CPU s and wall s of each run, median reported), then every query of bench.py's QUERIES (and a
# --count) runs BENCH_QUERY_RUNS times per build, the builds alternating run by run so that a
# change of load on the machine falls on both alike. Per query: median wall ms (process start
# included), mean CPU ms (user + system of the process), and the match count each build prints.
import os
import resource
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402  (the corpora preparation and the query list)

QUERIES = bench.QUERIES + [("count only", "oil", ["--count"])]


def timed(cmd):
    """(wall ms, CPU ms) of one run of cmd."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = (time.perf_counter() - start) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}: {proc.stderr[-1000:]!r}")
    cpu = (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) * 1000
    return wall, cpu


def count(query_bin, db, q, extra):
    out = subprocess.run([query_bin, "--db", db, "--count"] + [e for e in extra if e != "--count"] + [q],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True).stdout.strip()
    return out.splitlines()[0] if out else "-"


def main():
    base_dir, base_label, head_dir, head_label, out_md = sys.argv[1:6]
    bench.SCRIPTS = os.path.dirname(os.path.abspath(__file__))
    bench.WORK = os.environ.get("BENCH_DIR", "/tmp/newsidx-bench")
    bench.CORPORA = bench.CORPORA or os.path.normpath(os.path.join(bench.SCRIPTS, "..", "..", "shared", "corpora"))
    os.makedirs(os.path.join(bench.WORK, "db"), exist_ok=True)
    sets = []
    bench.prepare_corpora(sets)
    runs = bench.QUERY_RUNS
    index_runs = int(os.environ.get("BENCH_INDEX_RUNS", "3"))
    builds = [(base_label, base_dir), (head_label, head_dir)]
    rows, index_rows = [], []
    for title, key, src in sets:
        dbs = {}
        times = {label: [] for label, _ in builds}
        for i in range(index_runs):
            for label, bindir in (builds if i % 2 == 0 else builds[::-1]):
                db = os.path.join(bench.WORK, "db", f"queries-{key}-{label}")
                subprocess.run(["rm", "-rf", db], check=True)
                bench.log(f"indexing {key} with {label} ({i + 1} of {index_runs})")
                # timed() accepts 0 and 1 (done, with some input skipped, named on stderr).
                times[label].append(timed([os.path.join(bindir, "indexer", "newsidx-index"), "--config", "/dev/null",
                                           "--quiet", "--db", db, src]))
                dbs[label] = db
        index_rows.append((title, {label: (statistics.median(w for w, _ in t) / 1000,
                                           statistics.median(c for _, c in t) / 1000) for label, t in times.items()}))
        for qlabel, q, extra in QUERIES:
            walls = {label: [] for label, _ in builds}
            cpus = {label: [] for label, _ in builds}
            cmds = {label: [os.path.join(bindir, "query", "newsidx-query"), "--db", dbs[label],
                            "--limit", "10"] + extra + [q] for label, bindir in builds}
            for label, _ in builds:
                timed(cmds[label])  # warm-up
            for i in range(runs):
                order = builds if i % 2 == 0 else builds[::-1]
                for label, _ in order:
                    w, c = timed(cmds[label])
                    walls[label].append(w)
                    cpus[label].append(c)
            counts = {label: count(cmds[label][0], dbs[label], q, extra) for label, _ in builds}
            rows.append((title, qlabel, q, extra, {label: (statistics.median(walls[label]), statistics.mean(cpus[label]))
                                                   for label, _ in builds}, counts))
            b, h = rows[-1][4][base_label], rows[-1][4][head_label]
            bench.log(f"  {key} {qlabel}: wall {b[0]:.2f} -> {h[0]:.2f} ms, CPU {b[1]:.2f} -> {h[1]:.2f} ms")
    lines = [f"| set | query | options | wall ms {base_label} | wall ms {head_label} | wall ratio "
             f"| CPU ms {base_label} | CPU ms {head_label} | CPU ratio | matches {base_label} / {head_label} |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for title, qlabel, q, extra, t, counts in rows:
        b, h = t[base_label], t[head_label]
        lines.append(f"| {title} | `{q}` ({qlabel}) | {' '.join(extra) or '-'} | {b[0]:.2f} | {h[0]:.2f} | "
                     f"{h[0] / b[0]:.2f}x | {b[1]:.2f} | {h[1]:.2f} | {h[1] / b[1]:.2f}x | "
                     f"{counts[base_label]} / {counts[head_label]} |")
    lines += ["", f"| set | index wall s {base_label} | index wall s {head_label} | CPU s {base_label} | "
              f"CPU s {head_label} | CPU ratio |", "|---|---|---|---|---|---|"]
    for title, t in index_rows:
        b, h = t[base_label], t[head_label]
        lines.append(f"| {title} | {b[0]:.2f} | {h[0]:.2f} | {b[1]:.2f} | {h[1]:.2f} | {h[1] / b[1]:.2f}x |")
    loads = os.getloadavg()
    lines.append("")
    lines.append(f"{runs} runs per query and build after one warm-up, the builds alternating; wall: median, "
                 f"CPU: mean. Indexing: {index_runs} runs per set and build into a new database, alternating, "
                 f"medians. Load average at the end: {loads[0]:.2f} {loads[1]:.2f} {loads[2]:.2f}.")
    text = "\n".join(lines) + "\n"
    with open(out_md, "w") as f:
        f.write(text)
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
