// CLI tests for issue 15's indexer defects, through the real binary: a full disk under the log
// file, and JSON Lines oddities named by line.
#include <catch2/catch.hpp>

#include <filesystem>

#include "test_util.hpp"
#include "unit/wire_test_util.hpp"

using namespace newsidx::test;
namespace fs = std::filesystem;

namespace {

const std::string kIndex = NEWSIDX_INDEX_BIN;
const std::string kQuery = NEWSIDX_QUERY_BIN;

std::string index_cmd(const TempDir& dir, const std::string& extra = "") {
  return kIndex + " --config /dev/null --no-progress --db " + sh_quote(dir.str("db")) + " " + extra + " " +
         sh_quote(dir.str("archive"));
}

}  // namespace

TEST_CASE("cli: a full disk under --log-file warns once on stderr, the run goes on and prints its summary", "[cli][hardening]") {
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
  // A number of hundreds of digits is named by its start and length, not printed whole.
  write_file(dir.path() / "archive/long.jsonl", "{\"id\":\"e\",\"body\":\"Fifth.\",\"n\":1" + std::string(400, '0') + "}\n");
  auto lng = run_command(index_cmd(dir), true);
  CHECK(lng.out.find("long.jsonl:1: skipped: malformed JSON: number overflow parsing '1" + std::string(47, '0') +
                     "...' (401 bytes)") != std::string::npos);
  CHECK(lng.out.find(std::string(60, '0')) == std::string::npos);
  // A token that holds a quote itself is cut at the quote that ends it.
  write_file(dir.path() / "archive/long.jsonl", "{\"id\":\"f\",\"body\":\"it's " + std::string(80, 'b') + "\\q\"}\n");
  auto quoted = run_command(index_cmd(dir), true);
  CHECK(quoted.out.find("last read: '\"it's " + std::string(42, 'b') + "...' (88 bytes)") != std::string::npos);
  CHECK(quoted.out.find(std::string(60, 'b')) == std::string::npos);
  auto extract = run_command(kIndex + " --config /dev/null --extract-only " + sh_quote(dir.str("archive")) + " 2>/dev/null");
  CHECK(extract.status == 1);
  CHECK(std::count(extract.out.begin(), extract.out.end(), '\n') == 2);
}

TEST_CASE("cli: a repeated id is one notice naming both places, once, the exit status stays 0", "[cli][hardening][ids]") {
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

TEST_CASE("cli: three files repeating an id are one warning a run, daily feeds repeating an item none", "[cli][hardening][ids]") {
  TempDir dir;
  for (const char* f : {"x1", "x2", "x3"})
    write_file(dir.path() / (std::string("archive/") + f + ".jsonl"), "{\"id\":\"s9\",\"body\":\"From " + std::string(f) + ".\"}\n");
  const auto feed = [](const std::string& title) {
    return "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Wire</title>\n<item><guid>g1</guid><title>" + title +
           "</title><pubDate>Mon, 01 Jan 2024 09:00:00 +0000</pubDate><description>The harbour reopened on Monday after the "
           "storm.</description></item>\n</channel></rss>\n";
  };
  write_file(dir.path() / "archive/day1.rss", feed("Harbour reopens"));
  write_file(dir.path() / "archive/day2.rss", feed("Harbour reopens"));
  auto r = run_command(index_cmd(dir), true);
  CHECK(r.status == 0);
  std::size_t warnings = 0;
  for (std::size_t at = 0; (at = r.out.find("id \"s9\" is also at", at)) != std::string::npos; ++at) ++warnings;
  CHECK(warnings == 1);
  // It names both places: the later holder, and the one it follows.
  CHECK(r.out.find("x2.jsonl:1: id \"s9\" is also at " + dir.str("archive/x1.jsonl") + ":1") != std::string::npos);
  CHECK(r.out.find("id \"g1\"") == std::string::npos);  // an intended repeat
  CHECK(r.out.find("5 articles read, 2 added") != std::string::npos);
}

TEST_CASE("cli: one id in three feeds dated in different years of a partitioned archive is one match and one warning", "[cli][hardening][ids]") {
  TempDir dir;
  write_file(dir.path() / "archive/a.jsonl", "{\"id\":\"s1\",\"date\":\"2020-03-01\",\"title\":\"Strike begins\",\"body\":\"Dock workers walked out.\"}\n");
  write_file(dir.path() / "archive/b.jsonl", "{\"id\":\"s1\",\"date\":\"2021-03-01\",\"title\":\"Strike goes on\",\"body\":\"Dock workers are still out.\"}\n");
  write_file(dir.path() / "archive/c.jsonl", "{\"id\":\"s1\",\"date\":\"2022-03-01\",\"title\":\"Strike ends\",\"body\":\"Dock workers went back.\"}\n");
  auto r = run_command(index_cmd(dir, "--partition year"), true);
  CHECK(r.status == 0);
  CHECK(r.out.find("b.jsonl:1: id \"s1\" is also at " + dir.str("archive/a.jsonl") + ":1; the last in walk order is indexed") !=
        std::string::npos);
  CHECK(r.out.find("c.jsonl:1: id \"s1\"") == std::string::npos);  // once per id and run, across partitions
  CHECK(r.out.find("1 added, 2 updated") != std::string::npos);
  auto q = run_command(kQuery + " --config /dev/null --db " + sh_quote(dir.str("db")) + " --format ids dock");
  CHECK(q.out == "s1\n");
}

TEST_CASE("cli: one page in two WARC crawls is one article and one warning naming both records' byte offsets", "[cli][hardening][ids]") {
  TempDir dir;
  std::string words;
  for (int i = 0; i < 80; ++i) words += "Dock workers on the quay walked out over pay and conditions. ";
  const std::string page = "<html><head><title>Harbour strike</title><link rel=\"canonical\" href=\"https://example.org/strike\"></head>"
                           "<body><article><h1>Harbour strike</h1><p>" + words + "</p></article></body></html>";
  const std::string info = newsidx::test::warc_record("warcinfo", "", "application/warc-fields", "software: t\r\n");
  const std::string rec = newsidx::test::warc_record("response", "https://example.org/strike", "application/http; msgtype=response",
                                            newsidx::test::http_html(page));
  write_file(dir.path() / "archive/a.warc", info + rec);
  write_file(dir.path() / "archive/b.warc", info + info + rec);
  auto r = run_command(index_cmd(dir), true);
  CHECK(r.status == 0);
  CHECK(r.out.find(dir.str("archive/b.warc") + " (record at byte " + std::to_string(2 * info.size()) +
                   "): id \"https://example.org/strike\" is also at " + dir.str("archive/a.warc") + " (record at byte " +
                   std::to_string(info.size()) + ")") != std::string::npos);
  CHECK(r.out.find("2 articles read, 1 added, 1 updated") != std::string::npos);
}

TEST_CASE("cli: a file or folder named from a working folder too deep to resolve is named, skipped, and the run goes on",
          "[cli][hardening]") {
  TempDir dir;
  write_file(dir.path() / "archive/good.txt", "Good story\n\nDock workers met on Monday.\n");
  // A working folder whose absolute path is longer than PATH_MAX (4096): the file and folder
  // named relative to it can be read, but their absolute paths (the keys) cannot be had. bash
  // makes it one level at a time (dash's cd needs the whole path), and rm -rf removes it.
  const std::string script = R"(set -e
cd "$1"; mkdir deep; cd deep
d=$(printf "d%.0s" $(seq 200))
for i in $(seq 22); do mkdir "$d"; cd "$d"; done
mkdir sub; printf 'Deep story\n\nThe harbour reopened on Monday.\n' > a.txt; cp a.txt sub/b.txt
"$2" --config /dev/null --no-progress --db "$1/db" a.txt sub "$1/archive" 2>&1 || echo "exit $?"
cd "$1"; rm -rf deep
)";
  write_file(dir.path() / "deep.sh", script);
  auto r = run_command("bash " + sh_quote(dir.str("deep.sh")) + " " + sh_quote(dir.str()) + " " + sh_quote(kIndex));
  INFO(r.out);
  CHECK(r.out.find("exit 1\n") != std::string::npos);  // skipped input
  CHECK(r.out.find("a.txt: skipped: cannot resolve its absolute path: File name too long") != std::string::npos);
  CHECK(r.out.find("sub: skipped: cannot resolve its absolute path: File name too long") != std::string::npos);
  CHECK(r.out.find("1 file (0 unchanged), 1 article read, 1 added") != std::string::npos);
  CHECK(r.out.find("2 skipped") != std::string::npos);
  CHECK_FALSE(fs::exists(dir.path() / "deep"));
  // Nothing was stored under a relative key: the one article is the good file's.
  auto ids = run_command(kQuery + " --config /dev/null --db " + sh_quote(dir.str("db")) + " --format ids ''");
  CHECK(ids.out == fs::canonical(dir.path() / "archive/good.txt").string() + "\n");
}

TEST_CASE("cli: a packed archive is named, never passed over in silence, and only a file named directly is skipped",
          "[cli][hardening]") {
  TempDir dir;
  write_file(dir.path() / "archive/good.txt", "Good story\n\nDock workers met on Monday.\n");
  write_file(dir.path() / "archive/news-2019.tar.gz", std::string("\x1f\x8b\x08\x00", 4));
  write_file(dir.path() / "archive/wire.jsonl.xz", "\xfd" "7zXZ");
  write_file(dir.path() / "archive/README.TXT", "About this archive.\n");
  write_file(dir.path() / "archive/OLD/STORY001.TXT", "Old story\n\nFerries sailed on Tuesday.\n");  // read
  // In a folder: a warning for each file that may hold articles, and the nightly run stays exit 0.
  auto r = run_command(index_cmd(dir) + " 2>&1");
  INFO(r.out);
  CHECK(r.status == 0);
  CHECK(r.out.find("news-2019.tar.gz: not read: a tar archive: newsidx reads no archive of files; unpack it and "
                   "index the folder (or --exclude it)") != std::string::npos);
  CHECK(r.out.find("wire.jsonl.xz: not read: compressed with xz; only gzip is read: decompress it, or recompress "
                   "it with gzip (.jsonl.gz)") != std::string::npos);
  CHECK(r.out.find("README.TXT") == std::string::npos);
  CHECK(r.out.find("2 files (0 unchanged), 2 articles read, 2 added") != std::string::npos);
  // Named directly: skipped with its reason, exit 1, whatever the file is.
  auto named = run_command(kIndex + " --config /dev/null --no-progress --db " + sh_quote(dir.str("db")) + " " +
                           sh_quote(dir.str("archive/news-2019.tar.gz")) + " " + sh_quote(dir.str("archive/README.TXT")) +
                           " 2>&1");
  INFO(named.out);
  CHECK(named.status == 1);
  CHECK(named.out.find("news-2019.tar.gz: skipped: a tar archive: newsidx reads no archive of files") != std::string::npos);
  CHECK(named.out.find("README.TXT: skipped: an archive's notes by its name (README, LICENSE, ...), not an article") !=
        std::string::npos);
  CHECK(named.out.find("2 skipped") != std::string::npos);
}

TEST_CASE("index hardening: '-' analyses standard input with --extract-only and is refused for an archive",
          "[index][cli]") {
  TempDir dir;
  write_file(dir.path() / "story.txt",
             "Minister resigns\nKYIV - \"We will stay,\" Senator Amy Klobuchar said on Tuesday.\n");
  auto text = run_command(kIndex + " --config /dev/null --extract-only - < " + sh_quote(dir.str("story.txt")));
  CHECK(text.status == 0);
  CHECK(text.out.find("\"id\":\"-\"") != std::string::npos);
  CHECK(text.out.find("\"speaker\":\"Amy Klobuchar\"") != std::string::npos);
  // JSON Lines by its first byte: each record's own id.
  write_file(dir.path() / "feed.jsonl",
             "{\"id\": \"r1\", \"title\": \"Rates rise\", \"body\": \"The bank raised rates.\"}\n");
  auto lines = run_command(kIndex + " --config /dev/null --extract-only - < " + sh_quote(dir.str("feed.jsonl")));
  CHECK(lines.status == 0);
  CHECK(lines.out.find("\"id\":\"r1\"") != std::string::npos);
  // Compressed input is named, not read as text.
  auto gz = run_command("gzip -c " + sh_quote(dir.str("story.txt")) + " | " + kIndex +
                        " --config /dev/null --extract-only - 2>&1");
  CHECK(gz.status == 1);
  CHECK(gz.out.find("-: skipped: gzip data on standard input: decompress it first") != std::string::npos);
  // An archive knows its files by their paths: no database from standard input.
  auto db = run_command(kIndex + " --config /dev/null --db " + sh_quote(dir.str("db")) + " - < " +
                        sh_quote(dir.str("story.txt")) + " 2>&1");
  CHECK(db.status == 2);
  CHECK(db.out.find("'-' (standard input) is read only with --extract-only") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir.path() / "db"));
}
