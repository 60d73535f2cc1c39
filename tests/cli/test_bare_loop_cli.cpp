// CLI test for the benchmark yardstick newsidx-bare-loop (issue 7): --writers 2, kept as shards
// behind a stub or merged with --merge, must hold the same stories as the one-writer database.
#include <catch2/catch.hpp>

#include <filesystem>
#include <set>

#include "integration/shards_util.hpp"

using namespace newsidx::test;

namespace {

// newsidx-bare-loop is a tools/ executable in the same build tree as newsidx-index (indexer/).
std::filesystem::path bare_loop_bin() {
  return std::filesystem::path(NEWSIDX_INDEX_BIN).parent_path().parent_path() / "tools" / "newsidx-bare-loop";
}

// The story ids (document data) and the match count of `query` in the database at `db`.
std::pair<std::set<std::string>, Xapian::doccount> contents(const std::string& db, const std::string& query) {
  Xapian::Database d(db);
  std::set<std::string> ids;
  for (auto it = d.postlist_begin(""); it != d.postlist_end(""); ++it) ids.insert(d.get_document(*it).get_data());
  Xapian::QueryParser qp;
  qp.set_stemmer(Xapian::Stem("english"));
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  qp.set_database(d);
  Xapian::Enquire enquire(d);
  enquire.set_query(qp.parse_query(query, Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_PHRASE));
  return {ids, enquire.get_mset(0, 1000).get_matches_estimated()};
}

}  // namespace

TEST_CASE("bare loop cli: --writers 2, as shards behind a stub or merged, holds what one writer holds",
          "[bare_loop][cli]") {
  const auto bin = bare_loop_bin();
  if (!std::filesystem::exists(bin)) {
    WARN("SKIPPED: " << bin.string() << " is not built (cmake --build ... --target newsidx-bare-loop)");
    return;
  }
  TempDir dir;
  write_corpus(dir.path() / "in", 60);  // three feeds: two go to writer 0, one to writer 1
  const auto run = [&](const std::string& db, const std::string& args) {
    auto r = run_command(sh_quote(bin.string()) + " --add " + args + " --db " + sh_quote(dir.str(db)) + " " +
                             sh_quote(dir.str("in")),
                         true);
    INFO(r.out);
    REQUIRE(r.status == 0);
    CHECK(r.out.find("stories 60,") != std::string::npos);
    return r.out;
  };
  run("one", "");
  CHECK(run("shards", "--writers 2").find("stub seconds") != std::string::npos);
  CHECK(run("merged", "--writers 2 --merge").find("merge seconds") != std::string::npos);

  CHECK(std::filesystem::exists(dir.path() / "shards" / "XAPIANDB"));
  CHECK(Xapian::Database(dir.str("shards/shard1")).get_doccount() == 20);
  CHECK_FALSE(std::filesystem::exists(dir.str("merged.shard0")));  // merged shards are deleted
  CHECK_FALSE(std::filesystem::exists(dir.str("merged.shard1")));

  for (const char* q : {"energy", "\"trade talks\"", "merkel OR biden"}) {
    INFO(q);
    const auto one = contents(dir.str("one"), q);
    CHECK(one.first.size() == 60);
    CHECK(one.second > 0);
    CHECK(contents(dir.str("shards"), q) == one);
    CHECK(contents(dir.str("shards/XAPIANDB"), q) == one);
    CHECK(contents(dir.str("merged"), q) == one);
  }
}
