// A place named like a city of one country and a region of another (indexer/entities/namesakes).
#include <catch2/catch.hpp>

#include <string>

#include "indexer/entities/analyzer.hpp"
#include "indexer/readers/reader.hpp"

using namespace newsidx;

namespace {

// The country of the place mention whose text is `place` in the analysis of `body`.
std::string country_of(const std::string& body, const std::string& place) {
  auto r = readers::read_file("story.txt", "story.txt", "Visit\n\n" + body + "\n");
  REQUIRE(r.articles.size() == 1);
  const Analysis a = entities::analyze(r.articles.front());
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
  CHECK(country_of("A Californian filed the suit in a court in San Jose on Monday.", "San Jose") == "US");
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
