// A place named like a city of one country and a region of another (indexer/entities/namesakes).
#include <catch2/catch.hpp>

#include <string>

#include "common/canonical.hpp"
#include "indexer/entities/analyzer.hpp"
#include "indexer/readers/reader.hpp"

using namespace newsidx;

namespace {

// The analysis of a story of headline "Visit" and `body`.
Analysis analysis_of(const std::string& body) {
  auto r = readers::read_file("story.txt", "story.txt", "Visit\n\n" + body + "\n");
  REQUIRE(r.articles.size() == 1);
  return entities::analyze(r.articles.front());
}

// The country of the place mention whose text is `place` in the analysis of `body`.
std::string country_of(const std::string& body, const std::string& place) {
  const Analysis a = analysis_of(body);
  for (const Mention& m : a.mentions)
    if (m.type == MentionType::kPlace && m.text == place) return m.country;
  FAIL("no place mention " << place);
  return {};
}

}  // namespace

TEST_CASE("namesakes: a large city outranks a foreign region of its name when the article names neither country",
          "[namesakes]") {
  // Manchester is also a Jamaican parish, Santiago a Dominican province, San Jose a province of
  // Costa Rica: before, the region won and the English city was a place in Jamaica.
  CHECK(country_of("The minister flew to Manchester on Monday for talks.", "Manchester") == "GB");
  CHECK(country_of("The minister flew to Santiago on Monday for talks.", "Santiago") == "CL");
  CHECK(country_of("The minister flew to San Jose on Monday for talks.", "San Jose") == "US");
}

TEST_CASE("namesakes: the country the article names elsewhere decides", "[namesakes]") {
  CHECK(country_of("Jamaica's farmers said the storm hit Manchester hardest, flooding its coffee farms.",
                   "Manchester") == "JM");
  CHECK(country_of("Dominican officials said the bridge near Santiago would reopen.", "Santiago") == "DO");
  // A small city yields to the region of its name, unless its own country is named.
  CHECK(country_of("Rugby fans in Canterbury celebrated the win on Saturday.", "Canterbury") == "NZ");
  CHECK(country_of("Pilgrims reached Canterbury after a week walking across southern England.", "Canterbury") ==
        "GB");
}

TEST_CASE("namesakes: a town named like a well-known region elsewhere never outranks it", "[namesakes]") {
  // Florida is also a Cuban town and Ontario a Californian one; the countries named around them
  // (Cuba, Wisconsin's) do not make them the towns.
  CHECK(country_of("Cuban officials said the storm would reach Florida on Tuesday.", "Florida") == "US");
  CHECK(country_of("The carmaker will close its plant in Ontario and keep its Wisconsin plant open.", "Ontario") ==
        "CA");
}

TEST_CASE("namesakes: of two regions of one name, the most populous is meant", "[namesakes]") {
  // The table lists regions by country code: Montana was Bulgaria's and Maryland Liberia's.
  CHECK(country_of("Ranchers in Montana lost cattle to the blizzard.", "Montana") == "US");
  CHECK(country_of("Voters in Maryland approved the measure.", "Maryland") == "US");
}

TEST_CASE("namesakes: against a region of unknown size only a large city wins", "[namesakes]") {
  // No city of the table is filed under the Palestinian governorate of Bethlehem: its size is
  // unknown, and the South African town of 83,654 people does not outrank it. Portland, Oregon
  // (652,503) outranks the Jamaican parish, whose size is unknown too.
  CHECK(country_of("Pilgrims gathered in Bethlehem on Saturday for the celebrations.", "Bethlehem") == "PS");
  CHECK(country_of("The minister flew to Portland on Monday for talks.", "Portland") == "US");
}

TEST_CASE("namesakes: a dateline's city is the one the dateline chose", "[namesakes]") {
  // "SANTIAGO, Dominican Republic": the Dominican province, not Chile's capital, in the body too.
  const Analysis a =
      analysis_of("SANTIAGO, Dominican Republic - Floods closed roads around Santiago on Monday, officials said.");
  bool found = false;
  for (const Mention& m : a.mentions)
    if (m.type == MentionType::kPlace && m.text == "Santiago" && m.span.start > 10) {
      found = true;
      CHECK(m.country == "DO");
    }
  CHECK(found);
}

TEST_CASE("namesakes: the dateline's place is what the dateline made of it, in the body too", "[namesakes]") {
  // "MANCHESTER, N.H.": New Hampshire's town, not the English city nor the Jamaican parish.
  const Analysis a = analysis_of("MANCHESTER, N.H. - The bank said its Manchester branch would stay open.");
  std::size_t places = 0;
  for (const Mention& m : a.mentions)
    if (m.type == MentionType::kPlace && canonical::fold_key(m.text) == "manchester") {
      ++places;
      CHECK(m.country == "US");
    }
  CHECK(places == 2);
}

TEST_CASE("namesakes: a town never outranks a foreign region, whatever the table's cities sum to", "[namesakes]") {
  // Yukon, Oklahoma (about 23,000 people) against Canada's territory, whose cities in the table
  // sum to fewer: the territory is meant, with neither country named or with both.
  CHECK(country_of("Prospectors found gold in the Yukon last summer, the company said.", "Yukon") == "CA");
  CHECK(country_of("The company said its Yukon mine and its Nevada mine would reopen in Canada.", "Yukon") == "CA");
}
