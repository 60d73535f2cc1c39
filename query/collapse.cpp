// Collapsing copies of one story (see collapse.hpp).
#include "collapse.hpp"

#include <unordered_set>

#include "common/schema.hpp"

namespace newsidx::query {

Xapian::valueno collapse_slot(bool quotes) {
  return schema::slot(quotes ? schema::Slot::kQuoteKey : schema::Slot::kCluster);
}

std::vector<Xapian::docid> one_per_key(const Xapian::Database& db, Xapian::valueno slot,
                                       const std::vector<Xapian::docid>& docids) {
  std::vector<Xapian::docid> out;
  out.reserve(docids.size());
  std::unordered_set<std::string> seen;
  auto v = db.valuestream_begin(slot);
  const auto end = db.valuestream_end(slot);
  for (Xapian::docid did : docids) {
    if (v != end && v.get_docid() < did) v.skip_to(did);
    if (v != end && v.get_docid() == did && !seen.insert(*v).second) continue;
    out.push_back(did);
  }
  return out;
}

void OnePerKeySpy::operator()(const Xapian::Document& doc, double wt) {
  const std::string key = doc.get_value(slot_);
  if (!key.empty() && !seen_.insert(key).second) return;
  for (auto* spy : spies_) (*spy)(doc, wt);
}

void StoryCountSpy::operator()(const Xapian::Document& doc, double) {
  ++seen_;
  std::string key = doc.get_value(slot_);
  if (key.empty()) ++alone_;
  else keys_.insert(std::move(key));
}

std::string OnePerKeySpy::serialise() const {
  throw Xapian::InvalidArgumentError("newsidx::OnePerKeySpy reads story labels locally");
}

std::string StoryCountSpy::serialise() const {
  throw Xapian::InvalidArgumentError("newsidx::StoryCountSpy counts story labels locally");
}

Xapian::Query key_filter(Xapian::valueno slot, const std::string& key) {
  return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, key, key);
}

std::unordered_map<std::string, Xapian::doccount> other_copies(const Xapian::Database& db, Xapian::valueno slot,
                                                              const std::vector<std::string>& keys) {
  std::unordered_map<std::string, Xapian::doccount> out;
  for (const auto& k : keys) out.emplace(k, 0);
  out.erase(std::string());
  if (out.empty()) return out;
  for (auto v = db.valuestream_begin(slot); v != db.valuestream_end(slot); ++v)
    if (auto it = out.find(*v); it != out.end()) ++it->second;
  for (auto& [key, n] : out) n = n > 0 ? n - 1 : 0;
  return out;
}

}  // namespace newsidx::query
