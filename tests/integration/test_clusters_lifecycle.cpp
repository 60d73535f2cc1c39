// Integration: copies of one story across runs — labels after adding, changing and deleting a
// copy, after --rebuild, in a partitioned archive and whatever the order files come in; and the
// collapsed search that shows one hit per story.
#include <catch2/catch.hpp>

#include <map>
#include <sstream>

#include "common/schema.hpp"
#include <xapian.h>
#include "indexer/run.hpp"
#include "query/searcher.hpp"
#include "test_util.hpp"
#include "unit/story_texts.hpp"

using namespace newsidx;
using newsidx::test::TempDir;
using newsidx::test::write_file;

namespace {

const std::string kOriginal = "wire/2022/01/10/bridge.txt";
const std::string kCopy1 = "paper/2022/01/11/bridge-cracks.txt";
const std::string kCopy2 = "gazette/2022/01/12/lorry-ban.txt";
const std::string kOther = "paper/2022/01/14/breakdown.txt";

void write_story(const TempDir& dir, const std::string& rel, const std::string& title, const std::string& body) {
  write_file(dir.path() / "archive" / rel, title + "\n\n" + body);
}

void write_corpus(const TempDir& dir) {
  write_story(dir, kOriginal, "Harbour bridge to close to lorries", "HARBOURTOWN (Wire) - " + ::test::kHarbourStory);
  write_story(dir, kCopy1, "Cracked bridge: lorries banned", ::test::syndicated_copy(::test::kHarbourStory, 0.9));
  write_story(dir, kCopy2, "Council bans trucks from span", ::test::syndicated_copy(::test::kHarbourStory, 0.7));
  write_story(dir, kOther, "Lorry breakdown blocks harbour bridge", ::test::kOtherHarbourStory);
}

indexer::IndexOptions options(const TempDir& dir, const std::string& db = "db") {
  indexer::IndexOptions o;
  o.db = dir.str(db);
  o.archives = {dir.str("archive")};
  o.jobs = 2;
  o.lock_timeout_s = 0;
  return o;
}

indexer::Summary index(const indexer::IndexOptions& o) {
  std::ostringstream out;
  auto s = indexer::run_index(o, out);
  REQUIRE(s.ok());
  return s.value();
}

// Every article's story label by id ("" for an article with no copy), through the query tool.
std::map<std::string, std::string> labels(const std::string& db) {
  auto searcher = query::Searcher::open(db);
  REQUIRE(searcher.ok());
  query::SearchRequest req;
  req.collapse = false;
  req.limit = 100;
  auto r = (*searcher)->search(req);
  REQUIRE(r.ok());
  // A text file's id is its absolute path: shown from the archive folder on, as the files
  // are written.
  const auto rel = [](const std::string& id) {
    const auto at = id.find("/archive/");
    return at == std::string::npos ? id : id.substr(at + 9);
  };
  std::map<std::string, std::string> out;
  for (const auto& h : r->hits) {
    const std::string id = h.record.value("id", std::string());
    out[rel(id)] = h.copies > 0 ? rel(h.cluster) : "";
  }
  return out;
}

}  // namespace

TEST_CASE("clusters: copies of a story are labelled by the earliest through add, change and delete", "[clusters]") {
  TempDir dir;
  write_corpus(dir);
  auto o = options(dir);
  auto s = index(o);
  CHECK(s.joined == 2);
  using Labels = std::map<std::string, std::string>;
  CHECK(labels(o.db) == Labels{{kOriginal, kOriginal}, {kCopy1, kOriginal}, {kCopy2, kOriginal}, {kOther, ""}});

  // A copy dated earlier than every other takes the label.
  const std::string early = "digest/2022/01/09/bridge.txt";
  write_story(dir, early, "Bridge closing", ::test::syndicated_copy(::test::kHarbourStory, 0.8));
  s = index(o);
  CHECK(s.joined == 1);
  CHECK(labels(o.db) == Labels{{early, early}, {kOriginal, early}, {kCopy1, early}, {kCopy2, early}, {kOther, ""}});

  // A copy rewritten into another story leaves it.
  write_story(dir, kCopy2, "Council bans trucks from span", "A different report entirely. " + ::test::kOtherHarbourStory);
  index(o);
  auto now = labels(o.db);
  // It is now a copy of the breakdown story instead, and the earlier-dated of the two.
  CHECK(now[kCopy2] == kCopy2);
  CHECK(now[kOther] == kCopy2);
  CHECK(now[kOriginal] == early);
  CHECK(now[kCopy1] == early);

  // Deleting the earliest copy moves the label to the next.
  std::filesystem::remove(dir.path() / "archive" / early);
  index(o);
  now = labels(o.db);
  CHECK(now.count(early) == 0);
  CHECK(now[kOriginal] == kOriginal);
  CHECK(now[kCopy1] == kOriginal);

  // --rebuild gives the same clusters.
  auto rebuild = o;
  rebuild.rebuild = true;
  index(rebuild);
  CHECK(labels(o.db) == now);
}

TEST_CASE("clusters: the same clusters in any file order and in partitions", "[clusters]") {
  TempDir dir;
  write_corpus(dir);
  auto all_at_once = options(dir, "once");
  index(all_at_once);
  const auto expected = labels(all_at_once.db);
  REQUIRE(expected.at(kCopy2) == kOriginal);

  // The copies first, the original in a later run: the label moves to it.
  TempDir later;
  write_story(later, kCopy2, "Council bans trucks from span", ::test::syndicated_copy(::test::kHarbourStory, 0.7));
  write_story(later, kOther, "Lorry breakdown blocks harbour bridge", ::test::kOtherHarbourStory);
  write_story(later, kCopy1, "Cracked bridge: lorries banned", ::test::syndicated_copy(::test::kHarbourStory, 0.9));
  auto o = options(later);
  index(o);
  CHECK(labels(o.db).at(kCopy1) == kCopy1);
  write_story(later, kOriginal, "Harbour bridge to close to lorries", "HARBOURTOWN (Wire) - " + ::test::kHarbourStory);
  index(o);
  CHECK(labels(o.db) == expected);

  // Partitioned by month: copies in different partitions are one story all the same. (The
  // story re-run three weeks after the first is another story: copies run within days.)
  write_story(dir, "eve/2022/01/31/bridge.txt", "Bridge ban: a recap", ::test::syndicated_copy(::test::kHarbourStory, 0.9));
  write_story(dir, "late/2022/02/01/bridge.txt", "Bridge ban recap", ::test::syndicated_copy(::test::kHarbourStory, 0.8));
  auto parts = options(dir, "parts");
  parts.partition = "month";
  index(parts);
  auto single = options(dir, "single");
  index(single);
  const auto by_month = labels(parts.db);
  CHECK(by_month == labels(single.db));
  CHECK(by_month.at("late/2022/02/01/bridge.txt") == "eve/2022/01/31/bridge.txt");
  CHECK(by_month.at(kCopy1) == kOriginal);
}

TEST_CASE("clusters: the same stories and the same count of joined articles whatever the batch size", "[clusters]") {
  TempDir dir;
  write_corpus(dir);
  write_story(dir, "digest/2022/01/09/bridge.txt", "Bridge closing", ::test::syndicated_copy(::test::kHarbourStory, 0.8));
  auto whole = options(dir, "whole");
  const auto one_batch = index(whole);
  // One article per commit: each batch's copies are settled before it commits, joining the
  // stories of earlier batches; the run's last step settles what is left.
  auto small = options(dir, "small");
  small.batch_size = 1;
  const auto many_batches = index(small);
  CHECK(labels(small.db) == labels(whole.db));
  CHECK(labels(small.db).at(kCopy1) == "digest/2022/01/09/bridge.txt");
  CHECK(many_batches.joined == one_batch.joined);
  CHECK(one_batch.joined == 3);
}

TEST_CASE("clusters: a search shows one hit per story with its copies counted", "[clusters]") {
  TempDir dir;
  write_corpus(dir);
  auto o = options(dir);
  index(o);
  auto searcher = query::Searcher::open(o.db);
  REQUIRE(searcher.ok());
  query::SearchRequest req;
  req.text = "haulage";
  auto r = (*searcher)->search(req);
  REQUIRE(r.ok());
  REQUIRE(r->hits.size() == 1);
  CHECK(r->matches_estimated == 1);
  CHECK(r->hits[0].copies == 2);
  const std::string root = std::filesystem::canonical(dir.path() / "archive").string() + "/";
  CHECK(r->hits[0].cluster == root + kOriginal);
  req.collapse = false;
  r = (*searcher)->search(req);
  REQUIRE(r.ok());
  CHECK(r->hits.size() == 3);
  req.collapse = true;
  req.text = "";
  req.copies_of = root + kCopy2;
  r = (*searcher)->search(req);
  REQUIRE(r.ok());
  CHECK(r->hits.size() == 3);
}

TEST_CASE("clusters: a run stopped part-way and the run after it count as many joined articles as a clean run",
          "[clusters]") {
  TempDir dir;
  write_corpus(dir);
  write_story(dir, "digest/2022/01/13/bridge.txt", "Bridge closing", ::test::syndicated_copy(::test::kHarbourStory, 0.8));
  const auto clean = index(options(dir, "clean"));
  REQUIRE(clean.joined == 3);

  // The stopped run: it indexed the original and one copy, committed the second copy without
  // settling it (a stopping run's last commit settles nothing), had begun the first copy's file
  // again without finishing it (its state not recorded: the next run redoes it), and left its
  // mark.
  TempDir stopped;
  write_story(stopped, kOriginal, "Harbour bridge to close to lorries", "HARBOURTOWN (Wire) - " + ::test::kHarbourStory);
  write_story(stopped, kCopy1, "Cracked bridge: lorries banned", ::test::syndicated_copy(::test::kHarbourStory, 0.9));
  write_story(stopped, kCopy2, "Council bans trucks from span", ::test::syndicated_copy(::test::kHarbourStory, 0.7));
  auto o = options(stopped);
  const auto first = index(o);
  REQUIRE(first.joined == 2);
  {
    Xapian::WritableDatabase db(o.db);
    const std::string root = std::filesystem::canonical(stopped.path() / "archive").string() + "/";
    const std::string copy2 = schema::id_term(root + kCopy2);
    db.set_metadata(std::string(schema::kFileStateKeyPrefix) + root + kCopy1, "");
    REQUIRE(db.get_termfreq(copy2) == 1);
    Xapian::Document d = db.get_document(*db.postlist_begin(copy2));
    d.remove_value(schema::slot(schema::Slot::kCluster));
    db.replace_document(*db.postlist_begin(copy2), d);
    db.set_metadata(std::string(schema::kClustersStaleKey), "1");
    db.commit();
  }
  const std::size_t counted_before_stop = first.joined - 1;  // the unsettled copy was not counted
  // The run after it: the rest of the files, and every story settled again.
  write_story(stopped, kOther, "Lorry breakdown blocks harbour bridge", ::test::kOtherHarbourStory);
  write_story(stopped, "digest/2022/01/13/bridge.txt", "Bridge closing", ::test::syndicated_copy(::test::kHarbourStory, 0.8));
  const auto resumed = index(o);
  CHECK(resumed.updated == 1);  // the first copy's file, redone
  CHECK(counted_before_stop + resumed.joined == clean.joined);
  CHECK(labels(o.db) == labels(dir.str("clean")));
}
