// Training the NER tagger: features are extracted once, then averaged-perceptron epochs over
// shuffled documents with Viterbi decoding and the usual lazy-averaging trick.
#include "tagger_train.hpp"

#include <algorithm>
#include <cmath>
#include <random>
#include <stdexcept>
#include <unordered_map>

#include "tagger_model.hpp"
#include "tagger_stage.hpp"

namespace newsidx::entities {

TaggerInput to_tagger_input(const TrainingDocument& doc) {
  TaggerInput in;
  in.words.assign(doc.words.begin(), doc.words.end());
  in.sentence_ends = doc.sentence_ends;
  return in;
}

void score_spans(const std::vector<EntitySpan>& gold, const std::vector<EntitySpan>& predicted,
                 SpanScores (&by_type)[4]) {
  for (const auto& g : gold) ++by_type[static_cast<int>(g.type)].gold;
  for (const auto& p : predicted) {
    auto& s = by_type[static_cast<int>(p.type)];
    ++s.predicted;
    if (std::find(gold.begin(), gold.end(), p) != gold.end()) ++s.correct;
  }
}

namespace {

// Features of one training document as dense indices, and its gold tags.
struct Prepared {
  DocumentFeatures doc;  // name keys and contexts, for the history feature
  std::vector<std::uint32_t> feats;
  std::vector<std::uint32_t> offsets;
  std::vector<std::uint8_t> gold;
  std::vector<std::size_t> sentence_ends;
};

struct Weights {
  std::size_t features = 0;
  std::vector<float> w;  // features * kNumTags
  std::vector<float> u;  // sum of (step * update), for averaging
  std::vector<float> tw, tu;  // transitions: (kNumTags + 1) * kNumTags, then kNumTags end
  double step = 1;

  void update(std::uint32_t f, int tag, float delta) {
    const std::size_t k = static_cast<std::size_t>(f) * kNumTags + static_cast<std::size_t>(tag);
    w[k] += delta;
    u[k] += static_cast<float>(step) * delta;
  }
  void update_trans(std::size_t k, float delta) {
    tw[k] += delta;
    tu[k] += static_cast<float>(step) * delta;
  }
  float avg(std::size_t k) const { return w[k] - u[k] / static_cast<float>(step); }
  float tavg(std::size_t k) const { return tw[k] - tu[k] / static_cast<float>(step); }
};

constexpr std::size_t kEndRow = (kNumTags + 1) * kNumTags;

// Transition weights from a flat row-major array: (kNumTags + 1) rows of kNumTags, then the end row.
Transitions transitions_of(const std::vector<float>& flat) {
  Transitions t;
  for (int p = 0; p <= kNumTags; ++p) {
    for (int c = 0; c < kNumTags; ++c) {
      t.from[static_cast<std::size_t>(p)][static_cast<std::size_t>(c)] = flat[static_cast<std::size_t>(p * kNumTags + c)];
    }
  }
  for (int c = 0; c < kNumTags; ++c) t.end[static_cast<std::size_t>(c)] = flat[kEndRow + static_cast<std::size_t>(c)];
  constrain_transitions(t);
  return t;
}

// The averaged weights of one training: emissions (features * kNumTags) and transitions.
struct Averaged {
  std::vector<float> emit, trans;
};

Averaged averaged(const Weights& wt) {
  Averaged a;
  a.emit.resize(wt.w.size());
  for (std::size_t k = 0; k < wt.w.size(); ++k) a.emit[k] = wt.avg(k);
  a.trans.resize(wt.tw.size());
  for (std::size_t k = 0; k < wt.tw.size(); ++k) a.trans[k] = wt.tavg(k);
  return a;
}

// The tagger of averaged weights (pruned by options.prune), as its saved bytes load back.
Tagger tagger_of(const Averaged& a, const std::vector<std::uint32_t>& keys, const TrainOptions& options) {
  std::vector<FeatureWeights> features;
  features.reserve(keys.size());
  for (std::size_t f = 0; f < keys.size(); ++f) {
    FeatureWeights fw;
    fw.key = keys[f];
    for (int t = 0; t < kNumTags; ++t) {
      const float v = a.emit[f * kNumTags + static_cast<std::size_t>(t)];
      if (v != 0.0f && std::fabs(v) >= options.prune) {
        fw.weights.emplace_back(static_cast<std::uint8_t>(t), v);
      }
    }
    if (!fw.weights.empty()) features.push_back(std::move(fw));
  }
  auto loaded = Tagger::load(serialize_model(features, transitions_of(a.trans), options.hook.name), {options.hook});
  if (!loaded) throw std::runtime_error(loaded.error().message);
  return std::move(loaded).value();
}

// The features of every document, extracted once; rare ones dropped (UINT32_MAX), the others
// mapped to dense indices (`keys` holds the hash of each index, history features first).
std::vector<Prepared> prepare(const std::vector<TrainingDocument>& docs, const TrainOptions& options,
                              std::unordered_map<std::uint32_t, std::uint32_t>& index,
                              std::vector<std::uint32_t>& keys) {
  std::vector<Prepared> prepared(docs.size());
  std::unordered_map<std::uint32_t, std::uint32_t> counts;
  DocumentFeatures df;
  for (std::size_t d = 0; d < docs.size(); ++d) {
    const auto input = to_tagger_input(docs[d]);
    extract_features(input, options.hook.hook, df, options.hook.sports ? &*options.hook.sports : nullptr,
                     docs[d].stage.empty() ? nullptr : &docs[d].stage,
                     options.hook.context ? &*options.hook.context : nullptr);
    auto& p = prepared[d];
    p.feats = df.hashes;
    p.offsets = df.offsets;
    p.doc.name_keys = df.name_keys;
    p.doc.contexts = df.contexts;
    p.sentence_ends = docs[d].sentence_ends;
    p.gold.assign(docs[d].words.size(), 0);
    spans_to_tags(docs[d].entities, 0, docs[d].words.size(), p.gold.data());
    for (auto h : df.hashes) ++counts[h];
  }
  for (std::uint32_t h : NameMemory::all_features()) {
    if (index.try_emplace(h, static_cast<std::uint32_t>(keys.size())).second) keys.push_back(h);
  }
  for (auto& p : prepared) {
    for (auto& h : p.feats) {
      const auto c = counts[h];
      if (static_cast<int>(c) < options.min_count) {
        h = UINT32_MAX;
        continue;
      }
      auto [it, fresh] = index.try_emplace(h, static_cast<std::uint32_t>(keys.size()));
      if (fresh) keys.push_back(h);
      h = it->second;
    }
  }
  return prepared;
}

// What one sentence's training step works in, reused from sentence to sentence.
struct Scratch {
  std::vector<float> emit, work;
  std::vector<std::uint8_t> back, pred;
  std::vector<std::uint32_t> history;  // per token of the sentence: dense history feature or none
};

// Emission scores of tokens [sb, sb + len) of `p` under the current weights, into s.emit, and
// their history features into s.history.
void score_sentence(const Prepared& p, const Weights& wt, const NameMemory& memory,
                    const std::unordered_map<std::uint32_t, std::uint32_t>& index, std::size_t sb,
                    std::size_t len, Scratch& s) {
  s.emit.assign(len * kNumTags, 0.0f);
  s.history.assign(len, UINT32_MAX);
  for (std::size_t i = 0; i < len; ++i) {
    float* sc = s.emit.data() + i * kNumTags;
    if (const std::uint32_t h = memory.feature(p.doc, sb + i); h != 0) {
      s.history[i] = index.at(h);
      const float* row = wt.w.data() + static_cast<std::size_t>(s.history[i]) * kNumTags;
      for (int t = 0; t < kNumTags; ++t) sc[t] += row[t];
    }
    for (std::uint32_t k = p.offsets[sb + i]; k < p.offsets[sb + i + 1]; ++k) {
      const std::uint32_t f = p.feats[k];
      if (f == UINT32_MAX) continue;
      const float* row = wt.w.data() + static_cast<std::size_t>(f) * kNumTags;
      for (int t = 0; t < kNumTags; ++t) sc[t] += row[t];
    }
  }
}

// The perceptron update of a sentence whose predicted tags (s.pred) differ from the gold ones.
void update_sentence(const Prepared& p, std::size_t sb, std::size_t len, const Scratch& s, Weights& wt) {
  const std::uint8_t* gold = p.gold.data() + sb;
  const std::vector<std::uint8_t>& pred = s.pred;
  for (std::size_t i = 0; i < len; ++i) {
    const int pg = i == 0 ? kNumTags : gold[i - 1];
    const int pp = i == 0 ? kNumTags : pred[i - 1];
    if (gold[i] != pred[i]) {
      for (std::uint32_t k = p.offsets[sb + i]; k < p.offsets[sb + i + 1]; ++k) {
        const std::uint32_t f = p.feats[k];
        if (f == UINT32_MAX) continue;
        wt.update(f, gold[i], 1.0f);
        wt.update(f, pred[i], -1.0f);
      }
      if (s.history[i] != UINT32_MAX) {
        wt.update(s.history[i], gold[i], 1.0f);
        wt.update(s.history[i], pred[i], -1.0f);
      }
    }
    if (gold[i] != pred[i] || pg != pp) {
      wt.update_trans(static_cast<std::size_t>(pg * kNumTags + gold[i]), 1.0f);
      wt.update_trans(static_cast<std::size_t>(pp * kNumTags + pred[i]), -1.0f);
    }
  }
  if (gold[len - 1] != pred[len - 1]) {
    wt.update_trans(kEndRow + gold[len - 1], 1.0f);
    wt.update_trans(kEndRow + pred[len - 1], -1.0f);
  }
}

// The averaged weights of one training over `prepared`, the documents shuffled with `seed` every
// epoch; `on_epoch` (may be empty) sees the averaged model after each epoch.
Averaged train_once(const std::vector<Prepared>& prepared, const std::unordered_map<std::uint32_t, std::uint32_t>& index,
                    const std::vector<std::uint32_t>& keys, const TrainOptions& options, std::uint64_t seed,
                    const std::function<void(int, const Tagger&)>& on_epoch) {
  Weights wt;
  wt.features = keys.size();
  wt.w.assign(keys.size() * kNumTags, 0.0f);
  wt.u.assign(keys.size() * kNumTags, 0.0f);
  wt.tw.assign(kEndRow + kNumTags, 0.0f);
  wt.tu.assign(kEndRow + kNumTags, 0.0f);

  std::vector<std::size_t> order(prepared.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 rng(seed);
  Scratch s;
  std::vector<EntitySpan> predicted;

  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    // Fisher-Yates with our own index draws, so the order is the same with any standard library.
    for (std::size_t i = order.size(); i > 1; --i) {
      std::swap(order[i - 1], order[static_cast<std::size_t>(rng() % i)]);
    }
    for (std::size_t d : order) {
      const auto& p = prepared[d];
      const std::size_t n = p.gold.size();
      NameMemory memory;
      predicted.clear();
      std::size_t sb = 0;
      for (std::size_t se : p.sentence_ends) {
        se = std::min(se, n);
        const std::size_t len = se - sb;
        if (len == 0) continue;
        score_sentence(p, wt, memory, index, sb, len, s);
        const Transitions trans = transitions_of(wt.tw);
        s.pred.assign(len, 0);
        viterbi(s.emit.data(), len, trans, s.pred.data(), s.work, s.back);
        if (!std::equal(s.pred.begin(), s.pred.end(), p.gold.data() + sb)) update_sentence(p, sb, len, s, wt);
        const std::size_t before = predicted.size();
        tags_to_spans(s.pred.data(), len, sb, predicted);
        memory.record(p.doc, predicted, before);
        wt.step += 1;
        sb = se;
      }
    }
    if (on_epoch) on_epoch(epoch, tagger_of(averaged(wt), keys, options));
  }
  return averaged(wt);
}

}  // namespace

std::uint64_t derived_seed(std::uint64_t base, int k) {
  if (k == 0) return base;
  // splitmix64 of base + k * golden ratio: neighbouring k give unrelated seeds.
  std::uint64_t z = base + static_cast<std::uint64_t>(k) * 0x9E3779B97F4A7C15ULL;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

std::vector<float> mean_weights(const std::vector<std::vector<float>>& vectors) {
  if (vectors.empty()) return {};
  if (vectors.size() == 1) return vectors.front();
  std::vector<float> mean(vectors.front().size(), 0.0f);
  for (const auto& v : vectors) {
    if (v.size() != mean.size()) throw std::invalid_argument("mean_weights: vectors of different lengths");
    for (std::size_t k = 0; k < v.size(); ++k) mean[k] += v[k];
  }
  const auto n = static_cast<float>(vectors.size());
  for (float& x : mean) x /= n;
  return mean;
}

Tagger train(const std::vector<TrainingDocument>& docs, const TrainOptions& options) {
  std::unordered_map<std::uint32_t, std::uint32_t> index;
  std::vector<std::uint32_t> keys;
  const std::vector<Prepared> prepared = prepare(docs, options, index, keys);
  // The trainings share the features (same data); their averaged weights are kept one vector a
  // training and averaged at the end (a few hundred MB at most for CoNLL and 5 trainings).
  std::vector<std::vector<float>> emits, transitions;
  for (int k = 0; k < std::max(options.seeds, 1); ++k) {
    Averaged a = train_once(prepared, index, keys, options, derived_seed(options.seed, k),
                            k == 0 ? options.on_epoch : nullptr);
    emits.push_back(std::move(a.emit));
    transitions.push_back(std::move(a.trans));
  }
  return tagger_of({mean_weights(emits), mean_weights(transitions)}, keys, options);
}

std::vector<std::vector<std::int8_t>> jackknife_stages(const std::vector<TrainingDocument>& docs,
                                                       const TrainOptions& options, std::size_t parts) {
  TrainOptions first = options;
  first.on_epoch = nullptr;
  std::vector<std::vector<std::int8_t>> out(docs.size());
  for (std::size_t j = 0; j < parts; ++j) {
    const std::size_t b = docs.size() * j / parts, e = docs.size() * (j + 1) / parts;
    std::vector<TrainingDocument> inner;
    inner.reserve(docs.size() - (e - b));
    for (std::size_t d = 0; d < docs.size(); ++d) {
      if (d >= b && d < e) continue;
      inner.push_back(docs[d]);
      inner.back().stage.clear();
    }
    const Tagger t = train(inner, first).with_repairs(options.repairs);
    for (std::size_t d = b; d < e; ++d) {
      const TaggerInput in = to_tagger_input(docs[d]);
      out[d] = aggregate_types(in.words, t.tag(in), options.stage_extras);
    }
  }
  return out;
}

void for_each_fold(const std::vector<TrainingDocument>& docs, std::size_t k, const TrainOptions& options,
                   const std::function<void(std::size_t, const Tagger&, std::size_t, std::size_t)>& fn) {
  TrainOptions fold_options = options;
  fold_options.on_epoch = nullptr;
  for (std::size_t f = 0; f < k; ++f) {
    const std::size_t begin = docs.size() * f / k, end = docs.size() * (f + 1) / k;
    std::vector<TrainingDocument> train_docs;
    train_docs.reserve(docs.size() - (end - begin));
    for (std::size_t d = 0; d < docs.size(); ++d) {
      if (d < begin || d >= end) train_docs.push_back(docs[d]);
    }
    fn(f, train(train_docs, fold_options).with_repairs(options.repairs), begin, end);
  }
}

std::vector<FoldScores> cross_validate(const std::vector<TrainingDocument>& docs, std::size_t k,
                                       const TrainOptions& options,
                                       const std::function<void(std::size_t, const FoldScores&)>& on_fold) {
  std::vector<FoldScores> folds;
  for_each_fold(docs, k, options, [&](std::size_t f, const Tagger& tagger, std::size_t begin, std::size_t end) {
    FoldScores scores;
    for (std::size_t d = begin; d < end; ++d) {
      score_spans(docs[d].entities, tagger.tag(to_tagger_input(docs[d])), scores.by_type);
    }
    folds.push_back(scores);
    if (on_fold) on_fold(f, scores);
  });
  return folds;
}

}  // namespace newsidx::entities
