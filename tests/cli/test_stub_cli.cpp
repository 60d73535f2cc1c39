// CLI tests for stub files given to newsidx-query: a file that is not a stub, a bad line, and
// remote partitions reached through a program ("remote :xapian-progsrv DB", as over SSH),
// through the real binaries.
#include <catch2/catch.hpp>

#include <sstream>

#include "integration/shards_util.hpp"

using namespace newsidx::test;

namespace {

const std::string kQuery = NEWSIDX_QUERY_BIN;
const std::string kIndex = NEWSIDX_INDEX_BIN;

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

// stderr only.
CommandResult query_err(const std::string& db, const std::string& args) {
  return run_command(kQuery + " --db " + sh_quote(db) + " " + args + " 2>&1 >/dev/null");
}

}  // namespace

TEST_CASE("cli stub: a --db file that is not a stub, or a bad stub line, is one sentence naming file and line, exit 3",
          "[stub][cli]") {
  TempDir dir;
  write_file(dir.path() / "file.db", "hello\n");
  auto r = query_err(dir.str("file.db"), "harbour");
  CHECK(r.status == 3);
  auto ls = lines_of(r.out);
  REQUIRE(ls.size() == 2);
  CHECK(ls[0] == "newsidx-query: " + dir.str("file.db") + " is not a Xapian database or stub file: line 1 reads 'hello'");
  CHECK(ls[1].rfind("hint: point --db at a database folder written by newsidx-index", 0) == 0);

  write_corpus(dir.path() / "in", 6);
  index_corpus(dir.str("one.db"), dir.str("in"), "");
  write_file(dir.path() / "bad.stub", "auto one.db\nremote search1\n");
  r = query_err(dir.str("bad.stub"), "harbour");
  CHECK(r.status == 3);
  ls = lines_of(r.out);
  REQUIRE(ls.size() == 2);
  CHECK(ls[0] == "newsidx-query: " + dir.str("bad.stub") +
                     ":2: bad stub line 'remote search1': a remote server is HOST:PORT with a port of 1 to 65535");
  CHECK(ls[1].rfind("hint: fix or remove line 2 of ", 0) == 0);
}

TEST_CASE("cli stub: program partitions are searched with facets, and --partial names the one that fails",
          "[stub][shards][cli]") {
  if (run_command("command -v xapian-progsrv >/dev/null").status != 0) {
    WARN("skipped: xapian-progsrv is not installed (apt-get install xapian-tools)");
    return;
  }
  TempDir dir;
  write_corpus(dir.path() / "in", 40);
  index_corpus(dir.str("one.db"), dir.str("in"), "");
  index_corpus(dir.str("archive"), dir.str("in"), "year");
  std::string stub;
  for (const char* part : {"2019", "2020", "2021", "2022", "undated"})
    stub += "remote :xapian-progsrv " + dir.str("archive/") + part + "\n";
  write_file(dir.path() / "prog.stub", stub);
  // Every copy is counted (--no-collapse): the corpus's stories are one template, and remote
  // servers count facets over every copy of a story.
  auto facets = [&](const std::string& db, const std::string& extra = "") {
    return run_command(kQuery + " --db " + sh_quote(db) + " " + extra +
                       " --no-collapse --facets-only --facets person,place --timeline energy 2>&1");
  };
  auto expected = facets(dir.str("one.db"));
  CHECK(expected.out.find("Angela Merkel") != std::string::npos);
  CHECK(facets(dir.str("prog.stub")).out == expected.out);
  // A collapsed search (the default) runs over remote partitions too, one hit per story.
  auto stories = [&](const std::string& db) { return run_command(kQuery + " --db " + sh_quote(db) + " --count energy 2>&1"); };
  const auto remote_stories = stories(dir.str("prog.stub"));
  CHECK(remote_stories.status == 0);
  CHECK(remote_stories.out == stories(dir.str("one.db")).out);

  write_file(dir.path() / "down.stub", stub + "remote :xapian-progsrv " + dir.str("archive/1999") + "\n");
  auto down = facets(dir.str("down.stub"));
  CHECK(down.status == 3);
  CHECK(down.out.find(dir.str("down.stub") + ":6: remote partition 'remote :xapian-progsrv " + dir.str("archive/1999") +
                      "' did not open") != std::string::npos);
  auto partial = facets(dir.str("down.stub"), "--partial");
  CHECK(partial.status == 0);
  CHECK(partial.out == "warning: partition not reachable, results are partial: remote :xapian-progsrv " +
                           dir.str("archive/1999") + "\n" + expected.out);
}

TEST_CASE("cli stub: newsidx-index refuses a stub of remote partitions, naming the line, and changes nothing",
          "[stub][cli]") {
  TempDir dir;
  write_corpus(dir.path() / "in", 6);
  const std::string stub = "auto one.db\nremote :ssh search-b xapian-progsrv /srv/newsidx/2019\n";
  write_file(dir.path() / "all.stub", stub);
  auto r = run_command(kIndex + " --no-progress --db " + sh_quote(dir.str("all.stub")) + " " + sh_quote(dir.str("in")) +
                       " 2>&1 >/dev/null");
  CHECK(r.status == 3);
  auto ls = lines_of(r.out);
  REQUIRE(ls.size() == 2);
  CHECK(ls[0] == "newsidx-index: error: " + dir.str("all.stub") +
                     ": not a newsidx database: its stub names a remote partition (line 2: 'remote :ssh search-b "
                     "xapian-progsrv /srv/newsidx/2019'); newsidx-index writes local databases only, so run it where "
                     "the partition is");
  CHECK(read_file(dir.path() / "all.stub") == stub);
  CHECK_FALSE(std::filesystem::exists(dir.path() / "one.db"));
}
