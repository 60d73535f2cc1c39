// Counting multi-valued facets.
#include "facets.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "common/canonical.hpp"
#include "common/edit_distance.hpp"
#include "common/schema.hpp"
#include "query/spelling.hpp"

namespace newsidx::query {

void ListCountMatchSpy::operator()(const Xapian::Document& doc, double) {
  ++total_;
  const std::string v = doc.get_value(slot_);
  if (v.empty()) return;
  ++with_value_;
  schema::for_each_list_item(v, [this](std::string_view item) { table_.add(item, 1); });
}

namespace {
// A multiply-xorshift hash over 8 bytes at a time: names are 10-30 bytes, for which a byte-wise
// hash's chain of multiplications cost as much as the table look-up.
std::uint32_t hash_key(std::string_view key) {
  constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ULL;
  std::uint64_t h = key.size() * kMul;
  std::size_t i = 0;
  for (; i + 8 <= key.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, key.data() + i, 8);
    h = (h ^ w) * kMul;
    h ^= h >> 29;
  }
  if (i < key.size()) {
    std::uint64_t w = 0;
    std::memcpy(&w, key.data() + i, key.size() - i);
    h = (h ^ w) * kMul;
  }
  h ^= h >> 32;
  h *= kMul;
  h ^= h >> 29;
  return static_cast<std::uint32_t>(h);
}
}  // namespace

void CountTable::grow() {
  std::vector<Entry> old(std::max<std::size_t>(1024, entries_.size() * 2));
  old.swap(entries_);
  const std::size_t mask = entries_.size() - 1;
  for (const auto& e : old)
    if (e.count) {
      std::size_t i = e.hash & mask;
      while (entries_[i].count) i = (i + 1) & mask;
      entries_[i] = e;
    }
}

void CountTable::add(std::string_view key, Xapian::doccount n) {
  if ((used_ + 1) * 2 > entries_.size()) grow();
  const std::uint32_t h = hash_key(key);
  const std::size_t mask = entries_.size() - 1;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    Entry& e = entries_[i];
    if (!e.count) {
      e = Entry{h, n, static_cast<std::uint32_t>(keys_.size()), static_cast<std::uint32_t>(key.size())};
      keys_.append(key);
      ++used_;
      return;
    }
    if (e.hash == h && e.length == key.size() && std::memcmp(keys_.data() + e.offset, key.data(), key.size()) == 0) {
      e.count += n;
      return;
    }
  }
}

ValueCounts CountTable::to_map() const {
  ValueCounts out;
  out.reserve(used_);
  for_each([&out](std::string_view key, Xapian::doccount n) { out.emplace(std::string(key), n); });
  return out;
}

ValueCounts ListCountMatchSpy::counts() const { return table_.to_map(); }

std::string MatchingDocsSpy::serialise() const {
  throw Xapian::InvalidArgumentError("newsidx::MatchingDocsSpy reads value streams locally; count facets remotely with "
                                     "ValueCountMatchSpy");
}

const std::vector<Xapian::docid>& MatchingDocsSpy::docids() {
  if (!sorted_) {
    if (!std::is_sorted(docids_.begin(), docids_.end())) std::sort(docids_.begin(), docids_.end());
    sorted_ = true;
  }
  return docids_;
}

namespace {
// Calls fn(value) for each document of `docids` (increasing) that has a value in `slot`.
template <typename Fn>
void for_each_value(const Xapian::Database& db, Xapian::valueno slot, const std::vector<Xapian::docid>& docids,
                    Fn&& fn) {
  if (docids.empty()) return;
  const auto end = db.valuestream_end(slot);
  auto it = db.valuestream_begin(slot);
  for (const Xapian::docid d : docids) {
    if (it == end) return;
    if (it.get_docid() < d) {
      it.skip_to(d);
      if (it == end) return;
    }
    if (it.get_docid() == d) fn(*it);
  }
}
}  // namespace

ValueCounts count_list_values(const Xapian::Database& db, Xapian::valueno slot,
                              const std::vector<Xapian::docid>& docids, Xapian::doccount& with_value) {
  CountTable table;
  with_value = 0;
  for_each_value(db, slot, docids, [&](const std::string& v) {
    ++with_value;
    schema::for_each_list_item(v, [&table](std::string_view item) { table.add(item, 1); });
  });
  return table.to_map();
}

std::map<std::string, Xapian::doccount> count_values(const Xapian::Database& db, Xapian::valueno slot,
                                                     const std::vector<Xapian::docid>& docids) {
  // Dates repeat across many documents: count in the table, order once at the end.
  CountTable table;
  for_each_value(db, slot, docids, [&table](const std::string& v) { table.add(v, 1); });
  std::map<std::string, Xapian::doccount> out;
  table.for_each([&out](std::string_view v, Xapian::doccount n) { out.emplace(std::string(v), n); });
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
  table_.for_each([&items](std::string_view key, Xapian::doccount n) {
    items.emplace_back(key);
    items.push_back(std::to_string(n));
  });
  return schema::encode_list(items);
}

void ListCountMatchSpy::merge_results(const std::string& s) {
  auto items = schema::decode_list(s);
  if (items.size() < 2) return;
  total_ += static_cast<Xapian::doccount>(std::stoul(items[0]));
  with_value_ += static_cast<Xapian::doccount>(std::stoul(items[1]));
  for (std::size_t i = 2; i + 1 < items.size(); i += 2)
    table_.add(items[i], static_cast<Xapian::doccount>(std::stoul(items[i + 1])));
}

std::string ListCountMatchSpy::get_description() const {
  return "ListCountMatchSpy(slot " + std::to_string(slot_) + ", " + std::to_string(table_.size()) + " values)";
}

ValueCounts count_combinations(const Xapian::ValueCountMatchSpy& spy) {
  ValueCounts out;
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it)
    for (auto& item : schema::decode_list(*it)) out[std::move(item)] += it.get_termfreq();
  return out;
}

namespace {

// The key values of a facet row share: canonical::fold_key, and an initial's dot dropped ("george
// w. bush" and "george w bush", as a filter finds either by the other; "u.s. army" keeps its dots).
std::string row_key(const std::string& value) {
  std::string key = canonical::fold_key(value);
  for (std::size_t i = 1; i < key.size(); ++i)
    if (key[i] == '.' && (i == 1 || key[i - 2] == ' ') && (i + 1 == key.size() || key[i + 1] == ' ')) key.erase(i--, 1);
  return key;
}

}  // namespace

ValueCounts merge_folded(const ValueCounts& counts) {
  struct Forms {
    std::string shown;
    Xapian::doccount shown_count = 0, total = 0;
  };
  auto has_lower = [](const std::string& s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  };
  auto better = [&](const std::string& v, Xapian::doccount n, const Forms& f) {
    if (n != f.shown_count) return n > f.shown_count;
    if (has_lower(v) != has_lower(f.shown)) return has_lower(v);
    return v < f.shown;
  };
  std::unordered_map<std::string, Forms> by_key;
  for (const auto& [value, n] : counts) {
    Forms& f = by_key[row_key(value)];
    if (f.total == 0 || better(value, n, f)) {
      f.shown = value;
      f.shown_count = n;
    }
    f.total += n;
  }
  ValueCounts out;
  for (auto& [key, f] : by_key) out[std::move(f.shown)] += f.total;
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

std::string_view facet_meant(std::string_view typed) {
  const std::string low = canonical::ascii_lower(typed);
  const std::string_view synonym = field_synonym(low);
  const std::string_view name = synonym.empty() ? std::string_view(low) : synonym;
  for (const auto& f : schema::kFacets)
    if (name == f.name) return f.name;
  return {};
}

Result<std::vector<std::string>> parse_facet_names(const std::string& csv) {
  std::vector<std::string> out;
  std::string known;
  std::vector<std::string> names;
  for (const auto& f : schema::kFacets) {
    known += (known.empty() ? "" : ",") + std::string(f.name);
    names.emplace_back(f.name);
  }
  std::size_t start = 0;
  while (start <= csv.size()) {
    std::size_t comma = csv.find(',', start);
    if (comma == std::string::npos) comma = csv.size();
    std::string name = csv.substr(start, comma - start);
    name.erase(0, name.find_first_not_of(' '));
    name.erase(name.find_last_not_of(' ') + 1);
    start = comma + 1;
    if (name.empty()) continue;
    const std::string_view meant = facet_meant(name);
    if (meant.empty()) {
      const std::string near = nearest_option(canonical::ascii_lower(name), names);
      return Error{ErrorCode::kUsage,
                   "unknown facet '" + name + "'" + (near.empty() ? "" : "; did you mean " + near + "?"),
                   "facets are " + known + ", e.g. --facets person,country"};
    }
    if (std::find(out.begin(), out.end(), meant) == out.end()) out.emplace_back(meant);
  }
  if (out.empty())
    return Error{ErrorCode::kUsage, "--facets needs at least one facet name", "e.g. --facets " + known};
  return out;
}

}  // namespace newsidx::query
