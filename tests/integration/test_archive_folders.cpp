// Integration tests for several archive folders in one database: a file is known by its absolute
// path (the folder resolved), so two folders holding the same relative paths are indexed side by
// side, each re-run stays incremental, and pruning keeps to the folder walked.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include <xapian.h>

#include "common/schema.hpp"
#include "indexer/status.hpp"
#include "nightly_util.hpp"

using namespace newsidx;
using namespace newsidx::test;
namespace fs = std::filesystem;

namespace {

// Articles of a database, or of a partitioned archive's folder (Xapian opens its stub).
std::size_t articles(const std::string& db_path) {
  return Xapian::Database(db_path).get_termfreq(schema::type_term(schema::kTypeArticle));
}

// The ids of the articles holding `word`.
std::set<std::string> ids_with(const std::string& db_path, const std::string& word) {
  Xapian::Database db(db_path);
  std::set<std::string> out;
  for (auto p = db.postlist_begin(word); p != db.postlist_end(word); ++p) {
    const Xapian::Document doc = db.get_document(*p);
    auto t = doc.termlist_begin();
    t.skip_to("Q");
    if (t != doc.termlist_end() && (*t)[0] == 'Q') out.insert((*t).substr(1));
  }
  return out;
}

// Two desks with the same file names and different stories (BBC's tech/001.txt, sport/001.txt).
void write_desks(const fs::path& root) {
  for (int i = 1; i <= 3; ++i) {
    write_file(root / "tech" / fmt::format("00{}.txt", i),
               fmt::format("Chip maker story {}\n\nThe chipmaker reported results number {} on Monday.\n", i, i));
    write_file(root / "sport" / fmt::format("00{}.txt", i),
               fmt::format("Football story {}\n\nThe footballers won match number {} on Saturday.\n", i, i));
  }
}

indexer::Summary index(const std::string& db, const std::string& folder, const std::string& partition = "") {
  auto o = nightly_options(db, folder);
  o.partition = partition;
  return run_ok(o);
}

// The two desks of write_desks in `dir`, each folder indexed on its own into one database.
std::string index_both_desks(const TempDir& dir) {
  write_desks(dir.path() / "bbc");
  const std::string db = dir.str("db");
  index(db, dir.str("bbc/tech"));
  index(db, dir.str("bbc/sport"));
  return db;
}

}  // namespace

TEST_CASE("folders: two folders with the same file names are indexed side by side", "[folders][integration]") {
  TempDir dir;
  write_desks(dir.path() / "bbc");
  const std::string db = dir.str("db");
  const auto tech = index(db, dir.str("bbc/tech"));
  CHECK(tech.added == 3);
  const auto sport = index(db, dir.str("bbc/sport"));
  CHECK(sport.added == 3);
  CHECK(sport.updated == 0);
  CHECK(articles(db) == 6);
  const std::string tech_root = fs::canonical(dir.path() / "bbc/tech").string();
  CHECK(ids_with(db, "chipmaker") == std::set<std::string>{tech_root + "/001.txt", tech_root + "/002.txt",
                                                           tech_root + "/003.txt"});
  CHECK(ids_with(db, "footballers").size() == 3);
  // Each folder's re-run writes nothing, in either order.
  for (const char* folder : {"bbc/tech", "bbc/sport", "bbc/tech"}) {
    INFO(folder);
    const auto again = index(db, dir.str(folder));
    CHECK(again.files_unchanged == 3);
    CHECK(again.added + again.updated + again.removed == 0);
    CHECK(again.articles_read == 0);
  }
  CHECK(articles(db) == 6);
}

TEST_CASE("folders: a file removed from one folder is pruned by that folder's run only", "[folders][integration]") {
  TempDir dir;
  const std::string db = index_both_desks(dir);
  fs::remove(dir.path() / "bbc/tech/002.txt");
  // The sport run does not touch the tech folder's files, gone or not.
  const auto sport = index(db, dir.str("bbc/sport"));
  CHECK(sport.removed == 0);
  CHECK(articles(db) == 6);
  const auto tech = index(db, dir.str("bbc/tech"));
  CHECK(tech.removed == 1);
  CHECK(articles(db) == 5);
  CHECK(ids_with(db, "footballers").size() == 3);
  CHECK(ids_with(db, "chipmaker").size() == 2);
}

TEST_CASE("folders: one folder spelled another way is the same folder", "[folders][integration]") {
  TempDir dir;
  write_desks(dir.path() / "bbc");
  fs::create_directory_symlink(dir.path() / "bbc/tech", dir.path() / "tech-link");
  const std::string db = dir.str("db");
  index(db, dir.str("bbc/tech"));
  const std::string relative = fs::relative(dir.path() / "bbc/sport/../tech", fs::current_path()).string();
  for (const std::string& spelling : {dir.str("bbc/tech") + "/", dir.str("tech-link"), relative}) {
    INFO(spelling);
    const auto again = index(db, spelling);
    CHECK(again.files_unchanged == 3);
    CHECK(again.added + again.updated + again.removed == 0);
  }
  CHECK(articles(db) == 3);
  // A file removed and the folder given through the link: pruned as through its own name.
  fs::remove(dir.path() / "bbc/tech/003.txt");
  CHECK(index(db, dir.str("tech-link")).removed == 1);
  CHECK(articles(db) == 2);
}

TEST_CASE("folders: the archive and then one of its sub-folders: nothing re-read, the other sub-folder kept",
          "[folders][integration]") {
  TempDir dir;
  write_desks(dir.path() / "bbc");
  const std::string db = dir.str("db");
  CHECK(index(db, dir.str("bbc")).added == 6);
  const auto tech = index(db, dir.str("bbc/tech"));
  CHECK(tech.articles_read == 0);
  CHECK(tech.added + tech.updated + tech.removed == 0);
  // The sport files are not under the folder walked: never pruned by it.
  CHECK(articles(db) == 6);
  const auto whole = index(db, dir.str("bbc"));
  CHECK(whole.articles_read == 0);
  CHECK(whole.added + whole.updated + whole.removed == 0);
  // The whole archive and a sub-folder in one run: each file once.
  auto both = nightly_options(db, dir.str("bbc"));
  both.archives.push_back(dir.str("bbc/tech"));
  const auto s = run_ok(both);
  CHECK(s.files == 6);
  CHECK(s.added + s.updated + s.removed == 0);
}

TEST_CASE("folders: a partitioned archive keeps two folders side by side and prunes each on its own",
          "[folders][integration]") {
  TempDir dir;
  write_desks(dir.path() / "bbc");
  const std::string db = dir.str("archive-db");
  CHECK(index(db, dir.str("bbc/tech"), "year").added == 3);
  const auto sport = index(db, dir.str("bbc/sport"), "year");
  CHECK(sport.added == 3);
  CHECK(sport.updated == 0);
  CHECK(articles(db) == 6);
  const auto again = index(db, dir.str("bbc/tech/"), "year");
  CHECK(again.added + again.updated + again.removed == 0);
  fs::remove(dir.path() / "bbc/sport/001.txt");
  CHECK(index(db, dir.str("bbc/tech"), "year").removed == 0);
  CHECK(index(db, dir.str("bbc/sport"), "year").removed == 1);
  CHECK(articles(db) == 5);
}

TEST_CASE("folders: a file removed from a sub-folder indexed alone is pruned by a run over the whole archive",
          "[folders][integration]") {
  TempDir dir;
  write_desks(dir.path() / "bbc");
  const std::string db = dir.str("db");
  CHECK(index(db, dir.str("bbc")).added == 6);
  index(db, dir.str("bbc/tech"));  // the tech files are now recorded from bbc/tech
  fs::remove(dir.path() / "bbc/tech/003.txt");
  CHECK(index(db, dir.str("bbc")).removed == 1);
  CHECK(articles(db) == 5);
  // And the other way: recorded from the whole archive, removed, then a run over the sub-folder.
  fs::remove(dir.path() / "bbc/tech/002.txt");
  CHECK(index(db, dir.str("bbc/tech")).removed == 1);
  CHECK(articles(db) == 4);
}

TEST_CASE("folders: --status counts the files it lists by folder, the file states read once", "[folders][integration]") {
  TempDir dir;
  const std::string db = index_both_desks(dir);
  {
    // A state entry no run would write (cut short): not a file the archive knows.
    Xapian::WritableDatabase w(db, Xapian::DB_OPEN);
    w.set_metadata(std::string(schema::kFileStateKeyPrefix) + "/gone/stray.txt", "garbage");
    w.commit();
  }
  auto s = indexer::read_status(db);
  REQUIRE(s);
  std::size_t listed = 0;
  for (const auto& f : s->folders) listed += f.files;
  CHECK(s->folders.size() == 2);
  CHECK(listed == 6);
  CHECK(s->files == listed);  // the count line and the folder lines come from one reading
}
