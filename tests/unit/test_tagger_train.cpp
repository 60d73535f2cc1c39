// Unit tests for the NER trainer's averaging over shuffling orders (tagger_train.hpp: seeds,
// derived_seed, mean_weights), on sentences written here.
#include <catch2/catch.hpp>

#include <cstdint>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "indexer/entities/tagger.hpp"
#include "indexer/entities/tagger_train.hpp"
#include "tagger_test_util.hpp"

namespace ent = newsidx::entities;
using tagger_test::doc_from;

namespace {


std::vector<ent::TrainingDocument> small_corpus() {
  std::vector<ent::TrainingDocument> docs;
  docs.push_back(doc_from({"[PER Anna Berg] visited [LOC Oslo] on Monday .",
                           "[PER Berg] works for [ORG Nordbank] in [LOC Bergen] ."}));
  docs.push_back(doc_from({"[ORG Nordbank] opened an office in [LOC Oslo] .",
                           "[PER Lars Dahl] said [ORG Nordbank] would grow ."}));
  docs.push_back(doc_from({"The [MISC Norwegian] minister [PER Lars Dahl] met [PER Berg] .",
                           "Officials in [LOC Bergen] welcomed the [MISC Norwegian] plan ."}));
  docs.push_back(doc_from({"[PER Kari Lund] left [ORG Fjordair] for [LOC Tromso] ."}));
  return docs;
}

}  // namespace

TEST_CASE("tagger training: the first derived seed is the base, the others differ and repeat", "[tagger_train]") {
  CHECK(ent::derived_seed(20240601, 0) == 20240601);
  CHECK(ent::derived_seed(7, 0) == 7);
  std::set<std::uint64_t> seen;
  for (int k = 0; k < 8; ++k) seen.insert(ent::derived_seed(20240601, k));
  CHECK(seen.size() == 8);
  CHECK(ent::derived_seed(20240601, 3) == ent::derived_seed(20240601, 3));
  CHECK(ent::derived_seed(20240601, 1) != ent::derived_seed(7, 1));
  // Not a plain offset of the base: the orders must be unrelated.
  CHECK(ent::derived_seed(20240601, 1) != 20240602);
}

TEST_CASE("tagger training: the mean of weight vectors is taken element by element", "[tagger_train]") {
  CHECK(ent::mean_weights({{1.0f, -2.0f, 0.5f}, {3.0f, 2.0f, 0.0f}}) == std::vector<float>{2.0f, 0.0f, 0.25f});
  CHECK(ent::mean_weights({{1.0f, 4.0f}, {2.0f, 5.0f}, {6.0f, 0.0f}}) == std::vector<float>{3.0f, 3.0f});
  CHECK(ent::mean_weights({{1.5f, -7.0f}}) == std::vector<float>{1.5f, -7.0f});
  CHECK(ent::mean_weights({}).empty());
  CHECK_THROWS(ent::mean_weights({{1.0f}, {1.0f, 2.0f}}));
}

TEST_CASE("tagger training: several shuffling orders give one averaged model, deterministically", "[tagger_train]") {
  const auto docs = small_corpus();
  ent::TrainOptions one;
  one.epochs = 4;
  ent::TrainOptions three = one;
  three.seeds = 3;
  const std::string single = ent::train(docs, one).save();
  const std::string averaged = ent::train(docs, three).save();
  // One seed is the training as before; three give another model, the same one every time.
  CHECK(ent::train(docs, one).save() == single);
  CHECK(averaged != single);
  CHECK(ent::train(docs, three).save() == averaged);
  // The averaged model still learnt its training data.
  const auto loaded = ent::Tagger::load(averaged);
  REQUIRE(loaded.ok());
  for (const auto& d : docs) CHECK(loaded->tag(ent::to_tagger_input(d)) == d.entities);
}

TEST_CASE("tagger training: seeds one is the single training at the base seed", "[tagger_train]") {
  const auto docs = small_corpus();
  ent::TrainOptions base;
  base.epochs = 4;
  ent::TrainOptions explicit_one = base;
  explicit_one.seeds = 1;
  CHECK(ent::train(docs, explicit_one).save() == ent::train(docs, base).save());
  ent::TrainOptions other = base;
  other.seed = 7;
  // A different base seed shuffles differently (the averaged pair would otherwise be pointless).
  ent::TrainOptions other3 = other;
  other3.seeds = 3;
  base.seeds = 3;
  CHECK(ent::train(docs, other3).save() != ent::train(docs, base).save());
}
