// Counting multi-valued facets.
#include "facets.hpp"

#include <algorithm>

#include "common/schema.hpp"

namespace newsidx::query {

void ListCountMatchSpy::operator()(const Xapian::Document& doc, double) {
  ++total_;
  const std::string v = doc.get_value(slot_);
  if (v.empty()) return;
  ++with_value_;
  schema::for_each_list_item(v, [this](std::string_view item) { add(item, 1); });
}

void ListCountMatchSpy::add(std::string_view item, Xapian::doccount n) {
  if ((used_ + 1) * 2 > table_.size()) {
    std::vector<Entry> old(std::max<std::size_t>(1024, table_.size() * 2));
    old.swap(table_);
    used_ = 0;
    for (auto& e : old)
      if (e.count) {
        std::size_t i = e.hash & (table_.size() - 1);
        while (table_[i].count) i = (i + 1) & (table_.size() - 1);
        table_[i] = std::move(e);
        ++used_;
      }
  }
  // FNV-1a: facet values are short names, for which it is quick and spreads well enough.
  std::uint64_t h = 1469598103934665603ULL;
  for (char c : item) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  const std::size_t mask = table_.size() - 1;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    Entry& e = table_[i];
    if (!e.count) {
      e.hash = h;
      e.key.assign(item);
      e.count = n;
      ++used_;
      return;
    }
    if (e.hash == h && e.key == item) {
      e.count += n;
      return;
    }
  }
}

ValueCounts ListCountMatchSpy::counts() const {
  ValueCounts out;
  out.reserve(used_);
  for (const auto& e : table_)
    if (e.count) out.emplace(e.key, e.count);
  return out;
}

Xapian::MatchSpy* ListCountMatchSpy::clone() const { return new ListCountMatchSpy(slot_); }

std::string ListCountMatchSpy::name() const { return "newsidx::ListCountMatchSpy"; }

std::string ListCountMatchSpy::serialise() const { return Xapian::sortable_serialise(slot_); }

Xapian::MatchSpy* ListCountMatchSpy::unserialise(const std::string& s, const Xapian::Registry&) const {
  return new ListCountMatchSpy(static_cast<Xapian::valueno>(Xapian::sortable_unserialise(s)));
}

// Results travel as an encoded list: total, with_value, then value/count pairs.
std::string ListCountMatchSpy::serialise_results() const {
  std::vector<std::string> items{std::to_string(total_), std::to_string(with_value_)};
  for (const auto& e : table_)
    if (e.count) {
      items.push_back(e.key);
      items.push_back(std::to_string(e.count));
    }
  return schema::encode_list(items);
}

void ListCountMatchSpy::merge_results(const std::string& s) {
  auto items = schema::decode_list(s);
  if (items.size() < 2) return;
  total_ += static_cast<Xapian::doccount>(std::stoul(items[0]));
  with_value_ += static_cast<Xapian::doccount>(std::stoul(items[1]));
  for (std::size_t i = 2; i + 1 < items.size(); i += 2)
    add(items[i], static_cast<Xapian::doccount>(std::stoul(items[i + 1])));
}

std::string ListCountMatchSpy::get_description() const {
  return "ListCountMatchSpy(slot " + std::to_string(slot_) + ", " + std::to_string(used_) + " values)";
}

ValueCounts count_combinations(const Xapian::ValueCountMatchSpy& spy) {
  ValueCounts out;
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it)
    for (auto& item : schema::decode_list(*it)) out[std::move(item)] += it.get_termfreq();
  return out;
}

std::vector<FacetValue> top_values(const ValueCounts& counts, std::size_t n) {
  std::vector<FacetValue> all;
  all.reserve(counts.size());
  for (const auto& [v, c] : counts) all.push_back({v, c});
  auto better = [](const FacetValue& a, const FacetValue& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  };
  if (all.size() > n) {
    std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(n), all.end(), better);
    all.resize(n);
  } else {
    std::sort(all.begin(), all.end(), better);
  }
  return all;
}

Result<std::vector<std::string>> parse_facet_names(const std::string& csv) {
  std::vector<std::string> out;
  std::string known;
  for (const auto& f : schema::kFacets) known += (known.empty() ? "" : ",") + std::string(f.name);
  std::size_t start = 0;
  while (start <= csv.size()) {
    std::size_t comma = csv.find(',', start);
    if (comma == std::string::npos) comma = csv.size();
    std::string name = csv.substr(start, comma - start);
    name.erase(0, name.find_first_not_of(' '));
    name.erase(name.find_last_not_of(' ') + 1);
    start = comma + 1;
    if (name.empty()) continue;
    if (!schema::find_facet(name))
      return Error{ErrorCode::kUsage, "unknown facet '" + name + "'",
                   "facets are " + known + ", e.g. --facets person,country"};
    if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
  }
  if (out.empty())
    return Error{ErrorCode::kUsage, "--facets needs at least one facet name", "e.g. --facets " + known};
  return out;
}

}  // namespace newsidx::query
