#!/usr/bin/env bash
# Regenerates indexer/entities/data/word_classes.tsv, the NER tagger's word classes, from
# unlabelled news in ../shared/corpora (Reuters-21578, BBC, Wikinews, GMB; never CoNLL-2003):
#   1. scripts/cluster_corpus.py: the text, lower-cased and tokenised as CoNLL is
#   2. fastText skip-gram word vectors (Debian package `fasttext`, a developer-only tool: builds
#      and CI never run this script)
#   3. newsidx-cluster-words: spherical k-means into 1024 classes, then those into 256 and 64
# Usage: scripts/train-clusters.sh [BUILD_DIR] [WORK_DIR]. Takes about 10 minutes of CPU on one
# core. fastText with one thread is deterministic for a given corpus; see data/README.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build}"
work="${2:-$(mktemp -d)}"
mkdir -p "$work"
shared="${NEWSIDX_SHARED_DIR:-$root/../shared}"
command -v fasttext >/dev/null || { echo "train-clusters.sh: needs fasttext (apt-get install fasttext)" >&2; exit 1; }
cmake --build "$build" -j2 --target newsidx-cluster-words >&2
python3 "$root/scripts/cluster_corpus.py" "$shared/corpora" "$work/corpus.txt"
# 50 dimensions, a context window of 2 words (-ws 2: it won cross-validation over fastText's
# default of 5, and its classes put "chelsea" with clubs, not with managers' names; QUALITY.md),
# no sub-word n-grams (-maxn 0: only words seen 3 times or more get a class).
# NEWSIDX_CLASSES_WS=5 gives the classes of the earlier, unshipped word-class model.
fasttext skipgram -input "$work/corpus.txt" -output "$work/vectors" -dim 50 -maxn 0 \
  -minCount 3 -epoch 5 -thread 1 -verbose 1 -ws "${NEWSIDX_CLASSES_WS:-2}" >&2
out="$root/indexer/entities/data/word_classes.tsv"
"$build/tools/newsidx-cluster-words" "$work/vectors.vec" "$work/classes.tsv" 64,256,1024 --iterations 15
{
  echo "# word, then its class among 64, 256 and 1024 (nested); made by scripts/train-clusters.sh"
  cat "$work/classes.tsv"
} > "$out"
echo "train-clusters.sh: wrote $out ($(grep -vc '^#' "$out") words)" >&2
