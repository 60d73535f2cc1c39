// Viterbi decoding of the tagger's BILOU tags: the best tag sequence of a sentence under the
// transition weights, with the moves BILOU forbids never taken.
#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <limits>
#include <vector>

#include "tagger_model.hpp"

namespace newsidx::entities {

namespace {

// The block of moves into the shared-list tags: kBlock predecessors (O's list) by kBlock targets,
// padded to whole vectors of 4 floats.
constexpr std::size_t kBlock = 12;

// For each tag, the tags that may precede it under BILOU (17 x at most 9 instead of 17 x 17).
// The tags that may follow a closed one (O, B-x, U-x: 9 of 17) share one list, O's (O, L-x,
// U-x); viterbi takes those 9 x 9 moves as one block of vectors, and the others (I-x, L-x, after
// B-x or I-x) one by one.
struct Predecessors {
  std::array<std::array<std::uint8_t, kNumTags>, kNumTags> list{};
  std::array<std::uint8_t, kNumTags> count{};
  std::vector<std::uint8_t> shared;  // the tags whose list is O's, ascending
  std::vector<std::uint8_t> others;  // the rest, ascending
  Predecessors() {
    for (int t = 0; t < kNumTags; ++t) {
      for (int p = 0; p < kNumTags; ++p) {
        if (tag_transition_allowed(p, t)) list[static_cast<std::size_t>(t)][count[static_cast<std::size_t>(t)]++] = static_cast<std::uint8_t>(p);
      }
    }
    for (std::size_t t = 0; t < kNumTags; ++t) {
      const bool same = count[t] == count[0] && std::equal(list[t].begin(), list[t].begin() + count[t], list[0].begin());
      const bool fits = count[0] <= kBlock && shared.size() < kBlock;  // the block's size
      (same && fits ? shared : others).push_back(static_cast<std::uint8_t>(t));
    }
  }
};
const Predecessors kPredecessors;

// Four floats, or four 32-bit integers, in one vector register (GCC's and Clang's vector
// extension): the compiler did not vectorise the lane loop of shared_step on its own (scalar
// adds and compares, 11% of the instructions of `--extract-only` on Reuters).
using F4 = float __attribute__((vector_size(16)));
using I4 = std::int32_t __attribute__((vector_size(16)));
constexpr std::size_t kLanes = kBlock / 4;
static_assert(kBlock % 4 == 0, "the block is whole vectors");

// One Viterbi step for the shared-list tags: for each, the best predecessor and its score, as
// the per-tag loop finds them (the first of equal scores in ascending order wins). Each lane
// does what a scalar loop would: the same float additions and comparisons, so the same results.
void shared_step(const float* prev, const std::array<std::array<float, kBlock>, kBlock>& w,
                 std::array<float, kBlock>& best, std::array<std::int32_t, kBlock>& arg) {
  const auto& preds = kPredecessors.list[0];
  F4 b[kLanes];
  I4 a[kLanes];
  const float first = prev[preds[0]];
  for (std::size_t l = 0; l < kLanes; ++l) {
    F4 wv;
    std::memcpy(&wv, w[0].data() + 4 * l, sizeof wv);
    b[l] = first + wv;
    a[l] = I4{} + static_cast<std::int32_t>(preds[0]);
  }
  for (std::size_t k = 1; k < kPredecessors.count[0]; ++k) {
    const float v0 = prev[preds[k]];
    const I4 pk = I4{} + static_cast<std::int32_t>(preds[k]);
    for (std::size_t l = 0; l < kLanes; ++l) {
      F4 wv;
      std::memcpy(&wv, w[k].data() + 4 * l, sizeof wv);
      const F4 v = v0 + wv;
      const I4 better = v > b[l];  // all ones where v is larger
      a[l] = (a[l] & ~better) | (pk & better);
      b[l] = std::bit_cast<F4>((std::bit_cast<I4>(v) & better) | (std::bit_cast<I4>(b[l]) & ~better));
    }
  }
  std::memcpy(best.data(), b, sizeof b);
  std::memcpy(arg.data(), a, sizeof a);
}

}  // namespace

void viterbi(const float* emit, std::size_t n, const Transitions& trans, std::uint8_t* tags,
             std::vector<float>& work, std::vector<std::uint8_t>& back) {
  if (n == 0) return;
  work.resize(2 * kNumTags);
  back.resize(n * kNumTags);
  float* prev = work.data();
  float* cur = work.data() + kNumTags;
  for (int t = 0; t < kNumTags; ++t) prev[t] = trans.from[kNumTags][static_cast<std::size_t>(t)] + emit[t];
  const auto& shared = kPredecessors.shared;
  std::array<std::array<float, kBlock>, kBlock> w{};
  for (std::size_t k = 0; k < kPredecessors.count[0]; ++k)
    for (std::size_t j = 0; j < shared.size(); ++j) w[k][j] = trans.from[kPredecessors.list[0][k]][shared[j]];
  std::array<float, kBlock> best_shared;
  std::array<std::int32_t, kBlock> arg_shared;
  for (std::size_t i = 1; i < n; ++i) {
    const float* e = emit + i * kNumTags;
    std::uint8_t* bp = back.data() + i * kNumTags;
    shared_step(prev, w, best_shared, arg_shared);
    for (std::size_t j = 0; j < shared.size(); ++j) {
      cur[shared[j]] = best_shared[j] + e[shared[j]];
      bp[shared[j]] = static_cast<std::uint8_t>(arg_shared[j]);
    }
    for (const std::size_t t : kPredecessors.others) {
      const auto& preds = kPredecessors.list[t];
      int arg = preds[0];
      float best = prev[arg] + trans.from[static_cast<std::size_t>(arg)][t];
      for (std::size_t j = 1; j < kPredecessors.count[t]; ++j) {
        const int p = preds[j];
        const float v = prev[p] + trans.from[static_cast<std::size_t>(p)][t];
        if (v > best) {
          best = v;
          arg = p;
        }
      }
      cur[t] = best + e[t];
      bp[t] = static_cast<std::uint8_t>(arg);
    }
    std::swap(prev, cur);
  }
  float best = -std::numeric_limits<float>::infinity();
  int arg = 0;
  for (int t = 0; t < kNumTags; ++t) {
    const float v = prev[t] + trans.end[static_cast<std::size_t>(t)];
    if (v > best) {
      best = v;
      arg = t;
    }
  }
  tags[n - 1] = static_cast<std::uint8_t>(arg);
  for (std::size_t i = n - 1; i > 0; --i) tags[i - 1] = back[i * kNumTags + tags[i]];
}

}  // namespace newsidx::entities
