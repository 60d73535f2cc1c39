#!/usr/bin/env bash
# Trains the NER tagger on CoNLL-2003 English train, evaluates it on the dev split (eng.testa),
# and writes indexer/entities/data/ner.model and ner2.model, the first and second pass of the
# two-stage tagger (tagger_stage.hpp; built into newsidx_indexer by embed.cmake). With --cv K (what
# `scripts/eval-ner.sh cv` passes) it cross-validates instead and writes nothing.
# Usage: scripts/train-ner.sh [BUILD_DIR] [extra newsidx-train-ner options, e.g. --curve]
# The data are research-only and are read from ../shared/corpora, never copied into the repo.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build}"
shift || true
shared="${NEWSIDX_SHARED_DIR:-$root/../shared}"
conll="$shared/corpora/conll2003"
for f in "$conll/eng.train.gz" "$conll/eng.testa.gz"; do
  [[ -f "$f" ]] || { echo "train-ner.sh: $f not found (set NEWSIDX_SHARED_DIR)" >&2; exit 1; }
done
cmake --build "$build" -j2 --target newsidx-train-ner >&2
# 15 epochs, fixed shuffling seed, gazetteer hits and the word classes of word_classes.tsv at
# three levels as features: the shipped model, chosen by 5-fold cross-validation (QUALITY.md, NER;
# `--epochs 10 --hook gazetteer` after these options gives the model before the word classes).
# The span repairs (middle initials, honorifics alone; tagger_repair.hpp) run at tagging time and
# are not part of the model; --repair SPEC changes them for the dev and CV figures.
# The second pass: the same options, plus each capitalised word's majority type among its other
# occurrences in the document, from first passes that did not learn from that document (a 5-way
# jackknife over the training documents). The dev figures are the two stages' as the indexer runs
# them (--second-pass disagreeing: only sentences where some word's aggregated type is not its own
# first-pass type are tagged again), the first pass alone above them. About 15 s of CPU (7 trainings).
# --stage-extras li (issue 19, fifth round, chosen by 5-fold CV): a word's occurrences are grouped
# whatever their case ("JAPAN" of a headline with "Japan"), and the type the first pass gave the
# longer names holding the word elsewhere ("Munich" of "Bayern Munich") is a feature too; the
# built-in tagger (tagger_builtin.cpp) aggregates the same way. `--stage-extras none` after these
# options gives the pair of the round before.
# GMB (../shared/corpora/gmb) is not used: it lowered dev F1 (see indexer/entities/data/README.md);
# pass --gmb FILE to try it.
"$build/tools/newsidx-train-ner" \
  --train "$conll/eng.train.gz" --dev "$conll/eng.testa.gz" \
  --epochs 15 --seed 20240601 --hook gazetteer+classes=012 \
  --output "$root/indexer/entities/data/ner.model" \
  --second-output "$root/indexer/entities/data/ner2.model" --second-pass disagreeing --stage-extras li "$@"
