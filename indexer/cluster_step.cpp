// Applies indexer/clusters to a database: candidates by band terms, verified pairs, labels.
#include "cluster_step.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "common/schema.hpp"
#include "common/xapian_db.hpp"
#include "indexer/clusters.hpp"

namespace newsidx::indexer {

namespace {

// Candidates looked at per article: those sharing the most bands come first.
constexpr Xapian::doccount kCandidates = 100;

const Xapian::valueno kClusterSlot = schema::slot(schema::Slot::kCluster);
const Xapian::valueno kFingerprintSlot = schema::slot(schema::Slot::kFingerprint);
const Xapian::valueno kQuoteKeySlot = schema::slot(schema::Slot::kQuoteKey);
const Xapian::valueno kPreviousSlot = schema::slot(schema::Slot::kPreviousCluster);

class Step {
 public:
  explicit Step(std::vector<Xapian::WritableDatabase>& shards) : shards_(shards) {
    for (auto& s : shards_) read_.add_database(s);
  }

  ClusterOutcome run(const std::vector<std::string>& written, bool all) {
    std::unordered_set<Xapian::docid> fresh;
    for (const auto& t : written)
      for (auto p = read_.postlist_begin(t); p != read_.postlist_end(t); ++p) fresh.insert(*p);
    std::vector<Xapian::docid> seeds(fresh.begin(), fresh.end());
    if (all) {
      const std::string type = schema::type_term(schema::kTypeArticle);
      for (auto p = read_.postlist_begin(type); p != read_.postlist_end(type); ++p) seeds.push_back(*p);
    } else {
      for (auto v = read_.valuestream_begin(kClusterSlot); v != read_.valuestream_end(kClusterSlot); ++v)
        seeds.push_back(v.get_docid());
    }
    std::sort(seeds.begin(), seeds.end());
    seeds.erase(std::unique(seeds.begin(), seeds.end()), seeds.end());
    load_nodes(seeds);
    for (auto did : seeds) find_copies(did);
    return finish(fresh, nullptr);
  }

  // A batch about to be committed: its articles, the copies they have, and every article of a
  // story one of them reaches (and so on), so that labels are right before the commit and
  // Xapian writes them into blocks not yet committed. A change that splits a story is left to
  // the run's last step (run), which also looks at every article already in a story.
  ClusterOutcome run_batch(const std::vector<std::string>& written) {
    std::unordered_set<Xapian::docid> fresh;
    for (const auto& t : written)
      for (auto p = read_.postlist_begin(t); p != read_.postlist_end(t); ++p) fresh.insert(*p);
    std::unordered_map<std::string, std::vector<Xapian::docid>> stories;
    for (auto v = read_.valuestream_begin(kClusterSlot); v != read_.valuestream_end(kClusterSlot); ++v)
      stories[*v].push_back(v.get_docid());
    std::vector<Xapian::docid> queue(fresh.begin(), fresh.end());
    std::sort(queue.begin(), queue.end());
    prefetch_batch(queue);
    std::unordered_set<Xapian::docid> queued(fresh.begin(), fresh.end());
    std::unordered_set<std::string> reached;
    for (std::size_t k = 0; k < queue.size(); ++k) {
      for (std::size_t j : find_copies(queue[k])) {
        if (queued.insert(docids_[j]).second) queue.push_back(docids_[j]);
        if (old_[j].empty() || !reached.insert(old_[j]).second) continue;
        for (Xapian::docid d : stories[old_[j]])
          if (queued.insert(d).second) queue.push_back(d);
      }
    }
    return finish(fresh, &queued);
  }

 private:
  // Labels every node from the pairs found and writes the labels that changed; with `complete`,
  // only the nodes whose whole story was looked at (a candidate that is no copy was not).
  ClusterOutcome finish(const std::unordered_set<Xapian::docid>& fresh,
                        const std::unordered_set<Xapian::docid>* complete) {
    const auto labels = clusters::label(members_, pairs_);
    ClusterOutcome out;
    // An article joins a story once: when it is settled into one for the first time. Those are
    // the articles written now and those not yet in a story (an earlier run stopped before
    // settling the articles it committed last: with `all`, they are settled now), but not one
    // written again that was in a story before (kPreviousCluster: a changed file, or a file a
    // stopped run had begun), so that the counts of a stopped run and the run after it add up
    // to a clean run's. Such an article joined an existing story when the story holds an
    // article settled before; in a story all new, every copy but the earliest joined it.
    const auto joining = [&](std::size_t i) {
      return (fresh.count(docids_[i]) > 0 || old_[i].empty()) && previous_[i].empty();
    };
    std::unordered_set<std::string> stories, with_earlier;
    for (std::size_t i = 0; i < docids_.size(); ++i)
      if (!labels[i].empty() && !joining(i)) with_earlier.insert(labels[i]);
    for (std::size_t i = 0; i < docids_.size(); ++i) {
      if (complete && !complete->count(docids_[i])) continue;
      if (!labels[i].empty()) stories.insert(labels[i]);
      if (joining(i) && !labels[i].empty() && (with_earlier.count(labels[i]) || labels[i] != members_[i].id)) ++out.joined;
      if (labels[i] != old_[i] || !previous_[i].empty()) {
        with_id(i);  // an article leaving its story is in no pair now
        relabel(docids_[i], members_[i].id, labels[i]);
        ++out.relabelled;
      }
    }
    out.stories = stories.size();
    return out;
  }

  // The node of a document, read once: its date, current label and fingerprint. Its id is read
  // only once it is in a pair (with_id): reading it walks the document's term list, which cost
  // more than the rest of the node.
  std::size_t node(Xapian::docid did) {
    if (auto it = index_.find(did); it != index_.end()) return it->second;
    const Xapian::Document doc = read_.get_document(did);
    return add_node(did, doc.get_value(schema::slot(schema::Slot::kDate)), doc.get_value(kClusterSlot),
                    doc.get_value(kPreviousSlot), doc.get_value(kFingerprintSlot));
  }

  std::size_t add_node(Xapian::docid did, std::string date, std::string label, std::string previous,
                       std::string_view print) {
    clusters::Member m;
    m.date = std::move(date);
    const std::size_t i = docids_.size();
    index_.emplace(did, i);
    docids_.push_back(did);
    members_.push_back(std::move(m));
    has_id_.push_back(false);
    old_.push_back(std::move(label));
    previous_.push_back(std::move(previous));
    prints_.push_back(clusters::decode(print).value_or(clusters::Fingerprint{}));
    return i;
  }

  // Reads the nodes of `dids` (ascending) not read yet from the value streams, forwards. A node
  // read on its own costs a look-up in the table per value (each reading blocks from the root),
  // where the values of a batch's candidates share blocks: on Reuters as files the 22 batches'
  // story steps took 0.90 s with a look-up per value and 0.50 s so, of which reading the nodes
  // 0.03 s; the rest is the candidates' band posting lists (issue 21).
  void load_nodes(const std::vector<Xapian::docid>& dids) {
    static constexpr std::array kSlots{schema::Slot::kDate, schema::Slot::kCluster, schema::Slot::kPreviousCluster,
                                       schema::Slot::kFingerprint};
    std::array<Xapian::ValueIterator, kSlots.size()> it;
    for (std::size_t k = 0; k < kSlots.size(); ++k) it[k] = read_.valuestream_begin(schema::slot(kSlots[k]));
    const auto value = [&](std::size_t k, Xapian::docid did) {
      auto& v = it[k];
      const auto end = read_.valuestream_end(schema::slot(kSlots[k]));
      if (v != end && v.get_docid() < did) v.skip_to(did);
      return v != end && v.get_docid() == did ? *v : std::string();
    };
    for (Xapian::docid did : dids)
      if (!index_.count(did)) add_node(did, value(0, did), value(1, did), value(2, did), value(3, did));
  }

  // Reads, in document order, the nodes of the batch's articles and of their candidates, which
  // find_copies then finds read.
  void prefetch_batch(const std::vector<Xapian::docid>& fresh) {
    load_nodes(fresh);
    std::vector<Xapian::docid> wanted;
    for (Xapian::docid did : fresh) {
      const std::size_t i = index_.at(did);
      if (prints_[i].empty()) continue;
      auto c = candidates(did, clusters::band_terms(prints_[i]));
      wanted.insert(wanted.end(), c.begin(), c.end());
      candidates_.emplace(did, std::move(c));
    }
    std::sort(wanted.begin(), wanted.end());
    wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
    load_nodes(wanted);
  }

  // Reads the id of node i (its Q term), which labels and relabelling need.
  void with_id(std::size_t i) {
    if (has_id_[i]) return;
    has_id_[i] = true;
    const Xapian::Document doc = read_.get_document(docids_[i]);
    const std::string qprefix = schema::prefix("id");
    auto t = doc.termlist_begin();
    t.skip_to(qprefix);
    if (t != doc.termlist_end() && (*t).rfind(qprefix, 0) == 0) members_[i].id = (*t).substr(qprefix.size());
  }

  // The documents sharing a band with `did`, read from the band terms' posting lists: those
  // sharing the most bands first, ties by document id, at most kCandidates. (An Enquire over the
  // same terms ranked them alike, at ten times the cost of reading the lists.)
  std::vector<Xapian::docid> candidates(Xapian::docid did, const std::vector<std::string>& bands) {
    std::vector<Xapian::docid> hits;
    for (const auto& t : bands)
      for (auto p = read_.postlist_begin(t); p != read_.postlist_end(t); ++p)
        if (*p != did) hits.push_back(*p);
    std::sort(hits.begin(), hits.end());
    std::vector<std::pair<std::size_t, Xapian::docid>> ranked;  // (bands shared, document)
    for (std::size_t a = 0; a < hits.size();) {
      std::size_t b = a;
      while (b < hits.size() && hits[b] == hits[a]) ++b;
      ranked.emplace_back(b - a, hits[a]);
      a = b;
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
    if (ranked.size() > kCandidates) ranked.resize(kCandidates);
    std::vector<Xapian::docid> out;
    out.reserve(ranked.size());
    for (const auto& r : ranked) out.push_back(r.second);
    return out;
  }

  // The documents sharing a band with `did`; each verified copy is a pair. Returns the nodes of
  // the copies.
  std::vector<std::size_t> find_copies(Xapian::docid did) {
    std::vector<std::size_t> copies;
    const std::size_t i = node(did);
    if (prints_[i].empty()) return copies;
    auto known = candidates_.extract(did);
    const auto others = known ? std::move(known.mapped()) : candidates(did, clusters::band_terms(prints_[i]));
    for (Xapian::docid other : others) {
      // A pair is verified once, from its smaller document id.
      const std::size_t j = node(other);
      if (clusters::is_copy(prints_[i], prints_[j]) && clusters::close_in_time(members_[i].date, members_[j].date)) {
        with_id(i);
        with_id(j);
        pairs_.emplace_back(std::min(i, j), std::max(i, j));
        copies.push_back(j);
      }
    }
    return copies;
  }

  // Writes the new label into the document's shard, and the story's quotation keys into its
  // quotations (which live beside it). Only values change, so Xapian rewrites neither terms nor
  // positions.
  void relabel(Xapian::docid did, const std::string& id, const std::string& label) {
    const std::size_t n = shards_.size();
    auto& shard = shards_[(did - 1) % n];
    const Xapian::docid local = (did - 1) / n + 1;
    Xapian::Document doc = shard.get_document(local);
    if (!doc.get_value(kPreviousSlot).empty()) doc.remove_value(kPreviousSlot);
    if (!label.empty()) doc.add_value(kClusterSlot, label);
    else if (!doc.get_value(kClusterSlot).empty()) doc.remove_value(kClusterSlot);
    shard.replace_document(local, doc);
    const std::string parent = schema::parent_term(id);
    std::vector<Xapian::docid> quotes(shard.postlist_begin(parent), shard.postlist_end(parent));
    for (Xapian::docid q : quotes) {
      Xapian::Document qd = shard.get_document(q);
      if (label.empty()) {
        if (qd.get_value(kQuoteKeySlot).empty()) continue;  // never had one (Xapian throws on removing it)
        qd.remove_value(kQuoteKeySlot);
      } else {
        const auto rec = nlohmann::json::parse(qd.get_data(), nullptr, false);
        const auto field = [&](const char* k) {
          return rec.is_object() && rec.contains(k) && rec[k].is_string() ? rec[k].get<std::string>() : std::string();
        };
        qd.add_value(kQuoteKeySlot, label + '\n' + clusters::quote_key(field("text"), field("speaker")));
      }
      shard.replace_document(q, qd);
    }
  }

  std::vector<Xapian::WritableDatabase>& shards_;
  Xapian::Database read_;
  std::unordered_map<Xapian::docid, std::size_t> index_;
  std::vector<Xapian::docid> docids_;
  std::vector<clusters::Member> members_;
  std::vector<bool> has_id_;  // members_[i].id has been read
  std::vector<std::string> old_;
  std::vector<std::string> previous_;  // kPreviousCluster: the story of an article written again
  std::vector<clusters::Fingerprint> prints_;
  std::vector<std::pair<std::size_t, std::size_t>> pairs_;
  // Candidates read ahead by prefetch_batch, taken by find_copies.
  std::unordered_map<Xapian::docid, std::vector<Xapian::docid>> candidates_;
};

}  // namespace

Result<ClusterOutcome> settle_clusters(std::vector<Xapian::WritableDatabase>& shards,
                                       const std::vector<std::string>& written, bool all,
                                       const std::string& context) {
  ClusterOutcome out;
  if (shards.empty()) return out;
  auto st = xapian_db::guarded(context, [&] { out = Step(shards).run(written, all); });
  if (!st) return st.error();
  return out;
}

ClusterOutcome settle_batch(Xapian::WritableDatabase& db, const std::vector<std::string>& written) {
  if (written.empty()) return {};
  std::vector<Xapian::WritableDatabase> one{db};
  return Step(one).run_batch(written);
}

Result<bool> begin_clusters(ArchiveWriter& writer) {
  const std::string key(schema::kClustersStaleKey);
  auto m = writer.archive_metadata(key);
  if (!m) return m.error();
  if (auto st = writer.set_archive_metadata(key, "1"); !st) return st.error();
  return m->count(key) > 0 && !m->at(key).empty();
}

Result<ClusterOutcome> finish_clusters(ArchiveWriter& writer, const std::vector<std::string>& written, bool all,
                                       bool removed, const std::string& db) {
  Result<ClusterOutcome> out = ClusterOutcome{};
  if (all || removed || !written.empty()) {
    auto dbs = writer.databases();
    if (!dbs) return dbs.error();
    out = settle_clusters(*dbs, written, all, db);
  }
  if (!out) return out;
  if (auto st = writer.set_archive_metadata(std::string(schema::kClustersStaleKey), ""); !st) return st.error();
  return out;
}

}  // namespace newsidx::indexer
