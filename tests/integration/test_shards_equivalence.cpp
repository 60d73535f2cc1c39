// Integration: an archive partitioned by year, opened as one database through its stub, answers
// every query like one database holding the same articles (ranking, facets, timeline, quotes,
// spelling), also after files change partitions or vanish; and the same through xapian-tcpsrv.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <random>
#include <sstream>
#include <thread>

#include <fmt/format.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <xapian.h>

#include "common/schema.hpp"
#include "indexer/partition.hpp"
#include "indexer/run.hpp"
#include "query/searcher.hpp"
#include "test_util.hpp"

extern char** environ;

using namespace newsidx;

namespace {

const char* const kPeople[] = {"Angela Merkel", "Emmanuel Macron", "Joe Biden", "Olaf Scholz"};
const char* const kPlaces[] = {"Berlin", "Paris", "Washington", "Brussels"};
const char* const kTopics[] = {"energy prices", "trade talks", "climate policy", "harbour strike"};

// One JSON Lines article; `n` varies words, names and lengths so that ranking has few ties.
std::string article_line(int n, const std::string& date) {
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

std::string date_of(int n) {
  if (n % 7 == 6) return "";  // some undated articles
  return fmt::format("{}-{:02}-{:02}", 2019 + n % 4, 1 + n % 12, 1 + n % 27);
}

// Three feeds, each spanning every year, so one file's articles go to several partitions.
void write_corpus(const std::filesystem::path& root, int articles) {
  std::string feeds[3];
  for (int n = 0; n < articles; ++n) feeds[n % 3] += article_line(n, date_of(n));
  for (int f = 0; f < 3; ++f) test::write_file(root / fmt::format("feed{}.jsonl", f), feeds[f]);
}

indexer::Summary index(const std::string& db, const std::string& archive, const std::string& partition) {
  indexer::IndexOptions o;
  o.db = db;
  o.archives = {archive};
  o.jobs = 1;
  o.lock_timeout_s = 0;
  o.progress = false;
  o.partition = partition;
  std::ostringstream out;
  auto s = indexer::run_index(o, out);
  if (!s) FAIL(s.error().message);
  return s.value();
}

// Hits as (id, weight) in an order that does not depend on docids: Xapian breaks ties in weight
// by docid, which differ between one database and several.
std::vector<std::pair<std::string, long long>> canonical_hits(const query::SearchResult& r) {
  std::vector<std::pair<std::string, long long>> out;
  for (const auto& h : r.hits)
    out.emplace_back(h.record.value("id", h.record.value("article", "")), std::llround(h.weight * 1e6));
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  return out;
}

query::SearchResult search(const std::string& db, query::SearchRequest req) {
  auto s = query::Searcher::open(db);
  if (!s) FAIL(db << ": " << s.error().message);
  auto r = (*s)->search(req);
  if (!r) FAIL(r.error().message);
  return r.value();
}

// The searches compared: ranked text, a filter, quotes, a misspelling, all with facets and the
// timeline.
std::vector<query::SearchRequest> requests() {
  std::vector<query::SearchRequest> out;
  for (const char* text : {"energy", "trade talks", "merkel OR biden", "agreement energy", "harbuor"}) {
    query::SearchRequest r;
    r.text = text;
    r.limit = 20;
    r.facets = {"person", "place"};
    r.timeline = true;
    out.push_back(r);
  }
  out[3].quotes = true;
  query::SearchRequest dated = out[0];
  dated.text = "debate";
  dated.dates.from = "20200101";
  out.push_back(dated);
  return out;
}

void check_same(const std::string& expected_db, const std::string& db) {
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
    CHECK(b.suggestion == a.suggestion);
  }
}

Xapian::doccount articles_in(const std::string& db) {
  return Xapian::Database(db).get_termfreq(schema::type_term(schema::kTypeArticle));
}

}  // namespace

TEST_CASE("shards: a year-partitioned archive answers like one database", "[shards][integration]") {
  test::TempDir dir;
  write_corpus(dir.path() / "in", 40);
  index(dir.str("one.db"), dir.str("in"), "");
  auto s = index(dir.str("archive"), dir.str("in"), "year");
  CHECK(s.added == 40);

  for (const char* p : {"2019", "2020", "2021", "2022", "undated"})
    CHECK(std::filesystem::is_directory(dir.path() / "archive" / p));
  CHECK(articles_in(dir.str("archive/2019")) == 9);  // n % 4 == 0 and n % 7 != 6
  CHECK(articles_in(dir.str("archive/undated")) == 5);
  CHECK(articles_in(dir.str("archive")) == 40);

  // The test has teeth: the corpus yields facets, quotes, a timeline over years and a spelling fix.
  auto probe = search(dir.str("one.db"), requests()[2]);
  REQUIRE_FALSE(probe.facets.at(0).values.empty());
  CHECK(probe.timeline->buckets.size() >= 4);
  CHECK(search(dir.str("one.db"), requests()[3]).matches_estimated > 0);
  CHECK(search(dir.str("one.db"), requests()[4]).suggestion == "harbour");

  check_same(dir.str("one.db"), dir.str("archive"));

  SECTION("an unchanged second run writes nothing") {
    auto again = index(dir.str("archive"), dir.str("in"), "");
    CHECK(again.files_unchanged == 3);
    CHECK(again.added + again.updated + again.removed == 0);
  }
  SECTION("articles that change year move partition; a vanished file leaves every partition") {
    // Every article of feed0 moves to 2030; feed1 disappears.
    std::string moved;
    for (int n = 0; n < 40; n += 3) moved += article_line(n, fmt::format("2030-05-{:02}", 1 + n % 27));
    test::write_file(dir.path() / "in/feed0.jsonl", moved);
    std::filesystem::remove(dir.path() / "in/feed1.jsonl");
    index(dir.str("one.db"), dir.str("in"), "");
    auto r = index(dir.str("archive"), dir.str("in"), "year");
    CHECK(r.removed == 14 + 13);  // feed0 left its old partitions, feed1 left for good
    CHECK(r.added == 14);
    CHECK(articles_in(dir.str("archive/2030")) == 14);
    CHECK(articles_in(dir.str("archive")) == 40 - 13);
    check_same(dir.str("one.db"), dir.str("archive"));
  }
  SECTION("the archive keeps its scheme") {
    indexer::IndexOptions o;
    o.db = dir.str("archive");
    o.archives = {dir.str("in")};
    o.partition = "month";
    o.lock_timeout_s = 0;
    std::ostringstream out;
    auto r = indexer::run_index(o, out);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::kUsage);
  }
}

TEST_CASE("shards: partition of a date", "[shards]") {
  using indexer::PartitionScheme;
  CHECK(indexer::partition_of("20220131", PartitionScheme::kYear) == "2022");
  CHECK(indexer::partition_of("20220131", PartitionScheme::kMonth) == "2022-01");
  CHECK(indexer::partition_of("", PartitionScheme::kMonth) == "undated");
}
