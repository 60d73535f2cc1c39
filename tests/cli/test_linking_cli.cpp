// CLI tests of archive-level linking (indexer/link_step): a surname the archive knows in full,
// organisation short forms and plurals, --relink, and facets independent of file order and
// partitions.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include <xapian.h>

#include "common/schema.hpp"
#include "test_util.hpp"

using namespace newsidx::test;

namespace {

const std::string kIndex = NEWSIDX_INDEX_BIN;
const std::string kQuery = NEWSIDX_QUERY_BIN;

CommandResult index(const TempDir& dir, const std::string& archive, const std::string& extra = "") {
  return run_command(kIndex + " --no-progress " + extra + " --db " + sh_quote(dir.str("db")) + " " +
                         (archive.empty() ? std::string() : sh_quote(dir.str(archive))),
                     true);
}

// The facet table of every article for `facet`.
std::string facet_table(const TempDir& dir, const std::string& facet) {
  return run_command(kQuery + " --db " + sh_quote(dir.str("db")) + " --facets-only --facet-size 10000 --facets " +
                     facet + " '\"\"'")
      .out;
}

// True when the table has a row "<count>  <value>".
bool row(const std::string& table, int count, const std::string& value) {
  return table.find(std::to_string(count) + "  " + value + "\n") != std::string::npos;
}

// True when some row of the table is exactly `value`, whatever its count.
bool has_value(const std::string& table, const std::string& value) {
  return table.find("  " + value + "\n") != std::string::npos;
}

const char* const kBlairShort =
    "Vote called\n\nMr Blair said on Monday that the election would be held in May. Blair told "
    "reporters in London that he expected to win.\n";
const char* const kBlairFull =
    "Labour plans\n\nPrime Minister Tony Blair set out Labour's plans on Tuesday in Manchester.\n";

}  // namespace

TEST_CASE("cli linking: Mr Blair in one article and Tony Blair in another both carry Tony Blair", "[linking][cli]") {
  TempDir dir;
  write_file(dir.path() / "a/1.txt", kBlairShort);
  write_file(dir.path() / "a/2.txt", kBlairFull);
  REQUIRE(index(dir, "a", "-q").status == 0);
  const std::string persons = facet_table(dir, "person");
  INFO(persons);
  CHECK(row(persons, 2, "Tony Blair"));
  CHECK_FALSE(has_value(persons, "Blair"));
  // The filter and the article's own display agree with the table.
  auto r = run_command(kQuery + " --db " + sh_quote(dir.str("db")) + " --person 'tony blair' --limit 0 '\"\"'");
  CHECK(r.out.find("2 matches") != std::string::npos);
  auto one = run_command(kQuery + " --db " + sh_quote(dir.str("db")) + " --json election");
  CHECK(one.out.find("\"Tony Blair\"") != std::string::npos);
  // --extract-only shows the article's own value.
  auto x = run_command(kIndex + " -q --extract-only " + sh_quote(dir.str("a/1.txt")));
  CHECK(x.out.find("\"Blair\"") != std::string::npos);
  CHECK(x.out.find("\"Tony Blair\"") == std::string::npos);
}

TEST_CASE("cli linking: an article indexed before the full name is known is relinked by a later run", "[linking][cli]") {
  TempDir dir;
  write_file(dir.path() / "a/1.txt", kBlairShort);
  REQUIRE(index(dir, "a", "-q").status == 0);
  CHECK(row(facet_table(dir, "person"), 1, "Blair"));
  write_file(dir.path() / "a/2.txt", kBlairFull);
  auto r = index(dir, "a");
  REQUIRE(r.status == 0);
  CHECK(r.out.find("1 added") != std::string::npos);
  CHECK(r.out.find("1 article relinked") != std::string::npos);  // the earlier one
  const std::string persons = facet_table(dir, "person");
  INFO(persons);
  CHECK(row(persons, 2, "Tony Blair"));
  CHECK_FALSE(has_value(persons, "Blair"));
  // A second run over the same files changes nothing.
  auto again = index(dir, "a");
  CHECK(again.out.find("relinked") == std::string::npos);
}

TEST_CASE("cli linking: Lib Dems and Liberal Democrat are Liberal Democrats", "[linking][cli]") {
  TempDir dir;
  write_file(dir.path() / "a/1.txt", "Poll\n\nThe Lib Dems gained seats in the north on Thursday.\n");
  write_file(dir.path() / "a/2.txt", "Poll\n\nThe Liberal Democrats said on Friday that taxes would rise.\n");
  write_file(dir.path() / "a/3.txt", "Poll\n\nA spokesman for the Liberal Democrat party said on Friday that it would win.\n");
  REQUIRE(index(dir, "a", "-q").status == 0);
  const std::string orgs = facet_table(dir, "org");
  INFO(orgs);
  CHECK(row(orgs, 3, "Liberal Democrats"));
  CHECK_FALSE(has_value(orgs, "Lib Dems"));
  CHECK_FALSE(has_value(orgs, "Liberal Democrat"));
}

TEST_CASE("cli linking: --relink applies a changed alias table to an existing archive", "[linking][cli]") {
  TempDir dir;
  write_file(dir.path() / "a/1.txt", "Talks\n\nMikhail Gorbachev met officials in Moscow on Monday.\n");
  write_file(dir.path() / "a/2.txt", "Talks\n\nSoviet leader Gorbachov arrived on Tuesday. Gorbachov said talks went well.\n");
  REQUIRE(index(dir, "a", "-q").status == 0);
  CHECK(row(facet_table(dir, "person"), 1, "Gorbachov"));
  write_file(dir.path() / "aliases.tsv", "Gorbachov\tMikhail Gorbachev\tperson\n");
  auto r = index(dir, "", "--relink --aliases " + sh_quote(dir.str("aliases.tsv")));
  INFO(r.out);
  CHECK(r.status == 0);
  CHECK(r.out.find("0 added, 0 updated, 0 removed") != std::string::npos);
  CHECK(r.out.find("1 article relinked") != std::string::npos);
  const std::string persons = facet_table(dir, "person");
  CHECK(row(persons, 2, "Mikhail Gorbachev"));
  CHECK_FALSE(has_value(persons, "Gorbachov"));
  // --relink refuses what it cannot do, and never creates a database.
  CHECK(index(dir, "", "--relink --dry-run").status == 2);
  auto typo = run_command(kIndex + " --relink --db " + sh_quote(dir.str("dbb")), true);
  CHECK(typo.status == 3);
  CHECK(typo.out.find("no database to relink") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir.path() / "dbb"));
  // Without --relink, an archive is still required.
  CHECK(index(dir, "").status == 2);
}

TEST_CASE("cli linking: two file orders and a partitioned archive give the same linked facets", "[linking][cli]") {
  // The surname article is dated in another year than the full name's: partitions split them.
  const std::string feed =
      "{\"id\":\"x1\",\"title\":\"Vote\",\"date\":\"2004-03-02\",\"body\":\"Mr Blair said in London that the "
      "Lib Dems would lose.\"}\n"
      "{\"id\":\"x2\",\"title\":\"Plans\",\"date\":\"2005-05-01\",\"body\":\"Prime Minister Tony Blair said on "
      "Monday that the Liberal Democrats were wrong.\"}\n";
  const std::string feed2 =
      "{\"id\":\"x3\",\"title\":\"Visit\",\"date\":\"2005-06-01\",\"body\":\"Tony Blair met Gordon Brown in "
      "Kiev, where Brown spoke.\"}\n";
  TempDir one, two, parts;
  write_file(one.path() / "a/1.jsonl", feed);
  write_file(one.path() / "a/2.jsonl", feed2);
  write_file(two.path() / "a/2.jsonl", feed);
  write_file(two.path() / "a/1.jsonl", feed2);
  write_file(parts.path() / "a/1.jsonl", feed);
  write_file(parts.path() / "a/2.jsonl", feed2);
  REQUIRE(index(one, "a", "-q --jobs 1").status == 0);
  REQUIRE(index(two, "a", "-q --jobs 2").status == 0);
  REQUIRE(index(parts, "a", "-q --partition year").status == 0);
  for (const char* facet : {"person", "org", "place"}) {
    INFO(facet);
    const std::string t = facet_table(one, facet);
    CHECK(t == facet_table(two, facet));
    CHECK(t == facet_table(parts, facet));
  }
  CHECK(row(facet_table(parts, "person"), 3, "Tony Blair"));
  CHECK(row(facet_table(parts, "org"), 2, "Liberal Democrats"));
}

TEST_CASE("cli linking: a table abbreviation gives no person, organisation or place", "[linking][cli]") {
  TempDir dir;
  write_file(dir.path() / "a/1.txt",
             "CHRYSLER CORP 4TH QTR NET\n\nShr 1.21 dlrs vs 1.03 dlrs\n    Qtly div 25 cts vs 25 cts\n"
             "    Net 273.4 mln vs 226.0 mln\n    Mths Shr 5.50 dlrs vs 4.86 dlrs\n"
             "    Qtr Net profit rose, the company said.\n");
  REQUIRE(index(dir, "a", "-q").status == 0);
  for (const char* facet : {"person", "org", "place"}) {
    const std::string t = facet_table(dir, facet);
    INFO(t);
    for (const char* bad : {"Shr", "Qtr", "Qtly", "Mths"}) CHECK(t.find(bad) == std::string::npos);
  }
}

TEST_CASE("cli linking: a run after one that stopped before its link step links, though nothing changed", "[linking][cli]") {
  TempDir dir;
  write_file(dir.path() / "a/1.txt", "Talks\n\nMikhail Gorbachev met officials in Moscow on Monday.\n");
  write_file(dir.path() / "a/2.txt", "Talks\n\nSoviet leader Gorbachov arrived on Tuesday. Gorbachov said talks went well.\n");
  write_file(dir.path() / "aliases.tsv", "Gorbachov\tMikhail Gorbachev\tperson\n");
  const std::string aliases = "--aliases " + sh_quote(dir.str("aliases.tsv"));
  REQUIRE(index(dir, "a", "-q").status == 0);
  // A quiet run does not apply a new alias table (that is --relink's work)...
  auto quiet = index(dir, "a", aliases);
  CHECK(quiet.out.find("relinked") == std::string::npos);
  CHECK(row(facet_table(dir, "person"), 1, "Gorbachov"));
  // ...but after a run killed before its link step (its mark committed), the next run links.
  {
    Xapian::WritableDatabase db(dir.str("db"), Xapian::DB_OPEN);
    db.set_metadata(std::string(newsidx::schema::kLinksStaleKey), "1");
    db.commit();
  }
  auto next = index(dir, "a", aliases);
  INFO(next.out);
  CHECK(next.out.find("1 article relinked") != std::string::npos);
  CHECK(row(facet_table(dir, "person"), 2, "Mikhail Gorbachev"));
  // The mark is cleared: the run after that is quiet again.
  CHECK(index(dir, "a", aliases).out.find("relinked") == std::string::npos);
}
