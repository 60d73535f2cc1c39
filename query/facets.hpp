// Facet counting over every matching document: a MatchSpy that decodes a multi-valued slot
// (schema::encode_list) and counts each value, plus the remote-safe way to get the same counts.
//
// Xapian 1.4's ValueCountMatchSpy counts one value per slot, so on its own it would count
// combinations ("Blinken|Lavrov") rather than people. ListCountMatchSpy counts each item.
// Over the remote backend (xapian-tcpsrv) only the spies the server registers can run, and it
// does not know ours; count_combinations() then folds a ValueCountMatchSpy's combination
// counts into per-value counts, which gives the same numbers with a spy every server knows.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "common/result.hpp"

namespace newsidx::query {

/// Hashes std::string and std::string_view alike, so counting can look up a value without
/// allocating a string for it.
struct TransparentHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

/// Per-value document counts of one facet.
using ValueCounts = std::unordered_map<std::string, Xapian::doccount, TransparentHash, std::equal_to<>>;

/// Counts each item of the encoded list in `slot` over the documents it sees.
class ListCountMatchSpy : public Xapian::MatchSpy {
 public:
  explicit ListCountMatchSpy(Xapian::valueno slot) : slot_(slot) {}

  void operator()(const Xapian::Document& doc, double wt) override;
  Xapian::MatchSpy* clone() const override;
  /// "newsidx::ListCountMatchSpy"; register it on a server with Xapian::Registry to run remotely.
  std::string name() const override;
  std::string serialise() const override;
  Xapian::MatchSpy* unserialise(const std::string& serialised, const Xapian::Registry&) const override;
  std::string serialise_results() const override;
  void merge_results(const std::string& serialised) override;
  std::string get_description() const override;

  /// Documents seen (with or without a value).
  Xapian::doccount total() const { return total_; }
  /// Documents seen with at least one value.
  Xapian::doccount with_value() const { return with_value_; }
  /// The count of each value seen.
  ValueCounts counts() const;

 private:
  // An open-addressing table (linear probing, power-of-two size): this runs once per value of
  // every matching document, and a node-based map's pointer chasing dominated the match.
  struct Entry {
    std::uint64_t hash = 0;
    Xapian::doccount count = 0;  // 0 = empty
    std::string key;
  };
  void add(std::string_view item, Xapian::doccount n);

  Xapian::valueno slot_;
  Xapian::doccount total_ = 0, with_value_ = 0;
  std::vector<Entry> table_;
  std::size_t used_ = 0;
};

/// Per-value counts from a ValueCountMatchSpy run over an encoded-list slot: each distinct
/// combination's count is added to each of its values (the remote-safe path).
ValueCounts count_combinations(const Xapian::ValueCountMatchSpy& spy);

/// One row of a facet table.
struct FacetValue {
  std::string value;
  Xapian::doccount count = 0;
  bool operator==(const FacetValue&) const = default;
};

/// The `n` most frequent values, by count then value (so output is stable).
std::vector<FacetValue> top_values(const ValueCounts& counts, std::size_t n);

/// Facet names from "person,country" (spaces allowed); an unknown name is a kUsage Error whose
/// hint lists the known ones.
Result<std::vector<std::string>> parse_facet_names(const std::string& csv);

}  // namespace newsidx::query
