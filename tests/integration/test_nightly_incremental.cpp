// Nightly runs, incremental behaviour: only changed files are read, vanished ones pruned (or
// kept with --no-prune), multi-article files upsert and drop records, renames do not duplicate,
// --dry-run reports without writing, --rebuild swaps a complete database in.
#include <catch2/catch.hpp>

#include <filesystem>

#include "common/xapian_db.hpp"
#include "indexer/storage/db_files.hpp"
#include "indexer/entities/analyzer.hpp"
#include "indexer/document_builder.hpp"
#include "indexer/storage/partition.hpp"
#include "indexer/storage/writer.hpp"
#include "nightly_util.hpp"

using namespace newsidx;
using namespace newsidx::test;
namespace fs = std::filesystem;

namespace {

std::size_t articles(const std::string& db) {
  auto d = xapian_db::open_read(db);
  REQUIRE(d.ok());
  return d->get_termfreq(schema::type_term(schema::kTypeArticle));
}

bool has_id(const std::string& db, const std::string& id) {
  return Xapian::Database(db).term_exists(schema::prefix("id") + id);
}

const char* kSgmlTwo =
    "<REUTERS NEWID=\"1\">\n<DATE> 3-MAR-1987 10:15:00.00</DATE>\n<TEXT>\n<TITLE>PORT REOPENS</TITLE>\n"
    "<BODY>The port reopened on Tuesday after the strike.\n Reuter\n</BODY></TEXT>\n</REUTERS>\n"
    "<REUTERS NEWID=\"2\">\n<DATE> 3-MAR-1987 11:15:00.00</DATE>\n<TEXT>\n<TITLE>GRAIN PRICES RISE</TITLE>\n"
    "<BODY>Grain prices rose sharply in Chicago trading.\n Reuter\n</BODY></TEXT>\n</REUTERS>\n";

}  // namespace

TEST_CASE("nightly: a re-run over an unchanged archive reads no file and is fast", "[nightly][integration]") {
  TempDir dir;
  write_archive(dir.path() / "archive", 200);
  auto o = nightly_options(dir.str("db"), dir.str("archive"));
  auto first = run_ok(o);
  REQUIRE(first.added == 400);
  auto again = run_ok(o);
  CHECK(again.files_unchanged == again.files);
  CHECK(again.articles_read == 0);  // no file was parsed
  CHECK(again.added + again.updated + again.removed == 0);
  CHECK(again.seconds < 1.0);       // 201 files: a walk and a metadata lookup each
  CHECK(articles(o.db) == 400);
}

TEST_CASE("nightly: a touched file with the same content is hashed, not re-indexed", "[nightly][integration]") {
  TempDir dir;
  write_archive(dir.path() / "archive", 3);
  auto o = nightly_options(dir.str("db"), dir.str("archive"));
  run_ok(o);
  const fs::path f = dir.path() / "archive/desk1/2021/03/02/story1.txt";
  fs::last_write_time(f, fs::last_write_time(f) + std::chrono::hours(1));
  auto s = run_ok(o);
  CHECK(s.files_unchanged == s.files);
  CHECK(s.articles_read == 0);
  CHECK(s.updated == 0);
  // A content change of the same size is caught too, by the hash.
  std::string text = read_file(f);
  text[text.find("pier")] = 'P';
  write_file(f, text);
  fs::last_write_time(f, fs::last_write_time(f) + std::chrono::hours(2));
  auto changed = run_ok(o);
  CHECK(changed.updated == 1);
  CHECK(changed.articles_read == 1);
}

TEST_CASE("nightly: a vanished file is pruned by default and kept with --no-prune", "[nightly][integration]") {
  TempDir dir;
  write_archive(dir.path() / "archive", 4);
  auto o = nightly_options(dir.str("db"), dir.str("archive"));
  run_ok(o);
  fs::remove(dir.path() / "archive/desk0/2021/03/01/story0.txt");
  auto keep = o;
  keep.prune = false;
  CHECK(run_ok(keep).removed == 0);
  const std::string story0 = file_key(dir.path() / "archive", "desk0/2021/03/01/story0.txt");
  CHECK(has_id(o.db, story0));
  CHECK(run_ok(o).removed == 1);
  CHECK_FALSE(has_id(o.db, story0));
  CHECK(articles(o.db) == 7);

  SECTION("a file named directly is never pruned when absent") {
    write_file(dir.path() / "single/one.txt", "One story\n\nA story named on its own.\n");
    auto single = nightly_options(o.db, dir.str("single/one.txt"));
    run_ok(single);
    fs::remove(dir.path() / "single/one.txt");
    single.archives = {dir.str("archive")};
    CHECK(run_ok(single).removed == 0);
    CHECK(has_id(o.db, (fs::canonical(dir.path()) / "single/one.txt").string()));
  }
}

TEST_CASE("nightly: JSON Lines and SGML files upsert their records and drop the ones gone", "[nightly][integration]") {
  TempDir dir;
  write_file(dir.path() / "archive/wire.jsonl",
             R"({"id":"w1","title":"Storm","date":"2021-03-08","body":"A storm closed the harbour."})" "\n"
             R"({"id":"w2","title":"Strike","date":"2021-03-08","body":"Dockers walked out."})" "\n");
  write_file(dir.path() / "archive/reut2-000.sgm", kSgmlTwo);
  auto o = nightly_options(dir.str("db"), dir.str("archive"));
  CHECK(run_ok(o).added == 4);

  write_file(dir.path() / "archive/wire.jsonl",
             R"({"id":"w2","title":"Strike ends","date":"2021-03-09","body":"Dockers went back."})" "\n"
             R"({"id":"w3","title":"Fog","date":"2021-03-09","body":"Fog delayed ferries."})" "\n");
  std::string sgml = kSgmlTwo;
  write_file(dir.path() / "archive/reut2-000.sgm", sgml.substr(0, sgml.find("<REUTERS NEWID=\"2\">")));
  auto s = run_ok(o);
  CHECK(s.added == 1);    // w3
  CHECK(s.updated == 2);  // w2 and reut2-000.sgm#1
  CHECK(s.removed == 2);  // w1 and reut2-000.sgm#2
  CHECK(has_id(o.db, "w3"));
  CHECK_FALSE(has_id(o.db, "w1"));
  CHECK_FALSE(has_id(o.db, "reut2-000.sgm#2"));
  CHECK(articles(o.db) == 3);
}

TEST_CASE("nightly: a feed larger than one chunk is written in chunks, commits between them",
          "[nightly][integration]") {
  // 400 records of about 1 KB: more than one chunk of built articles (run.cpp), and a batch of
  // 50 documents commits between the chunks. The file's state is still recorded only at its
  // end, so the counts and the removal of records gone are those of a whole-file write.
  for (const std::string scheme : {"", "year"}) {
    INFO("partition scheme: " << (scheme.empty() ? "none" : scheme));
    TempDir dir;
    write_file(dir.path() / "archive/big.jsonl", big_feed("big", 0, 400, 2020));
    auto o = nightly_options(dir.str("db"), dir.str("archive"));
    o.partition = scheme;
    o.batch_size = 50;
    auto first = run_ok(o);
    CHECK(first.added == 400);
    CHECK(first.articles_read == 400);
    // Records 0-99 gone, 100-399 dated a year later, 400-449 new. In a partitioned archive each
    // of the 300 moves to another year's partition: added there, removed from its old one.
    write_file(dir.path() / "archive/big.jsonl", big_feed("big", 100, 350, 2021));
    auto second = run_ok(o);
    CHECK(second.added == 50 + (scheme.empty() ? 0 : 300));
    CHECK(second.updated == (scheme.empty() ? 300 : 0));
    CHECK(second.removed == 100 + (scheme.empty() ? 0 : 300));
    auto third = run_ok(o);
    CHECK(third.files_unchanged == 1);
    if (scheme.empty()) {
      CHECK(articles(o.db) == 350);
      CHECK_FALSE(has_id(o.db, "big-99"));
      CHECK(has_id(o.db, "big-100"));
      CHECK(has_id(o.db, "big-449"));
    } else {
      std::size_t total = 0;
      for (const char* year : {"2020", "2021", "2022"}) {
        if (fs::exists(dir.path() / "db" / year)) total += articles(dir.str("db/" + std::string(year)));
      }
      CHECK(total == 350);
    }
  }
}

TEST_CASE("nightly: a file cut short after a commit inside it is redone, or pruned if gone",
          "[nightly][integration]") {
  // A writer commits inside a file (a full batch between two chunks) and the run ends there
  // (crash, fatal error): the committed articles carry a provisional state, so a later run
  // whose archive no longer holds the file removes them.
  for (const std::string scheme : {"", "year"}) {
    INFO("partition scheme: " << (scheme.empty() ? "none" : scheme));
    TempDir dir;
    write_file(dir.path() / "archive/keep.txt", "Kept story\n\nIt stays in the archive.\n");
    auto o = nightly_options(dir.str("db"), dir.str("archive"));
    o.partition = scheme;
    run_ok(o);
    {
      indexer::WriterOptions wo;
      std::unique_ptr<indexer::ArchiveWriter> w;
      if (scheme.empty()) {
        auto opened = indexer::Writer::open(indexer::locate_db(o.db).value(), wo);
        REQUIRE(opened.ok());
        w = std::move(opened).value();
      } else {
        auto opened = indexer::PartitionedWriter::open(o.db, indexer::PartitionScheme::kYear, wo);
        REQUIRE(opened.ok());
        w = std::move(opened).value();
      }
      REQUIRE(w->begin_file("cut.jsonl", dir.str("archive")).ok());
      std::vector<indexer::BuiltArticle> chunk;
      for (int i = 0; i < 3; ++i) {
        Article a;
        a.id = fmt::format("cut-{}", i);
        a.title = "Cut item";
        a.text = "Cut item\n\nA record of a feed cut short.";
        a.body = {10, a.text.size()};
        a.date = "2021-05-01";
        chunk.push_back(indexer::build_documents(a, entities::analyze(a), "cut.jsonl"));
      }
      REQUIRE(w->write_articles(std::move(chunk)).ok());
      REQUIRE(w->commit().ok());  // as a full batch would, then the run ends without end_file
    }
    auto states = scheme.empty() ? indexer::load_file_states(o.db) : indexer::load_archive_states(o.db);
    REQUIRE(states.ok());
    REQUIRE(states->count("cut.jsonl") == 1);
    CHECK(states->at("cut.jsonl").size == 0);  // provisional: never taken for unchanged
    o.prune_all = true;  // 3 of the 4 articles go: more than the default --max-prune allows
    auto s = run_ok(o);
    CHECK(s.removed == 3);
  }
}

TEST_CASE("nightly: renamed or moved files do not duplicate their articles", "[nightly][integration]") {
  TempDir dir;
  write_archive(dir.path() / "archive", 3);
  auto o = nightly_options(dir.str("db"), dir.str("archive"));
  run_ok(o);
  REQUIRE(articles(o.db) == 6);
  fs::create_directories(dir.path() / "archive/moved");
  fs::rename(dir.path() / "archive/feeds/wire.jsonl", dir.path() / "archive/moved/wire-2021.jsonl");
  fs::rename(dir.path() / "archive/desk2/2021/03/03/story2.txt", dir.path() / "archive/moved/story2.txt");
  auto s = run_ok(o);
  CHECK(articles(o.db) == 6);
  CHECK(s.updated == 3);  // the feed's records keep their ids
  CHECK(s.added == 1);    // a text file's id is its path
  CHECK(s.removed == 1);
  CHECK(contents(o.db) == [&] {
    auto clean = nightly_options(dir.str("clean"), dir.str("archive"));
    run_ok(clean);
    return contents(clean.db);
  }());
}

TEST_CASE("nightly: --dry-run lists what would change and writes nothing", "[nightly][integration]") {
  TempDir dir;
  write_archive(dir.path() / "archive", 3);
  auto o = nightly_options(dir.str("db"), dir.str("archive"));
  run_ok(o);
  write_file(dir.path() / "archive/desk0/new.txt", "New story\n\nSomething happened today.\n");
  write_file(dir.path() / "archive/desk1/2021/03/02/story1.txt", "Changed\n\nThe text changed.\n");
  fs::remove(dir.path() / "archive/desk2/2021/03/03/story2.txt");
  const auto before = contents(o.db);
  auto dry = o;
  dry.dry_run = true;
  std::ostringstream out;
  auto s = indexer::run_index(dry, out);
  REQUIRE(s.ok());
  CHECK(s->added == 1);
  CHECK(s->updated == 1);
  CHECK(s->removed == 1);
  CHECK(s->files_unchanged == 2);
  const std::string text = out.str();
  CHECK(text.find("add " + dir.str("archive/desk0/new.txt")) != std::string::npos);
  CHECK(text.find("update " + dir.str("archive/desk1/2021/03/02/story1.txt")) != std::string::npos);
  CHECK(text.find("remove ") != std::string::npos);
  CHECK(text.find("story2.txt") != std::string::npos);
  CHECK(contents(o.db) == before);
  CHECK(indexer::summary_line(*s).find("dry run") != std::string::npos);
}

TEST_CASE("nightly: --rebuild swaps a complete new database in and removes the old one", "[nightly][integration]") {
  TempDir dir;
  write_archive(dir.path() / "archive", 20);
  auto o = nightly_options(dir.str("db"), dir.str("archive"));
  run_ok(o);  // a plain folder database
  // A reader opened before the rebuild keeps its view; one opened after sees the new database.
  Xapian::Database before(o.db);
  fs::remove(dir.path() / "archive/desk0/2021/03/01/story0.txt");
  auto r = o;
  r.rebuild = true;
  auto s = run_ok(r);
  CHECK(s.rebuilt);
  CHECK(s.added == 39);
  CHECK(fs::is_regular_file(o.db));  // now a stub naming a generation folder
  auto loc = indexer::locate_db(o.db);
  REQUIRE(loc.ok());
  CHECK(loc->kind == indexer::DbKind::kStub);
  CHECK(articles(o.db) == 39);
  CHECK(before.get_doccount() > 0);
  // The swap left only the stub and its one generation.
  std::size_t entries = 0;
  for (auto& e : fs::directory_iterator(dir.path())) entries += e.path().filename().string().rfind("db", 0) == 0;
  CHECK(entries == 2);

  SECTION("incremental runs work through the stub, and a second rebuild replaces the generation") {
    write_file(dir.path() / "archive/late.txt", "Late story\n\nFiled after midnight.\n");
    CHECK(run_ok(o).added == 1);
    const std::string first_gen = loc->dir;
    CHECK(run_ok(r).added == 40);
    CHECK_FALSE(fs::exists(first_gen));
    CHECK(articles(o.db) == 40);
  }
  SECTION("a rebuild into a new path leaves a stub too") {
    auto fresh = r;
    fresh.db = dir.str("fresh.db");
    CHECK(run_ok(fresh).added == 39);
    CHECK(contents(fresh.db) == contents(o.db));
  }
}
