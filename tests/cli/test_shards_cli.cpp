// CLI tests for partitioned archives: newsidx-index --partition / --compact and newsidx-query
// over the archive folder, compared with one database, through the real binaries.
#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>

#include "integration/shards_util.hpp"

using namespace newsidx::test;

namespace {

const std::string kIndex = NEWSIDX_INDEX_BIN;
const std::string kQuery = NEWSIDX_QUERY_BIN;

// The ids printed by --format ids, sorted: ties in weight are ordered by docid, which differs
// between one database and several.
std::vector<std::string> ids(const std::string& db, const std::string& args) {
  auto r = run_command(kQuery + " --db " + sh_quote(db) + " --format ids --limit 20 " + args);
  REQUIRE(r.status == 0);
  std::vector<std::string> out;
  std::istringstream in(r.out);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.push_back(line);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("shards cli: --partition year, then the query tool over the archive folder", "[shards][cli]") {
  TempDir dir;
  write_corpus(dir.path() / "in", 40);
  REQUIRE(run_command(kIndex + " -q --no-progress --db " + sh_quote(dir.str("one.db")) + " " + sh_quote(dir.str("in"))).status == 0);
  auto r = run_command(kIndex + " --no-progress --partition year --db " + sh_quote(dir.str("archive")) + " " +
                           sh_quote(dir.str("in")),
                       true);
  INFO(r.out);
  REQUIRE(r.status == 0);
  CHECK(r.out.find("40 added") != std::string::npos);
  for (const char* q : {"energy", "\"trade talks\"", "merkel OR biden"}) {
    INFO(q);
    auto a = ids(dir.str("one.db"), sh_quote(q));
    CHECK_FALSE(a.empty());
    CHECK(ids(dir.str("archive"), sh_quote(q)) == a);
  }
  auto facets = [&](const std::string& db) {
    return run_command(kQuery + " --db " + sh_quote(db) + " --no-collapse --facets-only --facets person,place --timeline energy").out;
  };
  CHECK(facets(dir.str("archive")).find("Angela Merkel") != std::string::npos);
  CHECK(facets(dir.str("archive")) == facets(dir.str("one.db")));

  auto c = run_command(kIndex + " --no-progress --compact --db " + sh_quote(dir.str("archive")), true);
  INFO(c.out);
  CHECK(c.status == 0);
  CHECK(c.out.find("4 partitions compacted") != std::string::npos);
  CHECK(ids(dir.str("archive"), "energy") == ids(dir.str("one.db"), "energy"));

  auto bad = run_command(kIndex + " --no-progress --partition month --db " + sh_quote(dir.str("archive")) + " " +
                             sh_quote(dir.str("in")),
                         true);
  CHECK(bad.status == 2);
  CHECK(bad.out.find("partitioned by year") != std::string::npos);
  auto single = run_command(kIndex + " --no-progress --compact --db " + sh_quote(dir.str("one.db")), true);
  CHECK(single.status == 2);
}

TEST_CASE("shards cli: a damaged ARCHIVE/state is named with --rebuild, and --rebuild rebuilds the archive from its folders",
          "[shards][cli]") {
  TempDir dir;
  write_corpus(dir.path() / "in", 40);
  const std::string archive = dir.str("archive");
  const std::filesystem::path state = std::filesystem::path(archive) / "state";
  auto index = [&](const std::string& db, const std::string& args) {
    auto r = run_command(kIndex + " --no-progress " + args + " --db " + sh_quote(db) + " " + sh_quote(dir.str("in")), true);
    INFO(r.out);
    return r;
  };
  REQUIRE(index(dir.str("one.db"), "-q").status == 0);
  // Garbage over the state database's files, then a file in its place.
  for (const bool whole : {false, true}) {
    INFO((whole ? "a file in the state's place" : "garbage in the state's files"));
    std::filesystem::remove_all(archive);
    REQUIRE(index(archive, "-q --partition year").status == 0);
    if (whole) {
      std::filesystem::remove_all(state);
      write_file(state, "garbage\n");
    } else {
      for (const auto& e : std::filesystem::directory_iterator(state))
        if (e.path().filename() != "flintlock") write_file(e.path(), "garbage\n");
    }
    for (const std::string& cmd :
         {kIndex + " --no-progress --db " + sh_quote(archive) + " " + sh_quote(dir.str("in")),
          kIndex + " --status --db " + sh_quote(archive)}) {
      auto r = run_command(cmd, true);
      INFO(r.out);
      CHECK(r.status == 3);
      CHECK(r.out.find(state.string() + ": the state database of the partitioned archive " + archive + " is damaged") !=
            std::string::npos);
      CHECK(r.out.find("newsidx-index --rebuild --db " + archive + " FOLDER...") != std::string::npos);
    }
    auto rebuilt = index(archive, "--rebuild");
    REQUIRE(rebuilt.status == 0);
    CHECK(rebuilt.out.find("40 added") != std::string::npos);
    CHECK(std::filesystem::exists(std::filesystem::path(archive) / "2019"));  // by year, as its partitions were
    CHECK(ids(archive, "energy") == ids(dir.str("one.db"), "energy"));
    auto next = index(archive, "");
    CHECK(next.status == 0);
    CHECK(next.out.find("3 files (3 unchanged)") != std::string::npos);
  }
}

TEST_CASE("shards cli: --rebuild of a partitioned archive swaps a new archive in whole, and may re-partition",
          "[shards][cli]") {
  TempDir dir;
  write_corpus(dir.path() / "in", 40);
  const std::string archive = dir.str("archive");
  auto index = [&](const std::string& db, const std::string& args) {
    auto r = run_command(kIndex + " --no-progress " + args + " --db " + sh_quote(db) + " " + sh_quote(dir.str("in")), true);
    INFO(r.out);
    return r;
  };
  REQUIRE(index(archive, "--partition year").status == 0);
  // One feed gone: a rebuild holds only what the files hold now, like a fresh index of them.
  std::filesystem::remove(dir.path() / "in" / "feed2.jsonl");
  auto r = index(archive, "--rebuild");
  REQUIRE(r.status == 0);
  CHECK(r.out.find("27 added") != std::string::npos);
  CHECK(r.out.find("(rebuilt)") != std::string::npos);
  REQUIRE(index(dir.str("one.db"), "-q").status == 0);
  for (const char* q : {"energy", "merkel OR biden"}) {
    INFO(q);
    CHECK(ids(archive, sh_quote(q)) == ids(dir.str("one.db"), sh_quote(q)));
  }
  for (const auto& e : std::filesystem::directory_iterator(dir.path()))
    CHECK(e.path().filename().string().find(".rebuild-") == std::string::npos);

  // A rebuild may change the scheme; later runs then keep the new one.
  REQUIRE(index(archive, "--rebuild --partition month").status == 0);
  CHECK(std::filesystem::exists(std::filesystem::path(archive) / "2019-01"));
  CHECK_FALSE(std::filesystem::exists(std::filesystem::path(archive) / "2019"));
  CHECK(ids(archive, "energy") == ids(dir.str("one.db"), "energy"));
  auto again = index(archive, "--partition year");
  CHECK(again.status == 2);
  CHECK(again.out.find("partitioned by month") != std::string::npos);

  // A plain database is not rebuilt into an archive in place.
  auto plain = index(dir.str("one.db"), "--rebuild --partition year");
  CHECK(plain.status == 2);
  CHECK(plain.out.find("partitioned archive or a new path") != std::string::npos);
}
