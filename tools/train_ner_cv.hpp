// The cross-validation reports of newsidx-train-ner (tools/train_ner.cpp): k-fold CV of the
// tagger alone and of the two-stage tagger by document over the training data, with the options
// and scores both files share.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "indexer/entities/tagger.hpp"
#include "indexer/entities/tagger_stage.hpp"
#include "indexer/entities/tagger_train.hpp"

namespace newsidx::train_ner {

namespace ent = ::newsidx::entities;

/// The command line of newsidx-train-ner (its main() parses it).
struct Options {
  std::vector<std::string> train;
  std::string gmb;
  std::string gmb_gpe = "loc";  // what GMB's gpe becomes: loc, misc or drop
  std::size_t gmb_max = 0;      // use at most this many GMB sentences (0 = all)
  std::string dev;
  std::string output;
  std::string model;  // evaluate this model file instead of training
  // Two stages (tagger_stage.hpp): write the trained second pass here (--second-output), or read
  // it with --model (--second-model); --second-pass says which sentences it decodes.
  std::string second_output;
  std::string second_model;
  ent::SecondPass second_pass = ent::SecondPass::kAll;
  bool curve = false;
  bool two_stage = false;  // --two-stage: CV of the two-stage non-local feature (--cv K)
  bool org_errors = false;  // --org-errors (with --two-stage): counts of the shipped variant's ORG errors by kind
  int cv = 0;  // folds of cross-validation over the training documents (0: none)
  // --cv-train-share F (with --two-stage): each fold trains on the first F of its training
  // documents, in file order, for a learning curve (1: all of them).
  double cv_train_share = 1.0;
  std::vector<ent::SpanRepairs> repairs;  // --repair A,B,...: CV scores each (the first elsewhere)
  ent::TrainOptions train_options;
};

/// Exact-span scores per type of one evaluation, with the tokens and CPU seconds it took.
struct Eval {
  ent::SpanScores by_type[4];
  std::size_t tokens = 0;
  double seconds = 0;
};

/// The scores of the first `types` types of `e` summed (3: PER+LOC+ORG, 4: with MISC).
ent::SpanScores sum(const Eval& e, int types);

/// The second pass of the two-stage tagger trained on `docs`: their first-pass types come from a
/// 5-way jackknife inside them, with the options of `first_options`.
ent::Tagger train_second_pass(const std::vector<ent::TrainingDocument>& docs, const ent::TrainOptions& first_options);

/// K-fold CV (o.cv folds) of the tagger alone over `docs`; prints each fold and the means.
void print_cross_validation(const std::vector<ent::TrainingDocument>& docs, const Options& o);

/// How many of `n` training documents a fold keeps at share `share` (0 < share <= 1): the
/// nearest whole number, at least one.
std::size_t training_share(std::size_t n, double share);

/// K-fold CV (o.cv folds) of the two-stage tagger as the indexer runs it; prints each fold, the
/// first pass beside the second-pass variants, and the means.
void print_two_stage(const std::vector<ent::TrainingDocument>& docs, const Options& o);

}  // namespace newsidx::train_ner
