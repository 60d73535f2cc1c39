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
#include <map>
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

/// Counts of strings in an open-addressing table (linear probing, power-of-two size): facet
/// counting adds once per value of every matching document. Entries are 16 bytes and the keys
/// live in one arena, so that a table of tens of thousands of names stays in cache: the first
/// miss on an entry was most of the time of counting.
class CountTable {
 public:
  /// Adds `n` to the count of `key`.
  void add(std::string_view key, Xapian::doccount n);
  /// Distinct keys counted.
  std::size_t size() const { return used_; }
  /// The counts as a map.
  ValueCounts to_map() const;
  /// Calls fn(std::string_view key, Xapian::doccount count) for each key.
  template <typename Fn>
  void for_each(Fn&& fn) const {
    for (const auto& e : entries_)
      if (e.count) fn(std::string_view(keys_).substr(e.offset, e.length), e.count);
  }

 private:
  struct Entry {
    std::uint32_t hash = 0;
    Xapian::doccount count = 0;  // 0 = empty
    std::uint32_t offset = 0, length = 0;  // the key in keys_
  };
  void grow();
  std::vector<Entry> entries_;
  std::string keys_;
  std::size_t used_ = 0;
};

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
  Xapian::valueno slot_;
  Xapian::doccount total_ = 0, with_value_ = 0;
  CountTable table_;
};

/// Collects the ids of the documents it sees, for counting facets from value streams after the
/// match. Local databases only: serialise() throws Xapian::InvalidArgumentError, as a server
/// that does not know a spy does, so that a search over a remote database falls back to
/// ValueCountMatchSpy (SearchRequest::remote_safe_facets).
class MatchingDocsSpy : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document& doc, double) override { docids_.push_back(doc.get_docid()); }
  Xapian::MatchSpy* clone() const override { return new MatchingDocsSpy; }
  std::string name() const override { return "newsidx::MatchingDocsSpy"; }
  std::string serialise() const override;
  /// The documents seen, in increasing order.
  const std::vector<Xapian::docid>& docids();

 private:
  std::vector<Xapian::docid> docids_;
  bool sorted_ = false;
};

/// Per-item counts of the encoded lists in `slot` of `docids` (increasing), read in one pass
/// over the slot's value stream: values are stored in chunks by document, so a sequential pass
/// decodes each chunk once where a look-up per document searches the table and decodes a chunk
/// every time. Sets `with_value` to the number of those documents with a value.
ValueCounts count_list_values(const Xapian::Database& db, Xapian::valueno slot,
                              const std::vector<Xapian::docid>& docids, Xapian::doccount& with_value);

/// Per-value counts of the (single) values in `slot` of `docids` (increasing), as
/// Xapian::ValueCountMatchSpy would count them; from the value stream, like count_list_values.
std::map<std::string, Xapian::doccount> count_values(const Xapian::Database& db, Xapian::valueno slot,
                                                     const std::vector<Xapian::docid>& docids);

/// Per-value counts from a ValueCountMatchSpy run over an encoded-list slot: each distinct
/// combination's count is added to each of its values (the remote-safe path).
ValueCounts count_combinations(const Xapian::ValueCountMatchSpy& spy);

/// The counts with the values that fold to one key (canonical::fold_key: "BERNICE NAPACH" and
/// "Bernice Napach", "Le  Journal" and "Le Journal"; an initial with or without its dot, "George
/// W. Bush" and "George W Bush") added together under one of their forms: the most counted, on
/// a tie one with lower-case letters, then the first in byte order. For every facet: metadata
/// is stored as each article writes it, names as each article's analysis spells them, while a
/// filter finds every form.
ValueCounts merge_folded(const ValueCounts& counts);

/// One row of a facet table.
struct FacetValue {
  std::string value;
  Xapian::doccount count = 0;
  bool operator==(const FacetValue&) const = default;
};

/// The `n` most frequent values, by count then value (so output is stable).
std::vector<FacetValue> top_values(const ValueCounts& counts, std::size_t n);

/// The facet `typed` names: its own name in any case, its plural or a common synonym
/// ("persons", "people", "organisations", "locations", "languages"); "" for none.
std::string_view facet_meant(std::string_view typed);

/// Facet names from "person,country" (spaces allowed; each read by facet_meant); an unknown
/// name is a kUsage Error naming the nearest facet when one is near, whose hint lists them all.
Result<std::vector<std::string>> parse_facet_names(const std::string& csv);

}  // namespace newsidx::query
