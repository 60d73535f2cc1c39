#!/usr/bin/env bash
# Quote-speaker quality on PolNeAR (issue 4): builds newsidx-eval-speakers, unpacks the corpus
# to a temporary folder and scores direct-quote attribution on a compartment (dev by default).
#
#   scripts/eval-speakers.sh                 dev, mentions from the article analysis (NER tagger)
#   scripts/eval-speakers.sh train           tune on train
#   scripts/eval-speakers.sh cv [K]          K-fold cross-validation over train by article (K=5):
#                                            the operating point (precise, pronoun margin, sentence
#                                            subjects, appositive window, subordinate subjects,
#                                            object exclusion, shared surnames, appositive
#                                            chains) chosen
#                                            on K-1 folds and scored on the held-out one; mean +- sd
#                                            of accuracy, precision and coverage, and the spread of
#                                            the library default over the folds
#   EVAL_BREAKDOWN=1 scripts/eval-speakers.sh train   also the gold quotes not right, by cause
#   EVAL_MENTIONS=none scripts/eval-speakers.sh   speakers from the text alone
#   EVAL_PRECISE=1 scripts/eval-speakers.sh  the precise operating point (QuoteOptions::precise)
#   EVAL_MARGIN=0 scripts/eval-speakers.sh   the coverage operating point (QuoteOptions::pronoun_margin;
#                                            unset: the library default, the middle point)
#   EVAL_ERRORS=40 scripts/eval-speakers.sh  also print 40 wrong/missed attributions to stderr
#   EVAL_REFERENTS=none scripts/eval-speakers.sh  pronoun Sources keyed by the stand-in (the
#                                            previous named Source) instead of the annotated
#                                            referents of tools/data/polnear-referents-SPLIT.tsv
# Environment: NEWSIDX_CORPORA (default ../shared/corpora), EVAL_BUILD_DIR (default build-eval).
# Definitions of coverage, precision and matching: tools/eval_speakers.cpp and QUALITY.md.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
split="${1:-dev}"
folds=()
if [[ "$split" == cv ]]; then
  k="${2:-5}"
  [[ "$k" =~ ^[0-9]+$ && "$k" -ge 2 ]] || { echo "eval-speakers.sh: cv K needs K >= 2" >&2; exit 2; }
  folds=(--cv "$k")
  split=train
fi
corpora="${NEWSIDX_CORPORA:-$(cd "$repo/.." && pwd)/shared/corpora}"
tarball="$corpora/polnear/polnear-train-dev.tar.gz"
build="${EVAL_BUILD_DIR:-$repo/build-eval}"

if [[ ! -f "$tarball" ]]; then
  echo "eval-speakers.sh: $tarball not found (set NEWSIDX_CORPORA)" >&2
  exit 2
fi
case "$split" in dev|train) ;; *) echo "eval-speakers.sh: split must be dev, train or cv [K]" >&2; exit 2;; esac

cmake -S "$repo" -B "$build" >/dev/null
cmake --build "$build" -j2 --target newsidx-eval-speakers >/dev/null

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
tar -xzf "$tarball" -C "$tmp"

referents="${EVAL_REFERENTS:-$repo/tools/data/polnear-referents-$split.tsv}"
referent_args=()
if [[ "$referents" != none ]]; then
  if [[ ! -f "$referents" ]]; then
    echo "eval-speakers.sh: $referents not found (EVAL_REFERENTS=none for the stand-in)" >&2
    exit 2
  fi
  referent_args=(--referents "$referents")
fi

echo "command: scripts/eval-speakers.sh ${*:-dev} (EVAL_MENTIONS=${EVAL_MENTIONS:-tagger}" \
  "EVAL_PRECISE=${EVAL_PRECISE:-0} EVAL_MARGIN=${EVAL_MARGIN:-default}" \
  "EVAL_REFERENTS=${EVAL_REFERENTS:-annotated})"
"$build/tools/newsidx-eval-speakers" "$tmp/data/$split" \
  --mentions "${EVAL_MENTIONS:-tagger}" --precise "${EVAL_PRECISE:-0}" \
  ${EVAL_MARGIN:+--margin "$EVAL_MARGIN"} --errors "${EVAL_ERRORS:-0}" --breakdown "${EVAL_BREAKDOWN:-0}" \
  "${referent_args[@]}" "${folds[@]}"
