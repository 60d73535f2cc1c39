#!/usr/bin/env python3
# Per-thread profile of a `perf record --call-graph dwarf` run (issue 21): reads
# `perf script -F comm,tid,ip,sym,dso` and prints, per thread of newsidx-index, the functions with
# the most samples, self and inclusive. Addresses in newsidx-index are named with addr2line, because
# Debian 12's perf cannot read the symbols of our RelWithDebInfo binary ("cannot get elf header").
#
#   perf record -F 250 --call-graph dwarf,32768 -o perf.data -- newsidx-index --db DB DIR
#   perf script -i perf.data -F comm,tid,ip,sym,dso > perf.txt
#   scripts/perf-threads.py perf.txt path/to/newsidx-index [TOP]
import collections, re, subprocess, sys
path, binary = sys.argv[1], sys.argv[2]
top = int(sys.argv[3]) if len(sys.argv) > 3 else 25
samples = []
cur = None
for line in open(path, errors="replace"):
    if not line.strip():
        if cur: samples.append(cur)
        cur = None
        continue
    if not line.startswith("\t") and not line.startswith(" "):
        parts = line.split()
        cur = {"comm": parts[0], "tid": parts[1], "frames": []}
        continue
    m = re.match(r"\s*([0-9a-f]+) (.*) \((.*)\)$", line.rstrip("\n"))
    if m and cur is not None:
        cur["frames"].append((m.group(1), m.group(2), m.group(3)))
if cur: samples.append(cur)
addrs = sorted({ip for s in samples for ip, sym, dso in s["frames"] if dso.endswith("newsidx-index") and sym.startswith("[unknown]")})
names = {}
if addrs:
    out = subprocess.run(["addr2line", "-f", "-C", "-e", binary] + ["0x" + a for a in addrs], capture_output=True, text=True).stdout.splitlines()
    for i, a in enumerate(addrs):
        n = out[2 * i]
        n = re.sub(r"\(.*", "", n) if not n.startswith("operator") else n
        names[a] = n[:110]
def fname(ip, sym, dso):
    if dso.endswith("newsidx-index") and sym.startswith("[unknown]"): return names.get(ip, ip)
    if sym.startswith("[unknown]"): return dso.split("/")[-1]
    s = re.sub(r"\+0x[0-9a-f]+$", "", sym)
    return (re.sub(r"\(.*", "", s) or s)[:110]
bytid = collections.defaultdict(list)
for s in samples:
    if s["comm"] != "newsidx-index": continue
    bytid[s["tid"]].append(s)
total = sum(len(v) for v in bytid.values())
print(f"{total} samples of newsidx-index")
for tid, ss in sorted(bytid.items(), key=lambda kv: -len(kv[1])):
    self_c, incl_c = collections.Counter(), collections.Counter()
    for s in ss:
        fr = [fname(*f) for f in s["frames"]]
        if fr: self_c[fr[0]] += 1
        for n in set(fr): incl_c[n] += 1
    print(f"\n== tid {tid}: {len(ss)} samples ({100*len(ss)/total:.1f}% of all)")
    print("-- self")
    for n, c in self_c.most_common(top): print(f"  {100*c/len(ss):5.1f}%  {n}")
    print("-- inclusive")
    for n, c in incl_c.most_common(top + 15): print(f"  {100*c/len(ss):5.1f}%  {n}")
