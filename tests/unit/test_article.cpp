// Unit tests for common/article: which articles get entity extraction, and the "type" names of
// mentions in the extract format.
#include <catch2/catch.hpp>

#include <string>

#include "common/article.hpp"

using namespace newsidx;

TEST_CASE("article: English or unlabelled articles get entities, other languages do not", "[article]") {
  struct Case {
    std::string lang;
    bool analysed;
  };
  for (const Case& c : {Case{"", true}, Case{"en", true}, Case{"en-gb", true}, Case{"en_US", true},
                        Case{"de", false}, Case{"fr-ca", false}, Case{"eng", false}, Case{"es_en", false}}) {
    INFO(c.lang);
    Article a;
    a.lang = c.lang;
    CHECK(analysed_for_entities(a) == c.analysed);
  }
}

TEST_CASE("article: mention types have the extract format's names", "[article]") {
  CHECK(std::string(to_string(MentionType::kPerson)) == "person");
  CHECK(std::string(to_string(MentionType::kOrg)) == "org");
  CHECK(std::string(to_string(MentionType::kPlace)) == "place");
  CHECK(std::string(to_string(MentionType::kCountry)) == "country");
  CHECK(std::string(to_string(MentionType::kNationality)) == "nationality");
}
