// Helpers for the shard tests: a small corpus spanning several years in feeds that mix years,
// indexing it, and comparing the answers of two databases query by query.
#pragma once

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <xapian.h>

#include "common/schema.hpp"
#include "indexer/run.hpp"
#include "integration/nightly_util.hpp"
#include "query/searcher.hpp"
#include "test_util.hpp"

namespace newsidx::test {

inline const char* const kPeople[] = {"Angela Merkel", "Emmanuel Macron", "Joe Biden", "Olaf Scholz"};
inline const char* const kPlaces[] = {"Berlin", "Paris", "Washington", "Brussels"};
inline const char* const kTopics[] = {"energy prices", "trade talks", "climate policy", "harbour strike"};

// One JSON Lines article; `n` varies words, names and lengths so that ranking has few ties.
inline std::string article_line(int n, const std::string& date) {
  const std::string person = kPeople[n % 4], place = kPlaces[(n / 2) % 4], topic = kTopics[(n / 3) % 4];
  std::string body = fmt::format(
      "{} arrived in {} on Monday for a meeting on {}. \\\"We will find an agreement on {} this "
      "year,\\\" said {}. Officials from {} described the {} as difficult.",
      person, place, topic, topic, person, place, topic);
  for (int i = 0; i < n % 5; ++i) body += fmt::format(" The {} debate went on in {}.", topic, place);
  return fmt::format(R"({{"id":"story-{}","title":"{} discusses {} in {}",{}"body":"{}"}})", n, person,
                     topic, place, date.empty() ? "" : "\"date\":\"" + date + "\",", body) +
         "\n";
}

inline std::string date_of(int n) {
  if (n % 7 == 6) return "";  // some undated articles
  return fmt::format("{}-{:02}-{:02}", 2019 + n % 4, 1 + n % 12, 1 + n % 27);
}

// Three feeds, each spanning every year, so one file's articles go to several partitions.
inline void write_corpus(const std::filesystem::path& root, int articles) {
  std::string feeds[3];
  for (int n = 0; n < articles; ++n) feeds[n % 3] += article_line(n, date_of(n));
  for (int f = 0; f < 3; ++f) test::write_file(root / fmt::format("feed{}.jsonl", f), feeds[f]);
}

inline indexer::Summary index_corpus(const std::string& db, const std::string& archive, const std::string& partition) {
  indexer::IndexOptions o = nightly_options(db, archive);
  o.jobs = 1;
  o.partition = partition;
  return run_ok(o);
}

// Hits as (id, weight) in an order that does not depend on docids: Xapian breaks ties in weight
// by docid, which differ between one database and several.
inline std::vector<std::pair<std::string, long long>> canonical_hits(const query::SearchResult& r) {
  std::vector<std::pair<std::string, long long>> out;
  for (const auto& h : r.hits)
    out.emplace_back(h.record.value("id", h.record.value("article", "")), std::llround(h.weight * 1e6));
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  return out;
}

inline query::SearchResult search(const std::string& db, query::SearchRequest req) {
  auto s = query::Searcher::open(db);
  if (!s) FAIL(db << ": " << s.error().message);
  auto r = (*s)->search(req);
  if (!r) FAIL(r.error().message);
  return r.value();
}

// The searches compared: ranked text, a filter, quotes, a misspelling, all with facets and the
// timeline.
inline std::vector<query::SearchRequest> requests() {
  std::vector<query::SearchRequest> out;
  for (const char* text : {"energy", "trade talks", "merkel OR biden", "agreement energy", "harbuor"}) {
    query::SearchRequest r;
    r.text = text;
    r.limit = 20;
    r.facets = {"person", "place"};
    r.timeline = true;
    // The stories are one template, near-copies of each other: every copy is compared here
    // (the story labels across partitions are tested in test_clusters_lifecycle).
    r.collapse = false;
    out.push_back(r);
  }
  out[3].quotes = true;
  query::SearchRequest dated = out[0];
  dated.text = "debate";
  dated.dates.from = "20200101";
  out.push_back(dated);
  return out;
}

/// Compares every request of requests() on both databases; `spelling` false skips "did you
/// mean" (which Xapian 1.4 does not offer over remote databases).
inline void check_same(const std::string& expected_db, const std::string& db, bool spelling = true) {
  for (const auto& req : requests()) {
    INFO("query: " << req.text << (req.quotes ? " (quotes)" : ""));
    auto a = search(expected_db, req);
    auto b = search(db, req);
    CHECK(b.matches_estimated == a.matches_estimated);
    CHECK(a.matches_estimated <= 20);  // the whole result is compared, ties included
    CHECK(canonical_hits(b) == canonical_hits(a));
    REQUIRE(b.facets.size() == a.facets.size());
    for (std::size_t i = 0; i < a.facets.size(); ++i) {
      CHECK(b.facets[i].values == a.facets[i].values);
      CHECK(b.facets[i].with_value == a.facets[i].with_value);
    }
    REQUIRE(a.timeline);
    REQUIRE(b.timeline);
    CHECK(b.timeline->dated == a.timeline->dated);
    REQUIRE(b.timeline->buckets.size() == a.timeline->buckets.size());
    for (std::size_t i = 0; i < a.timeline->buckets.size(); ++i) {
      CHECK(b.timeline->buckets[i].label == a.timeline->buckets[i].label);
      CHECK(b.timeline->buckets[i].count == a.timeline->buckets[i].count);
    }
    if (spelling) CHECK(b.suggestion == a.suggestion);
  }
}

inline Xapian::doccount articles_in(const std::string& db) {
  return Xapian::Database(db).get_termfreq(schema::type_term(schema::kTypeArticle));
}

}  // namespace newsidx::test
