#!/usr/bin/env python3
# The benchmark driver behind scripts/bench.sh: prepares the inputs, times newsidx and its peers
# (omindex, Sphinx's indexer, the bare Xapian loop) on the same stories in the same run, times
# queries against quest, and writes BENCHMARKS.md. bench.sh builds the binaries and passes their
# folder; everything here only runs programs and measures them.
#
# Each figure is the median of BENCH_RUNS runs (default 3). Wall time is measured around the
# process (so it includes start-up); peak resident memory comes from GNU time -v.
#
# The peers read different formats, so each gets the same stories in a form it reads:
#   newsidx-index and the bare loop  the original files (.txt, Reuters .sgm, .jsonl feeds)
#   omindex                          a "txt view": every story as one .txt file (headline line,
#                                    blank line, body); .txt inputs are hard-linked unchanged
#   Sphinx indexer                   an xmlpipe2 file (fields title and body) read with `cat`
# The "Reuters as files" set (issue 21) gives every tool, newsidx-index included, Reuters' txt
# view: one story per .txt file, the layout of most archives. BENCH_PART=files runs that set alone.
import datetime
import html
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import gzip
import time

CORPORA = os.environ.get("NEWSIDX_CORPORA")
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
# Builds of the generated archives take many minutes per tool on 2 cores; their run count, and
# that of the flush-threshold table, can be set apart (default: BENCH_RUNS).
RUNS_GENERATED = int(os.environ.get("BENCH_RUNS_GENERATED", str(RUNS)))
RUNS_FLUSH = int(os.environ.get("BENCH_RUNS_FLUSH", str(RUNS)))
QUERY_RUNS = int(os.environ.get("BENCH_QUERY_RUNS", "11"))
RERUNS = 5  # no-change re-runs per build figure (after one warm-up)
QUICK = os.environ.get("BENCH_QUICK", "0") not in ("", "0")
SEED = int(os.environ.get("BENCH_SEED", "1"))
# BENCH_SIZES (default "20000,200000"): sizes of the generated archives; BENCH_QUICK keeps the first.
FLUSH_THRESHOLDS = [500, 1000, 10000]
# The bare loop with one Xapian writer, two writing shards, two merged by compaction (issue 7).
WRITER_VARIANTS = [("1 writer", []), ("2 writers, kept as shards behind a stub", ["--writers", "2"]),
                   ("2 writers, merged by compaction", ["--writers", "2", "--merge"])]
# BENCH_PART: "all" (default) runs everything in one run. "small" runs Reuters, BBC and the first
# generated size with every peer, the flush table and their queries; "large" runs the larger
# archive: newsidx-index at both generated sizes (the scale ratio needs both in one run), its
# queries, partitioned indexing, 1/4/16 partitions and a remote partition. Each part's report is
# kept in BENCH_DIR and BENCHMARKS.md shows the latest of each, with the command that made it.
PART = os.environ.get("BENCH_PART", "all")
# BENCH_LARGE_PEERS=1 also runs omindex, Sphinx and the bare loop on the archives of over 100,000
# articles in the "large" part (about half an hour more on 2 cores); off by default there.
LARGE_PEERS = os.environ.get("BENCH_LARGE_PEERS", "1" if PART == "all" else "0") not in ("", "0")
PARTITION_LAYOUTS = [1, 4, 16]
# BENCH_LARGE_STAGE (large part): "all" (default); "index" builds and times the large archive's
# databases and stops; "query" reuses them and their figures (kept in BENCH_DIR) and times the
# queries and partition layouts, so query-side changes can be measured without hours of indexing.
LARGE_STAGE = os.environ.get("BENCH_LARGE_STAGE", "all")
# BENCH_REPORT_DIR: where each part's report is kept for BENCHMARKS.md (default BENCH_DIR), so two
# parts can run at once in separate BENCH_DIRs and still make one file.
REPORT_DIR = os.environ.get("BENCH_REPORT_DIR")
# Archives of more stories than this are the "large" ones (a smaller value makes a quick trial).
LARGE_ABOVE = int(os.environ.get("BENCH_LARGE_ABOVE", "100000"))

# The queries timed on every set (label, query, extra options); scripts/bench_queries.py uses them too.
QUERIES = [
    ("plain", "oil prices", []),
    ("plain, rarer words", "central bank interest rates", []),
    ("phrase", '"interest rates"', []),
    ("filtered (boolean prefix)", "oil country:us", []),
    ("facets person,country", "oil", ["--facets", "person,country"]),
    ("timeline", "oil", ["--timeline"]),
]

notes = []  # things skipped or worth knowing, printed at the top of the report


# Entity extraction speed rows: (set title, MB of text, wall s, CPU s), from --extract-only.
EXTRACTION = []


def log(msg):
    print(f"[bench {datetime.datetime.now():%H:%M:%S}] {msg}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------
# Stories: the same extraction rules as tools/bare_loop.cpp, so every tool sees the same text.

def decode_sgml(text):
    text = re.sub(r"&#\d+;", "", text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def stories(root):
    """Yields (relative path, story number, title, body) for .txt, .sgm and .jsonl under root."""
    files = []
    for folder, _, names in os.walk(root):
        files.extend(os.path.join(folder, n) for n in names)
    for path in sorted(files):
        rel = os.path.relpath(path, root)
        if path.endswith(".txt"):
            with open(path, "rb") as f:
                raw = f.read()
            text = raw.decode("utf-8", errors="replace")
            title, _, body = text.partition("\n")
            yield rel, 0, title, body
        elif path.endswith(".sgm"):
            with open(path, "rb") as f:
                text = f.read().decode("latin-1")
            for block in re.findall(r"<REUTERS.*?</REUTERS>", text, re.S):
                body = re.search(r"<BODY>(.*?)</BODY>", block, re.S)
                if not body or not body.group(1):
                    continue
                title = re.search(r"<TITLE>(.*?)</TITLE>", block, re.S)
                newid = re.search(r'NEWID="(\d+)"', block)
                yield rel, int(newid.group(1)), decode_sgml(title.group(1) if title else ""), decode_sgml(body.group(1))
        elif path.endswith(".jsonl"):
            with open(path, encoding="utf-8") as f:
                for n, line in enumerate(f, 1):
                    try:
                        record = json.loads(line)
                    except ValueError:
                        continue
                    yield rel, n, str(record.get("title", "")), str(record.get("body", ""))


XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def xml_text(s):
    return html.escape(XML_BAD.sub(" ", s), quote=False)


def prepare_views(src, txt_dir, xml_path):
    """Writes the txt view and the xmlpipe2 file of src; returns (stories, text bytes)."""
    if os.path.exists(xml_path + ".done"):
        with open(xml_path + ".done") as f:
            n, size = f.read().split()
        return int(n), int(size)
    shutil.rmtree(txt_dir, ignore_errors=True)
    os.makedirs(txt_dir)
    count, size = 0, 0
    with open(xml_path, "w", encoding="utf-8") as xml:
        xml.write('<?xml version="1.0" encoding="utf-8"?>\n<sphinx:docset>\n<sphinx:schema>\n'
                  '<sphinx:field name="title"/>\n<sphinx:field name="body"/>\n</sphinx:schema>\n')
        for rel, n, title, body in stories(src):
            count += 1
            size += len(title.encode()) + len(body.encode())
            target = os.path.join(txt_dir, rel)
            if n == 0:
                os.makedirs(os.path.dirname(target), exist_ok=True)
                try:
                    os.link(os.path.join(src, rel), target)
                except OSError:
                    shutil.copyfile(os.path.join(src, rel), target)
            else:
                os.makedirs(target, exist_ok=True)
                with open(os.path.join(target, f"{n}.txt"), "w", encoding="utf-8") as f:
                    f.write(title + "\n\n" + body)
            xml.write(f'<sphinx:document id="{count}">\n<title>{xml_text(title)}</title>\n'
                      f'<body>{xml_text(body)}</body>\n</sphinx:document>\n')
        xml.write("</sphinx:docset>\n")
    with open(xml_path + ".done", "w") as f:
        f.write(f"{count} {size}\n")
    return count, size


# ---------------------------------------------------------------------------------------------
# Running and measuring.

def run(cmd, env=None, quiet=True, ok=(0,)):
    """Runs cmd under GNU time; returns (wall seconds, peak RSS in MB, output text, CPU seconds).
    An exit status outside `ok` is an error."""
    stats = os.path.join(WORK, "time.txt")
    full_env = dict(os.environ)
    full_env.update(env or {})
    start = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-v", "-o", stats] + cmd, env=full_env,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, errors="replace")
    wall = time.perf_counter() - start
    if proc.returncode not in ok:
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}:\n{proc.stderr[-3000:]}")
    with open(stats) as f:
        text = f.read()
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    cpu = sum(float(x) for x in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", text))
    if not quiet:
        log(proc.stdout.strip()[-500:] + proc.stderr.strip()[-500:])
    return wall, rss / 1024, proc.stdout + proc.stderr, cpu


def du_mb(path):
    total = 0
    for folder, _, names in os.walk(path):
        for n in names:
            total += os.path.getsize(os.path.join(folder, n))
    return total / 1e6


def median(xs):
    return statistics.median(xs) if xs else None


def measure_build(name, make_cmd, db, env=None, rerun_cmd=None, runs=None, ok=(0,)):
    """`runs` fresh builds into db (removed first), then as many no-change re-runs of rerun_cmd."""
    runs = runs or RUNS
    walls, rsss, cpus, out = [], [], [], ""
    for i in range(runs):
        shutil.rmtree(db, ignore_errors=True)
        wall, rss, out, cpu = run(make_cmd(), env=env, ok=ok)
        walls.append(wall)
        rsss.append(rss)
        cpus.append(cpu)
        log(f"  {name} run {i + 1}: {wall:.2f} s, {rss:.0f} MB")
    summary = [line for line in out.splitlines() if "articles/s" in line]
    result = {"wall": median(walls), "walls": walls, "rss": max(rsss), "cpu": median(cpus), "size": du_mb(db),
              "out": summary[-1] if summary else ""}
    if rerun_cmd:
        # Re-runs take well under a second: one warm-up, then at least 5, whatever `runs` is.
        run(rerun_cmd(), env=env, ok=ok)
        reruns = []
        for i in range(max(runs, RERUNS)):
            wall, _, _, _ = run(rerun_cmd(), env=env, ok=ok)
            reruns.append(wall)
        result["rerun"] = median(reruns)
        log(f"  {name} re-run: {result['rerun']:.2f} s")
    return result


def help_text(binary):
    try:
        proc = subprocess.run([binary, "--help"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        return proc.stdout
    except OSError:
        return ""


# ---------------------------------------------------------------------------------------------
# Inputs.

def prepare_inputs():
    sets = []
    if PART != "large":
        prepare_corpora(sets)
    sizes = [int(n) for n in os.environ.get("BENCH_SIZES", "20000,200000").split(",")]
    if QUICK or PART == "small":
        sizes = sizes[:1]
    if PART == "files":
        sets = [s for s in sets if s[1] == "reuters"]
    else:
        prepare_generated(sets, sizes)
    result = []
    for title, key, src in sets:
        log(f"preparing views of {key}")
        n, size = prepare_views(src, os.path.join(WORK, key + "-txt"), os.path.join(WORK, key + ".xml"))
        result.append({"title": title, "key": key, "src": src, "txt": os.path.join(WORK, key + "-txt"),
                       "xml": os.path.join(WORK, key + ".xml"), "stories": n, "bytes": size})
        if key == "reuters":
            # Issue 21: the same stories one per .txt file (Reuters' txt view), for every tool.
            result.append(dict(result[-1], title="Reuters-21578 as files (one story per .txt)",
                               key="reuters-files", src=result[-1]["txt"]))
    if PART == "files":
        result = [d for d in result if d["key"] == "reuters-files"]
    return result


def prepare_corpora(sets):
    reuters = os.path.join(WORK, "reuters")
    if not os.path.exists(reuters + ".done"):
        shutil.rmtree(reuters, ignore_errors=True)
        os.makedirs(reuters)
        folder = os.path.join(CORPORA, "reuters21578")
        for name in sorted(os.listdir(folder)):
            if name.startswith("reut2-") and name.endswith(".sgm.gz"):
                with gzip.open(os.path.join(folder, name), "rb") as src, open(os.path.join(reuters, name[:-3]), "wb") as dst:
                    shutil.copyfileobj(src, dst)
        open(reuters + ".done", "w").close()
    sets.append(("Reuters-21578 (SGML)", "reuters", reuters))
    bbc = os.path.join(WORK, "bbc")
    if not os.path.exists(bbc + ".done"):
        shutil.rmtree(bbc, ignore_errors=True)
        os.makedirs(bbc)
        with tarfile.open(os.path.join(CORPORA, "bbc", "bbc-fulltext.tar.gz")) as tar:
            tar.extractall(bbc)
        os.remove(os.path.join(bbc, "bbc", "README.TXT"))  # not an article
        open(bbc + ".done", "w").close()
    sets.append(("BBC (plain text)", "bbc", os.path.join(bbc, "bbc")))


def prepare_generated(sets, sizes):
    for n in sizes:
        folder = os.path.join(WORK, f"archive-{n}-s{SEED}")
        if not os.path.exists(folder + ".done"):
            shutil.rmtree(folder, ignore_errors=True)
            log(f"generating {n} articles into {folder}")
            t = time.perf_counter()
            subprocess.run([os.path.join(SCRIPTS, "make-archive.sh"), str(n), folder, str(SEED)], check=True)
            log(f"  generated in {time.perf_counter() - t:.1f} s")
            open(folder + ".done", "w").close()
        sets.append((f"generated archive, {n:,} articles (.txt + .jsonl)", f"gen{n}", folder))


def sphinx_conf(key, xml):
    folder = os.path.join(WORK, "sphinx-" + key)
    os.makedirs(folder, exist_ok=True)
    conf = os.path.join(folder, "sphinx.conf")
    with open(conf, "w") as f:
        f.write(f"""source src
{{
  type = xmlpipe2
  xmlpipe_command = cat {xml}
}}
index idx
{{
  source = src
  path = {folder}/db/idx
  docinfo = extern
  morphology = stem_en
}}
indexer
{{
  mem_limit = 128M
}}
""")
    return conf, os.path.join(folder, "db")


# ---------------------------------------------------------------------------------------------
# The report.

def fmt(x, digits=1):
    return "n/a" if x is None else f"{x:,.{digits}f}"


def ratio(a, b):
    return "n/a" if not a or not b else f"{a / b:.2f}x"


def machine():
    cpu = "unknown"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        mem_kb = int(re.search(r"MemTotal:\s+(\d+)", f.read()).group(1))

    def first_line(cmd):
        try:
            out = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True).stdout
            return out.strip().splitlines()[0]
        except (OSError, IndexError):
            return "unavailable"
    return [
        ("CPU", f"{cpu}, nproc {os.cpu_count()}"),
        ("RAM", f"{mem_kb / 1024 / 1024:.1f} GiB"),
        ("OS", platform.platform()),
        ("Xapian", first_line(["xapian-config", "--version"]) if shutil.which("xapian-config")
         else first_line(["dpkg-query", "-W", "-f=${Version}", "libxapian30"])),
        ("omindex", first_line(["omindex", "--version"])),
        ("quest", first_line(["quest", "--version"])),
        ("Sphinx", first_line(["indexer", "--help"])),
        ("Compiler", first_line(["c++", "--version"])),
        ("newsidx commit", os.environ.get("BENCH_COMMIT", "unknown")),
        ("Load average at start", open("/proc/loadavg").read().strip()),
    ]


def main():
    global WORK, SCRIPTS, CORPORA
    bindir = sys.argv[1]
    out_md = sys.argv[2]
    command = sys.argv[3] if len(sys.argv) > 3 else "scripts/bench.sh"
    SCRIPTS = os.path.dirname(os.path.abspath(__file__))
    WORK = os.environ.get("BENCH_DIR", "/tmp/newsidx-bench")
    CORPORA = CORPORA or os.path.normpath(os.path.join(SCRIPTS, "..", "..", "shared", "corpora"))
    os.makedirs(WORK, exist_ok=True)
    started = datetime.datetime.now()
    info = machine()

    index_bin = os.path.join(bindir, "indexer", "newsidx-index")
    query_bin = os.path.join(bindir, "query", "newsidx-query")
    bare_bin = os.path.join(bindir, "tools", "newsidx-bare-loop")
    have_index = os.access(index_bin, os.X_OK)
    have_query = os.access(query_bin, os.X_OK)
    if not have_index:
        notes.append("newsidx-index is not built yet: only the peers were measured.")
    if not have_query:
        notes.append("newsidx-query is not built yet: query figures were skipped.")
    index_help = help_text(index_bin) if have_index else ""
    query_help = help_text(query_bin) if have_query else ""

    datasets = prepare_inputs()
    dbs = os.path.join(WORK, "db")
    os.makedirs(dbs, exist_ok=True)
    results, flush, query_results, partitions = {}, [], [], {}
    writers = []  # (dataset, variant, measurement) of the bare loop with one or two writers
    quest_prefixes = []
    with open(os.path.join(SCRIPTS, "..", "common", "schema.hpp")) as f:
        schema = f.read()
    for name, prefix, kind in re.findall(r'\{"(\w+)", "(\w+)", FieldKind::k(FreeText|Boolean)\}', schema):
        quest_prefixes += (["-p"] if kind == "FreeText" else ["-b"]) + [f"{name}:{prefix}"]

    def report(pending=None):
        write_report(out_md, command, started, info, datasets, results, flush, query_results, quest_prefixes,
                     pending, partitions, writers)
        log(f"wrote {out_md}" + (f" (partial: {pending} pending)" if pending else ""))

    def index_set(ds, peers=True):
        key = ds["key"]
        runs = RUNS_GENERATED if key.startswith("gen") else RUNS
        ds["runs"] = runs
        log(f"== {key}: {ds['stories']} stories, {ds['bytes'] / 1e6:.1f} MB, {runs} runs")
        r = results[key] = {}
        if have_index:
            db = os.path.join(dbs, "newsidx-" + key)
            # Exit status 1 means some inputs were skipped with a warning (counted in the summary).
            r["newsidx-index"] = measure_build("newsidx-index", lambda: [index_bin, "--db", db, ds["src"]], db,
                                               rerun_cmd=lambda: [index_bin, "--db", db, ds["src"]], runs=runs,
                                               ok=(0, 1))
            ds["newsidx_db"] = db
        if have_index and not key.startswith("gen"):
            # The whole analysis on one core (issue 3's 2 MB/s target), output discarded.
            walls, cpus = [], []
            for _ in range(runs):
                wall, _, _, cpu = run(["sh", "-c", f'"{index_bin}" -q --extract-only --jobs 1 "{ds["src"]}" > /dev/null'],
                                      ok=(0, 1))
                walls.append(wall)
                cpus.append(cpu)
            EXTRACTION.append((ds["title"], ds["bytes"] / 1e6, median(walls), median(cpus)))
            log(f"  extraction: {median(walls):.2f} s wall, {median(cpus):.2f} s CPU")
        if not peers:
            return
        db = os.path.join(dbs, "omindex-" + key)
        r["omindex"] = measure_build("omindex", lambda: ["omindex", "--db", db, "--url", "/", ds["txt"]], db,
                                     rerun_cmd=lambda: ["omindex", "--db", db, "--url", "/", ds["txt"]], runs=runs)
        conf, sdb = sphinx_conf(key, ds["xml"])

        def sphinx_cmd():
            os.makedirs(sdb, exist_ok=True)
            return ["indexer", "--config", conf, "--all", "--quiet"]
        r["Sphinx indexer"] = measure_build("sphinx", sphinx_cmd, sdb, runs=runs)
        db = os.path.join(dbs, "bare-" + key)
        r["bare Xapian loop"] = measure_build("bare loop", lambda: [bare_bin, "--db", db, ds["src"]], db, runs=runs)

    queries = QUERIES

    def query_set(ds):
        db = ds.get("newsidx_db")
        if not have_query or not db:
            return
        log(f"== queries on {ds['key']}")
        for label, q, extra in queries:
            missing = [o for o in extra if o.startswith("--") and o not in query_help]
            row = {"set": ds["title"], "label": label, "query": q, "extra": extra}
            quest_cmd = ["quest", "-d", db, "-m", "10", "-o", "and"] + quest_prefixes + [q]
            row["quest"] = time_query(quest_cmd)
            row["quest_matches"] = quest_matches(quest_cmd)
            if missing:
                row["note"] = f"skipped: newsidx-query has no {', '.join(missing)} yet"
            else:
                cmd = [query_bin, "--db", db, "--limit", "10"] + extra + [q]
                row["newsidx"] = time_query(cmd)
                if "--count" in query_help:
                    row["newsidx_matches"] = newsidx_count([query_bin, "--db", db, "--count"] + extra + [q])
            query_results.append(row)
            log(f"  {label}: newsidx {fmt(row.get('newsidx'))} ms, quest {fmt(row['quest'])} ms")

    small = [d for d in datasets if d["stories"] <= LARGE_ABOVE]
    large = [d for d in datasets if d["stories"] > LARGE_ABOVE]
    if PART == "files":
        for ds in small:
            index_set(ds)
    elif PART != "large":
        for ds in small:
            index_set(ds)
            report(pending="the remaining figures")
        reuters = next(d for d in datasets if d["key"] == "reuters")
        log("== bare loop flush thresholds on Reuters")
        for threshold in FLUSH_THRESHOLDS:
            for mode in ("replace_document", "add_document"):
                db = os.path.join(dbs, "bare-flush")
                extra = ["--add"] if mode == "add_document" else []
                res = measure_build(f"bare {mode} {threshold}", lambda: [bare_bin, "--db", db] + extra + [reuters["src"]],
                                    db, env={"XAPIAN_FLUSH_THRESHOLD": str(threshold)}, runs=RUNS_FLUSH)
                flush.append((threshold, mode, res))
        log("== bare loop: one writer or two")
        for ds in [d for d in small if d["key"] in ("reuters", "bbc")]:
            for label, extra in WRITER_VARIANTS:
                db = os.path.join(dbs, "bare-writers")
                res = measure_build(f"bare {label}", lambda: [bare_bin, "--add", "--db", db] + extra + [ds["src"]],
                                    db, env={"XAPIAN_FLUSH_THRESHOLD": "1000"}, runs=RUNS_FLUSH)
                writers.append((ds, label, res))
        query_set(reuters)
        if not large:
            query_set(small[-1])
    if PART not in ("small", "files") and large:
        saved_path = os.path.join(WORK, "large-index.json")
        if LARGE_STAGE == "query":
            with open(saved_path) as f:
                saved = json.load(f)
            results.update(saved["results"])
            for ds in datasets:
                if ds["key"] in saved["dbs"]:
                    ds["newsidx_db"], ds["runs"] = saved["dbs"][ds["key"]], saved["runs"][ds["key"]]
            notes.append(f"The indexing figures of this part were measured by `{saved['command']}` on "
                         f"{saved['started']} (commit {saved['commit']}); this run timed the queries on the "
                         "databases that run built.")
        else:
            if PART == "large":
                # The scale ratio compares rates measured in this run: the small archive again.
                for ds in small:
                    index_set(ds, peers=LARGE_PEERS)
            report(pending="the large archive")
            for ds in large:
                index_set(ds, peers=LARGE_PEERS)
                report(pending="its partitioned build, queries and partitions")
                if have_index:
                    partition_build(ds, index_bin, dbs, results)
            with open(saved_path, "w") as f:
                json.dump({"results": {d["key"]: results[d["key"]] for d in small + large if d["key"] in results},
                           "dbs": {d["key"]: d["newsidx_db"] for d in small + large if "newsidx_db" in d},
                           "runs": {d["key"]: d.get("runs", 1) for d in small + large},
                           "command": command, "started": f"{started:%Y-%m-%d %H:%M}",
                           "commit": os.environ.get("BENCH_COMMIT", "unknown")}, f)
        if LARGE_STAGE != "index":
            for ds in large:
                report(pending="its queries and partitions")
                query_set(ds)
                report(pending="its partitions")
                if have_index and have_query:
                    partition_layouts(ds, query_bin, dbs, queries, partitions)
    report()


def delve_count(db):
    out = subprocess.run(["xapian-delve", db], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True).stdout
    m = re.search(r"number of documents = (\d+)", out)
    return int(m.group(1)) if m else 0


def split_groups(names, counts, k):
    """Consecutive groups of `names` (in period order), k of them, as even in documents as that allows."""
    k = min(k, len(names))
    total = sum(counts[n] for n in names) or 1
    groups, cum = [[] for _ in range(k)], 0
    for i, n in enumerate(names):
        # Each group keeps at least one partition: clamp by what is left on both sides.
        g = min(int((cum + counts[n] / 2) / total * k), k - 1)
        g = max(g, k - (len(names) - i))
        if i > 0:
            prev = next(j for j in range(k - 1, -1, -1) if groups[j])
            g = max(min(g, prev + 1), prev)
        else:
            g = 0
        groups[g].append(n)
        cum += counts[n]
    return [g for g in groups if g]


def free_port():
    import socket
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, seconds=20):
    import socket
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return True
        except OSError:
            time.sleep(0.2)
    return False


def partition_build(ds, index_bin, dbs, results):
    """Issue 8: the archive indexed once with --partition year (timed like the other builds)."""
    key = ds["key"]
    archive = os.path.join(dbs, "parts-" + key)
    log(f"== partitioned build of {key}")
    results[key]["newsidx-index --partition year"] = measure_build(
        "newsidx-index --partition year", lambda: [index_bin, "--partition", "year", "--db", archive, ds["src"]],
        archive, runs=1, ok=(0, 1))


def partition_layouts(ds, query_bin, dbs, queries, partitions):
    """Issue 8: the same archive as one database, as 1, 4 and 16 local partitions and as one
    remote partition. The layouts are made from the year partitions of partition_build with
    xapian-compact (consecutive years, even in documents)."""
    key = ds["key"]
    archive = os.path.join(dbs, "parts-" + key)
    log(f"== partitions of {key}")
    with open(os.path.join(archive, "XAPIANDB")) as f:
        names = [line.split()[1] for line in f if line.startswith("auto ")]
    counts = {n: delve_count(os.path.join(archive, n)) for n in names}
    layouts = [("one database (the single-database build above)", ds["newsidx_db"], None, 1)]
    for k in PARTITION_LAYOUTS:
        groups = split_groups(names, counts, k)
        folder = os.path.join(dbs, f"layout{k}-{key}")
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
        start = time.perf_counter()
        parts = []
        for i, g in enumerate(groups):
            parts.append(f"p{i:02d}")
            run(["xapian-compact"] + [os.path.join(archive, n) for n in g] + [os.path.join(folder, parts[-1])])
        seconds = time.perf_counter() - start
        with open(os.path.join(folder, "XAPIANDB"), "w") as f:
            f.write("".join(f"auto {p}\n" for p in parts))
        log(f"  {len(parts)} partitions compacted in {seconds:.1f} s")
        layouts.append((f"{len(parts)} partition{'s' if len(parts) > 1 else ''} (compacted)", folder, seconds,
                        len(parts)))
    layouts.append((f"{len(names)} partitions as indexed (--partition year)", archive, None, len(names)))
    port = free_port()
    served = os.path.join(dbs, f"layout1-{key}", "p00")
    server = subprocess.Popen(["xapian-tcpsrv", "--interface", "127.0.0.1", "--port", str(port), served],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        if wait_for_port(port):
            stub = os.path.join(dbs, f"remote-{key}.stub")
            with open(stub, "w") as f:
                f.write(f"remote 127.0.0.1:{port}\n")
            layouts.append(("1 remote partition (xapian-tcpsrv on 127.0.0.1)", stub, None, 1))
        else:
            notes.append("xapian-tcpsrv did not start: no remote figure")
        partitions["layouts"] = [(label, seconds, n) for label, _, seconds, n in layouts]
        partitions["set"] = ds["title"]
        partitions["rows"] = []
        for label, q, extra in queries:
            row = {"label": label, "query": q, "extra": extra, "ms": [], "matches": []}
            for _, db, _, _ in layouts:
                row["ms"].append(time_query([query_bin, "--db", db, "--limit", "10"] + extra + [q]))
                row["matches"].append(newsidx_count([query_bin, "--db", db, "--count"] + extra + [q]))
            partitions["rows"].append(row)
            log(f"  {label}: " + ", ".join(f"{fmt(ms)} ms" for ms in row["ms"]))
    finally:
        os.killpg(server.pid, 15)
        server.wait()


def time_query(cmd):
    """Median wall time in ms of QUERY_RUNS runs of cmd (after one warm-up), process start included."""
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    walls = []
    for _ in range(QUERY_RUNS):
        start = time.perf_counter()
        proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        walls.append((time.perf_counter() - start) * 1000)
        if proc.returncode not in (0, 1):
            raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}: {proc.stderr[-1000:]!r}")
    return median(walls)


def quest_matches(cmd):
    """quest's exact match count (asked for with -c, outside the timed runs)."""
    out = subprocess.run(cmd[:-1] + ["-c", "100000000", cmd[-1]], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         text=True, errors="replace").stdout
    m = re.search(r"Exactly (\d+) matches|best estimate is (\d+)|(\d+) matches", out)
    return next((g for g in m.groups() if g), None) if m else None


def newsidx_count(cmd):
    out = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True).stdout.strip()
    return out.splitlines()[0] if out else None


PART_TITLES = {"all": "All figures", "small": "Reuters, BBC and the 20,000-article archive",
               "large": "The 200,000-article archive: scale, queries, partitions, remote search",
               "files": "Reuters as files (one story per .txt)"}


def write_report(path, command, started, info, datasets, results, flush, query_results, quest_prefixes, pending,
                 partitions, writers):
    L = []
    L.append(f"## {PART_TITLES[PART]}\n")
    L.append(f"Produced by `{command}` on {started:%Y-%m-%d %H:%M}; every figure in this part was measured in "
             "that one run. Regenerate with the same command.\n")
    if pending:
        L.append(f"> **Partial report:** the run was still going when this was written; {pending} not yet "
                 "measured.\n")
    for n in notes:
        L.append(f"> **Note:** {n}\n")
    L.append("### Machine\n")
    L.append("| | |\n|---|---|")
    for k, v in info:
        L.append(f"| {k} | {v} |")
    L.append(f"| Load average at end | {open('/proc/loadavg').read().strip()} |")
    L.append("\nThe machine is shared with other users building and testing at the same time, so absolute times "
             "carry noise; ratios come from the same run.\n")
    L.append("### Method\n")
    L.append(f"- Each indexing figure is the median wall time of {RUNS} runs, each into a fresh database; "
             "peak memory is the largest maximum resident set size (GNU `time -v`) over those runs.")
    L.append("- articles/s = stories in the set ÷ wall time; MB/s = headline + body text (UTF-8 bytes) ÷ wall time. "
             "Every tool gets the same stories: newsidx-index and the bare loop read the original files, "
             "`omindex` a copy where each story is one .txt file (`omindex --db DB --url / DIR`), Sphinx an "
             "xmlpipe2 file with fields title and body (`xmlpipe_command = cat FILE`, `morphology = stem_en`, "
             "`mem_limit = 128M`, its default).")
    L.append("- Reuters: the 19,043 stories that have a `<BODY>`. newsidx-index also indexes the 2,535 stories "
             "without one (their title or raw text), which the peers skip; the rate still divides by 19,043.")
    L.append("- Re-run: the same command again over the unchanged files into the built database: one "
             f"warm-up, then the median of {max(RUNS, RERUNS)}.")
    L.append("- CPU s: user + system seconds of the process (median run); on a loaded machine it moves less than "
             "wall time, and for a single-threaded tool it approximates the wall time of an idle machine. CPU use: "
             "CPU s ÷ wall s of the median run (2.0 is both cores busy the whole run).")
    L.append("- Reuters as files: the same 19,043 stories, one per .txt file (headline, blank line, body), given to "
             "every tool, newsidx-index and the bare loop included (issue 21).")
    L.append("- Database size: bytes of all files in the database folder.\n")
    for ds in datasets:
        if ds["key"] not in results:
            continue
        r = results[ds["key"]]
        L.append(f"### Indexing: {ds['title']}\n")
        L.append(f"{ds['stories']:,} stories, {ds['bytes'] / 1e6:.1f} MB of text; median of {ds['runs']} run(s).\n")
        L.append("| tool | median s | runs (s) | articles/s | MB/s | CPU s (user+sys) | CPU use (CPU s ÷ wall s) | "
                 "peak RSS MB | database MB | re-run s |")
        L.append("|---|---|---|---|---|---|---|---|---|---|")
        for tool, m in r.items():
            rate = ds["stories"] / m["wall"]
            L.append(f"| {tool} | {m['wall']:.2f} | {', '.join(f'{w:.2f}' for w in m['walls'])} | {rate:,.0f} | "
                     f"{ds['bytes'] / 1e6 / m['wall']:.2f} | {m['cpu']:.1f} | {m['cpu'] / m['wall']:.2f} | "
                     f"{m['rss']:.0f} | {m['size']:.1f} | "
                     f"{fmt(m.get('rerun'), 2) if 'rerun' in m else '-'} |")
        ours = r.get("newsidx-index")
        if ours:
            L.append("\nnewsidx-index against each peer (speed: newsidx articles/s ÷ peer's; memory and size: "
                     "newsidx ÷ peer; re-run: newsidx time ÷ peer's):\n")
            L.append("| peer | speed | peak memory | database size | re-run time |")
            L.append("|---|---|---|---|---|")
            for tool, m in r.items():
                if tool == "newsidx-index":
                    continue
                L.append(f"| {tool} | {ratio(m['wall'], ours['wall'])} | {ratio(ours['rss'], m['rss'])} | "
                         f"{ratio(ours['size'], m['size'])} | "
                         f"{ratio(ours.get('rerun'), m.get('rerun')) if 'rerun' in m else '-'} |")
            L.append(f"\nnewsidx-index's own summary (last run): `{ours['out']}`\n")
        else:
            L.append("")
    gens = [d for d in datasets if d["key"].startswith("gen")]
    if len(gens) == 2 and all("newsidx-index" in results.get(g["key"], {}) for g in gens):
        a, b = (results[g["key"]]["newsidx-index"] for g in gens)
        ra, rb = gens[0]["stories"] / a["wall"], gens[1]["stories"] / b["wall"]
        na, nb = gens[0]["stories"], gens[1]["stories"]
        L.append(f"### Scale: {na:,} against {nb:,} articles\n")
        L.append(f"newsidx-index: {ra:,.0f} articles/s at {na:,}, {rb:,.0f} at {nb:,} "
                 f"({rb / ra * 100:.0f}% of the small-archive rate; target at least 80%). "
                 f"Peak memory {a['rss']:.0f} MB and {b['rss']:.0f} MB (target under 400 MB).\n")
    if flush:
        L.append("### Bare loop: Xapian flush threshold (Reuters)\n")
        L.append("`XAPIAN_FLUSH_THRESHOLD` set in the environment of `newsidx-bare-loop` (Xapian's default is 10,000 "
                 f"documents); same 19,043 stories; median of {RUNS_FLUSH} run(s).\n")
        L.append("| threshold | write call | median s | articles/s | peak RSS MB | database MB |")
        L.append("|---|---|---|---|---|---|")
        for threshold, mode, m in flush:
            L.append(f"| {threshold:,} | {mode} | {m['wall']:.2f} | {reuters_count(datasets) / m['wall']:,.0f} | "
                     f"{m['rss']:.0f} | {m['size']:.1f} |")
        L.append("")
    if writers:
        L.append("### Bare loop: one Xapian writer or two\n")
        L.append("`newsidx-bare-loop --add` with `XAPIAN_FLUSH_THRESHOLD=1000`: one writer thread; `--writers 2`, "
                 "two threads each writing its own database (files dealt round-robin), kept as shards behind a "
                 "stub; `--writers 2 --merge`, the same merged into one database by `Xapian::Database::compact` "
                 f"(its time included). Median of {RUNS_FLUSH} run(s). On 2 cores the wall time cannot fall below "
                 "the total CPU time ÷ 2, which newsidx's analysis workers also draw on.\n")
        L.append("| set | writers | median s | CPU s (user+sys) | peak RSS MB | database MB |")
        L.append("|---|---|---|---|---|---|")
        for ds, label, m in writers:
            L.append(f"| {ds['title']} | {label} | {m['wall']:.2f} | {m['cpu']:.1f} | {m['rss']:.0f} | {m['size']:.1f} |")
        L.append("")
    if EXTRACTION:
        L.append("### Entity extraction speed (one core)\n")
        L.append("`newsidx-index -q --extract-only --jobs 1 SET > /dev/null`: reading, dateline, tokenizer, tagger, "
                 "gazetteer, resolution, quotations and facets, one worker thread; median of the runs. MB/s by "
                 "CPU time is what one core does; by wall time it includes waiting for the shared machine.\n")
        L.append("| set | MB of text | wall s | CPU s | MB/s (CPU) | MB/s (wall) |")
        L.append("|---|---|---|---|---|---|")
        for title, mb, wall, cpu in EXTRACTION:
            L.append(f"| {title} | {mb:.1f} | {wall:.2f} | {cpu:.2f} | {mb / cpu:.2f} | {mb / wall:.2f} |")
        L.append("")
    L.append("### Queries\n")
    if pending and not query_results:
        L.append("Not yet measured.\n")
    elif not query_results:
        L.append("Skipped: " + " ".join(n for n in notes if "query" in n) + "\n")
    else:
        L.append(f"Per-query wall time including process start, median of {QUERY_RUNS} runs after one warm-up, "
                 "first page of 10 hits. Both tools search the same newsidx database with the same query string; "
                 "`quest` gets `-o and` (newsidx's default operator) and the schema's prefixes "
                 f"(`{' '.join(quest_prefixes)}`). quest has no facets or timeline: on those rows it runs the "
                 "plain query, so the ratio shows their whole cost.\n")
        L.append("| set | query | newsidx options | newsidx ms | quest ms | newsidx ÷ quest | matches newsidx / quest |")
        L.append("|---|---|---|---|---|---|---|")
        for row in query_results:
            ours = row.get("newsidx")
            L.append(f"| {row['set']} | `{row['query']}` ({row['label']}) | {' '.join(row['extra']) or '-'} | "
                     f"{fmt(ours) if ours else row.get('note', 'n/a')} | {fmt(row['quest'])} | "
                     f"{ratio(ours, row['quest'])} | {row.get('newsidx_matches', '?')} / {row.get('quest_matches', '?')} |")
        L.append("")
    if partitions.get("rows"):
        render_partitions(L, partitions)
    with open(os.path.join(REPORT_DIR or WORK, f"report-{PART}.md"), "w") as f:
        f.write("\n".join(L) + "\n")
    compose(path)


def render_partitions(L, p):
    L.append(f"### Partitions and remote search: {p['set']}\n")
    L.append("The archive indexed once with `newsidx-index --partition year` (its row in the indexing table "
             "above); the 1-, 4- and 16-partition layouts are made from its year partitions with "
             "`xapian-compact` (consecutive years, as even in documents as whole years allow) and opened "
             "through a stub file, as `newsidx-query --db FOLDER`; the remote row serves the 1-partition "
             "database with `xapian-tcpsrv --interface 127.0.0.1` and opens a stub holding "
             "`remote 127.0.0.1:PORT`. Per-query wall time in ms including process start, median of "
             f"{QUERY_RUNS} runs after one warm-up, first page of 10 hits; the last column compares each layout "
             "with the one database.\n")
    heads = [label for label, _, _ in p["layouts"]]
    L.append("| query | options | " + " | ".join(heads) + " | matches (all layouts) |")
    L.append("|---|---|" + "---|" * len(heads) + "---|")
    for row in p["rows"]:
        base = row["ms"][0]
        cells = [f"{fmt(ms)}" + ("" if i == 0 else f" ({ratio(ms, base)})") for i, ms in enumerate(row["ms"])]
        same = len(set(row["matches"])) == 1
        matches = row["matches"][0] if same else " / ".join(str(m) for m in row["matches"])
        L.append(f"| `{row['query']}` ({row['label']}) | {' '.join(row['extra']) or '-'} | " + " | ".join(cells) +
                 f" | {matches}{'' if same else ' (differ)'} |")
    compacts = [(label, s) for label, s, _ in p["layouts"] if s is not None]
    if compacts:
        L.append("\nxapian-compact time to make each layout from the year partitions: " +
                 "; ".join(f"{label}: {s:.1f} s" for label, s in compacts) + ".\n")
    L.append("")


def compose(path):
    """BENCHMARKS.md: the latest report of each part kept in BENCH_DIR, then the analysis."""
    order = ["all"] if PART == "all" else ["small", "large", "files"]
    L = ["# newsidx benchmarks\n",
         "Made by `scripts/bench.sh`. A full run (`scripts/bench.sh`) measures everything in one run; "
         "`BENCH_PART=small` and `BENCH_PART=large` run the two halves apart (the large one takes most of an "
         "hour on 2 cores), and this file then shows the latest report of each, each with the command and "
         "commit that produced it. Ratios are only ever taken between figures of the same run.\n"]
    try:
        with open(path) as f:
            previous = f.read()
    except OSError:
        previous = ""
    for part in order:
        frag = os.path.join(REPORT_DIR or WORK, f"report-{part}.md")
        if os.path.exists(frag):
            with open(frag) as f:
                L.append(f.read())
        elif f"## {PART_TITLES[part]}\n" in previous:
            # Not measured on this machine since: the part as BENCHMARKS.md has it.
            rest = previous.split(f"## {PART_TITLES[part]}\n", 1)[1]
            # It ends at the next section: another part's, or the first of docs/benchmarks-analysis.md
            # (the hand-written sections all live there, so that a new run keeps them).
            end = rest.find("\n## ")
            L.append(f"## {PART_TITLES[part]}\n" + (rest[:end + 1] if end >= 0 else rest))
    analysis = os.path.join(SCRIPTS, "..", "docs", "benchmarks-analysis.md")
    if os.path.exists(analysis):
        with open(analysis) as f:
            L.append(f.read())
    with open(path, "w") as f:
        f.write("\n".join(part.rstrip("\n") + "\n" for part in L))


def reuters_count(datasets):
    return next(d for d in datasets if d["key"] == "reuters")["stories"]


if __name__ == "__main__":
    main()
