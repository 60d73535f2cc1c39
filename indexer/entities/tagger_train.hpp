// Training the NER tagger: averaged structured perceptron over documents of labelled tokens.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "tagger.hpp"
#include "tagger_repair.hpp"

namespace newsidx::entities {

/// One labelled document: words, sentence ends (exclusive, ascending) and entity spans.
struct TrainingDocument {
  std::vector<std::string> words;
  std::vector<std::size_t> sentence_ends;
  std::vector<EntitySpan> entities;
  /// For a second-pass model (tagger_stage.hpp): each token's aggregation value, from a first
  /// pass that did not learn from this document (jackknife_stages); empty for a first pass.
  std::vector<std::int8_t> stage;
};

/// How to train.
struct TrainOptions {
  int epochs = 10;
  std::uint64_t seed = 20240601;  ///< document order is shuffled with this seed every epoch
  /// Trainings averaged into one model: each shuffles with derived_seed(seed, k), k < seeds, and
  /// the model's weights are the mean of their averaged weights (1: one training, as before).
  int seeds = 1;
  int min_count = 1;              ///< features seen fewer times in the data are dropped
  float prune = 0.0f;             ///< averaged weights with |w| below this are dropped
  NamedHook hook;                 ///< extra features (e.g. gazetteer); recorded in the model
  /// Repairs of the decoded spans for cross_validate's scoring (not part of the model).
  SpanRepairs repairs = default_repairs();
  /// The aggregation parts a second pass is trained with (aggregate_types' extras; jackknife_stages).
  unsigned stage_extras = 0;
  /// Called after each epoch with the averaged model so far (for dev curves); may be empty. With
  /// seeds > 1 it follows the first training (seed `seed`) only.
  std::function<void(int epoch, const Tagger& averaged)> on_epoch;
};

/// The shuffling seed of the k-th of TrainOptions::seeds trainings: `base` itself for k = 0 (so
/// one training is unchanged), else a splitmix64 mix of base and k (distinct, well spread).
std::uint64_t derived_seed(std::uint64_t base, int k);

/// The element-wise mean of equally long weight vectors (summed in the given order, then divided
/// by their number, so the result is deterministic); one vector is returned as it is.
std::vector<float> mean_weights(const std::vector<std::vector<float>>& vectors);

/// Trains a tagger. Deterministic for given data and options. The returned tagger is the one
/// its save() bytes load back to (weights already quantised).
Tagger train(const std::vector<TrainingDocument>& docs, const TrainOptions& options);

/// The aggregation values (aggregate_types) of every document of `docs` for training a second
/// pass: `parts`-way jackknife, each part tagged by a first pass trained with `options` on the
/// other parts (so no tagger labels documents it learnt from; repairs options.repairs, as
/// tagging applies them). Deterministic; trains `parts` taggers. The docs' own `stage` is ignored.
std::vector<std::vector<std::int8_t>> jackknife_stages(const std::vector<TrainingDocument>& docs,
                                                       const TrainOptions& options, std::size_t parts);

/// The input view of a training document (views its words).
TaggerInput to_tagger_input(const TrainingDocument& doc);

/// Entity-level exact-span scores in the conlleval sense.
struct SpanScores {
  std::size_t gold = 0, predicted = 0, correct = 0;
  double precision() const { return predicted ? 100.0 * correct / predicted : 0.0; }
  double recall() const { return gold ? 100.0 * correct / gold : 0.0; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

/// Adds the comparison of predicted against gold spans of one document to per-type scores
/// (indexed by EntityType).
void score_spans(const std::vector<EntitySpan>& gold, const std::vector<EntitySpan>& predicted,
                 SpanScores (&by_type)[4]);

/// Per-type scores (indexed by EntityType) of one held-out fold.
struct FoldScores {
  SpanScores by_type[4];
};

/// The folds of cross_validate: for each fold f, trains a tagger on the other folds with
/// `options` (its repairs set to options.repairs) and calls fn(f, tagger, begin, end), the
/// held-out documents being [begin, end).
void for_each_fold(const std::vector<TrainingDocument>& docs, std::size_t k, const TrainOptions& options,
                   const std::function<void(std::size_t fold, const Tagger& tagger, std::size_t begin,
                                            std::size_t end)>& fn);

/// K-fold cross-validation by document: fold f holds documents [n*f/k, n*(f+1)/k) in the given
/// order (contiguous, so that a fold holds stories of its own days); a tagger trained on the
/// other folds with `options` tags it. `on_fold` (may be empty) is called after each fold.
std::vector<FoldScores> cross_validate(const std::vector<TrainingDocument>& docs, std::size_t k,
                                       const TrainOptions& options,
                                       const std::function<void(std::size_t fold, const FoldScores&)>& on_fold = {});

}  // namespace newsidx::entities
