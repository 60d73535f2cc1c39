#!/usr/bin/env python3
# Per-thread CPU and waits of a run (issue 21): runs CMD, samples /proc/PID/task/* every INTERVAL
# seconds, and prints per thread its CPU seconds and the share of samples it was running or
# runnable (R), or asleep in a system call (futex: waiting on a lock or condition variable; pread,
# fdatasync...: I/O). The main thread is the writer; the others are the analysis workers.
#
#   scripts/thread-states.py 0.05 build/indexer/newsidx-index -q --db /tmp/db /tmp/newsidx-bench/reuters-txt
#
# On a loaded machine R includes waiting for a CPU; a futex share is time a thread had nothing to do.
import collections, os, subprocess, sys, time
SYSCALLS = {"202": "futex", "0": "read", "17": "pread", "18": "pwrite", "1": "write", "74": "fsync",
            "75": "fdatasync", "257": "openat", "262": "newfstatat", "4": "stat", "3": "close",
            "230": "nanosleep", "7": "poll", "217": "getdents", "9": "mmap", "11": "munmap"}
interval = float(sys.argv[1])
proc = subprocess.Popen(sys.argv[2:])
pid = proc.pid
counts = collections.defaultdict(collections.Counter)
cpu = {}
t0 = time.time()
while proc.poll() is None:
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except OSError:
        break
    for tid in tids:
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                st = f.read()
            fields = st[st.rfind(")") + 2:].split()
            state = fields[0]
            cpu[tid] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
            if state == "R":
                what = "R (running or runnable)"
            else:
                with open(f"/proc/{pid}/task/{tid}/syscall") as f:
                    sc = f.read().split()[0]
                what = f"{state} in {SYSCALLS.get(sc, 'syscall ' + sc)}"
            counts[tid][what] += 1
        except (OSError, IndexError):
            pass
    time.sleep(interval)
wall = time.time() - t0
rc = proc.wait()
print(f"exit {rc}, wall {wall:.1f} s, sampled every {interval} s", file=sys.stderr)
for tid in sorted(counts, key=int):
    total = sum(counts[tid].values())
    parts = ", ".join(f"{k} {100 * v / total:.0f}%" for k, v in counts[tid].most_common())
    role = "main (writer)" if int(tid) == pid else "thread"
    print(f"tid {tid} {role}: CPU {cpu.get(tid, 0):.1f} s; {parts}", file=sys.stderr)
