// Integration: an archive partitioned by year, opened as one database through its stub, answers
// every query like one database holding the same articles (ranking, facets, timeline, quotes,
// spelling), also after files change partitions or vanish.
#include <catch2/catch.hpp>

#include "indexer/storage/partition.hpp"
#include "integration/shards_util.hpp"

using namespace newsidx;
using namespace newsidx::test;

TEST_CASE("shards: a year-partitioned archive answers like one database", "[shards][integration]") {
  test::TempDir dir;
  write_corpus(dir.path() / "in", 40);
  index_corpus(dir.str("one.db"), dir.str("in"), "");
  auto s = index_corpus(dir.str("archive"), dir.str("in"), "year");
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
    auto again = index_corpus(dir.str("archive"), dir.str("in"), "");
    CHECK(again.files_unchanged == 3);
    CHECK(again.added + again.updated + again.removed == 0);
  }
  SECTION("articles that change year move partition; a vanished file leaves every partition") {
    // Every article of feed0 moves to 2030; feed1 disappears.
    std::string moved;
    for (int n = 0; n < 40; n += 3) moved += article_line(n, fmt::format("2030-05-{:02}", 1 + n % 27));
    test::write_file(dir.path() / "in/feed0.jsonl", moved);
    std::filesystem::remove(dir.path() / "in/feed1.jsonl");
    indexer::IndexOptions d;
    d.db = dir.str("archive");
    d.archives = {dir.str("in")};
    d.dry_run = true;
    d.progress = false;
    std::ostringstream plan;
    auto dr = indexer::run_index(d, plan);
    REQUIRE(dr.ok());
    CHECK(dr->updated == 1);  // feed0
    CHECK(dr->removed == 1);  // feed1
    index_corpus(dir.str("one.db"), dir.str("in"), "");
    auto r = index_corpus(dir.str("archive"), dir.str("in"), "year");
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

TEST_CASE("shards: --compact compacts closed partitions once and searches agree", "[shards][integration]") {
  test::TempDir dir;
  write_corpus(dir.path() / "in", 40);
  index_corpus(dir.str("one.db"), dir.str("in"), "");
  index_corpus(dir.str("archive"), dir.str("in"), "year");
  // 2020 lives on "another disk", linked into the archive.
  std::filesystem::create_directories(dir.path() / "disk2");
  std::filesystem::rename(dir.path() / "archive/2020", dir.path() / "disk2/2020");
  std::filesystem::create_directory_symlink(dir.path() / "disk2/2020", dir.path() / "archive/2020");
  const auto before = Xapian::Database(dir.str("archive/2019")).get_uuid();
  const auto before_2020 = Xapian::Database(dir.str("disk2/2020")).get_uuid();
  auto searcher = query::Searcher::open(dir.str("archive"));  // opened before the swap
  REQUIRE(searcher.ok());

  indexer::IndexOptions o;
  o.db = dir.str("archive");
  o.lock_timeout_s = 0;
  o.progress = false;
  o.compact = true;
  std::ostringstream out;
  auto r = indexer::run_index(o, out);
  REQUIRE(r.ok());
  CHECK(r->compacted == 4);  // 2019..2022 are past years; "undated" never closes
  CHECK(Xapian::Database(dir.str("archive/2019")).get_uuid() != before);  // a new database
  CHECK_FALSE(std::filesystem::exists(dir.path() / "archive/2019.compact"));
  CHECK(std::filesystem::is_symlink(dir.path() / "archive/2020"));
  CHECK(Xapian::Database(dir.str("disk2/2020")).get_uuid() != before_2020);
  CHECK_FALSE(std::filesystem::exists(dir.path() / "disk2/2020.compact"));
  check_same(dir.str("one.db"), dir.str("archive"));
  auto during = (*searcher)->search(requests()[0]);  // reopens itself if it must
  REQUIRE(during.ok());
  CHECK(during->matches_estimated == search(dir.str("one.db"), requests()[0]).matches_estimated);

  auto again = indexer::run_index(o, out);
  REQUIRE(again.ok());
  CHECK(again->compacted == 0);  // nothing changed since
  // A late article for 2019 reopens that partition only.
  test::write_file(dir.path() / "in/late.jsonl", article_line(100, "2019-12-31"));
  o.archives = {dir.str("in")};
  auto late = indexer::run_index(o, out);
  REQUIRE(late.ok());
  CHECK(late->added == 1);
  CHECK(late->compacted == 1);
}

TEST_CASE("shards: one file spanning more partitions than stay open is written and rewritten whole", "[shards][integration]") {
  // 40 months in one feed: past the 32 partitions a run keeps open, so partitions holding the
  // file's progress are closed and opened again while the file is written.
  test::TempDir dir;
  const auto feed = [](int from, const std::string& year_of_11) {
    std::string text;
    for (int n = from; n < 40; ++n)
      text += article_line(n, fmt::format("{}-{:02}-05", n == 11 ? year_of_11 : std::to_string(2019 + n / 12), 1 + n % 12));
    return text;
  };
  test::write_file(dir.path() / "in/feed.jsonl", feed(0, "2019"));
  auto first = index_corpus(dir.str("archive"), dir.str("in"), "month");
  CHECK(first.added == 40);
  CHECK(articles_in(dir.str("archive")) == 40);
  CHECK(articles_in(dir.str("archive/2019-01")) == 1);
  CHECK(articles_in(dir.str("archive/2022-04")) == 1);

  // The first article goes, the twelfth moves from 2019-12 to 2030-12, the rest are rewritten.
  test::write_file(dir.path() / "in/feed.jsonl", feed(1, "2030"));
  auto second = index_corpus(dir.str("archive"), dir.str("in"), "");
  CHECK(second.added == 1);
  CHECK(second.updated == 38);
  CHECK(second.removed == 2);
  CHECK(articles_in(dir.str("archive")) == 39);
  CHECK(articles_in(dir.str("archive/2019-01")) == 0);
  CHECK(articles_in(dir.str("archive/2019-12")) == 0);
  CHECK(articles_in(dir.str("archive/2030-12")) == 1);
  CHECK(articles_in(dir.str("archive/2022-04")) == 1);

  auto again = index_corpus(dir.str("archive"), dir.str("in"), "");
  CHECK(again.files_unchanged == 1);
  CHECK(again.added + again.updated + again.removed == 0);
}
