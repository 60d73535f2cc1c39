// Unit tests for common/countries: names, aliases, codes and demonyms to ISO 3166-1 codes.
#include <catch2/catch.hpp>

#include <fstream>
#include <string>

#include "common/countries.hpp"

namespace countries = newsidx::countries;

namespace {

std::string resolved(std::string_view text) { return countries::resolve(text).value_or("-"); }

}  // namespace

TEST_CASE("countries: names, codes, aliases and demonyms give one code", "[countries]") {
  for (const char* text : {"Russia", "russia", "RU", "ru", "RUS", "Russian", "russian",
                           "Russian Federation", "Russians", "RUSSIA"})
    CHECK(resolved(text) == "RU");
  for (const char* text : {"Britain", "britain", "UK", "U.K.", "British", "United Kingdom",
                           "Great Britain", "GB", "Briton"})
    CHECK(resolved(text) == "GB");
  for (const char* text : {"U.S.", "US", "USA", "America", "American", "United States",
                           "the United States", "Americans"})
    CHECK(resolved(text) == "US");
  for (const char* text : {"Ukraine", "Ukrainian", "UA", "ukrainians"}) CHECK(resolved(text) == "UA");
  CHECK(resolved("Belarus") == "BY");
  CHECK(resolved("Belarusian") == "BY");
  CHECK(resolved("Germany") == "DE");
  CHECK(resolved("German") == "DE");
  CHECK(resolved("Iran") == "IR");
  CHECK(resolved("Syria") == "SY");
  CHECK(resolved("South Korea") == "KR");
  CHECK(resolved("North Korea") == "KP");
  CHECK(resolved("Côte d'Ivoire") == "CI");
  CHECK(resolved("Cote d'Ivoire") == "CI");
  CHECK(resolved("Ivory Coast") == "CI");
  CHECK(resolved("Burma") == "MM");
  CHECK(resolved("Dutch") == "NL");
  CHECK(resolved("Atlantis") == "-");
  CHECK(countries::lookup("Lavrov") == nullptr);
}

TEST_CASE("countries: a word of short names finds every current country named with it", "[countries]") {
  const auto codes = [](std::string_view text) {
    std::string out;
    for (const countries::Country* c : countries::named_in_part(text)) out += (out.empty() ? "" : " ") + c->code;
    return out;
  };
  CHECK(codes("korea") == "KP KR");
  CHECK(codes("KOREA") == "KP KR");
  CHECK(codes("macedonia") == "MK");
  CHECK(codes("south korea") == "KR");
  CHECK(codes("guinea").find("GQ") != std::string::npos);  // Equatorial Guinea
  // A whole word only, and former countries file under their successors.
  CHECK(codes("kor").empty());
  CHECK(codes("soviet").empty());
  CHECK(codes("").empty());
  CHECK(codes("narnia").empty());
}

TEST_CASE("countries: short names are the ones news writes", "[countries]") {
  REQUIRE(countries::by_code("RU") != nullptr);
  CHECK(countries::by_code("RU")->name == "Russia");
  CHECK(countries::by_code("ru")->alpha3 == "RUS");
  CHECK(countries::by_code("RU")->capital == "Moscow");
  CHECK(countries::by_code("IR")->name == "Iran");
  CHECK(countries::by_code("SY")->name == "Syria");
  CHECK(countries::by_code("KR")->name == "South Korea");
  CHECK(countries::by_code("GB")->name == "United Kingdom");
  CHECK(countries::by_code("UA")->capital == "Kyiv");
  CHECK(countries::by_code("ZZ") == nullptr);
}

TEST_CASE("countries: former countries are filed under their documented successor",
          "[countries]") {
  const countries::Country* su = countries::lookup("Soviet Union");
  REQUIRE(su != nullptr);
  CHECK(su->code == "SUHH");
  CHECK(su->alpha3.empty());
  CHECK(su->successor == "RU");
  CHECK(resolved("Soviet Union") == "RU");
  CHECK(resolved("USSR") == "RU");
  CHECK(resolved("Soviet") == "RU");
  CHECK(resolved("Yugoslavia") == "RS");
  CHECK(resolved("Czechoslovakia") == "CZ");
  CHECK(resolved("East Germany") == "DE");
  CHECK(resolved("West Germany") == "DE");
  CHECK(resolved("Zaire") == "CD");
  CHECK(countries::by_code("SU") == su);
  CHECK(countries::by_code("BY")->name == "Belarus");  // a current code is not a former one
  CHECK(resolved("Neutral Zone") == "-");              // no successor: nothing to file it under
}

TEST_CASE("countries: the table covers ISO 3166-1 and 3166-3", "[countries]") {
  const auto& all = countries::all();
  std::size_t current = 0, former = 0;
  for (const auto& c : all) (c.alpha3.empty() ? former : current)++;
  CHECK(current == 250);  // 249 ISO 3166-1 entries and Kosovo (XK)
  CHECK(former == 31);
  for (const auto& c : all) {
    if (c.alpha3.empty()) continue;
    INFO(c.code);
    CHECK(countries::lookup(c.name) == &c);
    CHECK(countries::by_code(c.code) == &c);
  }
}

TEST_CASE("countries: Reuters-21578 place values map to codes", "[countries]") {
  CHECK(countries::reuters_place("usa") == "US");
  CHECK(countries::reuters_place("uk") == "GB");
  CHECK(countries::reuters_place("ussr") == "RU");
  CHECK(countries::reuters_place("west-germany") == "DE");
  CHECK(countries::reuters_place("USA") == "US");
  CHECK(countries::reuters_place("hong-kong") == "HK");
  CHECK_FALSE(countries::reuters_place("atlantis").has_value());

  const std::string path =
      std::string(NEWSIDX_SHARED_DIR) + "/corpora/reuters21578/all-places-strings.lc.txt";
  std::ifstream in(path);
  if (!in) {
    WARN("skipped: " << path << " is absent");
    return;
  }
  std::size_t n = 0;
  for (std::string line; std::getline(in, line);) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
    if (line.empty()) continue;
    ++n;
    INFO(line);
    auto code = countries::reuters_place(line);
    REQUIRE(code.has_value());
    CHECK(countries::by_code(*code) != nullptr);
  }
  CHECK(n == 175);
}
