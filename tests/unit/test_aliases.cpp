// Unit tests for the alias table: parsing, bad lines, the built-in default, applying to facets.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "common/aliases.hpp"

using namespace newsidx;

TEST_CASE("aliases: a TSV row maps its alias to the canonical name in its facet only", "[aliases]") {
  aliases::Table t;
  CHECK(t.add_tsv("# alias\tname\tfacet\nGorbachov\tMikhail Gorbachev\tperson\n\nMoskva\tMoscow\tplace\n").empty());
  CHECK(t.canonical("person", "Gorbachov") == "Mikhail Gorbachev");
  CHECK(t.canonical("person", "GORBACHOV") == "Mikhail Gorbachev");
  CHECK(t.canonical("place", "Gorbachov") == "Gorbachov");
  CHECK(t.canonical("place", "Moskva") == "Moscow");
  CHECK(t.canonical("org", "Acme") == "Acme");
}

TEST_CASE("aliases: bad rows are skipped and named by line and reason", "[aliases]") {
  aliases::Table t;
  auto problems = t.add_tsv("Kiev\tKyiv\tplace\nno tabs here\nX\tY\tcity\n\tEmpty\torg\n");
  REQUIRE(problems.size() == 3);
  CHECK(problems[0].line == 2);
  CHECK(problems[0].reason.find("3 tab-separated fields") != std::string::npos);
  CHECK(problems[1].line == 3);
  CHECK(problems[1].reason.find("\"city\"") != std::string::npos);
  CHECK(problems[2].line == 4);
  CHECK(t.size() == 1);
}

TEST_CASE("aliases: the built-in table knows Kiev and the Lib Dems", "[aliases]") {
  CHECK(aliases::builtin().canonical("place", "Kiev") == "Kyiv");
  // The gazetteer files New York City under New York: a user typing either name finds it.
  CHECK(aliases::builtin().canonical("place", "new york city") == "New York");
  CHECK(aliases::builtin().canonical("place", "NYC") == "New York");
  // Groups spelt in several ways (VOA's al-Qaida, Taleban) are one organisation each.
  CHECK(aliases::builtin().canonical("org", "al-Qaida") == "al-Qaeda");
  CHECK(aliases::builtin().canonical("org", "Al Qaeda") == "al-Qaeda");
  CHECK(aliases::builtin().canonical("org", "Taleban") == "Taliban");
  CHECK(aliases::builtin().canonical("org", "Hizbollah") == "Hezbollah");
  CHECK(aliases::builtin().has("org", "Taliban"));
  // "Washington, D.C." names the city twice.
  CHECK(aliases::builtin().canonical("place", "D.C.") == "Washington D.C.");
  CHECK(aliases::builtin().canonical("place", "DC") == "Washington D.C.");
  CHECK(aliases::builtin().canonical("org", "Lib Dems") == "Liberal Democrats");
  CHECK(aliases::builtin().canonical("org", "Liberal Democrat") == "Liberal Democrats");
}

TEST_CASE("aliases: facets take the canonical names, each once", "[aliases]") {
  Facets f;
  f.place = {"Kiev", "Moscow", "Kyiv"};
  f.org = {"Lib Dems", "Liberal Democrats", "Labour"};
  f.country = {"UA"};
  Facets g = aliases::builtin().apply(f);
  CHECK(g.place == std::vector<std::string>{"Kyiv", "Moscow"});
  CHECK(g.org == std::vector<std::string>{"Liberal Democrats", "Labour"});
  CHECK(g.country == std::vector<std::string>{"UA"});
  // A speaker may be a party: it takes the org facet's name when no person row has it.
  f.speaker = {"Tories", "Conservatives", "Tony Blair"};
  CHECK(aliases::builtin().apply(f).speaker == std::vector<std::string>{"Conservatives", "Tony Blair"});
  CHECK(aliases::builtin().speaker("Lib Dems") == "Liberal Democrats");
  CHECK(aliases::builtin().speaker("Kiev") == "Kiev");  // a place is no speaker's name
}

TEST_CASE("aliases: a user's file extends the built-in table, a missing file is an error", "[aliases]") {
  namespace fs = std::filesystem;
  const fs::path p = fs::temp_directory_path() / "newsidx_test_aliases.tsv";
  {
    std::ofstream(p) << "Gorbachov\tMikhail Gorbachev\tperson\nbad line\n";
  }
  std::vector<std::string> warnings;
  auto t = aliases::load(p.string(), warnings);
  REQUIRE(t);
  CHECK(t->canonical("person", "Gorbachov") == "Mikhail Gorbachev");
  CHECK(t->canonical("place", "Kiev") == "Kyiv");
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0] == p.string() + ":2: skipped: expected 3 tab-separated fields (alias, canonical name, facet), found 1");
  fs::remove(p);
  warnings.clear();
  auto missing = aliases::load(p.string(), warnings);
  REQUIRE_FALSE(missing);
  CHECK(missing.error().message == "cannot read alias file " + p.string());
}

TEST_CASE("aliases: may_begin tells the words no alias begins with, and says yes when it cannot tell", "[aliases]") {
  aliases::Table t;
  REQUIRE(t.add_tsv("Lib Dems\tLiberal Democrats\torg\nU.N.\tUnited Nations\torg\nZ\xC3\xBCrich Re\tZurich\torg\n").empty());
  CHECK(t.may_begin("Lib"));
  CHECK(t.may_begin("LIB"));
  CHECK(t.may_begin("U.N."));
  CHECK(t.may_begin("Z\xC3\xBCrich"));  // its letters run into a byte outside ASCII: cannot tell
  CHECK_FALSE(t.may_begin("Labour"));
  CHECK_FALSE(t.may_begin("Li"));
  CHECK(t.may_begin("Lib Dems gain seats"));  // the text from the word on
  aliases::Table nt;
  REQUIRE(nt.add_tsv("Don't Panic\tDon't Panic Ltd\torg\n").empty());
  CHECK(nt.may_begin("Don't Panic said"));
  // The built-in table's short forms pass.
  CHECK(aliases::builtin().may_begin("Tories"));
  CHECK(aliases::builtin().may_begin("Fed"));
}

TEST_CASE("aliases: a name known only under another facet is filed there", "[aliases]") {
  const aliases::Table& t = aliases::builtin();
  CHECK(t.filed_facet("person", "Sony") == "org");
  CHECK(t.filed_facet("place", "Tories") == "org");
  CHECK(t.filed_facet("org", "Tories") == "org");
  CHECK(t.filed_facet("person", "Kiev") == "place");
  CHECK(t.filed_facet("person", "Jane Holloway") == "person");  // in no row
  aliases::Table empty;
  CHECK(empty.filed_facet("person", "Sony") == "person");
}
