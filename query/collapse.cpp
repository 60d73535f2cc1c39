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

Xapian::Query key_filter(Xapian::valueno slot, const std::string& key) {
  return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, key, key);
}

Xapian::doccount other_copies(const Xapian::Database& db, Xapian::valueno slot, const std::string& key) {
  if (key.empty()) return 0;
  Xapian::Enquire e(db);
  e.set_query(Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, key_filter(slot, key), 0.0));
  e.set_weighting_scheme(Xapian::BoolWeight());
  const Xapian::doccount n = e.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
  return n > 0 ? n - 1 : 0;
}

}  // namespace newsidx::query
