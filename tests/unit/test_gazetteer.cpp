// Unit tests for indexer/entities/gazetteer: cities, regions, names, titles and phrase matching.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "indexer/entities/gazetteer.hpp"

using newsidx::entities::GazKind;
using newsidx::entities::Gazetteer;
using newsidx::entities::GazMatch;

namespace {

std::vector<std::string_view> words(const std::vector<std::string>& owned) {
  return std::vector<std::string_view>(owned.begin(), owned.end());
}

// Compact golden form of the hits: "kind[begin,end)=CC" joined by spaces.
std::string describe(const std::vector<GazMatch>& hits) {
  std::string out;
  for (const GazMatch& m : hits) {
    if (!out.empty()) out += ' ';
    out += std::string(to_string(m.kind)) + "[" + std::to_string(m.begin) + "," +
           std::to_string(m.end) + ")";
    if (!m.country.empty()) out += "=" + m.country;
  }
  return out;
}

}  // namespace

TEST_CASE("gazetteer: cities resolve to the most populous of the name", "[gazetteer]") {
  const Gazetteer& g = Gazetteer::instance();
  const auto* kyiv = g.city("Kyiv");
  REQUIRE(kyiv != nullptr);
  CHECK(kyiv->country == "UA");
  CHECK(kyiv->population > 2000000);
  REQUIRE(g.city("Kiev") != nullptr);
  CHECK(g.city("Kiev") == kyiv);
  CHECK(g.city("KYIV") == kyiv);
  REQUIRE(g.city("Geneva") != nullptr);
  CHECK(g.city("Geneva")->country == "CH");  // not Geneva, Illinois
  REQUIRE(g.city("Berlin") != nullptr);
  CHECK(g.city("Berlin")->country == "DE");
  CHECK(g.city("London")->country == "GB");  // not London, Ontario
  CHECK(g.city("Moscow")->country == "RU");
  CHECK(g.city("Washington")->country == "US");
  CHECK(g.city("Zürich")->country == "CH");
  CHECK(g.city("Zurich") == g.city("Zürich"));
  CHECK(g.city("Xanadu City") == nullptr);
  CHECK(g.city("Basle") == g.city("Basel"));
}

TEST_CASE("gazetteer: a newswire's St. is GeoNames' St", "[gazetteer]") {
  const Gazetteer& g = Gazetteer::instance();
  REQUIRE(g.city("St Louis") != nullptr);
  CHECK(g.city("ST. LOUIS") == g.city("St Louis"));
  CHECK(g.city("St. Louis") == g.city("St Louis"));
  CHECK(g.city("St. Xanadu") == nullptr);
}

TEST_CASE("gazetteer: towns named like common words, names or countries are not city hits",
          "[gazetteer]") {
  const Gazetteer& g = Gazetteer::instance();
  REQUIRE(g.city("March") != nullptr);  // March, Cambridgeshire exists
  CHECK(g.city("March")->ambiguous);
  CHECK(g.city("Venezuela")->ambiguous);  // a town in Cuba
  CHECK(g.city("David")->ambiguous);      // a city in Panama
  CHECK_FALSE(g.city("Geneva")->ambiguous);
  CHECK_FALSE(g.city("Nice")->ambiguous);  // large enough to be read as the city
  std::vector<std::string> s{"In", "March", ",", "David", "said", "Venezuela", "and", "Union",
                             "Pacific", "met", "in", "Nice", "."};
  CHECK(describe(g.match(words(s))) ==
        "first_name[3,4) country[5,6)=VE org_suffix[7,8) city[11,12)=FR");
  // A three-letter acronym in capitals is no town ("ICO" is also Icó, Brazil).
  std::vector<std::string> caps{"ICO", "COFFEE", "TALKS", "IN", "LONDON"};
  CHECK(describe(g.match(words(caps))) == "city[4,5)=GB");
}

TEST_CASE("gazetteer: regions carry their country", "[gazetteer]") {
  const Gazetteer& g = Gazetteer::instance();
  REQUIRE(g.region("Crimea") != nullptr);
  CHECK(g.region("Crimea")->country == "UA");
  CHECK(g.region("Crimea")->code == "UA-43");
  CHECK(g.region("Crimean Peninsula") == g.region("Crimea"));
  CHECK(g.region("California")->country == "US");
  CHECK(g.region("Bavaria")->country == "DE");
  CHECK(g.region("Scotland")->country == "GB");
  CHECK(g.region("Central") == nullptr);  // a common word is not kept as a region name
}

TEST_CASE("gazetteer: metonyms stand for their government's country", "[gazetteer]") {
  const Gazetteer& g = Gazetteer::instance();
  CHECK(g.metonym_country("the Kremlin") == "RU");
  CHECK(g.metonym_country("Kremlin") == "RU");
  CHECK(g.metonym_country("the White House") == "US");
  CHECK(g.metonym_country("Downing Street") == "GB");
  CHECK(g.metonym_country("the Pentagon") == "US");
  CHECK_FALSE(g.metonym_country("Beijing").has_value());  // a city, in the city table
}

TEST_CASE("gazetteer: first names with gender", "[gazetteer]") {
  const Gazetteer& g = Gazetteer::instance();
  for (const char* n : {"Antony", "Amy", "Sergey", "Kevin", "Vladimir", "Volodymyr"}) {
    INFO(n);
    CHECK(g.is_first_name(n));
  }
  REQUIRE(g.first_name("Amy") != nullptr);
  CHECK(g.first_name("Amy")->gender == newsidx::entities::Gender::kFemale);
  CHECK(g.first_name("Amy")->frequency > 0.1);
  CHECK(g.first_name("Sergey")->gender == newsidx::entities::Gender::kMale);
  CHECK_FALSE(g.is_first_name("Blinken"));
}

TEST_CASE("gazetteer: titles, organisation suffixes, agencies, common words", "[gazetteer]") {
  const Gazetteer& g = Gazetteer::instance();
  CHECK(g.is_title("Secretary of State"));
  CHECK(g.is_title("Foreign Minister"));
  CHECK(g.is_title("senator"));
  CHECK(g.is_title("Gen."));
  CHECK(g.is_title("President"));
  CHECK_FALSE(g.is_title("senior"));  // "a senior official": an adjective, not a title
  CHECK_FALSE(g.is_title("Blinken"));
  std::vector<std::string> t{"Secretary", "of", "State", "Antony", "Blinken"};
  CHECK(g.title_length(words(t), 0) == 3);
  CHECK(g.title_length(words(t), 3) == 0);
  CHECK(g.is_org_suffix("Inc."));
  CHECK(g.is_org_suffix("Ministry"));
  CHECK(g.is_org_suffix("plc"));
  CHECK_FALSE(g.is_org_suffix("Blinken"));
  CHECK(g.is_news_agency("Reuters"));
  CHECK(g.is_news_agency("AFP"));
  CHECK(g.is_news_agency("VOA"));
  CHECK(g.is_news_agency("the Associated Press"));
  CHECK_FALSE(g.is_news_agency("NATO"));
  CHECK(g.is_common_word("will"));
  CHECK(g.is_common_word("may"));
  CHECK(g.is_common_word("however"));
  CHECK(g.is_common_word("said"));
  CHECK_FALSE(g.is_common_word("sunday"));
  CHECK_FALSE(g.is_common_word("ukraine"));
  CHECK_FALSE(g.is_common_word("blinken"));
}

TEST_CASE("gazetteer: phrase matching over tokens", "[gazetteer]") {
  const Gazetteer& g = Gazetteer::instance();
  std::vector<std::string> s1{"Secretary", "of", "State", "Antony", "Blinken", "met", "Russian",
                              "officials", "in", "Geneva", "."};
  // Antony is also a town near Paris, Geneva also a first name: the tagger weighs such hits.
  CHECK(describe(g.match(words(s1))) ==
        "title[0,3) city[3,4)=FR first_name[3,4) demonym[6,7)=RU city[9,10)=CH first_name[9,10)");

  std::vector<std::string> s2{"the", "Kremlin", "said", "the", "White", "House", "and", "the",
                              "U.S.", "were", "wrong", "about", "Crimea"};
  CHECK(describe(g.match(words(s2))) ==
        "metonym[1,2)=RU metonym[4,6)=US country[8,9)=US region[12,13)=UA");

  // Lower-case words are not proper names; acronyms need capitals.
  std::vector<std::string> s3{"let", "us", "see", "Us", "and", "US"};
  CHECK(describe(g.match(words(s3))) == "country[5,6)=US");

  // ALL-CAPS text still matches; the longest phrase of a kind wins.
  std::vector<std::string> s4{"KYIV", ",", "Ukraine", "—", "South", "Korea", "and", "New", "York"};
  std::string hits = describe(g.match(words(s4)));
  CHECK(hits.find("city[0,1)=UA") != std::string::npos);
  CHECK(hits.find("country[2,3)=UA") != std::string::npos);
  CHECK(hits.find("country[4,6)=KR") != std::string::npos);
  CHECK(hits.find("city[7,9)=US") != std::string::npos);
  CHECK(hits.find("country[5,6)") == std::string::npos);
}

TEST_CASE("gazetteer: countries inside hyphenated words are partial hits", "[gazetteer]") {
  const Gazetteer& g = Gazetteer::instance();
  std::vector<std::string> s{"pro-Russian", "rebels", "and", "U.S.-led", "forces", "in",
                             "Guinea-Bissau", "and", "well-known", "Soviet-era", "tanks"};
  std::vector<GazMatch> hits = g.match(words(s));
  CHECK(describe(hits) ==
        "demonym[0,1)=RU country[3,4)=US org_suffix[4,5) country[6,7)=GW demonym[9,10)=RU");
  REQUIRE(hits.size() == 5);
  CHECK(hits[0].partial);
  CHECK(hits[1].partial);
  CHECK_FALSE(hits[3].partial);  // the whole token is the country's name
}

TEST_CASE("gazetteer: a region name of several countries is the most populous region",
          "[gazetteer]") {
  const auto& gaz = newsidx::entities::Gazetteer::instance();
  // The table lists regions by country code, and the first of a name was taken: Bulgaria's
  // Montana and Liberia's Maryland.
  REQUIRE(gaz.region("Montana") != nullptr);
  CHECK(gaz.region("Montana")->country == "US");
  CHECK(gaz.region("Maryland")->country == "US");
  CHECK(gaz.region("Montana")->population > 300000);  // Billings, Missoula...: its cities of 15,000 or more
}
