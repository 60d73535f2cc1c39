// Integration: partitions reached through Xapian's program form of the remote backend
// ("remote :PROGRAM ARGS" stub lines; over SSH it is "remote :ssh HOST xapian-progsrv DB"),
// tested with "remote :xapian-progsrv DB" on this machine, no network. They answer like the same
// partitions opened locally, facets and timeline included, and --partial leaves out one that
// fails. Skips when xapian-progsrv is not installed.
#include <catch2/catch.hpp>

#include "common/xapian_db.hpp"
#include "integration/shards_util.hpp"

using namespace newsidx;
using namespace newsidx::test;

namespace {

bool have_progsrv() {
  if (run_command("command -v xapian-progsrv >/dev/null").status == 0) return true;
  WARN("skipped: xapian-progsrv is not installed (apt-get install xapian-tools)");
  return false;
}

std::string progsrv(const TempDir& dir, const std::string& db) { return "remote :xapian-progsrv " + dir.str(db) + "\n"; }

}  // namespace

TEST_CASE("shards program: partitions through xapian-progsrv answer like a local database",
          "[shards][integration]") {
  if (!have_progsrv()) return;
  TempDir dir;
  write_corpus(dir.path() / "in", 40);
  index_corpus(dir.str("one.db"), dir.str("in"), "");
  index_corpus(dir.str("archive"), dir.str("in"), "year");
  write_file(dir.path() / "mixed.stub", "# two partitions served by a program, three local\n" +
                                            progsrv(dir, "archive/2019") + progsrv(dir, "archive/2020") +
                                            "auto archive/2021\nauto archive/2022\nauto archive/undated\n");
  CHECK(articles_in(dir.str("mixed.stub")) == 40);
  // Every request of requests(): hits, weights, facet counts and the timeline ("did you mean"
  // is left out: Xapian 1.4's remote backend has no spelling table).
  check_same(dir.str("one.db"), dir.str("mixed.stub"), false);
  auto opened = xapian_db::open_read(dir.str("mixed.stub"));
  REQUIRE(opened.ok());
  CHECK(opened->size() == 5);
}

TEST_CASE("shards program: a program partition that fails is named by line, and --partial leaves it out",
          "[shards][integration]") {
  if (!have_progsrv()) return;
  TempDir dir;
  write_corpus(dir.path() / "in", 40);
  index_corpus(dir.str("archive"), dir.str("in"), "year");
  // Line 2: a server program that starts but has no such database; line 3: one that exits at once
  // (as ssh does when the host is unknown).
  write_file(dir.path() / "down.stub", progsrv(dir, "archive/2019") + progsrv(dir, "archive/1999") +
                                           "remote :false\nauto archive/2021\n");

  auto full = query::Searcher::open(dir.str("down.stub"));
  REQUIRE_FALSE(full.ok());
  CHECK(full.error().message.rfind(dir.str("down.stub") + ":2: remote partition 'remote :xapian-progsrv " +
                                       dir.str("archive/1999") + "' did not open",
                                   0) == 0);
  CHECK(exit_code(full.error().code) == 3);
  CHECK(full.error().hint.find("--partial") != std::string::npos);

  auto partial = query::Searcher::open_partial(dir.str("down.stub"));
  REQUIRE(partial.ok());
  CHECK((*partial)->unreachable() ==
        std::vector<std::string>{"remote :xapian-progsrv " + dir.str("archive/1999"), "remote :false"});
  write_file(dir.path() / "up.stub", "auto archive/2019\nauto archive/2021\n");
  for (const auto& req : requests()) {
    INFO("query: " << req.text);
    auto got = (*partial)->search(req);
    REQUIRE(got.ok());
    auto expected = search(dir.str("up.stub"), req);
    CHECK(got->matches_estimated == expected.matches_estimated);
    CHECK(canonical_hits(*got) == canonical_hits(expected));
    REQUIRE(got->facets.size() == expected.facets.size());
    for (std::size_t i = 0; i < got->facets.size(); ++i) CHECK(got->facets[i].values == expected.facets[i].values);
  }

  // Only remote partitions are left out: a local one that fails still fails the search.
  write_file(dir.path() / "local-missing.stub", progsrv(dir, "archive/2019") + "auto archive/1999\n");
  auto local = query::Searcher::open_partial(dir.str("local-missing.stub"));
  REQUIRE_FALSE(local.ok());
  CHECK(local.error().message.rfind(dir.str("local-missing.stub") + ":2: ", 0) == 0);

  // Nothing answers: an error, not an empty archive.
  write_file(dir.path() / "none.stub", "remote :false\n");
  auto none = query::Searcher::open_partial(dir.str("none.stub"));
  REQUIRE_FALSE(none.ok());
  CHECK(none.error().message == dir.str("none.stub") + ": no partition could be opened");
}
