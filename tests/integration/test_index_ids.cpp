// Integration tests for the id rule (issue 15 item 2): an id is the article's identity; where
// several places carry it the last in walk order is the article, a repeat is a warning, and the
// article goes only with its last holder. Long ids and paths stay distinct past Xapian's limit.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <random>
#include <sstream>
#include <thread>

#include <fmt/format.h>
#include <xapian.h>

#include "indexer/storage/partition.hpp"
#include "indexer/storage/writer.hpp"
#include "nightly_util.hpp"
#include "query/searcher.hpp"

using namespace newsidx;
using namespace newsidx::test;
namespace fs = std::filesystem;

namespace {

// The stored records of the articles whose id is `id` (0, 1 or more documents).
std::vector<std::string> records_of(const std::string& db_path, const std::string& id) {
  Xapian::Database db(db_path);
  std::vector<std::string> out;
  const std::string term = schema::id_term(id);
  for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) out.push_back(db.get_document(*p).get_data());
  return out;
}

std::size_t articles(const std::string& db_path) {
  return Xapian::Database(db_path).get_termfreq(schema::type_term(schema::kTypeArticle));
}

// Every article's stored record, sorted: what a search can show, to compare with a rebuild.
std::vector<std::string> all_records(const std::string& db_path) {
  Xapian::Database db(db_path);
  std::vector<std::string> out;
  const std::string t = schema::type_term(schema::kTypeArticle);
  for (auto p = db.postlist_begin(t); p != db.postlist_end(t); ++p) out.push_back(db.get_document(*p).get_data());
  std::sort(out.begin(), out.end());
  return out;
}

// The records a clean run over the same archive gives (into a fresh database beside it).
std::vector<std::string> rebuilt_records(const TempDir& dir, const indexer::IndexOptions& o) {
  auto clean = o;
  clean.db = dir.str("clean-" + std::to_string(std::rand()));
  clean.rebuild = false;
  run_ok(clean);
  return all_records(clean.db);
}

// A NewsML-G2 news item of `guid` at `version`, with the headline `title`.
std::string newsml_item(const std::string& guid, int version, const std::string& created, const std::string& title) {
  return fmt::format(R"(<?xml version="1.0"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="{}" version="{}">
  <itemMeta><itemClass qcode="ninat:text"/><versionCreated>{}</versionCreated><pubStatus qcode="stat:usable"/></itemMeta>
  <contentMeta><headline>{}</headline></contentMeta>
  <contentSet><inlineXML contenttype="application/xhtml+xml">
    <html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head>
      <body><h1>{}</h1><p>Dock workers walked out in Rotterdam on Tuesday.</p><p>Ships waited at anchor.</p></body></html>
  </inlineXML></contentSet>
</newsItem>
)",
                     guid, version, created, title, title);
}

// An RSS feed of one item `guid` published at `pub_date`.
std::string rss_feed(const std::string& guid, const std::string& pub_date, const std::string& title) {
  return "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Wire</title>\n<item><guid>" + guid +
         "</guid><title>" + title + "</title><pubDate>" + pub_date + "</pubDate><description>" + title +
         ": the harbour reopened on Monday after the storm.</description></item>\n</channel></rss>\n";
}

}  // namespace

TEST_CASE("ids: two long URLs that differ after 240 bytes are two articles, unchanged on the next run", "[integration][ids]") {
  TempDir dir;
  const std::string url = "https://news.example.test/" + std::string(300, 'x');
  const std::string dir_name(200, 'd');
  write_file(dir.path() / "archive/feed.jsonl",
             fmt::format("{{\"id\":\"{}/first\",\"body\":\"The first story.\"}}\n{{\"id\":\"{}/second\",\"body\":\"The second story.\"}}\n", url, url));
  // Two paths longer than a term, differing at their end: two files, two articles.
  write_file(dir.path() / ("archive/" + dir_name + "/" + std::string(60, 'p') + "-one.txt"), "One\n\nThe first file.\n");
  write_file(dir.path() / ("archive/" + dir_name + "/" + std::string(60, 'p') + "-two.txt"), "Two\n\nThe second file.\n");
  auto o = nightly_options(dir.str("db"), dir.str("archive"));
  auto s = run_ok(o);
  CHECK(s.added == 4);
  CHECK(s.updated == 0);
  CHECK(articles(o.db) == 4);
  CHECK(records_of(o.db, url + "/first").size() == 1);
  CHECK(records_of(o.db, url + "/second").size() == 1);
  auto again = run_ok(o);
  CHECK(again.files_unchanged == 3);  // file states of long paths are distinct too
  CHECK(again.articles_read == 0);
}

TEST_CASE("ids: a JSON Lines record's own id shaped like its file's path id is stored as it is", "[integration][ids]") {
  TempDir dir;
  // The record's own id is what a path-made id relative to the folder looks like ("a/b.jsonl#1").
  write_file(dir.path() / "archive/a/b.jsonl",
             R"({"id":"a/b.jsonl#1","title":"Own id","body":"Harbour news with an id of its own."})" "\n"
             R"({"title":"No id","body":"Harbour news without an id."})" "\n");
  auto o = nightly_options(dir.str("db"), dir.str("archive"));
  CHECK(run_ok(o).added == 2);
  const std::string key = file_key(dir.path() / "archive", "a/b.jsonl");
  CHECK(records_of(o.db, "a/b.jsonl#1").size() == 1);  // never rewritten to the key's form
  CHECK(records_of(o.db, key + "#1").empty());
  CHECK(records_of(o.db, key + "#2").size() == 1);  // a made id names the file by its key
}

TEST_CASE("ids: the same id in two feeds is the later feed's article, deleting that feed brings back the first's", "[integration][ids]") {
  TempDir dir;
  write_file(dir.path() / "archive/a.jsonl", R"({"id":"story-1","title":"From feed A","body":"Harbour news as feed A tells it."})" "\n");
  write_file(dir.path() / "archive/b.jsonl", R"({"id":"story-1","title":"From feed B","body":"Harbour news as feed B tells it."})" "\n");
  auto o = nightly_options(dir.str("db"), dir.str("archive"));
  auto s = run_ok(o);
  CHECK(s.articles_read == 2);
  auto recs = records_of(o.db, "story-1");
  REQUIRE(recs.size() == 1);
  CHECK_THAT(recs[0], Catch::Contains("From feed B"));  // the last in walk order
  fs::remove(dir.path() / "archive/b.jsonl");
  auto after = run_ok(o);
  CHECK(after.removed == 0);
  recs = records_of(o.db, "story-1");
  REQUIRE(recs.size() == 1);  // feed A still holds it: not deleted
  CHECK_THAT(recs[0], Catch::Contains("From feed A"));  // and it comes back from feed A
  // Feed A's own changes now reach it; deleting A, the last holder, removes it.
  write_file(dir.path() / "archive/a.jsonl", R"({"id":"story-1","title":"From feed A, corrected","body":"Harbour news, corrected."})" "\n");
  run_ok(o);
  CHECK_THAT(records_of(o.db, "story-1").at(0), Catch::Contains("corrected"));
  fs::remove(dir.path() / "archive/a.jsonl");
  o.prune_all = true;  // the archive's only article: more than --max-prune's default share
  CHECK(run_ok(o).removed == 1);
  CHECK(records_of(o.db, "story-1").empty());
}

TEST_CASE("ids: an earlier feed changing does not displace a later feed's article", "[integration][ids]") {
  TempDir dir;
  write_file(dir.path() / "archive/a.jsonl", R"({"id":"story-1","title":"From feed A","body":"Feed A."})" "\n");
  write_file(dir.path() / "archive/b.jsonl", R"({"id":"story-1","title":"From feed B","body":"Feed B."})" "\n");
  auto o = nightly_options(dir.str("db"), dir.str("archive"));
  run_ok(o);
  write_file(dir.path() / "archive/a.jsonl", R"({"id":"story-1","title":"From feed A again","body":"Feed A, later."})" "\n");
  run_ok(o);
  CHECK_THAT(records_of(o.db, "story-1").at(0), Catch::Contains("From feed B"));
  CHECK(contents(o.db) == [&] {
    auto clean = nightly_options(dir.str("clean"), dir.str("archive"));
    run_ok(clean);
    return contents(clean.db);
  }());
}

TEST_CASE("ids: a feed with three records of one id stores the last, with a notice", "[integration][ids]") {
  TempDir dir;
  write_file(dir.path() / "archive/feed.jsonl",
             R"({"id":"t","title":"One","body":"The first version."})" "\n"
             R"({"id":"t","title":"Two","body":"The second version."})" "\n"
             R"({"id":"t","title":"Three","body":"The third version."})" "\n"
             R"({"id":"u","title":"Other","body":"Another story."})" "\n");
  auto o = nightly_options(dir.str("db"), dir.str("archive"));
  auto s = run_ok(o);
  CHECK(s.added == 2);
  CHECK(s.updated == 0);
  CHECK(s.skipped == 0);  // a notice, not a skip
  auto recs = records_of(o.db, "t");
  REQUIRE(recs.size() == 1);
  CHECK_THAT(recs[0], Catch::Contains("The third version"));
}

TEST_CASE("ids: an .sgm with two stories of one NEWID stores the later story", "[integration][ids]") {
  TempDir dir;
  const auto story = [](const std::string& title, const std::string& body) {
    return "<REUTERS TOPICS=\"NO\" NEWID=\"7\">\n<DATE> 2-MAR-1987 11:04:12.00</DATE>\n<TEXT>\n<TITLE>" + title +
           "</TITLE>\n<BODY>" + body + "\n Reuter\n</BODY></TEXT>\n</REUTERS>\n";
  };
  write_file(dir.path() / "archive/wire.sgm",
             "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n" + story("FIRST STORY", "Wheat exports rose.") +
                 story("SECOND STORY", "Wheat exports fell."));
  auto o = nightly_options(dir.str("db"), dir.str("archive"));
  auto s = run_ok(o);
  CHECK(s.added == 1);
  CHECK(s.updated == 0);  // one story read, not one added and then replaced
  auto recs = records_of(o.db, file_key(dir.path() / "archive", "wire.sgm") + "#7");
  REQUIRE(recs.size() == 1);
  CHECK_THAT(recs[0], Catch::Contains("SECOND STORY"));
}

TEST_CASE("ids: the newest NewsML-G2 version is the article whatever the walk order, the next newest comes back", "[integration][ids]") {
  TempDir dir;
  write_file(dir.path() / "archive/a.xml", newsml_item("urn:item:1", 3, "2024-03-05T12:00:00Z", "Version three"));
  write_file(dir.path() / "archive/b.xml", newsml_item("urn:item:1", 2, "2024-03-05T10:00:00Z", "Version two"));
  auto o = nightly_options(dir.str("db"), dir.str("archive"));
  run_ok(o);
  auto recs = records_of(o.db, "urn:item:1");
  REQUIRE(recs.size() == 1);
  CHECK_THAT(recs[0], Catch::Contains("Version three"));  // though b.xml comes later
  // A later file with version 4 takes over; removing it brings back version 3, not 2.
  write_file(dir.path() / "archive/c.xml", newsml_item("urn:item:1", 4, "2024-03-06T10:00:00Z", "Version four"));
  run_ok(o);
  CHECK_THAT(records_of(o.db, "urn:item:1").at(0), Catch::Contains("Version four"));
  CHECK(all_records(o.db) == rebuilt_records(dir, o));
  fs::remove(dir.path() / "archive/c.xml");
  run_ok(o);
  recs = records_of(o.db, "urn:item:1");
  REQUIRE(recs.size() == 1);
  CHECK_THAT(recs[0], Catch::Contains("Version three"));
  CHECK(all_records(o.db) == rebuilt_records(dir, o));
}

TEST_CASE("ids: daily feeds repeating an item keep its newest pubDate, also when an older copy changes later", "[integration][ids]") {
  TempDir dir;
  write_file(dir.path() / "archive/2024-01-01.rss", rss_feed("g1", "Tue, 02 Jan 2024 09:00:00 +0000", "Corrected"));
  write_file(dir.path() / "archive/2024-01-02.rss", rss_feed("g1", "Mon, 01 Jan 2024 09:00:00 +0000", "Original"));
  auto o = nightly_options(dir.str("db"), dir.str("archive"));
  auto s = run_ok(o);
  CHECK(s.added == 1);
  auto recs = records_of(o.db, "g1");
  REQUIRE(recs.size() == 1);
  CHECK_THAT(recs[0], Catch::Contains("Corrected"));
  // The newest copy goes back a version: the other copy, now the newest, is the article.
  write_file(dir.path() / "archive/2024-01-01.rss", rss_feed("g1", "Sun, 31 Dec 2023 09:00:00 +0000", "Withdrawn"));
  run_ok(o);
  CHECK_THAT(records_of(o.db, "g1").at(0), Catch::Contains("Original"));
  CHECK(all_records(o.db) == rebuilt_records(dir, o));
}

TEST_CASE("ids: a run stopped after a holder's removal was committed still restores the article from the other holder", "[integration][ids]") {
  // What SIGKILL leaves between the commit that removed the later feed's hold and the restore
  // step: the next run must end as a clean rebuild does, in a plain and a partitioned archive.
  for (const std::string scheme : {"", "stub", "year"}) {
    INFO("archive: " << (scheme.empty() ? "one database" : scheme));
    TempDir dir;
    write_file(dir.path() / "archive/a.jsonl", R"({"id":"story-1","date":"2020-05-01","title":"From feed A","body":"Feed A's story."})" "\n");
    write_file(dir.path() / "archive/b.jsonl", R"({"id":"story-1","date":"2020-05-01","title":"From feed B","body":"Feed B's story."})" "\n"
                                               R"({"id":"story-2","date":"2020-05-01","title":"Only B","body":"Only in feed B."})" "\n");
    auto o = nightly_options(dir.str("db"), dir.str("archive"));
    if (scheme == "year") o.partition = scheme;
    o.rebuild = scheme == "stub";  // --rebuild leaves a stub file naming the database
    run_ok(o);
    o.rebuild = false;
    if (scheme == "stub") REQUIRE(fs::is_regular_file(o.db));
    fs::remove(dir.path() / "archive/b.jsonl");
    {
      std::unique_ptr<indexer::ArchiveWriter> w;
      if (scheme != "year") w = std::move(indexer::Writer::open(indexer::locate_db(o.db).value(), {})).value();
      else w = std::move(indexer::PartitionedWriter::open(o.db, indexer::PartitionScheme::kYear, {})).value();
      REQUIRE(w->remove_file(file_key(dir.path() / "archive", "b.jsonl")));
      REQUIRE(w->commit());
    }  // stopped here: no restore step
    auto s = run_ok(o);
    CHECK(s.articles_read == 1);  // a.jsonl, unchanged, is read again
    auto recs = records_of(o.db, "story-1");
    REQUIRE(recs.size() == 1);
    CHECK_THAT(recs[0], Catch::Contains("From feed A"));
    CHECK(records_of(o.db, "story-2").empty());
    CHECK(all_records(o.db) == rebuilt_records(dir, o));
    CHECK(run_ok(o).articles_read == 0);  // and read once, not every night
  }
}

TEST_CASE("ids: one id in two files dated in different partitions is one article, deleting one holder restores the other", "[integration][ids]") {
  for (const std::string scheme : {"year", "month"}) {
    INFO("partition scheme: " << scheme);
    TempDir dir;
    write_file(dir.path() / "archive/a.jsonl", R"({"id":"story-1","date":"2020-05-01","title":"From feed A","body":"Feed A's story."})" "\n");
    write_file(dir.path() / "archive/b.jsonl", R"({"id":"story-1","date":"2021-07-01","title":"From feed B","body":"Feed B's story."})" "\n");
    auto o = nightly_options(dir.str("db"), dir.str("archive"));
    o.partition = scheme;
    auto s = run_ok(o);
    CHECK(s.articles_read == 2);
    CHECK(s.added == 1);  // one article, taken over by feed B
    CHECK(s.updated == 1);
    auto recs = records_of(o.db, "story-1");
    REQUIRE(recs.size() == 1);  // the archive searched as one
    CHECK_THAT(recs[0], Catch::Contains("From feed B"));
    CHECK(records_of(o.db + (scheme == "year" ? "/2021" : "/2021-07"), "story-1").size() == 1);  // its date's partition
    CHECK(all_records(o.db) == rebuilt_records(dir, o));
    fs::remove(dir.path() / "archive/b.jsonl");
    auto after = run_ok(o);
    CHECK(after.removed == 0);
    recs = records_of(o.db, "story-1");
    REQUIRE(recs.size() == 1);
    CHECK_THAT(recs[0], Catch::Contains("From feed A"));
    CHECK(all_records(o.db) == rebuilt_records(dir, o));
    // Deleting the last holder removes it from every partition.
    fs::remove(dir.path() / "archive/a.jsonl");
    write_file(dir.path() / "archive/c.jsonl", R"({"id":"other","date":"2020-01-01","title":"Other","body":"Another story."})" "\n");
    o.prune_all = true;
    run_ok(o);
    CHECK(records_of(o.db, "story-1").empty());
  }
}

TEST_CASE("ids: SIGKILL at random moments of a restore leaves an archive the next run brings to a clean rebuild's state", "[integration][ids]") {
  // Deleting the later of two feeds holding the same 300 ids: the run removes its holds, then
  // reads the earlier feed again to restore the 300 articles. Killed anywhere in that, the next
  // run must end with the earlier feed's records, as a clean rebuild of the archive has them.
  std::string early, late;
  for (int i = 0; i < 300; ++i) {
    early += fmt::format(R"({{"id":"r-{}","title":"Early {}","body":"The early wire's report number {} on the harbour."}})", i, i, i) + "\n";
    late += fmt::format(R"({{"id":"r-{}","title":"Late {}","body":"The late wire's report number {} on the harbour."}})", i, i, i) + "\n";
  }
  std::mt19937 rng(20261206);
  int max_delay_ms = 800, killed = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  for (int round = 0; round < 6 && std::chrono::steady_clock::now() < deadline; ++round) {
    TempDir dir;
    write_file(dir.path() / "archive/a-early.jsonl", early);
    write_file(dir.path() / "archive/b-late.jsonl", late);
    auto o = nightly_options(dir.str("db"), dir.str("archive"));
    o.batch_size = 20;
    o.prune_all = true;
    o.partition = round % 2 ? "year" : "";  // a partitioned archive every other round
    run_ok(o);
    fs::remove(dir.path() / "archive/b-late.jsonl");
    const auto start = std::chrono::steady_clock::now();
    pid_t pid = spawn([&] {
      std::ostringstream out;
      return exit_status_of(indexer::run_index(o, out));
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(1, max_delay_ms)(rng)));
    ::kill(pid, SIGKILL);
    const bool was_killed = wait_child(pid) == 128 + SIGKILL;
    killed += was_killed;
    if (!was_killed) {
      const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
      max_delay_ms = std::max(2, std::min(max_delay_ms / 2, static_cast<int>(took.count())));
    }
    run_ok(o);
    INFO("round " << round << (was_killed ? ": killed" : ": finished before the kill") << (round % 2 ? ", partitioned" : ""));
    auto recs = all_records(o.db);
    CHECK(recs.size() == 300);
    CHECK(recs == rebuilt_records(dir, o));
  }
  CHECK(killed > 0);
}

TEST_CASE("ids: a partition that committed a holder's removal before the state database did still has its article restored", "[integration][ids]") {
  // A partitioned archive commits its partitions, then its state database: a run killed in
  // between leaves the partition's change (and its own mark of the holder to read again) only.
  TempDir dir;
  write_file(dir.path() / "archive/a.jsonl", R"({"id":"story-1","date":"2020-05-01","title":"From feed A","body":"Feed A's story."})" "\n");
  write_file(dir.path() / "archive/b.jsonl", R"({"id":"story-1","date":"2020-05-01","title":"From feed B","body":"Feed B's story."})" "\n");
  auto o = nightly_options(dir.str("db"), dir.str("archive"));
  o.partition = "year";
  run_ok(o);
  CHECK_THAT(records_of(o.db, "story-1").at(0), Catch::Contains("From feed B"));
  fs::remove(dir.path() / "archive/b.jsonl");
  {
    auto w = std::move(indexer::Writer::open(indexer::locate_db(o.db + "/2020").value(), {})).value();
    REQUIRE(w->remove_file("b.jsonl"));
    REQUIRE(w->commit());
  }  // the state database still records b.jsonl and no mark
  run_ok(o);
  auto recs = records_of(o.db, "story-1");
  REQUIRE(recs.size() == 1);
  CHECK_THAT(recs[0], Catch::Contains("From feed A"));
  CHECK(all_records(o.db) == rebuilt_records(dir, o));
}
