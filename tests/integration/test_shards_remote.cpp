// Integration: partitions served by two xapian-tcpsrv processes on 127.0.0.1, combined with local
// partitions by a stub file of "remote" and "auto" lines, answer like one local database.
// Skips when xapian-tcpsrv is not installed.
#include <catch2/catch.hpp>

#include "integration/shards_util.hpp"
#include "integration/tcp_server.hpp"

using namespace newsidx;
using namespace newsidx::test;

TEST_CASE("shards remote: two partitions through xapian-tcpsrv answer like a local database",
          "[shards][integration]") {
  if (run_command("command -v xapian-tcpsrv >/dev/null").status != 0) {
    WARN("skipped: xapian-tcpsrv is not installed (apt-get install xapian-tools)");
    return;
  }
  TempDir dir;
  write_corpus(dir.path() / "in", 40);
  index_corpus(dir.str("one.db"), dir.str("in"), "");
  index_corpus(dir.str("archive"), dir.str("in"), "year");

  TcpServer a(dir.str("archive/2019"));
  TcpServer b(dir.str("archive/2020"));
  REQUIRE(a.port() != 0);
  REQUIRE(b.port() != 0);
  write_file(dir.path() / "mixed.stub",
             "remote 127.0.0.1:" + std::to_string(a.port()) + "\n" +  //
             "remote 127.0.0.1:" + std::to_string(b.port()) + "\n" +  //
             "auto archive/2021\nauto archive/2022\nauto archive/undated\n");
  CHECK(articles_in(dir.str("mixed.stub")) == 40);
  check_same(dir.str("one.db"), dir.str("mixed.stub"), false);

  SECTION("remote partitions alone answer like the same partitions opened locally") {
    write_file(dir.path() / "remote.stub", "remote 127.0.0.1:" + std::to_string(a.port()) + "\n" +
                                                "remote 127.0.0.1:" + std::to_string(b.port()) + "\n");
    CHECK(articles_in(dir.str("remote.stub")) ==
          articles_in(dir.str("archive/2019")) + articles_in(dir.str("archive/2020")));
    write_file(dir.path() / "local.stub", "auto archive/2019\nauto archive/2020\n");
    check_same(dir.str("local.stub"), dir.str("remote.stub"), false);
    // Xapian 1.4's remote backend has no spelling table: "did you mean" draws on local
    // partitions only (docs/deployment.md).
    CHECK(search(dir.str("local.stub"), requests()[4]).suggestion == "harbour");
    CHECK(search(dir.str("remote.stub"), requests()[4]).suggestion.empty());
  }

  SECTION("a server down: open fails naming it; open_partial answers from the others") {
    // Port 1 on loopback: nothing listens there, the connection is refused at once.
    write_file(dir.path() / "down.stub", "remote 127.0.0.1:1\nremote 127.0.0.1:" + std::to_string(a.port()) +
                                              "\nauto archive/2021\n");
    auto full = query::Searcher::open(dir.str("down.stub"));
    REQUIRE_FALSE(full.ok());
    CHECK(full.error().message.find("127.0.0.1:1") != std::string::npos);
    auto partial = query::Searcher::open_partial(dir.str("down.stub"));
    REQUIRE(partial.ok());
    CHECK((*partial)->unreachable() == std::vector<std::string>{"remote 127.0.0.1:1"});
    write_file(dir.path() / "up.stub", "auto archive/2019\nauto archive/2021\n");
    auto req = requests()[0];
    auto got = (*partial)->search(req);
    REQUIRE(got.ok());
    auto expected = search(dir.str("up.stub"), req);
    CHECK(got->matches_estimated == expected.matches_estimated);
    CHECK(canonical_hits(*got) == canonical_hits(expected));
    REQUIRE(got->facets.size() == expected.facets.size());
    CHECK(got->facets[0].values == expected.facets[0].values);
    // The archive folder itself (a XAPIANDB stub) opens partially too, with nothing left out.
    auto folder = query::Searcher::open_partial(dir.str("archive"));
    REQUIRE(folder.ok());
    CHECK((*folder)->unreachable().empty());
    CHECK((*folder)->database().get_doccount() == Xapian::Database(dir.str("archive")).get_doccount());
  }
}
