// CLI tests of facet values a user can trust: one value per entity (white space, aliases), no
// values from tables, the same facets whatever order the files come in.
#include <catch2/catch.hpp>

#include <string>

#include "test_util.hpp"

using namespace newsidx::test;

namespace {

const std::string kIndex = NEWSIDX_INDEX_BIN;
const std::string kQuery = NEWSIDX_QUERY_BIN;

CommandResult index(const TempDir& dir, const std::string& archive, const std::string& extra = "") {
  return run_command(kIndex + " --no-progress " + extra + " --db " + sh_quote(dir.str("db")) + " " + sh_quote(dir.str(archive)),
                     true);
}

// The facet table of every article for `facet` (10,000 values at most).
std::string facet_table(const TempDir& dir, const std::string& facet, const std::string& extra = "") {
  return run_command(kQuery + " --db " + sh_quote(dir.str("db")) + " " + extra +
                     " --facets-only --facet-size 10000 --facets " + facet + " '\"\"'")
      .out;
}

// True when the table has a row "<count>  <value>".
bool row(const std::string& table, int count, const std::string& value) {
  return table.find(std::to_string(count) + "  " + value + "\n") != std::string::npos;
}

}  // namespace

TEST_CASE("cli facets: a name broken across lines is one value, counted with its one-line spelling", "[facets][cli]") {
  TempDir dir;
  write_file(dir.path() / "a/1.txt",
             "Fed chief speaks\n\nFederal Reserve Board chairman Paul\nVolcker said on Monday that the "
             "Securities and\n    Exchange Commission would act. Volcker spoke in Washington.\n");
  write_file(dir.path() / "a/2.txt",
             "Rates steady\n\nFederal Reserve Board chairman Paul Volcker said rates would stay where "
             "they are, and the Securities and Exchange Commission agreed.\n");
  REQUIRE(index(dir, "a", "-q").status == 0);
  const std::string persons = facet_table(dir, "person");
  CHECK(row(persons, 2, "Paul Volcker"));
  const std::string orgs = facet_table(dir, "org");
  CHECK(row(orgs, 2, "Securities and Exchange Commission"));
  // The filter finds both articles by the one spelling.
  auto r = run_command(kQuery + " --db " + sh_quote(dir.str("db")) + " --person 'paul volcker' --limit 0 '\"\"'");
  CHECK(r.out.find("2 matches") != std::string::npos);
}

TEST_CASE("cli facets: an earnings table gives no person, organisation or place", "[facets][cli]") {
  TempDir dir;
  write_file(dir.path() / "a/1.txt",
             "AM INTERNATIONAL INC 2ND QTR JAN 31\n\nOper shr loss two cts vs profit seven cts\n"
             "    Oper shr profit 442,000 vs profit 2,986,000\n"
             "    Revs 291.8 mln vs 151.1 mln\n"
             "    Six mths\n"
             "    Oper shr profit nil vs profit 12 cts\n"
             "    Oper net profit 3,376,000 vs profit 5,086,000\n"
             "    Qtly div Corp 10 cts vs 10 cts\n");
  REQUIRE(index(dir, "a", "-q").status == 0);
  for (const char* facet : {"person", "org", "place"}) {
    const std::string t = facet_table(dir, facet);
    INFO(t);
    CHECK(t.find("Oper") == std::string::npos);
    CHECK(t.find("Mths") == std::string::npos);
  }
  // --extract-only still shows what was read there.
  auto x = run_command(kIndex + " -q --extract-only " + sh_quote(dir.str("a")));
  CHECK(x.out.find("\"Qtly div Corp\"") != std::string::npos);
}

TEST_CASE("cli facets: built-in and user aliases give one value, and a filter for either name finds both", "[facets][cli]") {
  TempDir dir;
  write_file(dir.path() / "a/1.txt", "Talks in Kiev\n\nMikhail Gorbachev met officials in Kiev on Monday.\n");
  write_file(dir.path() / "a/2.txt", "Talks in Kyiv\n\nSoviet leader Gorbachov arrived in Kyiv on Tuesday. Gorbachov said talks went well.\n");
  write_file(dir.path() / "aliases.tsv", "# alias\tcanonical name\tfacet\nGorbachov\tMikhail Gorbachev\tperson\n");
  const std::string aliases = "--aliases " + sh_quote(dir.str("aliases.tsv"));
  REQUIRE(index(dir, "a", "-q " + aliases).status == 0);
  CHECK(row(facet_table(dir, "place"), 2, "Kyiv"));
  CHECK(row(facet_table(dir, "person", aliases), 2, "Mikhail Gorbachev"));
  auto kiev = run_command(kQuery + " --db " + sh_quote(dir.str("db")) + " --place kiev --limit 0 '\"\"'", true);
  CHECK(kiev.out.find("2 matches") != std::string::npos);
  CHECK(kiev.out.find("--place kiev means Kyiv (alias)") != std::string::npos);
  auto gorb = run_command(kQuery + " --db " + sh_quote(dir.str("db")) + " " + aliases +
                          " --person gorbachov --limit 0 '\"\"'");
  CHECK(gorb.out.find("2 matches") != std::string::npos);
  // --extract-only keeps each article's own values.
  auto x = run_command(kIndex + " -q --extract-only " + aliases + " " + sh_quote(dir.str("a/1.txt")));
  CHECK(x.out.find("\"Kiev\"") != std::string::npos);
}

TEST_CASE("cli facets: a bad alias line is named and skipped, a missing alias file is an error", "[facets][cli]") {
  TempDir dir;
  write_file(dir.path() / "a/1.txt", "Talks\n\nOfficials met in Kiev on Monday.\n");
  write_file(dir.path() / "aliases.tsv", "Gorbachov\tMikhail Gorbachev\tperson\nKiev Kyiv place\n");
  auto r = index(dir, "a", "--aliases " + sh_quote(dir.str("aliases.tsv")));
  CHECK(r.status == 0);
  CHECK(r.out.find("aliases.tsv:2: skipped: expected 3 tab-separated fields") != std::string::npos);
  auto missing = index(dir, "a", "--aliases " + sh_quote(dir.str("nope.tsv")));
  CHECK(missing.status == 4);
  CHECK(missing.out.find("cannot read alias file") != std::string::npos);
}

TEST_CASE("cli facets: the facet table does not depend on the order files are indexed in", "[facets][cli]") {
  const std::string texts[] = {
      "Blair speaks\n\nTony Blair spoke in London. Mr Blair said the Lib Dems were wrong.\n",
      "Vote ahead\n\nThe Liberal Democrats met in Kiev, where Mr Blair was not.\n",
      "Results\n\nBrown-Forman Inc said profit rose.\n    Shr 3.07 dlrs vs 3.08 dlrs\n",
  };
  TempDir one, two;
  for (int i = 0; i < 3; ++i) {
    write_file(one.path() / ("a/" + std::to_string(i) + ".txt"), texts[i]);
    write_file(two.path() / ("a/" + std::to_string(2 - i) + ".txt"), texts[i]);
  }
  REQUIRE(index(one, "a", "-q --jobs 1").status == 0);
  REQUIRE(index(two, "a", "-q --jobs 2").status == 0);
  for (const char* facet : {"person", "org", "place"}) {
    INFO(facet);
    CHECK(facet_table(one, facet) == facet_table(two, facet));
  }
  CHECK(row(facet_table(one, "org"), 2, "Liberal Democrats"));
}

TEST_CASE("cli facets: a partitioned archive shows the same facet table as a single database", "[facets][cli]") {
  TempDir plain, parts;
  for (const TempDir* d : {&plain, &parts}) {
    write_file(d->path() / "a/1.jsonl",
               "{\"id\":\"x1\",\"title\":\"Talks\",\"date\":\"1987-03-02\",\"body\":\"Fed chairman Paul\\nVolcker said on "
               "Monday that the Lib Dems met in Kiev.\"}\n"
               "{\"id\":\"x2\",\"title\":\"Rates\",\"date\":\"1988-05-01\",\"body\":\"Fed chairman Paul Volcker said "
               "on Monday that the Liberal Democrats in Kyiv were wrong.\"}\n");
  }
  REQUIRE(index(plain, "a", "-q").status == 0);
  REQUIRE(index(parts, "a", "-q --partition year").status == 0);
  for (const char* facet : {"person", "org", "place"}) {
    INFO(facet);
    CHECK(facet_table(plain, facet) == facet_table(parts, facet));
  }
  CHECK(row(facet_table(parts, "place"), 2, "Kyiv"));
  CHECK(row(facet_table(parts, "org"), 2, "Liberal Democrats"));
}
