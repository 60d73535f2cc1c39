// Unit tests for the tagger's weight table (tagger_table.cpp): dense rows sum and save as the
// entries they replace.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "indexer/entities/tagger.hpp"
#include "indexer/entities/tagger_model.hpp"

namespace ent = newsidx::entities;

namespace {

using Weights = std::vector<std::pair<std::uint16_t, std::int16_t>>;

// Files feature `key` with `weights` (tag, quantised weight), in that order.
void file(ent::ModelData& m, std::uint32_t key, const Weights& weights) {
  REQUIRE(m.place(key, m.entries.size(), weights.size()));
  for (const auto& [tag, w] : weights) m.entries.push_back({tag, w});
}

// The weights of feature `key` as for_each_weight gives them back.
Weights weights_of(const ent::ModelData& m, std::uint32_t key) {
  Weights out;
  m.for_each_weight(m.locate(key), [&](std::uint16_t tag, std::int16_t w) { out.emplace_back(tag, w); });
  return out;
}

// The scores add_scores gives for feature `key`.
std::array<std::int32_t, 2 * ent::kNumTags> scores_of(const ent::ModelData& m, std::uint32_t key) {
  std::array<std::int32_t, 2 * ent::kNumTags> s{};
  m.add_scores(key, s.data());
  return s;
}

std::string read_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("tagger table: a feature of many weights becomes a dense row with the same sums", "[tagger_table]") {
  ent::ModelData m;
  m.reserve_slots(3);
  Weights many;  // nine tags, increasing: a dense row
  for (std::uint16_t t = 0; t < 16; t += 2) many.emplace_back(t, static_cast<std::int16_t>(100 - 30 * t));
  many.emplace_back(16, 7);
  const Weights few = {{3, -5}, {0, 12}};  // two weights: stays a run of entries
  Weights unordered = many;                // as many, filed in decreasing tag order
  std::reverse(unordered.begin(), unordered.end());
  file(m, 11, many);
  file(m, 22, few);
  file(m, 33, unordered);
  const auto before_many = scores_of(m, 11), before_few = scores_of(m, 22), before_unordered = scores_of(m, 33);

  m.densify(ent::kNumTags);
  CHECK(m.rows.size() == ent::kNumTags);  // one dense row: key 11's
  CHECK(m.entries.size() == few.size() + unordered.size());
  CHECK(scores_of(m, 11) == before_many);
  CHECK(scores_of(m, 22) == before_few);
  CHECK(scores_of(m, 33) == before_unordered);
  // Each feature gives its weights back in the order they were filed (Tagger::save reads them).
  CHECK(weights_of(m, 11) == many);
  CHECK(weights_of(m, 22) == few);
  CHECK(weights_of(m, 33) == unordered);
  CHECK(scores_of(m, 44) == std::array<std::int32_t, 2 * ent::kNumTags>{});
}

TEST_CASE("tagger table: the shipped models saved after loading give back their files' bytes", "[tagger_table]") {
  for (const char* path : {NEWSIDX_SOURCE_DIR "/indexer/entities/data/ner.model",
                           NEWSIDX_SOURCE_DIR "/indexer/entities/data/ner2.model"}) {
    const std::string bytes = read_file(path);
    REQUIRE(!bytes.empty());
    const auto tagger = ent::load_builtin_model(bytes);
    REQUIRE(tagger.ok());
    CHECK(tagger->save() == bytes);
  }
}

TEST_CASE("tagger table: a merged table sums both models' weights, dense rows included", "[tagger_table]") {
  ent::ModelData first, second;
  first.reserve_slots(2);
  second.reserve_slots(2);
  Weights many;  // ten tags: dense in each model, and in the merged table
  for (std::uint16_t t = 0; t < 10; ++t) many.emplace_back(t, static_cast<std::int16_t>(t + 1));
  file(first, 11, many);
  file(first, 22, {{4, 9}});
  file(second, 11, {{1, -3}, {2, 5}});
  file(second, 33, many);
  first.densify(ent::kNumTags);
  second.densify(ent::kNumTags);
  const ent::ModelData both = ent::merge_models(first, second);
  CHECK(both.row_width == 2 * ent::kNumTags);
  CHECK(both.rows.size() == 2 * both.row_width);  // keys 11 (twelve weights) and 33 (ten)
  for (const std::uint32_t key : {11u, 22u, 33u, 44u}) {
    const auto a = scores_of(first, key), b = scores_of(second, key), ab = scores_of(both, key);
    for (std::size_t t = 0; t < ent::kNumTags; ++t) {
      CHECK(ab[t] == a[t]);
      CHECK(ab[ent::kNumTags + t] == b[t]);
    }
  }
}
