// CLI tests of facet values a user can trust on wire copy (issue 18, the Reuters lists): a firm
// named "X and Y" is one organisation across the archive, and a dateline names no person.
#include <catch2/catch.hpp>

#include <string>

#include "test_util.hpp"

using namespace newsidx::test;

namespace {

const std::string kIndex = NEWSIDX_INDEX_BIN;
const std::string kQuery = NEWSIDX_QUERY_BIN;

// The facet table of every article for `facet`.
std::string facet_table(const TempDir& dir, const std::string& facet) {
  return run_command(kQuery + " --db " + sh_quote(dir.str("db")) + " --facets-only --facet-size 100 --facets " +
                     facet + " '\"\"'")
      .out;
}

// True when some row of the table is exactly `value`, whatever its count.
bool has_value(const std::string& table, const std::string& value) {
  return table.find("  " + value + "\n") != std::string::npos;
}

}  // namespace

TEST_CASE("cli firm facets: Standard and Poor's Corp and Standard and Poor's are one org value, no Standard", "[facets][cli]") {
  TempDir dir;
  write_file(dir.path() / "a/1.txt",
             "Ratings cut\n\nNEW YORK, March 3 - Standard and Poor's Corp said it cut the debt ratings of Texas Air Corp.\n");
  write_file(dir.path() / "a/2.txt",
             "Chrysler debt\n\nNEW YORK, March 4 - Standard and Poor's said it may upgrade the debt of Chrysler Corp.\n");
  write_file(dir.path() / "a/3.txt",
             "Offer made\n\nNEW YORK, March 5 - An offer came from <Wagner and Brown>, a Texas partnership. Wagner "
             "and Brown said it owns 4.9 pct of the stock.\n");
  REQUIRE(run_command(kIndex + " -q --db " + sh_quote(dir.str("db")) + " " + sh_quote(dir.str("a"))).status == 0);
  const std::string orgs = facet_table(dir, "org");
  INFO(orgs);
  CHECK(orgs.find("2  Standard and Poor's Corp\n") != std::string::npos);
  CHECK(has_value(orgs, "Wagner and Brown"));
  for (const char* piece : {"Standard", "Poor", "Poor's Corp", "Wagner", "Brown"}) CHECK_FALSE(has_value(orgs, piece));
  const std::string persons = facet_table(dir, "person");
  INFO(persons);
  CHECK_FALSE(has_value(persons, "Wagner"));
  CHECK_FALSE(has_value(persons, "Brown"));
  // The filter finds both stories under the one value.
  auto r = run_command(kQuery + " --db " + sh_quote(dir.str("db")) + " --org \"Standard and Poor's Corp\" --limit 0 '\"\"'");
  CHECK(r.out.find("2 matches") != std::string::npos);
}

TEST_CASE("cli firm facets: a dateline ST. LOUIS gives the place St. Louis and no person", "[facets][cli]") {
  TempDir dir;
  write_file(dir.path() / "a/1.txt",
             "Monsanto raises dividend\n\nST. LOUIS, March 3 - Monsanto Co said it raised its quarterly dividend.\n");
  REQUIRE(run_command(kIndex + " -q --db " + sh_quote(dir.str("db")) + " " + sh_quote(dir.str("a"))).status == 0);
  const std::string persons = facet_table(dir, "person");
  INFO(persons);
  CHECK(persons.find("(none)") != std::string::npos);
  const std::string places = facet_table(dir, "place");
  INFO(places);
  // Shown as the wire writes it (a built-in alias row of GeoNames' "St Louis"); either finds it.
  CHECK(has_value(places, "St. Louis"));
  for (const char* q : {"St. Louis", "St Louis"}) {
    auto r = run_command(kQuery + " --db " + sh_quote(dir.str("db")) + " --place '" + q + "' --limit 0 '\"\"'");
    CHECK(r.out.find("1 match") != std::string::npos);
  }
}
