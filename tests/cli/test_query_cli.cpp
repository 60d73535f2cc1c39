// CLI tests for newsidx-query's features: formats, facets, timeline, dates, suggestions,
// quotations, errors and help, against the hand-built fixture archive.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <filesystem>
#include <sstream>

#include "integration/query_fixture.hpp"
#include "test_util.hpp"

using namespace newsidx::test;

namespace {

const std::string kQuery = NEWSIDX_QUERY_BIN;

struct Db {
  TempDir dir;
  Db() { write_query_fixture(dir.str("db")); }
  // stdout only (stderr discarded) or both merged.
  CommandResult run(const std::string& args, bool merge = false) const {
    return run_command(kQuery + " --db " + sh_quote(dir.str("db")) + " --today 2022-03-01 " + args +
                           (merge ? "" : " 2>/dev/null"),
                       merge);
  }
  CommandResult err(const std::string& args) const {
    return run_command(kQuery + " --db " + sh_quote(dir.str("db")) + " --today 2022-03-01 " + args + " 2>&1 >/dev/null");
  }
};

std::vector<std::string> lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

const std::string kEverything = "'sanctions OR talks OR putin OR papers'";

}  // namespace

TEST_CASE("cli query: --format ids and paths print one line per hit, in --sort order", "[query][cli]") {
  Db db;
  auto ids = db.run("--format ids --sort newest " + kEverything);
  CHECK(ids.status == 0);
  CHECK(lines(ids.out) == std::vector<std::string>{"a4", "a3", "a2", "a1", "a6", "a7", "a5"});
  // A news reader's words for newest first.
  for (const char* word : {"date", "latest", "recent"})
    CHECK(db.run("--format ids --sort " + std::string(word) + " " + kEverything).out == ids.out);
  auto paths = lines(db.run("--format paths --sort oldest --limit 2 " + kEverything).out);
  REQUIRE(paths.size() == 2);
  for (const auto& p : paths) CHECK(std::filesystem::path(p).is_absolute());
  CHECK(std::filesystem::path(paths[0]).filename() == "a7.txt");
  CHECK(std::filesystem::path(paths[1]).filename() == "a6.txt");
}

TEST_CASE("cli query: --facets and --timeline in text, and in JSON as a summary object", "[query][cli]") {
  Db db;
  auto text = db.run("--facets person,country --timeline --limit 1 " + kEverything);
  REQUIRE(text.status == 0);
  CHECK(contains(text.out, "7 matches; showing 1-1"));
  CHECK(contains(text.out, "3  Antony Blinken"));
  CHECK(contains(text.out, "4  RU Russia"));
  CHECK(contains(text.out, "timeline by week (6 dated matches)"));
  CHECK(contains(text.out, "2022-02-07  1 ####"));
  CHECK_FALSE(contains(text.out, "\x1b"));  // piped: no escapes

  auto json = db.run("--json --facets person,country --timeline --limit 1 " + kEverything);
  auto ls = lines(json.out);
  REQUIRE(ls.size() == 2);
  auto hit = nlohmann::json::parse(ls[0]);
  CHECK(hit["type"] == "article");
  auto summary = nlohmann::json::parse(ls[1]);
  CHECK(summary["type"] == "summary");
  CHECK(summary["schema"] == 1);
  CHECK(summary["matches"] == 7);
  CHECK(summary["facets"]["person"]["values"][0] == nlohmann::json({{"value", "Antony Blinken"}, {"count", 3}}));
  CHECK(summary["facets"]["country"]["values"][0]["name"] == "Russia");
  CHECK(summary["timeline"]["granularity"] == "week");
  CHECK(summary["timeline"]["dated"] == 6);

  auto only = db.run("--facets-only --facets speaker --format json ''");
  REQUIRE(lines(only.out).size() == 1);
  auto speakers = nlohmann::json::parse(only.out)["facets"]["speaker"];
  CHECK(speakers["with_value"] == 2);
  CHECK(speakers["values"].size() == 3);
  CHECK(speakers["values"][0] == nlohmann::json({{"value", "Amy Klobuchar"}, {"count", 1}}));
}

TEST_CASE("cli query: dates, relative dates and the note on undated articles", "[query][cli]") {
  Db db;
  auto r = db.run("--format ids --since last-month sanctions", true);
  CHECK(contains(r.out, "a3\n"));
  CHECK(contains(r.out, "a4\n"));
  CHECK_FALSE(contains(r.out, "a1\n"));
  CHECK(contains(r.out, "note: 1 matching document has no date and is excluded by the date filter"));
  auto field = db.run("--format ids --sort oldest 'date:2022-01-01..2022-01-31 talks'");
  CHECK(lines(field.out) == std::vector<std::string>{"a1", "a2"});
  auto json = db.run("--json --until 2021 sanctions");
  auto summary = nlohmann::json::parse(lines(json.out).back());
  CHECK(summary["undated_excluded"] == 1);
}

TEST_CASE("cli query: did you mean, for words and for entity names", "[query][cli]") {
  Db db;
  auto words = db.run("sanctons", true);
  CHECK(words.status == 1);
  CHECK(contains(words.out, "did you mean: sanctions"));
  auto person = db.run("--person zelensky", true);
  CHECK(person.status == 1);
  CHECK(contains(person.out, "did you mean \"Volodymyr Zelenskiy\""));
  auto blinken = db.run("--person blinken --format ids", true);
  CHECK(contains(blinken.out, "ambiguous; matched: "));
}

TEST_CASE("cli query: --quotes lists quotations with speaker, headline, date and article id", "[query][cli]") {
  Db db;
  auto r = db.run("--quotes sanctions --speaker klobuchar");
  REQUIRE(r.status == 0);
  CHECK(contains(r.out, "1 quotation; showing 1-1"));
  CHECK(contains(r.out, "2022-02-14  Senators press for sanctions"));
  std::string joined = r.out;  // the quotation as one line, wherever it was wrapped
  for (std::size_t at; (at = joined.find("\n   ")) != std::string::npos;) joined.replace(at, 4, " ");
  CHECK(contains(joined, "Amy Klobuchar: \u201CWe must impose sanctions on Russia now, before it is too late\u201D"));
  CHECK(contains(r.out, "   a4"));
}

TEST_CASE("cli query: --explain shows terms, stems and filters before the hits", "[query][cli]") {
  Db db;
  auto r = db.run("--explain --country russian sanctions");
  REQUIRE(r.status == 0);
  auto explain = r.out.find("query:   Query(");
  auto hits = r.out.find("1. ");
  REQUIRE(explain != std::string::npos);
  CHECK(explain < hits);
  CHECK(contains(r.out, "stem: sanction"));
  CHECK(contains(r.out, "filters: country: ru"));
}

TEST_CASE("cli query: usage errors are one line and a hint, exit 2", "[query][cli]") {
  Db db;
  for (std::string args : {"--facets humans sanctions", "--since 2022-13 sanctions", "'date:2022-02-30 talks'",
                           "'\"state department'", "--format xml talks", "--sort best talks", "--like nosuchid"}) {
    INFO(args);
    auto r = db.err(args);
    CHECK(r.status == 2);
    auto ls = lines(r.out);
    REQUIRE(ls.size() == 2);
    CHECK(ls[0].rfind("newsidx-query: ", 0) == 0);
    CHECK(ls[1].rfind("hint: ", 0) == 0);
  }
}

TEST_CASE("cli query: --help explains every option with an example", "[query][cli]") {
  auto r = run_command(kQuery + " --help");
  REQUIRE(r.status == 0);
  for (std::string opt : {"--db", "--any", "--limit", "--offset", "--count", "--sort", "--since", "--until", "--today",
                          "--person", "--org", "--place", "--country", "--speaker", "--all-of", "--section", "--source",
                          "--tag", "--quotes", "--facets", "--facet-size", "--facets-only", "--timeline", "--like",
                          "--explain", "--format", "--json"}) {
    INFO(opt);
    CHECK((contains(r.out, "\n  " + opt + " ") || contains(r.out, "[ " + opt + " ]")));
  }
  // Every option with a value shows an example of it.
  auto options = r.out.substr(r.out.find("Options:"));
  std::size_t described = 0, with_example = 0;
  for (const auto& l : lines(options))
    if (l.rfind("  -", 0) == 0 && l.find(" arg") != std::string::npos) {
      ++described;
      auto rest = options.substr(options.find(l) + l.size(), 300);
      auto next = rest.find("\n  -");
      if (contains(l + rest.substr(0, next), "e.g.")) ++with_example;
    }
  CHECK(described >= 19);
  CHECK(with_example == described);
}

TEST_CASE("cli query: colour only on a terminal, and never with NO_COLOR", "[query][cli]") {
  if (run_command("command -v script >/dev/null").status != 0) {
    WARN("skipped: util-linux 'script' is needed to give the query tool a terminal");
    return;
  }
  Db db;
  std::string cmd = kQuery + " --db " + db.dir.str("db") + " sanctions";
  auto tty = run_command("script -qec " + sh_quote(cmd) + " /dev/null");
  CHECK(contains(tty.out, "\x1b[1m"));
  auto no_color = run_command("NO_COLOR=1 script -qec " + sh_quote(cmd) + " /dev/null");
  CHECK_FALSE(contains(no_color.out, "\x1b["));
}
