// Tagger internals shared by inference and training: BILOU tag set, features, weights, Viterbi.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "tagger.hpp"

namespace newsidx::entities {

/// BILOU tags: 0 is O; entity type t (0..3) has B = 1+4t, I = 2+4t, L = 3+4t, U = 4+4t.
inline constexpr int kNumTags = 17;

/// True if tag `cur` may follow tag `prev` (prev == kNumTags means the sentence start).
bool tag_transition_allowed(int prev, int cur);
/// True if a sentence may end on `tag` (O, L or U).
bool tag_can_end(int tag);

/// Writes the BILOU tags of `spans` (token indices relative to `offset`) to tags[0..n).
void spans_to_tags(const std::vector<EntitySpan>& spans, std::size_t offset, std::size_t n,
                   std::uint8_t* tags);
/// Appends the spans that tags[0..n) encode, with token indices shifted by `offset`.
void tags_to_spans(const std::uint8_t* tags, std::size_t n, std::size_t offset,
                   std::vector<EntitySpan>& out);

/// The features of every token of a document, as 32-bit hashes: token i has
/// hashes[offsets[i] .. offsets[i+1]).
struct DocumentFeatures {
  std::vector<std::uint32_t> hashes;
  std::vector<std::uint32_t> offsets;
  /// Per token: hash of the lower-cased word when it is capitalised (a name candidate), else 0.
  std::vector<std::uint64_t> name_keys;
  /// Per token: 1 + sentence-initial + 2 * capitals-say-nothing (ALL-CAPS sentence).
  std::vector<std::uint8_t> contexts;
  /// With split words (extract_features): the features that depend on the lower-cased word
  /// alone (the word, its prefixes and suffixes: up to 9 of a token's 30-odd) are not in
  /// `hashes` but kept once per distinct word, so that a repeated word's weights are looked up
  /// once a document: token i's word is word_of[i], whose features are
  /// word_hashes[word_offsets[w] .. word_offsets[w+1]). word_of is empty without split words.
  std::vector<std::uint32_t> word_of;
  std::vector<std::uint32_t> word_hashes;
  std::vector<std::uint32_t> word_offsets;
};

/// What the tagger already said about a document's capitalised words: for each word, the
/// entity types it was part of in earlier sentences ("Berg" after "Anna Berg" was PER). Read as
/// a feature ("extended prediction history", Ratinov & Roth 2009); softer than forcing one
/// label per name, which fails on sports stories where a city is also a team.
class NameMemory {
 public:
  /// The history feature of token i, or 0 when its word has not been tagged before.
  std::uint32_t feature(const DocumentFeatures& f, std::size_t i) const;
  /// Remembers the types of the predicted spans.
  void record(const DocumentFeatures& f, const std::vector<EntitySpan>& spans, std::size_t from);
  /// Every id feature() can return (the trainer registers them up front).
  static std::vector<std::uint32_t> all_features();

 private:
  // Types seen per name key. A hash map, not a list: a hostile article of 80,000 names made the
  // list's scan per token cost the square of their number.
  std::unordered_map<std::uint64_t, std::uint8_t> seen_;
};

/// Computes the features of a whole document (document-level case statistics need all of it).
/// `hook` may be empty; with `sports` (and a hook), a document with score lines gives its
/// capitalised words the sports features too. With `stage` (one aggregation value a token,
/// tagger_stage.hpp), each token's value is a hook feature as well (and its neighbours', as for
/// every hook feature): how a second-pass model is trained. With `context`, a capitalised word also
/// has the context items of its other occurrences (context_items, tagger_context.hpp) as
/// features, its own only. With `split_words`, the word-only features are kept per distinct
/// word (DocumentFeatures::word_of); tagging asks for that, training for every feature in
/// `hashes`. With `hashed` (not empty), its features replace `hook`'s, which gives the same
/// ids. Reuses `out`'s storage.
void extract_features(const TaggerInput& input, const FeatureHook& hook, DocumentFeatures& out,
                      const SportsFeatures* sports = nullptr,
                      const std::vector<std::int8_t>* stage = nullptr,
                      const ContextFeatures* context = nullptr, bool split_words = false,
                      const HashedHook* hashed = nullptr);

/// At most this many features a token for its aggregation values (three names, each for the
/// token and its two neighbours).
inline constexpr std::size_t kMaxStageFeatures = 9;
/// The features that extract_features adds for `stage` to token i of the sentence [sb, se),
/// written to out (at most kMaxStageFeatures); returns their number. Tagging adds these to the first pass's
/// features instead of extracting a document's features twice (the sums are the same).
std::size_t stage_features(const std::vector<std::int8_t>& stage, std::size_t i, std::size_t sb,
                           std::size_t se, std::uint32_t* out);

/// Transition weights: row kNumTags is the sentence start; disallowed moves hold -1e30.
struct Transitions {
  std::array<std::array<float, kNumTags>, kNumTags + 1> from{};
  std::array<float, kNumTags> end{};
};

/// Sets the moves BILOU forbids (O -> I-x, B-x -> O, ...) to -1e30 so Viterbi never takes them.
void constrain_transitions(Transitions& t);

/// Best tag sequence for n tokens given emission scores emit[i * kNumTags + t]; `work` is scratch.
void viterbi(const float* emit, std::size_t n, const Transitions& trans, std::uint8_t* tags,
             std::vector<float>& work, std::vector<std::uint8_t>& back);

/// The weights in inference form: an open-addressing table from feature hash to a run of
/// (tag, quantised weight) entries. Only non-zero weights are kept. Slots and entries are 4-8
/// bytes so that the table of a few hundred thousand features stays cache-friendly. A two-stage
/// tagger keeps both passes' weights in one table (merge_models), the second's under tags
/// kNumTags + t, so that one look-up of a feature serves both passes.
struct ModelData {
  struct Slot {
    std::uint32_t key = 0;   ///< feature hash; 0 marks an empty slot
    std::uint32_t where = 0; ///< first entry << kCountBits | number of entries
  };
  static constexpr unsigned kCountBits = 6;  ///< up to 62 entries a feature (two passes of 17 tags)
  static constexpr std::uint32_t kCountMask = (1u << kCountBits) - 1;
  /// The count of a feature kept as a dense row: `where` is then row << kCountBits | kDense.
  static constexpr std::uint32_t kDense = kCountMask;
  /// Features with this many weights or more become dense rows (densify): a row of 17 int16
  /// takes no more room than 9 entries, and is summed without the entries' scattered adds.
  static constexpr std::uint32_t kDenseFrom = 9;
  struct Entry {
    std::uint16_t tag = 0;
    std::int16_t weight = 0;  ///< weight * scale, rounded
  };
  Transitions trans;       ///< in quantised units (multiplied by scale)
  std::vector<std::uint64_t> filter;  ///< one bit per hash bucket: most features are absent
  std::vector<Slot> slots; ///< size is a power of two, at most 70% full
  std::vector<Entry> entries;
  std::vector<std::int16_t> rows;  ///< dense rows of row_width weights (densify)
  std::size_t row_width = kNumTags;
  std::size_t features = 0;
  float scale = 1;         ///< quantisation step is 1/scale
  std::string hook_name;

  /// Adds the quantised weights of feature `key` to scores[0..kNumTags).
  void add_scores(std::uint32_t key, std::int32_t* scores) const {
    if (may_hold(key)) add_weights(locate(key), scores);
  }
  /// Adds the quantised weights of the feature whose slot says `where` (0: none) to scores.
  void add_weights(std::uint32_t where, std::int32_t* scores) const {
    const std::uint32_t n = where & kCountMask;
    if (n == kDense) {
      const std::int16_t* row = rows.data() + (where >> kCountBits) * row_width;
      for (std::size_t t = 0; t < row_width; ++t) scores[t] += row[t];
      return;
    }
    const Entry* e = entries.data() + (where >> kCountBits);
    for (std::uint32_t j = 0; j < n; ++j) scores[e[j].tag] += e[j].weight;
  }
  /// The first cache line of the weights of the feature whose slot says `where`.
  const void* weights_at(std::uint32_t where) const {
    if ((where & kCountMask) == kDense) return rows.data() + (where >> kCountBits) * row_width;
    return entries.data() + (where >> kCountBits);
  }
  /// Calls f(tag, quantised weight) for each non-zero weight of the feature whose slot says
  /// `where`, in the order they were filed (a dense row's in tag order, as they were filed).
  template <class F>
  void for_each_weight(std::uint32_t where, F&& f) const {
    if ((where & kCountMask) == kDense) {
      const std::int16_t* row = rows.data() + (where >> kCountBits) * row_width;
      for (std::size_t t = 0; t < row_width; ++t)
        if (row[t] != 0) f(static_cast<std::uint16_t>(t), row[t]);
      return;
    }
    const Entry* e = entries.data() + (where >> kCountBits);
    for (std::uint32_t j = 0, n = where & kCountMask; j < n; ++j) f(e[j].tag, e[j].weight);
  }
  /// False when feature `key` is surely absent (its filter bit is clear).
  bool may_hold(std::uint32_t key) const {
    const std::uint32_t bit = filter_bit(key);
    return (filter[bit >> 6] >> (bit & 63) & 1u) != 0;
  }
  /// Starts loading the slot of feature `key` into the cache: the table is megabytes, and a
  /// look-up that waits for memory costs more than the rest of it.
  void prefetch_slot(std::uint32_t key) const { __builtin_prefetch(&slots[key & (slots.size() - 1)]); }
  /// The `where` of feature `key`'s slot (first entry << kCountBits | count), 0 if it is absent
  /// (a present feature has at least one entry, so its `where` is never 0).
  std::uint32_t locate(std::uint32_t key) const {
    const std::size_t mask = slots.size() - 1;
    for (std::size_t k = key & mask;; k = (k + 1) & mask) {
      const Slot s = slots[k];
      if (s.key == key) return s.where;
      if (s.key == 0) return 0;
    }
  }
  /// Bucket of `key` in `filter` (2^20 bits, 128 KB: stays in the L2 cache).
  static std::uint32_t filter_bit(std::uint32_t key) { return (key * 0x9E3779B1u) >> 12; }
  /// Sizes the empty table for `keys` features (at most 70% full).
  void reserve_slots(std::size_t keys);
  /// Files feature `key`, whose entries are entries[first, first + n), in the table and the
  /// filter; false if the key is there already.
  bool place(std::uint32_t key, std::size_t first, std::size_t n);
  /// Turns each feature of kDenseFrom weights or more, filed in increasing tag order without a
  /// zero (so that for_each_weight gives them back as filed), into a dense row of `width`
  /// weights (kNumTags, or 2 kNumTags for a merged table), and packs the other entries. The
  /// sums add_weights gives do not change.
  void densify(std::size_t width);
};

/// One table holding the weights of `first` (tags 0..kNumTags-1) and `second` (kNumTags..2
/// kNumTags-1, in the second's quantised units); its transitions are the first's.
ModelData merge_models(const ModelData& first, const ModelData& second);

/// The weight sums of every token of a document under `table`, `width` tags a token (kNumTags,
/// or 2 kNumTags for a merged table): sums[i * width + t], integer sums of quantised weights,
/// as tagging computes them. With split words (DocumentFeatures::word_of), each distinct word's
/// features are summed once and that row added to each of its tokens: the same sums.
std::vector<std::int32_t> document_sums(const ModelData& table, const DocumentFeatures& feats, std::size_t width);

/// One feature's weights before packing: hash and (tag, weight) pairs.
struct FeatureWeights {
  std::uint32_t key = 0;
  std::vector<std::pair<std::uint8_t, float>> weights;
};

/// Serialises weights (quantised to int16) and transitions into the model file format.
/// Transitions are divided by `trans_scale` first (a loaded model keeps them scaled).
std::string serialize_model(const std::vector<FeatureWeights>& features, const Transitions& trans,
                            const std::string& hook_name, float trans_scale = 1.0f);

}  // namespace newsidx::entities
