// Integration: facet counts through Xapian's remote backend. xapian-tcpsrv does not know
// newsidx's ListCountMatchSpy, so the searcher must fall back to the ValueCountMatchSpy path and
// give the same counts as a local search. Skips when xapian-tcpsrv is not installed.
#include <catch2/catch.hpp>

#include "integration/query_fixture.hpp"
#include "integration/tcp_server.hpp"
#include "query/searcher.hpp"

using namespace newsidx;
using newsidx::test::TcpServer;

TEST_CASE("query remote: facet counts over xapian-tcpsrv equal the local ones", "[query][integration]") {
  if (test::run_command("command -v xapian-tcpsrv >/dev/null").status != 0) {
    WARN("skipped: xapian-tcpsrv is not installed (apt-get install xapian-tools)");
    return;
  }
  test::TempDir dir;
  test::write_query_fixture(dir.str("db"));
  TcpServer server(dir.str("db"));
  REQUIRE(server.port() != 0);
  test::write_file(dir.path() / "remote.stub", "remote 127.0.0.1:" + std::to_string(server.port()) + "\n");

  query::SearchRequest req;
  req.text = "sanctions OR talks OR putin OR papers";
  req.facets = {"person", "country"};
  req.timeline = true;
  req.limit = 3;
  auto local = query::Searcher::open(dir.str("db"));
  auto remote = query::Searcher::open(dir.str("remote.stub"));
  REQUIRE(local.ok());
  REQUIRE(remote.ok());
  auto l = (*local)->search(req);
  auto r = (*remote)->search(req);
  REQUIRE(l.ok());
  REQUIRE(r.ok());
  CHECK(r->matches_estimated == l->matches_estimated);
  REQUIRE(r->facets.size() == 2);
  for (std::size_t i = 0; i < 2; ++i) {
    CHECK(r->facets[i].values == l->facets[i].values);
    CHECK(r->facets[i].with_value == l->facets[i].with_value);
  }
  CHECK(r->facets[0].values.front() == query::FacetValue{"Antony Blinken", 3});
  REQUIRE(r->timeline);
  CHECK(r->timeline->dated == l->timeline->dated);
  REQUIRE(r->hits.size() == l->hits.size());
  for (std::size_t i = 0; i < r->hits.size(); ++i) CHECK(r->hits[i].record["id"] == l->hits[i].record["id"]);
}
