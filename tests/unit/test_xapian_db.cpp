// Unit tests for common/xapian_db: Xapian errors told apart by type, the one lock wait, damaged
// and missing databases, the retry after a writer commits under a reader, query syntax errors.
#include <catch2/catch.hpp>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <filesystem>

#include <xapian.h>

#include "common/schema.hpp"
#include "common/stub_file.hpp"
#include "common/xapian_db.hpp"
#include "test_util.hpp"

using namespace newsidx;
using newsidx::test::TempDir;
using newsidx::test::write_file;
namespace fs = std::filesystem;
using xapian_db::Kind;

namespace {

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// A newsidx database of `docs` documents, each with the term "dock" and its own id term.
void make_db(const std::string& path, int docs) {
  auto db = xapian_db::open_write(path, 0);
  REQUIRE(db.ok());
  for (int i = 0; i < docs; ++i) {
    Xapian::Document d;
    d.add_term("dock");
    d.add_term("Q" + std::to_string(i));
    d.set_data(std::string(200, 'x'));
    db->add_document(d);
  }
  db->commit();
}

}  // namespace

TEST_CASE("xapian db: errors are told apart by their type, never by their message", "[xapian_db]") {
  // Each message is one another type uses, so that matching on text would get them wrong.
  struct Row {
    std::function<void()> raise;
    Kind kind;
    ErrorCode code;
  };
  const std::vector<Row> rows = {
      {[] { throw Xapian::DatabaseLockError("database is damaged: EOF reading block 3"); }, Kind::kLock, ErrorCode::kLocked},
      {[] { throw Xapian::DatabaseError("Unable to get write lock: already locked"); }, Kind::kUnreadable, ErrorCode::kDatabase},
      {[] { throw Xapian::DatabaseError("EOF reading block 7"); }, Kind::kUnreadable, ErrorCode::kDatabase},
      // A write failing on a full disk names a block too, but carries errno: not damage.
      {[] { throw Xapian::DatabaseError("Error writing block 7", ENOSPC); }, Kind::kOther, ErrorCode::kDatabase},
      {[] { throw Xapian::DatabaseCorruptError("already locked"); }, Kind::kCorrupt, ErrorCode::kDatabase},
      {[] { throw Xapian::DatabaseModifiedError("Block overwritten"); }, Kind::kModified, ErrorCode::kDatabase},
      {[] { throw Xapian::DatabaseNotFoundError("Couldn't detect type of database"); }, Kind::kOpening, ErrorCode::kNotFound},
      {[] { throw Xapian::DatabaseOpeningError("locked"); }, Kind::kOpening, ErrorCode::kNotFound},
      {[] { throw Xapian::DatabaseVersionError("Can't open"); }, Kind::kVersion, ErrorCode::kSchemaMismatch},
      {[] { throw Xapian::DatabaseCreateError("Cannot create directory"); }, Kind::kCreate, ErrorCode::kIo},
      {[] { throw Xapian::QueryParserError("Syntax: <expression> AND <expression>"); }, Kind::kQueryParser, ErrorCode::kDatabase},
      {[] { throw Xapian::InvalidArgumentError("MatchSpy not registered"); }, Kind::kInvalidArgument, ErrorCode::kDatabase},
      {[] { throw Xapian::NetworkError("Connection refused"); }, Kind::kOther, ErrorCode::kDatabase},
  };
  for (std::size_t i = 0; i < rows.size(); ++i) {
    INFO("row " << i);
    auto failed = xapian_db::attempt("db", rows[i].raise);
    REQUIRE(failed);
    CHECK(failed->kind == rows[i].kind);
    CHECK(failed->error.code == rows[i].code);
    CHECK_THAT(failed->error.message, Catch::StartsWith("db: "));
    // Only damage is sent to --rebuild: not a full disk, a lock or a network failure.
    const bool damage = rows[i].kind == Kind::kCorrupt || rows[i].kind == Kind::kUnreadable || rows[i].kind == Kind::kVersion;
    CHECK(damage == (failed->error.hint.find("--rebuild") != std::string::npos));
  }
  CHECK_FALSE(xapian_db::attempt("db", [] {}));
}

TEST_CASE("xapian db: try_result gives the call's value, or the error naming the path", "[xapian_db]") {
  TempDir dir;
  make_db(dir.str("db"), 3);
  auto count = xapian_db::try_result(dir.str("db"), [&] { return Xapian::Database(dir.str("db")).get_doccount(); });
  REQUIRE(count.ok());
  CHECK(*count == 3);
  auto missing = xapian_db::try_result(dir.str("none"), [&] { return Xapian::Database(dir.str("none")).get_doccount(); });
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().code == ErrorCode::kNotFound);
  CHECK_THAT(missing.error().message, Catch::StartsWith(dir.str("none") + ": cannot open database"));
  CHECK_THAT(missing.error().hint, Catch::Contains("--db"));
}

TEST_CASE("xapian db: a missing database is kNotFound with a hint to create it", "[xapian_db]") {
  TempDir dir;
  auto r = xapian_db::open_read(dir.str("nothing-here"));
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == ErrorCode::kNotFound);
  CHECK(exit_code(r.error().code) == 3);
  CHECK_THAT(r.error().hint, Catch::Contains("newsidx-index --db"));
}

TEST_CASE("xapian db: the archive's folder or an empty one given as the database is named so", "[xapian_db]") {
  TempDir dir;
  write_file(dir.path() / "archive/2022/story.txt", "Talks begin\n\nTalks began on Monday.\n");
  auto archive = xapian_db::open_read(dir.str("archive"));
  REQUIRE_FALSE(archive.ok());
  CHECK(archive.error().code == ErrorCode::kNotFound);
  CHECK(archive.error().message == dir.str("archive") + ": a folder that holds no newsidx database");
  CHECK_THAT(archive.error().hint, Catch::Contains("not the archive it read"));
  fs::create_directories(dir.path() / "empty");
  auto empty = xapian_db::open_read(dir.str("empty"));
  REQUIRE_FALSE(empty.ok());
  CHECK(empty.error().message == dir.str("empty") + ": an empty folder, not a database");
  CHECK_THAT(empty.error().hint, Catch::Contains("newsidx-index --db"));
  make_db(dir.str("db"), 2);
  CHECK(xapian_db::open_read(dir.str("db")).ok());
}

TEST_CASE("xapian db: a truncated table reads as damage with a hint to rebuild", "[xapian_db]") {
  TempDir dir;
  const std::string path = dir.str("db");
  make_db(path, 3000);
  const fs::path table = dir.path() / "db/postlist.glass";
  fs::resize_file(table, fs::file_size(table) / 2 / 8192 * 8192);
  auto r = xapian_db::try_result(path, [&] {
    Xapian::Database db(path);
    Xapian::doccount n = 0;
    for (int i = 0; i < 3000; ++i) n += db.get_termfreq("Q" + std::to_string(i));
    return n;
  });
  REQUIRE_FALSE(r.ok());
  CHECK(exit_code(r.error().code) == 3);
  CHECK_THAT(r.error().message, Catch::StartsWith(path + ": database is"));
  CHECK_THAT(r.error().hint, Catch::Contains("--rebuild"));
}

TEST_CASE("xapian db: a held write lock fails at once, or after the wait, with kLocked", "[xapian_db]") {
  TempDir dir;
  const std::string path = dir.str("db");
  make_db(path, 1);
  Xapian::WritableDatabase holder(path, Xapian::DB_OPEN);
  auto now = xapian_db::open_write(path, 0);
  REQUIRE_FALSE(now.ok());
  CHECK(now.error().code == ErrorCode::kLocked);
  CHECK(exit_code(now.error().code) == 75);
  const auto t0 = std::chrono::steady_clock::now();
  auto later = xapian_db::open_write(path, 700);
  const double waited = seconds_since(t0);
  REQUIRE_FALSE(later.ok());
  CHECK(later.error().code == ErrorCode::kLocked);
  CHECK(waited >= 0.65);
  CHECK(waited < 5);
  holder.close();
  CHECK(xapian_db::open_write(path, 0).ok());  // the lock is free again
}

TEST_CASE("xapian db: a stop request ends the lock wait with kInterrupted", "[xapian_db]") {
  TempDir dir;
  const std::string path = dir.str("db");
  make_db(path, 1);
  Xapian::WritableDatabase holder(path, Xapian::DB_OPEN);
  std::atomic<int> stop{15};
  const auto t0 = std::chrono::steady_clock::now();
  auto r = xapian_db::open_write(path, 60000, &stop);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == ErrorCode::kInterrupted);
  CHECK_THAT(r.error().message, Catch::Contains("interrupted while waiting for the write lock"));
  CHECK(seconds_since(t0) < 5);
}

TEST_CASE("xapian db: a lock file that cannot be opened is an I/O error at once, not a wait", "[xapian_db]") {
  // Xapian throws DatabaseLockError for a lock file it cannot open as for a busy lock; only the
  // lock file itself tells them apart.
  TempDir dir;
  const std::string gone = dir.str("no/such/folder");
  CHECK_FALSE(xapian_db::lock_file_usable(gone));
  make_db(dir.str("db"), 1);
  CHECK(xapian_db::lock_file_usable(dir.str("db")));
  int tries = 0;
  const auto t0 = std::chrono::steady_clock::now();
  auto failed = xapian_db::wait_for_lock(gone, gone, 3000, nullptr, [&] {
    ++tries;
    throw Xapian::DatabaseLockError("Unable to get write lock on " + gone + ": already locked");
  });
  REQUIRE(failed);
  CHECK(failed->error.code == ErrorCode::kIo);
  CHECK(exit_code(failed->error.code) == 4);
  CHECK_THAT(failed->error.hint, Catch::Contains("permissions of " + gone));
  CHECK(tries == 1);
  CHECK(seconds_since(t0) < 1);
}

TEST_CASE("xapian db: a reader whose revision a writer discarded reopens and reads again", "[xapian_db]") {
  // Tables of many blocks, so that the reader must read blocks it has not cached, and several
  // commits rewriting every document, so that the blocks of the reader's revision are reused.
  constexpr int kDocs = 2000;
  TempDir dir;
  const std::string path = dir.str("db");
  const auto story = [](int i, const std::string& round) {
    Xapian::Document d;
    d.add_term("dock");
    for (int k = 0; k < 8; ++k) d.add_term("w" + std::to_string(i * 8 + k));
    if (!round.empty()) d.add_term(round);
    return d;
  };
  {
    auto w = xapian_db::open_write(path, 0);
    REQUIRE(w.ok());
    for (int i = 0; i < kDocs; ++i) w->add_document(story(i, ""));
    w->commit();
  }
  Xapian::Database reader(path);
  {
    Xapian::WritableDatabase w(path, Xapian::DB_OPEN);
    for (int round = 0; round < 4; ++round) {
      for (int i = 0; i < kDocs; ++i) w.replace_document(static_cast<Xapian::docid>(i + 1), story(i, "round" + std::to_string(round)));
      w.commit();
    }
  }
  int calls = 0;
  Xapian::doccount seen = 0;
  auto failed = xapian_db::run_reading(reader, path, [&] {
    ++calls;
    seen = 0;
    for (Xapian::docid did = 1; did <= kDocs; ++did) {
      Xapian::Document d = reader.get_document(did);
      for (auto t = d.termlist_begin(); t != d.termlist_end(); ++t) seen += *t == "round3";
    }
  });
  CHECK_FALSE(failed);
  CHECK(calls >= 2);      // the first read met the discarded revision
  CHECK(seen == kDocs);   // the newest revision, read after the reopen
}

TEST_CASE("xapian db: run_reading retries on DatabaseModifiedError, then says the database keeps changing", "[xapian_db]") {
  TempDir dir;
  const std::string path = dir.str("db");
  make_db(path, 1);
  Xapian::Database db(path);
  int calls = 0;
  auto twice = xapian_db::run_reading(db, path, [&] {
    if (++calls <= 2) throw Xapian::DatabaseModifiedError("The revision being read has been discarded");
  });
  CHECK_FALSE(twice);
  CHECK(calls == 3);

  calls = 0;
  auto always = xapian_db::run_reading(db, path, [&] {
    ++calls;
    throw Xapian::DatabaseModifiedError("The revision being read has been discarded");
  });
  REQUIRE(always);
  CHECK(always->error.message == path + ": database keeps changing");
  CHECK(calls == xapian_db::kMaxReopens + 1);

  calls = 0;
  auto other = xapian_db::run_reading(db, path, [&] {
    ++calls;
    throw Xapian::InvalidArgumentError("MatchSpy not registered");
  });
  REQUIRE(other);
  CHECK(other->kind == Kind::kInvalidArgument);
  CHECK(calls == 1);  // only a modified database is retried
}

TEST_CASE("xapian db: parse_query gives Xapian's syntax message as an error", "[xapian_db]") {
  Xapian::QueryParser qp;
  auto bad = xapian_db::parse_query(qp, "dock AND", Xapian::QueryParser::FLAG_BOOLEAN);
  REQUIRE_FALSE(bad.ok());
  CHECK_THAT(bad.error().message, Catch::Contains("Syntax"));
  auto good = xapian_db::parse_query(qp, "dock AND harbour", Xapian::QueryParser::FLAG_BOOLEAN);
  REQUIRE(good.ok());
  CHECK(good->get_description() == "Query((dock@1 AND harbour@2))");
}

TEST_CASE("xapian db: a database without the schema mark gets one message, reading or writing", "[xapian_db]") {
  TempDir dir;
  const std::string path = dir.str("foreign");
  {
    Xapian::WritableDatabase w(path, Xapian::DB_CREATE);
    Xapian::Document d;
    d.add_term("other");
    w.add_document(d);
    w.commit();
  }
  auto r = xapian_db::open_read(path);
  auto w = xapian_db::open_write(path, 0);
  REQUIRE_FALSE(r.ok());
  REQUIRE_FALSE(w.ok());
  CHECK(r.error().code == ErrorCode::kSchemaMismatch);
  CHECK(r.error().message == path + ": not a newsidx database (no schema version)");
  CHECK(w.error().message == r.error().message);
  CHECK(w.error().hint == r.error().hint);
}

TEST_CASE("xapian db: a stub file is read up to one byte past the limit, a missing one is an I/O error", "[xapian_db]") {
  TempDir dir;
  write_file(dir.path() / "stub", "auto db1\nauto db2\n");
  auto small = xapian_db::read_stub_text(dir.str("stub"));
  REQUIRE(small.ok());
  CHECK(*small == "auto db1\nauto db2\n");
  write_file(dir.path() / "big", std::string(stub_file::kMaxStubBytes + 5000, '#'));
  auto big = xapian_db::read_stub_text(dir.str("big"));
  REQUIRE(big.ok());
  CHECK(big->size() == stub_file::kMaxStubBytes + 1);
  auto missing = xapian_db::read_stub_text(dir.str("none"));
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().code == ErrorCode::kIo);
  CHECK_THAT(missing.error().message, Catch::StartsWith(dir.str("none") + ": cannot read the stub file"));
}
