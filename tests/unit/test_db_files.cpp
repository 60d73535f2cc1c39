// Unit tests for indexer/storage/db_files: what a --db path resolves to (nothing, a database
// folder, a stub file, something foreign), the pre-write checks, lock holders, and the --rebuild
// generation folders and swap.
#include <catch2/catch.hpp>

#include <csignal>
#include <filesystem>
#include <string>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include "common/error.hpp"
#include "indexer/storage/db_files.hpp"
#include "test_util.hpp"

using namespace newsidx;
using namespace newsidx::indexer;
using newsidx::test::TempDir;
using newsidx::test::write_file;
namespace fs = std::filesystem;

namespace {

// A one-document Xapian database at `path`.
void make_db(const std::string& path) {
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
  Xapian::Document doc;
  doc.add_boolean_term("Qone");
  db.replace_document("Qone", doc);
  db.commit();
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("db files: nothing at the path is an absent database, a trailing slash dropped", "[db_files]") {
  TempDir tmp;
  auto loc = locate_db(tmp.str("news") + "/");
  REQUIRE(loc.ok());
  CHECK(loc->kind == DbKind::kAbsent);
  CHECK(loc->path == tmp.str("news") + "/");
  CHECK(loc->dir == tmp.str("news"));
}

TEST_CASE("db files: a Xapian folder and an empty folder are plain databases", "[db_files]") {
  TempDir tmp;
  make_db(tmp.str("db"));
  auto loc = locate_db(tmp.str("db"));
  REQUIRE(loc.ok());
  CHECK(loc->kind == DbKind::kDirectory);
  CHECK(loc->dir == tmp.str("db"));

  fs::create_directories(tmp.path() / "empty");
  auto empty = locate_db(tmp.str("empty"));
  REQUIRE(empty.ok());
  CHECK(empty->kind == DbKind::kDirectory);
}

TEST_CASE("db files: a folder of other files is refused, nothing changed, exit 3", "[db_files]") {
  TempDir tmp;
  write_file(tmp.path() / "photos" / "cat.jpg", "not a database");
  auto loc = locate_db(tmp.str("photos"));
  REQUIRE_FALSE(loc.ok());
  CHECK(loc.error().code == ErrorCode::kSchemaMismatch);
  CHECK(exit_code(loc.error().code) == 3);
  CHECK(loc.error().message == tmp.str("photos") +
                                   ": not a newsidx database: the folder holds other files and no Xapian database");
  CHECK(contains(loc.error().hint, "nothing was changed"));
  CHECK(fs::exists(tmp.path() / "photos" / "cat.jpg"));
}

TEST_CASE("db files: a stub names its folder relative to itself, or absolutely", "[db_files]") {
  TempDir tmp;
  write_file(tmp.path() / "archive" / "news.db", "# current generation\nauto news.db.gen-1\n");
  auto loc = locate_db(tmp.str("archive/news.db"));
  REQUIRE(loc.ok());
  CHECK(loc->kind == DbKind::kStub);
  CHECK(loc->dir == tmp.str("archive/news.db.gen-1"));

  write_file(tmp.path() / "abs.db", "glass " + tmp.str("elsewhere/gen") + "\n");
  auto abs = locate_db(tmp.str("abs.db"));
  REQUIRE(abs.ok());
  CHECK(abs->kind == DbKind::kStub);
  CHECK(abs->dir == tmp.str("elsewhere/gen"));
}

TEST_CASE("db files: stubs the indexer cannot write through are refused with the reason", "[db_files]") {
  TempDir tmp;
  struct Case {
    std::string text, message_part;
  };
  const std::vector<Case> cases{
      {"auto 2019\nauto 2020\n", "a stub listing 2 databases"},
      {"auto 2019\nremote 10.0.0.2:33333\n", "remote partition (line 2: 'remote 10.0.0.2:33333')"},
      {"hello\n", "news.db"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    write_file(tmp.path() / "news.db", c.text);
    auto loc = locate_db(tmp.str("news.db"));
    REQUIRE_FALSE(loc.ok());
    CHECK(loc.error().code == ErrorCode::kSchemaMismatch);
    CHECK(contains(loc.error().message, tmp.str("news.db")));
    CHECK(contains(loc.error().message, c.message_part));
    CHECK(contains(loc.error().hint, "nothing was changed"));
  }
}

TEST_CASE("db files: a broken stub names the line that is wrong", "[db_files]") {
  TempDir tmp;
  write_file(tmp.path() / "news.db", "auto gen\nthis is not a stub line\n");
  auto loc = locate_db(tmp.str("news.db"));
  REQUIRE_FALSE(loc.ok());
  CHECK(loc.error().code == ErrorCode::kSchemaMismatch);
  CHECK(contains(loc.error().message, tmp.str("news.db") + ":2"));
}

TEST_CASE("db files: a database in a missing folder is refused before any write", "[db_files]") {
  TempDir tmp;
  auto loc = locate_db(tmp.str("no/such/folder/db"));
  REQUIRE(loc.ok());
  auto st = check_writable(*loc);
  REQUIRE_FALSE(st.ok());
  CHECK(st.error().code == ErrorCode::kIo);
  CHECK(exit_code(st.error().code) == 4);
  CHECK(contains(st.error().message, "the folder " + tmp.str("no/such/folder") + " does not exist"));
  CHECK(contains(st.error().hint, "mkdir -p " + tmp.str("no/such/folder")));

  // The same path once its folder exists, and an existing database: both writable.
  fs::create_directories(tmp.path() / "no" / "such" / "folder");
  CHECK(check_writable(*loc).ok());
  make_db(tmp.str("db"));
  auto db = locate_db(tmp.str("db"));
  REQUIRE(db.ok());
  CHECK(check_writable(*db).ok());
}

TEST_CASE("db files: no lock file or no other holder gives no lock holder", "[db_files]") {
  TempDir tmp;
  CHECK(lock_holder(tmp.str()).empty());
  // This process holding the lock is not reported: the caller is the one asking.
  write_file(tmp.path() / "flintlock", "");
  int fd = ::open(tmp.str("flintlock").c_str(), O_RDONLY | O_CLOEXEC);
  REQUIRE(fd >= 0);
  CHECK(lock_holder(tmp.str()).empty());
  ::close(fd);
}

TEST_CASE("db files: another process with the lock file open is named by pid and command", "[db_files]") {
  TempDir tmp;
  write_file(tmp.path() / "flintlock", "");
  int ready[2];
  REQUIRE(::pipe(ready) == 0);
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    int fd = ::open(tmp.str("flintlock").c_str(), O_RDONLY);
    char c = fd >= 0 ? 'y' : 'n';
    if (::write(ready[1], &c, 1) != 1) ::_exit(1);
    ::pause();
    ::_exit(0);
  }
  ::close(ready[1]);
  char c = 0;
  REQUIRE(::read(ready[0], &c, 1) == 1);
  ::close(ready[0]);
  const std::string holder = lock_holder(tmp.str());
  ::kill(child, SIGKILL);
  ::waitpid(child, nullptr, 0);
  REQUIRE(c == 'y');
  CHECK(holder.rfind("pid " + std::to_string(child) + " (", 0) == 0);
  CHECK(contains(holder, "newsidx_unit_tests"));
  CHECK(holder.back() == ')');
}

TEST_CASE("db files: generation folders are named beside the database, never reused", "[db_files]") {
  TempDir tmp;
  const std::string first = new_generation_dir(tmp.str("news.db"));
  CHECK(first.rfind(tmp.str("news.db.gen-"), 0) == 0);
  CHECK(contains(first, "-" + std::to_string(::getpid())));
  fs::create_directories(first);
  const std::string second = new_generation_dir(tmp.str("news.db/"));
  CHECK(second != first);
  CHECK(second.rfind(tmp.str("news.db.gen-"), 0) == 0);
}

TEST_CASE("db files: stale generations and swap leftovers go, the current one and others stay", "[db_files]") {
  TempDir tmp;
  for (const char* name : {"news.db.gen-1", "news.db.gen-2", "news.db.swap-77", "other.db.gen-1", "news.dbx"})
    fs::create_directories(tmp.path() / name);
  write_file(tmp.path() / "news.db", "auto news.db.gen-2\n");
  auto removed = remove_stale_generations(tmp.str("news.db"), tmp.str("news.db.gen-2"));
  std::sort(removed.begin(), removed.end());
  CHECK(removed == std::vector<std::string>{tmp.str("news.db.gen-1"), tmp.str("news.db.swap-77")});
  CHECK(fs::exists(tmp.path() / "news.db.gen-2"));
  CHECK(fs::exists(tmp.path() / "other.db.gen-1"));
  CHECK(fs::exists(tmp.path() / "news.dbx"));
  CHECK(fs::exists(tmp.path() / "news.db"));
}

TEST_CASE("db files: the rebuild swap turns a database folder into a stub, the old folder returned", "[db_files]") {
  TempDir tmp;
  make_db(tmp.str("news.db"));
  make_db(tmp.str("news.db.gen-new"));
  auto current = locate_db(tmp.str("news.db"));
  REQUIRE(current.ok());
  auto old = swap_in_generation(*current, tmp.str("news.db.gen-new"));
  REQUIRE(old.ok());
  CHECK(newsidx::test::read_file(tmp.path() / "news.db") == "auto news.db.gen-new\n");
  // The old database lies at the returned folder, whole, for the caller to remove.
  REQUIRE_FALSE(old->empty());
  CHECK(Xapian::Database(*old).get_doccount() == 1);
  auto after = locate_db(tmp.str("news.db"));
  REQUIRE(after.ok());
  CHECK(after->kind == DbKind::kStub);
  CHECK(after->dir == tmp.str("news.db.gen-new"));
}

TEST_CASE("db files: the rebuild swap over a stub returns the previous generation, over nothing none", "[db_files]") {
  TempDir tmp;
  make_db(tmp.str("news.db.gen-1"));
  make_db(tmp.str("news.db.gen-2"));
  write_file(tmp.path() / "news.db", "auto news.db.gen-1\n");
  auto current = locate_db(tmp.str("news.db"));
  REQUIRE(current.ok());
  auto old = swap_in_generation(*current, tmp.str("news.db.gen-2"));
  REQUIRE(old.ok());
  CHECK(*old == tmp.str("news.db.gen-1"));
  CHECK(newsidx::test::read_file(tmp.path() / "news.db") == "auto news.db.gen-2\n");

  auto absent = locate_db(tmp.str("fresh.db"));
  REQUIRE(absent.ok());
  auto none = swap_in_generation(*absent, tmp.str("news.db.gen-2"));
  REQUIRE(none.ok());
  CHECK(none->empty());
  CHECK(newsidx::test::read_file(tmp.path() / "fresh.db") == "auto news.db.gen-2\n");
  // No temporary stub is left behind.
  for (const auto& e : fs::directory_iterator(tmp.path()))
    CHECK(e.path().filename().string().find(".swap-") == std::string::npos);
}

TEST_CASE("db files: a database on a read-only file system is refused before any write", "[db_files]") {
  TempDir tmp;
  auto disk = newsidx::test::SmallDisk::mount(tmp.path() / "ro", "ro,size=64k");
  if (!disk) return;  // SmallDisk said why (not root, or no mounting here)
  auto loc = locate_db(tmp.str("ro/news.db"));
  REQUIRE(loc.ok());
  CHECK(loc->kind == DbKind::kAbsent);
  auto st = check_writable(*loc);
  REQUIRE_FALSE(st.ok());
  CHECK(st.error().code == ErrorCode::kIo);
  CHECK(contains(st.error().message, tmp.str("ro") + ": the folder to create it in is not writable"));
  CHECK(contains(st.error().hint, "mounted read-only"));
}
