// CLI tests: the real newsidx-index and newsidx-query binaries, their output and exit codes.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <sstream>

#include "test_util.hpp"

using namespace newsidx::test;

namespace {

const std::string kIndex = NEWSIDX_INDEX_BIN;
const std::string kQuery = NEWSIDX_QUERY_BIN;

void small_archive(const TempDir& dir) {
  write_file(dir.path() / "archive/2022/01/19/talks.txt",
             "Ministers meet for border talks\n\nGENEVA — Foreign ministers met for talks on the "
             "border dispute on Friday, officials said.\n");
  write_file(dir.path() / "archive/2022/01/20/markets.txt",
             "Markets steady after talks\n\nShares were little changed as traders waited.\n");
}

std::string index_cmd(const TempDir& dir) {
  return kIndex + " -q --db " + sh_quote(dir.str("db")) + " " + sh_quote(dir.str("archive"));
}

std::string query_cmd(const TempDir& dir, const std::string& args) {
  return kQuery + " --db " + sh_quote(dir.str("db")) + " " + args;
}

}  // namespace

TEST_CASE("cli: newsidx-index prints one summary line and exits 0", "[cli]") {
  TempDir dir;
  small_archive(dir);
  auto r = run_command(index_cmd(dir));
  CHECK(r.status == 0);
  CHECK(r.out.find("2 added") != std::string::npos);
  CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 1);
}

TEST_CASE("cli: newsidx-index exits 1 when some input was skipped, naming file and line", "[cli]") {
  TempDir dir;
  small_archive(dir);
  write_file(dir.path() / "archive/feed.jsonl", "{\"id\":\"a\",\"title\":\"T\",\"body\":\"Text.\"}\nnot json\n");
  auto r = run_command(kIndex + " --db " + sh_quote(dir.str("db")) + " " + sh_quote(dir.str("archive")), true);
  CHECK(r.status == 1);
  CHECK(r.out.find("feed.jsonl:2") != std::string::npos);
  CHECK(r.out.find("3 added") != std::string::npos);
}

TEST_CASE("cli: newsidx-index usage errors exit 2 with a hint", "[cli]") {
  auto r = run_command(kIndex + " --db /tmp/x", true);
  CHECK(r.status == 2);
  CHECK(r.out.find("hint:") != std::string::npos);
}

TEST_CASE("cli: newsidx-query exit status is 0 with hits, 1 without, 2 on bad syntax, 3 on a missing database", "[cli]") {
  TempDir dir;
  small_archive(dir);
  REQUIRE(run_command(index_cmd(dir)).status == 0);
  CHECK(run_command(query_cmd(dir, "talks")).status == 0);
  CHECK(run_command(query_cmd(dir, "nonexistentword")).status == 1);
  auto bad = run_command(query_cmd(dir, "'\"unbalanced AND ('"), true);
  CHECK(bad.status == 2);
  CHECK(bad.out.find("hint:") != std::string::npos);
  auto missing = run_command(kQuery + " --db " + sh_quote(dir.str("nope")) + " talks", true);
  CHECK(missing.status == 3);
  CHECK(missing.out.find("no such database") != std::string::npos);
}

TEST_CASE("cli: newsidx-query --json writes one parseable object per hit", "[cli]") {
  TempDir dir;
  small_archive(dir);
  REQUIRE(run_command(index_cmd(dir)).status == 0);
  auto r = run_command(query_cmd(dir, "--json talks"));
  REQUIRE(r.status == 0);
  std::istringstream in(r.out);
  std::vector<nlohmann::json> hits;
  for (std::string line; std::getline(in, line);) hits.push_back(nlohmann::json::parse(line));
  REQUIRE(hits.size() == 2);
  CHECK(hits[0]["rank"] == 1);
  CHECK(hits[0]["schema"] == 1);
  CHECK(hits[0]["title"] == "Ministers meet for border talks");
  CHECK(hits[0]["date"] == "2022-01-19");
  CHECK(hits[0]["dateline"] == "GENEVA");
  CHECK_FALSE(hits[0]["highlights"].empty());
}

TEST_CASE("cli: newsidx-query --count prints the number of matches, piped output has no escapes", "[cli]") {
  TempDir dir;
  small_archive(dir);
  REQUIRE(run_command(index_cmd(dir)).status == 0);
  CHECK(run_command(query_cmd(dir, "--count talks")).out == "2\n");
  auto r = run_command(query_cmd(dir, "talks"));
  CHECK(r.out.find('\x1b') == std::string::npos);
  CHECK(r.out.find("1. 2022-01-19  Ministers meet for border talks") != std::string::npos);
}

TEST_CASE("cli: --partial answers from the reachable partitions and names the one that is down", "[cli]") {
  TempDir dir;
  small_archive(dir);
  REQUIRE(run_command(index_cmd(dir)).status == 0);
  // A stub database: the local partition, and a remote one nobody serves (port 1 refuses).
  write_file(dir.path() / "all.stub", "auto " + dir.str("db") + "\nremote 127.0.0.1:1\n");
  const std::string stub = kQuery + " --db " + sh_quote(dir.str("all.stub")) + " talks";
  auto whole = run_command(stub, true);
  CHECK(whole.status == 3);
  CHECK(whole.out.find("127.0.0.1:1") != std::string::npos);
  auto partial = run_command(stub + " --partial", true);
  CHECK(partial.status == 0);
  CHECK(partial.out.find("partition not reachable, results are partial: remote 127.0.0.1:1") != std::string::npos);
  CHECK(partial.out.find("Ministers meet for border talks") != std::string::npos);
}

TEST_CASE("cli: --quotes finds quotations between two apostrophes and shows a described Source", "[cli]") {
  TempDir dir;
  write_file(dir.path() / "archive/2022/01/19/talks.txt",
             "Ministers meet for border talks\n\n"
             "WASHINGTON \u2014 Antony Blinken met his counterpart on Friday.\n\n"
             "''We are deeply concerned about the build-up on the border,'' a senior State Department "
             "official told reporters.\n\n"
             "\u00abWe will not accept any ultimatum from anyone,\u00bb Sergei Lavrov said.\n");
  REQUIRE(run_command(index_cmd(dir)).status == 0);
  // The quotation as one line, wherever the text output wrapped it.
  auto joined = [](std::string s) {
    for (std::size_t at; (at = s.find("\n   ")) != std::string::npos;) s.replace(at, 4, " ");
    return s;
  };
  auto r = run_command(query_cmd(dir, "--quotes concerned"));
  REQUIRE(r.status == 0);
  CHECK(joined(r.out).find("a senior State Department official: \u201CWe are deeply concerned about the build-up on the "
                   "border") != std::string::npos);
  auto g = run_command(query_cmd(dir, "--quotes ultimatum"));
  REQUIRE(g.status == 0);
  CHECK(joined(g.out).find("Sergei Lavrov: \u201CWe will not accept any ultimatum from anyone") != std::string::npos);
  // The facet carries names only.
  auto f = run_command(query_cmd(dir, "--facets-only --facets speaker"));
  CHECK(f.out.find("Sergei Lavrov") != std::string::npos);
  CHECK(f.out.find("official") == std::string::npos);
}
