// CLI tests for how newsidx-query shows results: wrapping and counts in text, colour, control
// characters, CSV, paths, --interval, --count --facets, numeric ranges and snippets; on a small
// archive each test writes and indexes with the real newsidx-index.
#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>

#include <nlohmann/json.hpp>

#include "common/schema.hpp"
#include "integration/query_fixture.hpp"
#include "query/display.hpp"
#include "test_util.hpp"

using namespace newsidx::test;
namespace fs = std::filesystem;

namespace {

// NEWSIDX_TEST_INDEX_BIN / NEWSIDX_TEST_QUERY_BIN run these tests against other builds (an
// older one, to see a test fail before its fix).
std::string binary(const char* env, const char* built) {
  const char* v = std::getenv(env);
  return v && *v ? v : built;
}
const std::string kIndex = binary("NEWSIDX_TEST_INDEX_BIN", NEWSIDX_INDEX_BIN);
const std::string kQuery = binary("NEWSIDX_TEST_QUERY_BIN", NEWSIDX_QUERY_BIN);

const std::string kLongBody =
    "GENEVA — Foreign ministers met for talks on the border dispute on Friday, officials said. The economist who "
    "advised the delegation spoke about counterintelligence, grain exports, shipping lanes and the long winter "
    "ahead, and about the many families waiting on both sides of the border for news of the negotiations. "
    "Officials said the meeting would continue into the evening and that a statement would follow. Reporters "
    "waited in the cold outside the hall for hours, drinking coffee and trading rumours about what the "
    "delegations had agreed, and what they had not. Later in the day, Russian Foreign Minister Sergey Lavrov said "
    "the economy of the region depended on an agreement, and that Moscow was ready to talk.";

// Five files, six articles: a long article, a feed of two (one with escape sequences in its
// headline and body), and three files whose names hold a line break, a Latin-1 byte, an ESC.
struct Archive {
  TempDir dir;
  Archive() {
    write_file(dir.path() / "archive/2022/01/19/talks.txt", "Ministers meet for border talks in Geneva\n\n" + kLongBody + "\n");
    write_file(dir.path() / "archive/feeds/wire.jsonl",
               R"({"id":"wire-1","title":"Evil \u001b]0;owned\u0007 title","date":"2022-01-20","body":"Red \u001b[31malert\u001b[0m and csi \u009b31m in a story about grain.","url":"https://example.com/a?b=1,2","source":"Wire"})"
               "\n"
               R"({"id":"wire-2","title":"Grain \"prices\", up","date":"2022-01-21","body":"Grain prices rose as traders in Chicago waited. Antony Blinken and Sergey Lavrov spoke by phone.","source":"Wire"})"
               "\n");
    write_file(dir.path() / "archive/two\nlines.txt", "Odd name\n\nA story about grain filed under an odd name.\n");
    write_file(dir.path() / "archive/caf\xE9.txt", "Latin name\n\nA story about grain filed under a Latin-1 name.\n");
    write_file(dir.path() / "archive/esc\x1b[31m.txt", "Escape name\n\nA story about grain under a name with ESC.\n");
    auto r = run_command(kIndex + " -q --db " + sh_quote(dir.str("db")) + " " + sh_quote(dir.str("archive")) + " 2>&1");
    if (r.status != 0) throw std::runtime_error("indexing failed: " + r.out);
  }
  std::string cmd(const std::string& args) const {
    return kQuery + " --db " + sh_quote(dir.str("db")) + " --today 2022-03-01 " + args;
  }
  CommandResult run(const std::string& args, bool merge = false) const {
    return run_command(cmd(args) + (merge ? "" : " 2>/dev/null"), merge);
  }
};

std::vector<std::string> lines(const std::string& s, char end = '\n') {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l, end);) out.push_back(l);
  return out;
}

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

// The text of a hit's snippet lines joined by spaces (they start with three spaces).
std::string joined(const std::string& out) {
  std::string s = out;
  for (std::size_t at; (at = s.find("\n   ")) != std::string::npos;) s.replace(at, 4, " ");
  return s;
}

bool has_script() { return run_command("command -v script >/dev/null").status == 0; }

}  // namespace

TEST_CASE("cli output: text lines fit 80 columns when piped and $COLUMNS when set, never cut inside a word",
          "[query][cli]") {
  Archive a;
  for (std::size_t width : {80, 44}) {
    const std::string env = width == 80 ? "" : "COLUMNS=44 ";
    auto r = run_command(env + a.cmd("--facets person,place talks"));
    REQUIRE(r.status == 0);
    INFO(r.out);
    for (const auto& l : lines(r.out)) {
      INFO(l);
      // A word longer than the width (the id: the file's absolute path) is never cut: it has
      // its own line.
      const auto text = l.find_first_not_of(' ');
      if (text != std::string::npos && l.find(' ', text) == std::string::npos) continue;
      CHECK(newsidx::query::display_width(l) <= width);
    }
    // Every word of the snippet is whole on some line: "counterintelligence" is not split.
    CHECK(contains(r.out, "counterintelligence"));
    CHECK(contains(joined(r.out), "talks on the border dispute on Friday, officials said. The economist who advised"));
  }
}

TEST_CASE("cli output: one match, one quotation, one dated match: singular", "[query][cli]") {
  Archive a;
  auto r = a.run("--timeline counterintelligence");
  CHECK(contains(r.out, "1 match; showing 1-1"));
  CHECK(contains(r.out, "timeline by day (1 dated match)"));
  CHECK(contains(a.run("grain").out, "6 matches; showing 1-6"));
}

TEST_CASE("cli output: TERM=dumb gets no colour on a terminal, another TERM does", "[query][cli]") {
  if (!has_script()) {
    WARN("skipped: util-linux 'script' is needed to give the query tool a terminal");
    return;
  }
  Archive a;
  const std::string cmd = sh_quote(a.cmd("talks"));
  CHECK(contains(run_command("TERM=xterm script -qec " + cmd + " /dev/null").out, "\x1b[1m"));
  CHECK_FALSE(contains(run_command("TERM=dumb script -qec " + cmd + " /dev/null").out, "\x1b["));
}

TEST_CASE("cli output: control characters in titles, bodies and file names are shown escaped", "[query][cli]") {
  Archive a;
  auto text = a.run("--facets person grain");
  REQUIRE(text.status == 0);
  CHECK_FALSE(contains(text.out, "\x1b"));
  CHECK_FALSE(contains(text.out, "\x07"));
  CHECK_FALSE(contains(text.out, "\xC2\x9B"));
  CHECK(contains(text.out, "Evil \\x1b]0;owned\\x07 title"));
  CHECK(contains(text.out, "Red \\x1b[31malert\\x1b[0m and csi \\u009b31m"));
  CHECK(contains(text.out, "esc\\x1b[31m.txt"));
  // On a terminal too, where colour escapes are ours alone.
  if (has_script()) {
    auto tty = run_command("TERM=xterm script -qec " + sh_quote(a.cmd("grain")) + " /dev/null");
    CHECK(contains(tty.out, "Evil \\x1b]0;owned\\x07 title"));
    CHECK_FALSE(contains(tty.out, "\x1b]0;"));
  }
  // Messages that quote a value escape it too.
  auto like = a.run("--like " + sh_quote("\x1b]0;owned\x07"), true);
  CHECK(like.status == 2);
  CHECK(contains(like.out, "--like \\x1b]0;owned\\x07: no article with that id"));
  CHECK_FALSE(contains(like.out, "\x1b"));
  // JSON escapes them as JSON does, and keeps the real characters.
  auto json = a.run("--json grain");
  CHECK_FALSE(contains(json.out, "\x1b"));
  bool seen = false;
  for (const auto& l : lines(json.out)) {
    auto j = nlohmann::json::parse(l);
    if (j.value("id", "") == "wire-1") {
      seen = true;
      CHECK(j["title"] == "Evil \x1b]0;owned\x07 title");
    }
  }
  CHECK(seen);
}

TEST_CASE("cli output: --format paths prints each file once, absolute, quoted so a shell reads the real name",
          "[query][cli]") {
  Archive a;
  auto r = a.run("--format paths grain");
  REQUIRE(r.status == 0);
  const auto printed = lines(r.out);
  // Six articles in five files: the feed's two articles give one line.
  CHECK(printed.size() == 5);
  const std::string root = fs::canonical(a.dir.path()).string() + "/archive/";
  CHECK(std::count(printed.begin(), printed.end(), root + "feeds/wire.jsonl") == 1);
  CHECK(std::count(printed.begin(), printed.end(), root + "2022/01/19/talks.txt") == 1);
  CHECK(std::count(printed.begin(), printed.end(), "$'" + root + "two\\nlines.txt'") == 1);
  CHECK(std::count(printed.begin(), printed.end(), "$'" + root + "caf\\xe9.txt'") == 1);
  for (const auto& p : printed) {
    INFO(p);
    // bash reads each printed name back as an existing file, wherever it runs.
    const std::string word = p.rfind("$'", 0) == 0 ? p : sh_quote(p);
    CHECK(run_command("cd / && bash -c " + sh_quote("test -f " + word)).status == 0);
  }

  SECTION("--null: raw names, each ended by NUL, as find -print0 writes them") {
    auto z = a.run("--format paths --null grain");
    const auto names = lines(z.out, '\0');
    CHECK(names.size() == 5);
    CHECK(std::count(names.begin(), names.end(), root + "two\nlines.txt") == 1);
    CHECK(std::count(names.begin(), names.end(), root + "caf\xE9.txt") == 1);
    for (const auto& n : names) CHECK(fs::is_regular_file(n));
    CHECK(a.run("--format text --null grain").status == 2);
  }
}

TEST_CASE("cli output: --format ids prints one id a hit, quoted for a shell, or raw and NUL-ended with --null",
          "[query][cli]") {
  Archive a;
  const std::string root = fs::canonical(a.dir.path()).string() + "/archive/";
  const auto quoted = lines(a.run("--format ids grain").out);
  const auto raw = lines(a.run("--format ids --null grain").out, '\0');
  // Six articles, the feed's two by their own ids: one name each, in the same order.
  REQUIRE(quoted.size() == 6);
  REQUIRE(raw.size() == 6);
  CHECK(std::count(raw.begin(), raw.end(), "wire-1") == 1);
  CHECK(std::count(raw.begin(), raw.end(), root + "two\nlines.txt") == 1);
  CHECK(std::count(quoted.begin(), quoted.end(), "$'" + root + "two\\nlines.txt'") == 1);
  CHECK(std::count(raw.begin(), raw.end(), root + "esc\x1b[31m.txt") == 1);
  for (std::size_t i = 0; i < raw.size(); ++i) {
    INFO(raw[i]);
    CHECK((quoted[i] == raw[i] || quoted[i].rfind("$'", 0) == 0));
  }
}

TEST_CASE("cli output: --format csv has a header row, RFC 4180 quoting and facets joined by semicolons", "[query][cli]") {
  Archive a;
  auto r = a.run("--format csv --sort newest 'prices OR csi'");
  REQUIRE(r.status == 0);
  const auto rows = lines(r.out);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0] == "id,date,title,url,source,section,person,org,place,country,speaker\r");
  // The columns the reader fills (the facets are the extractor's: checked on the fixture below).
  CHECK(rows[1].rfind("wire-2,2022-01-21,\"Grain \"\"prices\"\", up\",,Wire,,", 0) == 0);
  CHECK(rows[2].rfind("wire-1,2022-01-20,Evil \\x1b]0;owned\\x07 title,\"https://example.com/a?b=1,2\",Wire,,", 0) == 0);

  // Facets with several values, on the fixture archive whose facets are written by hand.
  TempDir fixture;
  write_query_fixture(fixture.str("db"));
  auto f = run_command(kQuery + " --db " + sh_quote(fixture.str("db")) + " --format csv 'title:zelenskiy'");
  CHECK(lines(f.out) == std::vector<std::string>{
                           "id,date,title,url,source,section,person,org,place,country,speaker\r",
                           "a1,2022-01-19,Blinken meets Zelenskiy in Kyiv,,fixture,,Antony Blinken; Volodymyr Zelenskiy,"
                           "State Department,Kyiv,UA; US,Antony Blinken\r"});
}

TEST_CASE("cli output: --interval chooses the timeline's buckets, --timeline alone picks from the span",
          "[query][cli]") {
  Archive a;
  CHECK(contains(a.run("--timeline grain").out, "timeline by day (3 dated matches)"));
  auto month = a.run("--interval month grain");
  CHECK(contains(month.out, "timeline by month (3 dated matches)\n2022-01  3 "));
  auto year = lines(a.run("--json --timeline --interval year grain").out);
  REQUIRE_FALSE(year.empty());
  CHECK(nlohmann::json::parse(year.back())["timeline"]["granularity"] == "year");
  auto bad = a.run("--interval fortnight grain", true);
  CHECK(bad.status == 2);
  CHECK(contains(bad.out, "--interval day, week, month or year"));
}

TEST_CASE("cli output: --count --facets prints the count and then the facets", "[query][cli]") {
  Archive a;
  auto r = a.run("--count --facets person grain");
  REQUIRE(r.status == 0);
  CHECK(r.out.rfind("6\n", 0) == 0);
  CHECK(contains(r.out, "person ("));
  CHECK(contains(r.out, "2  Sergey Lavrov"));
  CHECK(a.run("--count grain").out == "6\n");
}

TEST_CASE("cli output: --limit, --offset and --facet-size outside their range exit 2 naming it", "[query][cli]") {
  Archive a;
  struct Row {
    std::string args, range;
  };
  for (const auto& [args, range] : std::vector<Row>{{"--limit -1", "--limit takes a whole number from 0 to 1,000,000"},
                                                     {"--limit 4294967296", "from 0 to 1,000,000"},
                                                     {"--limit 1000001", "from 0 to 1,000,000"},
                                                     {"--limit ten", "from 0 to 1,000,000"},
                                                     {"--offset -1", "--offset takes a whole number from 0 to 1,000,000"},
                                                     {"--offset 1000001", "from 0 to 1,000,000"},
                                                     {"--facet-size 0", "--facet-size takes a whole number from 1 to 10,000"},
                                                     {"--facet-size 10001", "from 1 to 10,000"}}) {
    INFO(args);
    auto r = a.run(args + " --facets person grain", true);
    CHECK(r.status == 2);
    CHECK(contains(r.out, range));
  }
  CHECK(a.run("--limit 1000000 --facet-size 10000 --facets person grain").status == 0);
  CHECK(lines(a.run("--format ids --limit 1 --offset 5 grain").out).size() == 1);
  CHECK(a.run("--offset 1000000 grain").status == 0);  // matches, none on that page
}

TEST_CASE("cli output: the snippet shows a matched word, a filter-only search the passage naming the entity",
          "[query][cli]") {
  Archive a;
  // "economist" comes first but is not a form of "economy": the snippet must reach "economy".
  auto economy = a.run("--json economy");
  REQUIRE(economy.status == 0);
  auto hit = nlohmann::json::parse(lines(economy.out).front());
  CHECK_FALSE(hit["highlights"].empty());
  CHECK(contains(hit["snippet"].get<std::string>(), "economy"));

  auto lavrov = a.run("--json --person lavrov");
  REQUIRE(lavrov.status == 0);
  for (const auto& l : lines(lavrov.out)) {
    auto j = nlohmann::json::parse(l);
    if (j["type"] != "article") continue;
    INFO(j["snippet"]);
    CHECK(contains(j["snippet"].get<std::string>(), "Lavrov"));
    CHECK_FALSE(j["highlights"].empty());
  }
}

TEST_CASE("cli output: a date filter with no hits names the newest (or oldest) article's date", "[query][cli]") {
  Archive a;
  auto since = a.run("--since 7d grain", true);
  CHECK(since.status == 1);
  CHECK(contains(since.out, "note: no article is dated on or after 2022-02-22; the newest is dated 2022-01-21"));
  auto until = a.run("--until 2021 grain", true);
  CHECK(contains(until.out, "note: no article is dated on or before 2021-12-31; the oldest is dated 2022-01-19"));
  // With hits in the period, no such note.
  CHECK_FALSE(contains(a.run("--since 2022-01-20 grain", true).out, "newest is dated"));
}

TEST_CASE("cli output: a database of the previous schema version is refused, naming --rebuild", "[query][cli]") {
  TempDir dir;
  {
    Xapian::WritableDatabase db(dir.str("db"), Xapian::DB_CREATE);
    db.set_metadata(std::string(newsidx::schema::kSchemaKey), std::to_string(newsidx::schema::kSchemaVersion - 1));
    db.add_document(Xapian::Document());
    db.commit();
  }
  auto r = run_command(kQuery + " --db " + sh_quote(dir.str("db")) + " grain 2>&1");
  CHECK(r.status == 3);
  CHECK(contains(r.out, "--rebuild"));
  CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 2);  // one message and its hint
}
