#!/usr/bin/env bash
# Entity extraction quality on CoNLL-2003.
#   scripts/eval-ner.sh [BUILD_DIR]
#     dev (eng.testa): rebuilds each document as text (one sentence a line, tokens joined by
#     spaces) in a JSON Lines file, runs the real `newsidx-index --extract-only` on it, maps the
#     mentions' byte offsets back to tokens and scores exact spans for PER, LOC and ORG.
#   scripts/eval-ner.sh cv [K] [BUILD_DIR] [newsidx-train-ner options...]
#     K-fold cross-validation (default 5) by document over eng.train: trains the tagger with the
#     shipped model's options (scripts/train-ner.sh) on K-1 folds, scores the held-out fold with
#     exact-span F1 per type, prints each fold and mean +- standard deviation. The tagger alone
#     on CoNLL's tokens, as train-ner.sh's own dev figure; about 10-15 s of CPU a fold at 15 epochs
#     (--epochs N to change; --hook gazetteer --epochs 10 is the model before word classes;
#     --repair A,B,... scores span-repair specs on the same folds; --two-stage cross-validates the
#     two-stage tagger (tagger_stage.hpp) as the indexer runs it, against the first pass alone, with
#     the second pass tagging every sentence, the sentences with an aggregation feature, or those
#     where it disagrees with the first pass (the shipped choice); about 7 trainings a fold;
#     --hook gazetteer+classes=012+sport=SPEC adds the sports features of tagger_sports.hpp and
#     prints how many documents of each fold the score-line detector flags (SPEC letters lknmd:
#     the line, number and slug context of the ninth round); +ctx=SPEC after the
#     classes adds context aggregation, tagger_context.hpp; with --two-stage, --stage-extras
#     s|l|i... chooses the second pass's aggregation parts (train-ner.sh passes li, `none` is the
#     fourth round's) and --org-errors counts the ORG errors of the held-out folds by kind, the
#     boundary errors by shape, each kind also fold by fold (`fold N ...` lines) and the ORG-place
#     confusions by whether the place is a country; with --two-stage, --repair A,B,... scores the shipped two-stage
#     variant with each span-repair spec on the same folds and says on how many folds each beats
#     the first; --cv-train-share F with --two-stage trains each fold on the first F of its
#     training documents, the learning curve of QUALITY.md, NER, "More labelled data"; --seeds K
#     makes every model, the jackknifed first passes too, the mean of K trainings shuffled with
#     seeds derived from --seed, about K times the time: QUALITY.md, NER, tenth round, "Retraining
#     noise"; --seeds 5 passed CV and is not shipped yet).
#     Trains no shipped model and writes nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" == cv ]]; then
  folds=${2:-5}
  build=${3:-build-release}
  [[ "$folds" =~ ^[0-9]+$ && "$folds" -ge 2 ]] || { echo "eval-ner: cv needs K >= 2, not '$folds'" >&2; exit 2; }
  [ -f ../shared/corpora/conll2003/eng.train.gz ] || { echo "eval-ner: eng.train.gz is absent; nothing to measure" >&2; exit 0; }
  [ -d "$build" ] || scripts/build.sh "$build" Release >/dev/null
  exec scripts/train-ner.sh "$build" --cv "$folds" "${@:4}"
fi
build=${1:-build-release}
data=../shared/corpora/conll2003/eng.testa.gz
[ -f "$data" ] || { echo "eval-ner: $data is absent; nothing to measure" >&2; exit 0; }
[ -x "$build/indexer/newsidx-index" ] || scripts/build.sh "$build" Release >/dev/null
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
python3 scripts/eval_ner.py make "$data" "$tmp/docs.jsonl" "$tmp/gold.json"
"$build/indexer/newsidx-index" -q --extract-only "$tmp/docs.jsonl" > "$tmp/extract.jsonl"
python3 scripts/eval_ner.py score "$tmp/gold.json" "$tmp/extract.jsonl"
