// CLI tests for issue 15's indexer defects, through the real binary: a full disk under the log
// file, and JSON Lines oddities named by line.
#include <catch2/catch.hpp>

#include <filesystem>

#include "test_util.hpp"

using namespace newsidx::test;
namespace fs = std::filesystem;

namespace {

const std::string kIndex = NEWSIDX_INDEX_BIN;

std::string index_cmd(const TempDir& dir, const std::string& extra = "") {
  return kIndex + " --config /dev/null --no-progress --db " + sh_quote(dir.str("db")) + " " + extra + " " +
         sh_quote(dir.str("archive"));
}

}  // namespace

TEST_CASE("cli: a full disk under --log-file warns once on stderr; the run goes on and prints its summary", "[cli][hardening]") {
  TempDir dir;
  auto small = SmallDisk::mount(dir.path() / "small", "size=4k");
  if (!small) return;
  write_file(dir.path() / "small/fill", std::string(4096, 'x'));  // the disk is now full
  for (int i = 0; i < 20; ++i)
    write_file(dir.path() / ("archive/s" + std::to_string(i) + ".txt"), "Story\n\nDock workers met on Monday.\n");
  write_file(dir.path() / "archive/bad.jsonl", "not json\n");  // a warning to log
  const std::string log = dir.str("small/index.log");
  auto out = run_command(index_cmd(dir, "-v --log-file " + sh_quote(log)) + " 2>" + sh_quote(dir.str("err")));
  const std::string err = read_file(dir.path() / "err");
  INFO(err);
  CHECK(out.status == 1);  // the skipped line, not an abort (134)
  CHECK(out.out.find("newsidx-index: 21 files (0 unchanged), 20 articles read, 20 added") != std::string::npos);
  std::size_t warnings = 0;
  for (std::size_t p = err.find("cannot write the log file"); p != std::string::npos; p = err.find("cannot write the log file", p + 1))
    ++warnings;
  CHECK(warnings == 1);
  CHECK(err.find("bad.jsonl:1: skipped") != std::string::npos);  // stderr still has the warnings
}

TEST_CASE("cli: a JSON Lines feed with a NUL byte, a huge number and CR line ends loses only the bad lines", "[cli][hardening]") {
  TempDir dir;
  write_file(dir.path() / "archive/feed.jsonl",
             std::string("{\"id\":\"a\",\"body\":\"First.\"}\r{\"id\":\"b\",\"body\":\"Se") + '\0' +
                 "cond.\"}\r{\"id\":\"c\",\"body\":\"Third.\",\"n\":1e999}\r{\"id\":\"d\",\"body\":\"Fourth.\"}\r");
  auto r = run_command(index_cmd(dir), true);
  CHECK(r.status == 1);
  CHECK(r.out.find("feed.jsonl:2: skipped: NUL byte") != std::string::npos);
  CHECK(r.out.find("feed.jsonl:3: skipped: malformed JSON: number overflow") != std::string::npos);
  CHECK(r.out.find("2 articles read, 2 added") != std::string::npos);
  auto extract = run_command(kIndex + " --config /dev/null --extract-only " + sh_quote(dir.str("archive")) + " 2>/dev/null");
  CHECK(extract.status == 1);
  CHECK(std::count(extract.out.begin(), extract.out.end(), '\n') == 2);
}

TEST_CASE("cli: a repeated id is one notice naming both places, once; the exit status stays 0", "[cli][hardening][ids]") {
  TempDir dir;
  write_file(dir.path() / "archive/a.jsonl", "{\"id\":\"s1\",\"body\":\"From A.\"}\n{\"id\":\"s1\",\"body\":\"From A again.\"}\n");
  write_file(dir.path() / "archive/b.jsonl", "{\"id\":\"s1\",\"body\":\"From B.\"}\n");
  auto r = run_command(index_cmd(dir), true);
  CHECK(r.status == 0);
  CHECK(r.out.find("a.jsonl:2: id \"s1\" is also at " + dir.str("archive/a.jsonl") + ":1; the last record is indexed") != std::string::npos);
  CHECK(r.out.find("b.jsonl:1: id \"s1\" is also at " + dir.str("archive/a.jsonl") + ":2; the last in walk order is indexed") != std::string::npos);
  CHECK(r.out.find("3 articles read") == std::string::npos);  // a's repeat is not read twice
  write_file(dir.path() / "archive/b.jsonl", "{\"id\":\"s1\",\"body\":\"From B, corrected.\"}\n");
  auto again = run_command(index_cmd(dir), true);
  CHECK(again.out.find("is also at") == std::string::npos);  // warned once, not every night
}
