// Integration on the real corpora: index the BBC set and the Reuters-21578 SGML, check counts and
// a few known queries. Skips with a message when ../shared/corpora is absent.
#include <catch2/catch.hpp>

#include <sstream>

#include "indexer/run.hpp"
#include "query/searcher.hpp"
#include "test_util.hpp"

using namespace newsidx;
using newsidx::test::TempDir;

namespace {

query::SearchResult search(const std::string& db, query::SearchRequest req) {
  auto s = query::Searcher::open(db);
  REQUIRE(s.ok());
  auto r = (*s)->search(req);
  REQUIRE(r.ok());
  return r.value();
}

indexer::Summary index(const std::string& db, const std::string& archive) {
  indexer::IndexOptions o;
  o.db = db;
  o.archives = {archive};
  o.jobs = 2;
  o.lock_timeout_s = 0;
  std::ostringstream out;
  auto s = indexer::run_index(o, out);
  REQUIRE(s.ok());
  return s.value();
}

}  // namespace

TEST_CASE("corpora: the BBC set indexes whole and 'tony blair election' finds politics stories", "[integration][corpora]") {
  std::string shared = test::shared_corpora();
  if (shared.empty()) {
    WARN("../shared/corpora is absent: BBC corpus test skipped");
    return;
  }
  TempDir dir;
  REQUIRE(test::run_command("tar -xzf " + test::sh_quote(shared + "/bbc/bbc-fulltext.tar.gz") + " -C " +
                            test::sh_quote(dir.str())).status == 0);
  auto s = index(dir.str("db"), dir.str("bbc"));
  CHECK(s.added == 2225);
  CHECK(s.skipped == 0);  // sport/199.txt is Latin-1: read with a notice, not skipped

  query::SearchRequest req;
  req.text = "tony blair election";
  auto r = search(dir.str("db"), req);
  REQUIRE(r.hits.size() == 10);
  for (const auto& h : r.hits) CHECK(h.record["section"] == "politics");
  CHECK(r.hits[0].record["title"].get<std::string>().find("Blair") != std::string::npos);

  query::SearchRequest person;
  person.filters = {{"person", {"blair"}}};
  person.count_only = true;
  CHECK(search(dir.str("db"), person).matches_estimated > 100);
}

TEST_CASE("corpora: Reuters-21578 indexes every story and its editorial tags", "[integration][corpora]") {
  std::string shared = test::shared_corpora();
  if (shared.empty()) {
    WARN("../shared/corpora is absent: Reuters corpus test skipped");
    return;
  }
  TempDir dir;
  std::filesystem::create_directories(dir.path() / "reuters");
  REQUIRE(test::run_command("for f in " + test::sh_quote(shared + "/reuters21578") + "/reut2-*.sgm.gz; do gzip -dc \"$f\" > " +
                            test::sh_quote(dir.str("reuters")) + "/$(basename \"${f%.gz}\"); done").status == 0);
  auto s = index(dir.str("db"), dir.str("reuters"));
  CHECK(s.added == 21577);  // 21,578 stories; NEWID 12793 has no text at all
  CHECK(s.skipped == 1);

  query::SearchRequest cocoa;
  cocoa.text = "title:cocoa";
  cocoa.count_only = true;
  CHECK(search(dir.str("db"), cocoa).matches_estimated > 50);

  // Editorial tags and extracted facets are separate: both find Japanese trade stories.
  query::SearchRequest tagged;
  tagged.text = "trade";
  tagged.filters = {{"tag", {"places:japan"}}};
  tagged.count_only = true;
  auto by_tag = search(dir.str("db"), tagged).matches_estimated;
  query::SearchRequest extracted = tagged;
  extracted.filters = {{"country", {"japan"}}};
  auto by_facet = search(dir.str("db"), extracted).matches_estimated;
  CHECK(by_tag > 100);
  CHECK(by_facet > by_tag / 2);

  query::SearchRequest dated;
  dated.text = "\"oil prices\"";
  dated.dates.from = "19870301";
  dated.dates.to = "19870331";
  auto r = search(dir.str("db"), dated);
  REQUIRE_FALSE(r.hits.empty());
  for (const auto& h : r.hits) CHECK(h.record["date"].get<std::string>().rfind("1987-03", 0) == 0);
}
