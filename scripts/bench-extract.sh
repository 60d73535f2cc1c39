#!/usr/bin/env bash
# Extraction speed of two builds of newsidx-index, alternated (issue 19: 2 MB/s per core): runs
# `--extract-only --jobs 1` of OLD_BIN and NEW_BIN on SET in turn (old, new, old, new, ...), ROUNDS
# times each, under GNU time, and prints every run's user, system, wall seconds and peak RSS, then
# per binary the median CPU (user + sys) and the MB/s per core it gives (the bytes of SET's files
# divided by the median CPU). On a shared, noisy machine only runs taken in turn are comparable.
# Usage: scripts/bench-extract.sh OLD_BIN NEW_BIN SET [ROUNDS]   (SET: a file or folder; ROUNDS 5)
# Environment: BENCH_BYTES, the bytes the MB/s are of, instead of the size of SET's files (the
# Reuters SGML's 17,406,994 bytes of story text, as scripts/bench-small-files.sh counts them).
set -euo pipefail

if [[ $# -lt 3 || ! -x "$1" || ! -x "$2" || ! -e "$3" ]]; then
  echo "usage: scripts/bench-extract.sh OLD_BIN NEW_BIN SET [ROUNDS]" >&2
  exit 2
fi
old="$1" new="$2" set="$3" rounds="${4:-5}"
bytes="${BENCH_BYTES:-$(find -L "$set" -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')}"
times="$(mktemp)"
trap 'rm -f "$times" "$times.one"' EXIT
for ((r = 1; r <= rounds; ++r)); do
  for which in old new; do
    bin="$old"
    [[ "$which" == new ]] && bin="$new"
    # Exit status 1 (some input skipped: a Reuters story with no body) still times the run;
    # GNU time then writes its note on the status first, the figures last.
    status=0
    /usr/bin/time -f "%U %S %e %M" -o "$times.one" "$bin" -q --extract-only --jobs 1 "$set" >/dev/null || status=$?
    if ((status > 1)); then
      echo "bench-extract.sh: $bin exited with status $status" >&2
      exit 1
    fi
    echo "$which $(tail -1 "$times.one")" | tee -a "$times"
  done
done
# Medians of user + sys per binary, and MB/s per core of the set's bytes.
python3 - "$bytes" "$times" <<'PY'
import statistics, sys
size, path = int(sys.argv[1]), sys.argv[2]
runs = {}
for line in open(path):
    which, user, sys_s, wall, rss = line.split()
    runs.setdefault(which, []).append((float(user) + float(sys_s), int(rss)))
for which, rs in runs.items():
    cpu = [c for c, _ in rs]
    med = statistics.median(cpu)
    print(f"{which}: CPU s {', '.join(f'{c:.2f}' for c in cpu)}; median {med:.2f}; "
          f"{size / 1e6 / med:.2f} MB/s per core ({size / 1e6 / max(cpu):.2f}-{size / 1e6 / min(cpu):.2f}); "
          f"peak RSS {max(r for _, r in rs) / 1024:.1f} MB")
PY
