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
  for (auto& item : schema::decode_list(v)) ++counts_[std::move(item)];
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
  for (const auto& [value, count] : counts_) {
    items.push_back(value);
    items.push_back(std::to_string(count));
  }
  return schema::encode_list(items);
}

void ListCountMatchSpy::merge_results(const std::string& s) {
  auto items = schema::decode_list(s);
  if (items.size() < 2) return;
  total_ += static_cast<Xapian::doccount>(std::stoul(items[0]));
  with_value_ += static_cast<Xapian::doccount>(std::stoul(items[1]));
  for (std::size_t i = 2; i + 1 < items.size(); i += 2)
    counts_[items[i]] += static_cast<Xapian::doccount>(std::stoul(items[i + 1]));
}

std::string ListCountMatchSpy::get_description() const {
  return "ListCountMatchSpy(slot " + std::to_string(slot_) + ", " + std::to_string(counts_.size()) + " values)";
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
