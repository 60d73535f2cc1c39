// Tagging a document, in one pass or two: the decoding loop, and prediction aggregation (the
// majority first-pass type of a word's other occurrences) for the second pass.
#include "tagger_stage.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <unordered_map>

#include "tagger_model.hpp"
#include "tagger_repair.hpp"

namespace newsidx::entities {

namespace {
constexpr std::array<std::string_view, 5> kNames = {"tsm:O", "tsm:PER", "tsm:LOC", "tsm:ORG", "tsm:MISC"};
}  // namespace

std::vector<std::int8_t> aggregate_types(const std::vector<std::string_view>& words,
                                         const std::vector<EntitySpan>& first) {
  const std::size_t n = words.size();
  std::vector<std::int8_t> out(n, kStageNone);
  // The first pass's value of each token (kStageO outside its spans).
  std::vector<std::int8_t> type(n, kStageO);
  for (const auto& s : first)
    for (std::size_t k = s.begin; k < s.end && k < n; ++k) type[k] = stage_value(s.type);
  // A word alone in a span of another type that ends a person's name of several words elsewhere
  // in the document counts as that person's ("Lynch" after "Loretta E. Lynch"), as the analysis
  // files such a surname: one error of the first pass is not copied to every occurrence.
  std::unordered_map<std::string_view, bool> surnames;
  for (const auto& s : first)
    if (s.type == EntityType::kPer && s.end - s.begin >= 2 && s.end <= n) surnames.emplace(words[s.end - 1], true);
  for (const auto& s : first)
    if (s.type != EntityType::kPer && s.end - s.begin == 1 && s.end <= n && surnames.count(words[s.begin]))
      type[s.begin] = stage_value(EntityType::kPer);
  // Capitalised words grouped by their bytes; per group, how often each value occurs.
  constexpr std::uint32_t kNoGroup = UINT32_MAX;
  std::vector<std::uint32_t> group(n, kNoGroup);
  std::vector<std::array<std::uint32_t, 5>> counts;
  std::unordered_map<std::string_view, std::uint32_t> ids;
  for (std::size_t i = 0; i < n; ++i) {
    const std::string_view w = words[i];
    if (w.empty() || w[0] < 'A' || w[0] > 'Z') continue;
    const auto [it, fresh] = ids.try_emplace(w, static_cast<std::uint32_t>(counts.size()));
    if (fresh) counts.push_back({});
    group[i] = it->second;
    ++counts[it->second][static_cast<std::size_t>(type[i])];
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (group[i] == kNoGroup) continue;
    std::array<std::uint32_t, 5> others = counts[group[i]];
    --others[static_cast<std::size_t>(type[i])];  // the other occurrences only
    const auto top = static_cast<std::size_t>(std::max_element(others.begin(), others.end()) - others.begin());
    // A word met once has no other occurrence; a tie at the top says nothing.
    if (others[top] == 0 || std::count(others.begin(), others.end(), others[top]) != 1) continue;
    // Nor does a word the first pass split evenly over all its occurrences ("Obama" once a place,
    // once a person): each occurrence would be told the other's type, and swap.
    const std::array<std::uint32_t, 5>& all = counts[group[i]];
    if (std::count(all.begin(), all.end(), *std::max_element(all.begin(), all.end())) != 1) continue;
    out[i] = static_cast<std::int8_t>(top);
  }
  return out;
}

std::string_view stage_feature_name(std::int8_t value) {
  if (value < 0 || value >= static_cast<std::int8_t>(kNames.size())) return {};
  return kNames[static_cast<std::size_t>(value)];
}

ModelData merge_models(const ModelData& first, const ModelData& second) {
  ModelData out;
  out.trans = first.trans;
  out.scale = first.scale;
  out.hook_name = first.hook_name;
  // Each key's entries: the first model's, then the second's under shifted tags.
  std::unordered_map<std::uint32_t, std::vector<ModelData::Entry>> runs;
  auto collect = [&](const ModelData& m, std::uint16_t shift) {
    for (const auto& slot : m.slots) {
      if (slot.key == 0) continue;
      auto& run = runs[slot.key];
      const ModelData::Entry* e = m.entries.data() + (slot.where >> ModelData::kCountBits);
      for (std::uint32_t j = 0; j < (slot.where & ModelData::kCountMask); ++j)
        run.push_back({static_cast<std::uint16_t>(e[j].tag + shift), e[j].weight});
    }
  };
  collect(first, 0);
  collect(second, kNumTags);
  // In key order, so that the table does not depend on the hash map's iteration order.
  std::vector<std::uint32_t> keys;
  keys.reserve(runs.size());
  for (const auto& [key, run] : runs) keys.push_back(key);
  std::sort(keys.begin(), keys.end());
  out.reserve_slots(keys.size());
  for (const std::uint32_t key : keys) {
    const auto& run = runs[key];
    out.place(key, out.entries.size(), run.size());
    out.entries.insert(out.entries.end(), run.begin(), run.end());
  }
  out.features = keys.size();
  return out;
}

namespace {

// The weight sums of tokens [b, e) of a document under `table`, `width` tags a token (one pass's
// kNumTags, or both passes' 2 kNumTags), into sums[(i - b) * width + t]: integer sums of quantised
// weights, exact, so tags do not depend on summation order. The next token's slots are fetched
// while this token's are read.
void weight_sums(const ModelData& table, const DocumentFeatures& feats, std::size_t b, std::size_t e,
                 std::size_t width, std::vector<std::int32_t>& sums) {
  sums.assign((e - b) * width, 0);
  if (e <= b) return;
  for (std::uint32_t k = feats.offsets[b]; k < feats.offsets[b + 1]; ++k) table.prefetch(feats.hashes[k]);
  for (std::size_t i = b; i < e; ++i) {
    if (i + 1 < e) {
      for (std::uint32_t k = feats.offsets[i + 1]; k < feats.offsets[i + 2]; ++k) table.prefetch(feats.hashes[k]);
    }
    std::int32_t* sc = sums.data() + (i - b) * width;
    for (std::uint32_t k = feats.offsets[i]; k < feats.offsets[i + 1]; ++k) table.add_scores(feats.hashes[k], sc);
  }
}

// One decoding pass over a document: its tag scores are columns [column, column + kNumTags) of
// `sums` (width a token; null: summed here, sentence by sentence, for the sentences decoded) and
// of `table`'s weights, its transitions `trans`.
struct Pass {
  const ModelData& table;
  const Transitions& trans;
  const std::vector<std::int32_t>* sums;
  std::size_t width = kNumTags;
  std::size_t column = 0;
  const std::vector<std::int8_t>* stage = nullptr;  // the second pass's aggregation features
  // Per sentence, whether to decode it; a sentence not decoded keeps the spans of `kept` (the
  // first pass's) that begin in it. Null: decode every sentence.
  const std::vector<char>* redo = nullptr;
  const std::vector<EntitySpan>* kept = nullptr;
};

// Adds the pass's weights of feature `h` to emit[0..kNumTags).
void add_feature(const Pass& p, std::uint32_t h, float* emit) {
  std::int32_t extra[2 * kNumTags] = {};
  p.table.add_scores(h, extra);
  for (std::size_t t = 0; t < kNumTags; ++t) emit[t] += static_cast<float>(extra[p.column + t]);
}

// The spans of one pass, sentence by sentence (unrepaired); the history feature (NameMemory)
// remembers this pass's own spans, kept ones included.
std::vector<EntitySpan> decode(const TaggerInput& input, const DocumentFeatures& feats, const Pass& p) {
  std::vector<EntitySpan> spans;
  const std::size_t n = input.words.size();
  std::vector<float> emit;
  std::vector<std::uint8_t> tags;
  std::vector<float> work;
  std::vector<std::uint8_t> back;
  NameMemory memory;
  std::uint32_t staged[3];
  std::vector<std::int32_t> local;  // the sentence's sums when p.sums is null
  std::size_t sb = 0, kept_at = 0;
  for (std::size_t si = 0; si < input.sentence_ends.size(); ++si) {
    const std::size_t se = std::min(input.sentence_ends[si], n);
    if (se <= sb) continue;
    const std::size_t before = spans.size();
    if (p.redo != nullptr && !(*p.redo)[si]) {
      for (; kept_at < p.kept->size() && (*p.kept)[kept_at].begin < se; ++kept_at)
        if ((*p.kept)[kept_at].begin >= sb) spans.push_back((*p.kept)[kept_at]);
    } else {
      emit.resize((se - sb) * kNumTags);
      if (p.sums == nullptr) weight_sums(p.table, feats, sb, se, p.width, local);
      for (std::size_t i = sb; i < se; ++i) {
        float* e = emit.data() + (i - sb) * kNumTags;
        const std::int32_t* sc = p.sums ? p.sums->data() + i * p.width + p.column : local.data() + (i - sb) * p.width + p.column;
        for (std::size_t t = 0; t < kNumTags; ++t) e[t] = static_cast<float>(sc[t]);
        if (const std::uint32_t h = memory.feature(feats, i); h != 0) add_feature(p, h, e);
        if (p.stage == nullptr) continue;
        const std::size_t m = stage_features(*p.stage, i, sb, se, staged);
        for (std::size_t k = 0; k < m; ++k) add_feature(p, staged[k], e);
      }
      tags.resize(se - sb);
      viterbi(emit.data(), se - sb, p.trans, tags.data(), work, back);
      tags_to_spans(tags.data(), se - sb, sb, spans);
    }
    memory.record(feats, spans, before);
    sb = se;
  }
  return spans;
}

// Per sentence: whether the second pass decodes it again (SecondPass), given the aggregation
// values and the first pass's spans.
std::vector<char> sentences_to_redo(const TaggerInput& input, const std::vector<std::int8_t>& stage,
                                    const std::vector<EntitySpan>& first, SecondPass which) {
  std::vector<std::int8_t> own;  // kDisagreeing: each token's own first-pass value
  if (which == SecondPass::kDisagreeing) {
    own.assign(stage.size(), kStageO);
    for (const auto& s : first)
      for (std::size_t k = s.begin; k < s.end && k < own.size(); ++k) own[k] = stage_value(s.type);
  }
  std::vector<char> redo(input.sentence_ends.size(), 0);
  std::size_t sb = 0;
  for (std::size_t si = 0; si < input.sentence_ends.size(); ++si) {
    const std::size_t se = std::min(input.sentence_ends[si], stage.size());
    for (std::size_t i = sb; i < se && !redo[si]; ++i)
      redo[si] = stage[i] != kStageNone && (own.empty() || stage[i] != own[i]);
    sb = std::max(sb, se);
  }
  return redo;
}

}  // namespace

std::vector<EntitySpan> Tagger::tag_with(const TaggerInput& input, const FeatureHook& hook) const {
  if (input.words.empty()) return {};
  DocumentFeatures feats;
  extract_features(input, hook, feats, hook_.sports ? &*hook_.sports : nullptr);
  // When the second pass tags every sentence, one look-up of each feature gives both passes'
  // weights (merge_models: 14% more extraction CPU than one pass instead of 43%); when it tags a
  // few, it sums its own weights for those alone (as cheap as the merged table, or cheaper).
  const bool merged = both_ != nullptr;
  const ModelData& table = merged ? *both_ : *model_;
  const std::size_t width = merged ? 2 * kNumTags : kNumTags;
  std::vector<std::int32_t> sums;
  weight_sums(table, feats, 0, input.words.size(), width, sums);
  std::vector<EntitySpan> spans = decode(input, feats, Pass{table, model_->trans, &sums, width, 0});
  if (second_) {
    // The aggregation reads the first pass's spans as tagging returns them (repaired), as the
    // second model's training data were labelled.
    std::vector<EntitySpan> first = spans;
    repair_spans(input.words, first, repairs_);
    const std::vector<std::int8_t> stage = aggregate_types(input.words, first);
    const bool some = which_ != SecondPass::kAll;
    const std::vector<char> redo = some ? sentences_to_redo(input, stage, first, which_) : std::vector<char>{};
    const Pass second = merged ? Pass{*both_, second_->trans, &sums, width, kNumTags, &stage, some ? &redo : nullptr, &spans}
                               : Pass{*second_, second_->trans, nullptr, kNumTags, 0, &stage, some ? &redo : nullptr, &spans};
    spans = decode(input, feats, second);
  }
  repair_spans(input.words, spans, repairs_);
  return spans;
}

std::vector<EntitySpan> Tagger::tag(const TaggerInput& input) const { return tag_with(input, hook_.hook); }

std::vector<EntitySpan> Tagger::tag(const TokenizedText& text) const { return tag(to_tagger_input(text)); }

Tagger Tagger::with_second_pass(const Tagger& second, SecondPass which) const {
  if (second.hook_.name != hook_.name || second.second_)
    throw std::invalid_argument("NER second pass: trained with the hook '" + second.hook_.name + "', not '" + hook_.name + "'");
  Tagger copy = *this;
  copy.second_ = second.model_;
  copy.both_ = which == SecondPass::kAll ? std::make_shared<const ModelData>(merge_models(*model_, *second.model_)) : nullptr;
  copy.which_ = which;
  return copy;
}

}  // namespace newsidx::entities
