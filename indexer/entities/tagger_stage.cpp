// Tagging a document, in one pass or two: the decoding loop, and prediction aggregation (the
// majority first-pass type of a word's other occurrences) for the second pass.
#include "tagger_stage.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <string>
#include <unordered_map>

#include "tagger_model.hpp"
#include "tagger_repair.hpp"

namespace newsidx::entities {

namespace {
constexpr std::array<std::string_view, 5> kNames = {"tsm:O", "tsm:PER", "tsm:LOC", "tsm:ORG", "tsm:MISC"};
constexpr std::array<std::array<std::string_view, 3>, 5> kStrengthNames = {{
    {"tsm:O:1", "tsm:O:2", "tsm:O:3"}, {"tsm:PER:1", "tsm:PER:2", "tsm:PER:3"},
    {"tsm:LOC:1", "tsm:LOC:2", "tsm:LOC:3"}, {"tsm:ORG:1", "tsm:ORG:2", "tsm:ORG:3"},
    {"tsm:MISC:1", "tsm:MISC:2", "tsm:MISC:3"}}};
constexpr std::array<std::string_view, 5> kLongerNames = {"tsl:O", "tsl:PER", "tsl:LOC", "tsl:ORG", "tsl:MISC"};
// The packed layout: bits 0-2 the majority (5: none), 3-4 the strength, 5-7 the longer type + 1 (0: none).
constexpr unsigned kNoMajority = 5;
}  // namespace

std::optional<unsigned> parse_stage_extras(std::string_view spec) {
  if (spec == "none") return 0u;
  unsigned out = 0;
  if (!spec.empty() && spec.front() == 's') {
    out |= kStageStrength;
    spec.remove_prefix(1);
  }
  if (!spec.empty() && spec.front() == 'l') {
    out |= kStageLonger;
    spec.remove_prefix(1);
  }
  if (!spec.empty() && spec.front() == 'i') {
    out |= kStageCaseless;
    spec.remove_prefix(1);
  }
  if (!spec.empty()) return std::nullopt;
  return out;
}

std::int8_t pack_stage(const StageParts& p) {
  if (p.majority == kStageNone && p.longer == kStageNone) return kStageNone;
  const unsigned majority = p.majority == kStageNone ? kNoMajority : static_cast<unsigned>(p.majority);
  const unsigned longer = p.longer == kStageNone ? 0u : static_cast<unsigned>(p.longer) + 1;
  return static_cast<std::int8_t>(static_cast<std::uint8_t>(majority | (p.strength & 3u) << 3 | longer << 5));
}

StageParts unpack_stage(std::int8_t value) {
  if (value == kStageNone) return {};
  const auto b = static_cast<std::uint8_t>(value);
  StageParts p;
  if ((b & 7u) != kNoMajority) p.majority = static_cast<std::int8_t>(b & 7u);
  p.strength = static_cast<std::uint8_t>(b >> 3 & 3u);
  if ((b >> 5) != 0) p.longer = static_cast<std::int8_t>((b >> 5) - 1);
  return p;
}

std::size_t stage_feature_names(std::int8_t value, std::array<std::string_view, 3>& out) {
  const StageParts p = unpack_stage(value);
  std::size_t m = 0;
  if (p.majority >= 0 && p.majority < 5) {
    out[m++] = kNames[static_cast<std::size_t>(p.majority)];
    if (p.strength > 0) out[m++] = kStrengthNames[static_cast<std::size_t>(p.majority)][p.strength - 1u];
  }
  if (p.longer >= 0 && p.longer < 5) out[m++] = kLongerNames[static_cast<std::size_t>(p.longer)];
  return m;
}

namespace {

// The top of `counts` when it is unique and not zero, else kStageNone.
std::int8_t unique_top(const std::array<std::uint32_t, 5>& counts) {
  const auto top = std::max_element(counts.begin(), counts.end());
  if (*top == 0 || std::count(counts.begin(), counts.end(), *top) != 1) return kStageNone;
  return static_cast<std::int8_t>(top - counts.begin());
}

// Per token: the type the first pass gave most of the spans of two or more words that hold the
// token's word (its group) at another position ("Munich" in "Bayern Munich" as ORG); kStageNone
// on a tie or when there is none.
std::vector<std::int8_t> longer_types(const std::vector<EntitySpan>& first, const std::vector<std::uint32_t>& group,
                                      std::size_t groups) {
  constexpr std::uint32_t kNoGroup = UINT32_MAX;
  const std::size_t n = group.size();
  std::vector<std::array<std::uint32_t, 5>> counts(groups, std::array<std::uint32_t, 5>{});
  std::vector<std::int8_t> own(n, kStageNone), out(n, kStageNone);
  for (const auto& s : first) {
    if (s.end - s.begin < 2 || s.end > n) continue;
    for (std::size_t k = s.begin; k < s.end; ++k) {
      if (group[k] == kNoGroup) continue;
      own[k] = stage_value(s.type);
      ++counts[group[k]][static_cast<std::size_t>(own[k])];
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (group[i] == kNoGroup) continue;
    std::array<std::uint32_t, 5> others = counts[group[i]];
    if (own[i] != kStageNone) --others[static_cast<std::size_t>(own[i])];
    out[i] = unique_top(others);
  }
  return out;
}

}  // namespace

std::vector<std::int8_t> aggregate_types(const std::vector<std::string_view>& words,
                                         const std::vector<EntitySpan>& first, unsigned extras) {
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
  // With kStageCaseless, the key is the word lower-cased (ASCII), in one buffer the keys view.
  std::string lowered;
  std::vector<std::size_t> at;
  if (extras & kStageCaseless) {
    for (const std::string_view w : words) {
      at.push_back(lowered.size());
      for (const char c : w) lowered += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    at.push_back(lowered.size());
  }
  for (std::size_t i = 0; i < n; ++i) {
    const std::string_view raw = words[i];
    if (raw.empty() || raw[0] < 'A' || raw[0] > 'Z') continue;
    const std::string_view w = at.empty() ? raw : std::string_view(lowered).substr(at[i], at[i + 1] - at[i]);
    const auto [it, fresh] = ids.try_emplace(w, static_cast<std::uint32_t>(counts.size()));
    if (fresh) counts.push_back({});
    group[i] = it->second;
    ++counts[it->second][static_cast<std::size_t>(type[i])];
  }
  const std::vector<std::int8_t> longer =
      extras & kStageLonger ? longer_types(first, group, counts.size()) : std::vector<std::int8_t>{};
  for (std::size_t i = 0; i < n; ++i) {
    if (group[i] == kNoGroup) continue;
    std::array<std::uint32_t, 5> others = counts[group[i]];
    --others[static_cast<std::size_t>(type[i])];  // the other occurrences only
    StageParts parts;
    // Not for a surname: a person's name is often part of a firm's or a campaign's ("Trump" of
    // "The Trump Organization"), and the person read as one would be told the firm's type.
    if (!longer.empty() && !surnames.count(words[i])) parts.longer = longer[i];
    // A word met once has no other occurrence; a tie at the top says nothing. Nor does a word the
    // first pass split evenly over all its occurrences ("Obama" once a place, once a person):
    // each occurrence would be told the other's type, and swap.
    const std::int8_t top = unique_top(others);
    if (top != kStageNone && unique_top(counts[group[i]]) != kStageNone) {
      parts.majority = top;
      if (extras & kStageStrength) {
        std::uint32_t total = 0;
        for (const auto c : others) total += c;
        parts.strength = total == 1 ? 1 : others[static_cast<std::size_t>(top)] == total ? 2 : 3;
      }
    }
    out[i] = pack_stage(parts);
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
      m.for_each_weight(slot.where, [&](std::uint16_t tag, std::int16_t weight) {
        run.push_back({static_cast<std::uint16_t>(tag + shift), weight});
      });
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
  out.densify(2 * kNumTags);
  return out;
}

namespace {

// How many look-ups ahead weight_sums starts loading a slot or an entry run: enough to cover a
// miss to memory, few enough that the loaded lines are still in the L1 cache when read.
constexpr std::size_t kAhead = 16;
// Tokens summed at a time: a few thousand features, whose scratch fits in the L1 cache.
constexpr std::size_t kBlockTokens = 64;

// A feature of a token that the filter let through: its hash, then its slot's `where`, and the
// row of its token in the sums.
struct Hit {
  std::uint32_t key_or_where;
  std::uint32_t row;
};

// Each distinct word's weight sums (DocumentFeatures::word_of): rows[w * width + t], summed the
// first time a block holds one of its tokens.
struct WordRows {
  std::vector<std::int32_t> rows;
  std::vector<char> done;
  // Empty rows for the words of `feats` (none without split words).
  void reset(const DocumentFeatures& feats, std::size_t width) {
    const std::size_t words = feats.word_of.empty() ? 0 : feats.word_offsets.size() - 1;
    rows.assign(words * width, 0);
    done.assign(words, 0);
  }
  // Gives the memory back: a document of 100,000 distinct words holds megabytes of rows.
  void release() {
    std::vector<std::int32_t>().swap(rows);
    std::vector<char>().swap(done);
  }
};

// Adds the weights of the features of `hits` (hashes the filter admitted) to target[row * width
// + t]: their slots first, then their entries, each pass loading kAhead items ahead. A look-up's
// slot and entries are two dependent misses; one at a time, the profile had them at 60% of the
// time of summing.
void sum_hits(const ModelData& table, std::vector<Hit>& hits, std::size_t width, std::int32_t* target) {
  std::size_t found = 0;
  for (std::size_t j = 0; j < hits.size(); ++j) {
    if (j + kAhead < hits.size()) table.prefetch_slot(hits[j + kAhead].key_or_where);
    if (const std::uint32_t where = table.locate(hits[j].key_or_where); where != 0)
      hits[found++] = {where, hits[j].row};
  }
  for (std::size_t j = 0; j < found; ++j) {
    if (j + kAhead < found) __builtin_prefetch(table.weights_at(hits[j + kAhead].key_or_where));
    table.add_weights(hits[j].key_or_where, target + static_cast<std::size_t>(hits[j].row) * width);
  }
}

// Adds to sums[(i - base) * width + t] the rows of the words of tokens [b, e) (with split words),
// summing the rows of the words met for the first time.
void add_word_rows(const ModelData& table, const DocumentFeatures& feats, std::size_t b, std::size_t e,
                   std::size_t base, std::size_t width, std::int32_t* sums, std::vector<Hit>& hits, WordRows& words) {
  hits.clear();
  for (std::size_t i = b; i < e; ++i) {
    const std::uint32_t w = feats.word_of[i];
    if (words.done[w]) continue;
    words.done[w] = 1;
    for (std::uint32_t k = feats.word_offsets[w]; k < feats.word_offsets[w + 1]; ++k)
      if (table.may_hold(feats.word_hashes[k])) hits.push_back({feats.word_hashes[k], w});
  }
  sum_hits(table, hits, width, words.rows.data());
  for (std::size_t i = b; i < e; ++i) {
    const std::int32_t* row = words.rows.data() + static_cast<std::size_t>(feats.word_of[i]) * width;
    std::int32_t* s = sums + (i - base) * width;
    for (std::size_t t = 0; t < width; ++t) s[t] += row[t];
  }
}

// The weight sums of tokens [b, e) of a document, added to sums[(i - base) * width + t] (see
// weight_sums): the rows of their words (with split words), then the features the filter admits
// (sum_hits). `hits` is scratch.
void weight_block(const ModelData& table, const DocumentFeatures& feats, std::size_t b, std::size_t e,
                  std::size_t base, std::size_t width, std::int32_t* sums, std::vector<Hit>& hits, WordRows& words) {
  if (!feats.word_of.empty()) add_word_rows(table, feats, b, e, base, width, sums, hits, words);
  hits.clear();
  for (std::size_t i = b; i < e; ++i)
    for (std::uint32_t k = feats.offsets[i]; k < feats.offsets[i + 1]; ++k)
      if (table.may_hold(feats.hashes[k])) hits.push_back({feats.hashes[k], static_cast<std::uint32_t>(i - base)});
  sum_hits(table, hits, width, sums);
}

// The weight sums of tokens [b, e) of a document under `table`, `width` tags a token (one pass's
// kNumTags, or both passes' 2 kNumTags), into sums[(i - b) * width + t]: integer sums of quantised
// weights, exact, so tags do not depend on summation order (nor on the order of the passes of
// weight_block, nor on a word's features being summed once for all its tokens). Summed
// kBlockTokens tokens at a time, so that the scratch stays small (and in the cache) however long
// the document. `hits` is scratch; `words` the rows of the document's words under `table`
// (WordRows::reset), kept from one call to the next.
void weight_sums(const ModelData& table, const DocumentFeatures& feats, std::size_t b, std::size_t e,
                 std::size_t width, std::vector<std::int32_t>& sums, std::vector<Hit>& hits, WordRows& words) {
  sums.assign((e - b) * width, 0);
  for (std::size_t from = b; from < e; from += kBlockTokens)
    weight_block(table, feats, from, std::min(e, from + kBlockTokens), b, width, sums.data(), hits, words);
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
  std::uint32_t staged[kMaxStageFeatures];
  std::vector<std::int32_t> local;  // the sentence's sums when p.sums is null
  std::vector<Hit> hits;
  WordRows words;  // the words' rows when p.sums is null
  if (p.sums == nullptr) words.reset(feats, p.width);
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
      if (p.sums == nullptr) weight_sums(p.table, feats, sb, se, p.width, local, hits, words);
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
    for (std::size_t i = sb; i < se && !redo[si]; ++i) {
      if (stage[i] == kStageNone || own.empty()) {
        redo[si] = stage[i] != kStageNone;
        continue;
      }
      const StageParts p = unpack_stage(stage[i]);
      redo[si] = (p.majority != kStageNone && p.majority != own[i]) || (p.longer != kStageNone && p.longer != own[i]);
    }
    sb = std::max(sb, se);
  }
  return redo;
}

}  // namespace

std::vector<std::int32_t> document_sums(const ModelData& table, const DocumentFeatures& feats, std::size_t width) {
  std::vector<std::int32_t> sums;
  std::vector<Hit> hits;
  WordRows words;
  words.reset(feats, width);
  weight_sums(table, feats, 0, feats.offsets.size() - 1, width, sums, hits, words);
  return sums;
}

std::vector<EntitySpan> Tagger::tag_with(const TaggerInput& input, const FeatureHook& hook,
                                         const HashedHook* hashed) const {
  if (input.words.empty()) return {};
  DocumentFeatures feats;
  extract_features(input, hook, feats, hook_.sports ? &*hook_.sports : nullptr, nullptr,
                   hook_.context ? &*hook_.context : nullptr, true, hashed);
  // When the second pass tags every sentence, one look-up of each feature gives both passes'
  // weights (merge_models: 14% more extraction CPU than one pass instead of 43%); when it tags a
  // few, it sums its own weights for those alone (as cheap as the merged table, or cheaper).
  const bool merged = both_ != nullptr;
  const ModelData& table = merged ? *both_ : *model_;
  const std::size_t width = merged ? 2 * kNumTags : kNumTags;
  std::vector<std::int32_t> sums;
  std::vector<Hit> hits;
  WordRows words;
  words.reset(feats, width);
  weight_sums(table, feats, 0, input.words.size(), width, sums, hits, words);
  words.release();  // the sums are made: the second pass's decode may take rows of its own
  std::vector<EntitySpan> spans = decode(input, feats, Pass{table, model_->trans, &sums, width, 0});
  if (second_) {
    // The aggregation reads the first pass's spans as tagging returns them (repaired), as the
    // second model's training data were labelled.
    std::vector<EntitySpan> first = spans;
    repair_spans(input.words, first, repairs_);
    const std::vector<std::int8_t> stage = aggregate_types(input.words, first, stage_extras_);
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

Tagger Tagger::with_second_pass(const Tagger& second, SecondPass which, unsigned extras) const {
  if (second.hook_.name != hook_.name || second.second_)
    throw std::invalid_argument("NER second pass: trained with the hook '" + second.hook_.name + "', not '" + hook_.name + "'");
  Tagger copy = *this;
  copy.second_ = second.model_;
  copy.both_ = which == SecondPass::kAll ? std::make_shared<const ModelData>(merge_models(*model_, *second.model_)) : nullptr;
  copy.which_ = which;
  copy.stage_extras_ = extras;
  return copy;
}

}  // namespace newsidx::entities
