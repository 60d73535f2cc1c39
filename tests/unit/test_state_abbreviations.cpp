// AP-style state and province abbreviations (indexer/entities/state_abbreviations).
#include <catch2/catch.hpp>

#include <string>

#include "indexer/entities/analyzer.hpp"
#include "indexer/entities/state_abbreviations.hpp"
#include "indexer/readers/reader.hpp"

using namespace newsidx;
using newsidx::entities::state_abbreviation;

TEST_CASE("state abbreviations: AP style, any case, names the state and its country", "[state_abbreviations]") {
  REQUIRE(state_abbreviation("Ga.") != nullptr);
  CHECK(state_abbreviation("Ga.")->name == "Georgia");
  CHECK(state_abbreviation("GA.")->country == "US");
  CHECK(state_abbreviation("N.C.")->name == "North Carolina");
  CHECK(state_abbreviation("Ont.")->country == "CA");
  CHECK(state_abbreviation("Ga") == nullptr);  // without its dot: a word, a code, a name
  CHECK(state_abbreviation("Georgia") == nullptr);
  CHECK(state_abbreviation("") == nullptr);
}

TEST_CASE("state abbreviations: after a town in the text they are the state, not a country's code",
          "[state_abbreviations]") {
  // Reuters had "Ga." as Gabon, "Ind." as India, "N.C." as New Caledonia, "Ky." as the Cayman Islands.
  auto r = readers::read_file("air.txt", "air.txt",
                              "New air service\n\nThe airline will fly from Savannah, Ga., to Charlotte, N.C., and "
                              "from Evansville, Ind., to Louisville, Ky., starting in May.\n");
  REQUIRE(r.articles.size() == 1);
  const Analysis a = entities::analyze(r.articles.front());
  for (const Mention& m : a.mentions) {
    INFO(m.text);
    CHECK(m.type != MentionType::kCountry);
    CHECK((m.country.empty() || m.country == "US"));
  }
  CHECK(a.facets.country == std::vector<std::string>{"US"});
}

TEST_CASE("state abbreviations: one that spells no country code is left as it was read", "[state_abbreviations]") {
  // "B.C." after a year and "Mass" of a church: the tagger may read either as a place, but no
  // country code misfiles them, and British Columbia or Massachusetts would.
  auto r = readers::read_file("old.txt", "old.txt",
                              "Old city\n\nThe city was settled in 480 B.C., and pilgrims attended Mass in Rome.\n");
  REQUIRE(r.articles.size() == 1);
  const Analysis a = entities::analyze(r.articles.front());
  for (const Mention& m : a.mentions) {
    INFO(m.text);
    CHECK(m.country != "CA");
    CHECK(m.country != "US");
  }
}
