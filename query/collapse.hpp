// One hit per story: the collapse key of a search (an article's story label, a quotation's
// text key), and the counts that go with it. Reads values only; no ranking.
#pragma once

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <xapian.h>

namespace newsidx::query {

/// The slot Xapian collapses on: the story label of articles, the quotation key of quotes.
Xapian::valueno collapse_slot(bool quotes);

/// `docids` (increasing) with every document after the first of its key in `slot` left out;
/// documents without a key are all kept. One pass over the slot's value stream.
std::vector<Xapian::docid> one_per_key(const Xapian::Database& db, Xapian::valueno slot,
                                       const std::vector<Xapian::docid>& docids);

/// A match spy that hands each document to the spies added to it, only the first of each key
/// in `slot` (documents without one always): facets and the timeline over several partitions
/// count stories, as one_per_key makes them on one database. Local searches only (not
/// registered with remote servers).
class OnePerKeySpy : public Xapian::MatchSpy {
 public:
  explicit OnePerKeySpy(Xapian::valueno slot) : slot_(slot) {}
  void add(Xapian::MatchSpy* spy) { spies_.push_back(spy); }
  void operator()(const Xapian::Document& doc, double wt) override;
  std::string name() const override { return "newsidx::OnePerKeySpy"; }
  /// Throws Xapian::InvalidArgumentError, as a server that does not know a spy does, so that a
  /// search over a remote database falls back to what servers know (remote_safe_facets).
  std::string serialise() const override;

 private:
  Xapian::valueno slot_;
  std::vector<Xapian::MatchSpy*> spies_;
  std::unordered_set<std::string> seen_;
};

/// A match spy that counts stories: the distinct keys in `slot` of the documents it sees, plus
/// each document without one. Xapian shows a spy every match it looks at, before collapsing,
/// so when it looked at all of them (seen() under check_at_least) the count is exact, with no
/// second pass over the matches. Local searches only.
class StoryCountSpy : public Xapian::MatchSpy {
 public:
  explicit StoryCountSpy(Xapian::valueno slot) : slot_(slot) {}
  void operator()(const Xapian::Document& doc, double wt) override;
  std::string name() const override { return "newsidx::StoryCountSpy"; }
  /// Throws Xapian::InvalidArgumentError, as OnePerKeySpy::serialise.
  std::string serialise() const override;
  Xapian::doccount seen() const { return seen_; }
  Xapian::doccount stories() const { return alone_ + static_cast<Xapian::doccount>(keys_.size()); }

 private:
  Xapian::valueno slot_;
  Xapian::doccount seen_ = 0, alone_ = 0;
  std::unordered_set<std::string> keys_;
};

/// The documents whose `slot` holds exactly `key` (a filter; never affects ranking).
Xapian::Query key_filter(Xapian::valueno slot, const std::string& key);

/// How many documents besides one hold each of `keys` in `slot` (0 for an empty key), read in
/// one pass over the slot's value stream (a page of hits costs one pass, not one search each).
std::unordered_map<std::string, Xapian::doccount> other_copies(const Xapian::Database& db, Xapian::valueno slot,
                                                              const std::vector<std::string>& keys);

}  // namespace newsidx::query
