#!/usr/bin/env bash
# Reuters-21578 in three views of the same 21,577 stories, to separate what extraction costs a
# file from what it costs an article (issue 19, perf29): DIR/files (one .txt a story: the
# headline on line 1, the body after, as `--extract-only --text` gives it), DIR/jsonl (one
# JSON Lines file of the same texts: id, title, body) and DIR/sgm (the 22 unpacked .sgm).
# Then times `--extract-only --jobs 1` of BIN on each view, ROUNDS times in turn, under GNU time.
# Usage: scripts/bench-small-files.sh BIN DIR [ROUNDS]   (ROUNDS 3; DIR is created if missing)
# Environment: NEWSIDX_CORPORA (default ../shared/corpora).
set -euo pipefail

if [[ $# -lt 2 || ! -x "$1" ]]; then
  echo "usage: scripts/bench-small-files.sh BIN DIR [ROUNDS]" >&2
  exit 2
fi
bin="$(realpath "$1")" dir="$2" rounds="${3:-3}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
corpora="${NEWSIDX_CORPORA:-$(cd "$here/../.." && pwd)/shared/corpora}"
mkdir -p "$dir"
dir="$(realpath "$dir")"

if [[ ! -d "$dir/sgm" ]]; then
  mkdir -p "$dir/sgm.tmp"
  for gz in "$corpora"/reuters21578/reut2-*.sgm.gz; do
    gzip -dc "$gz" >"$dir/sgm.tmp/$(basename "$gz" .gz)"
  done
  mv "$dir/sgm.tmp" "$dir/sgm"
fi
if [[ ! -d "$dir/files" || ! -d "$dir/jsonl" ]]; then
  rm -rf "$dir/files" "$dir/jsonl"
  # The readers' own text of each story, so that all three views analyse the same bytes. Exit
  # status 1 (some stories have no body and are skipped with a warning) is expected.
  (cd "$dir" && "$bin" -q --extract-only --text --no-entities --jobs 1 sgm >"$dir/text.jsonl" 2>/dev/null) || true
  python3 - "$dir" <<'PY'
import json, os, sys
root = sys.argv[1]
n = size = 0
os.makedirs(os.path.join(root, "jsonl"))
with open(os.path.join(root, "text.jsonl"), encoding="utf-8") as src, \
        open(os.path.join(root, "jsonl", "reuters.jsonl"), "w", encoding="utf-8") as out:
    for line in src:
        r = json.loads(line)
        base, num = r["id"].split("#")  # "reut2-000.sgm#1"
        folder = os.path.join(root, "files", base.replace(".sgm", ""))
        os.makedirs(folder, exist_ok=True)
        body = r["body"].encode("utf-8")
        with open(os.path.join(folder, num + ".txt"), "wb") as f:
            f.write(body)
        n += 1
        size += len(body)
        out.write(json.dumps({"id": r["id"], "title": r["title"], "body": r["body"]}, ensure_ascii=False) + "\n")
print(f"{n} stories, {size} bytes of text", file=sys.stderr)
PY
  rm -f "$dir/text.jsonl"
fi

# Each view once a round, in turn; user, system and wall seconds, peak RSS (KB). Exit status 1
# (stories without a body) is expected.
times="$(mktemp)"
trap 'rm -f "$times"' EXIT
for ((r = 1; r <= rounds; ++r)); do
  for view in files jsonl sgm; do
    /usr/bin/time -f "%U %S %e %M" -o "$times" "$bin" -q --extract-only --jobs 1 "$dir/$view" >/dev/null 2>&1 || true
    echo "$view $(tail -1 "$times")"
  done
done
