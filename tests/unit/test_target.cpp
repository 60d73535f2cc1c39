// Unit tests of indexer/storage/target: the choices open_target makes from the options before it opens
// anything (no database is created by these cases).
#include <catch2/catch.hpp>

#include <filesystem>

#include "indexer/storage/partition.hpp"
#include "indexer/storage/target.hpp"
#include "test_util.hpp"

using namespace newsidx;

TEST_CASE("target: --compact of a single database is a usage error naming --partition, and creates nothing",
          "[target]") {
  test::TempDir dir;
  indexer::IndexOptions o;
  o.db = dir.str("news.db");
  o.compact = true;
  SECTION("a new path") {}
  SECTION("--partition none asked") { o.partition = "none"; }
  auto t = indexer::open_target(o, indexer::WriterOptions{});
  REQUIRE_FALSE(t);
  CHECK(t.error().code == ErrorCode::kUsage);
  CHECK(t.error().message == o.db + ": --compact applies to archives indexed with --partition");
  CHECK(t.error().hint.find("xapian-compact") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(o.db));
}

TEST_CASE("target: --relink of a path holding no database is refused, and creates nothing", "[target]") {
  test::TempDir dir;
  indexer::IndexOptions o;
  o.db = dir.str("typo.db");
  o.relink = true;
  auto t = indexer::open_target(o, indexer::WriterOptions{});
  REQUIRE_FALSE(t);
  CHECK(t.error().code == ErrorCode::kNotFound);
  CHECK(t.error().message == o.db + ": no database to relink");
  CHECK(t.error().hint == "check the --db path");
  CHECK_FALSE(std::filesystem::exists(o.db));
}

TEST_CASE("target: an archive whose state cannot be read is an error naming it, never a plain database", "[target]") {
  test::TempDir dir;
  indexer::IndexOptions o;
  o.db = dir.str("archive");
  o.archives = {dir.str("news")};
  // A state folder that is no database (damaged, or another program's files).
  test::write_file(dir.path() / "archive/state/junk", "not a Xapian database");
  auto scheme = indexer::archive_scheme(o.db);
  REQUIRE_FALSE(scheme);
  CHECK(scheme.error().message.find(o.db + "/state") != std::string::npos);
  auto t = indexer::open_target(o, indexer::WriterOptions{});
  REQUIRE_FALSE(t);
  CHECK(t.error().message.find(o.db + "/state") != std::string::npos);
  // Nothing was created beside the state folder.
  CHECK(std::distance(std::filesystem::directory_iterator(o.db), std::filesystem::directory_iterator()) == 1);
  // Absent, a plain folder, a file: not partitioned, no error.
  for (const std::string& path : {dir.str("none"), dir.str("plain"), dir.str("stub")}) {
    INFO(path);
    if (path.ends_with("plain")) std::filesystem::create_directory(path);
    if (path.ends_with("stub")) test::write_file(path, "auto news.db\n");
    auto none = indexer::archive_scheme(path);
    REQUIRE(none);
    CHECK_FALSE(none.value());
  }
}
