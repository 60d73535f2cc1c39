// Unit tests for typed entity names as the facets hold them (query/entity_names.hpp).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "query/entity_names.hpp"

using newsidx::query::initials_of;
using newsidx::query::may_be_initials;
using newsidx::query::name_words;
using newsidx::query::words_of;
using Words = std::vector<std::string>;

TEST_CASE("entity names: the words of a key", "[query][entity_names]") {
  CHECK(words_of("antony  blinken") == Words{"antony", "blinken"});
  CHECK(words_of("").empty());
}

TEST_CASE("entity names: titles before a name and a possessive after it are dropped", "[query][entity_names]") {
  CHECK(name_words({"mr", "blair"}) == Words{"blair"});
  CHECK(name_words({"prime", "minister", "tony", "blair"}) == Words{"tony", "blair"});
  CHECK(name_words({"dr.", "fauci"}) == Words{"fauci"});
  CHECK(name_words({"blair's"}) == Words{"blair"});
  CHECK(name_words({"blair\xE2\x80\x99s"}) == Words{"blair"});
  CHECK(name_words({"jones'"}) == Words{"jones"});
  // A title alone, a name with none, a title after the name: as typed.
  CHECK(name_words({"mr"}) == Words{"mr"});
  CHECK(name_words({"tony", "blair"}) == Words{"tony", "blair"});
  CHECK(name_words({"blair", "president"}) == Words{"blair", "president"});
  CHECK(name_words({}).empty());
  CHECK(name_words({"'s"}) == Words{"'s"});
  // An organisation's or a place's name keeps its first word ("General Motors"), not its 's.
  CHECK(name_words({"general", "barclays"}, false) == Words{"general", "barclays"});
  CHECK(name_words({"reuters'"}, false) == Words{"reuters"});
}

TEST_CASE("entity names: an organisation's initials", "[query][entity_names]") {
  CHECK(initials_of("world health organization") == "who");
  CHECK(initials_of("international atomic energy agency") == "iaea");
  CHECK(initials_of("bank of england") == "be");
  CHECK(initials_of("international business machines corp") == "ibm");
  CHECK(initials_of("exxon corp") == "e");
  CHECK(initials_of("the man who knew too much") == "mwktm");
  CHECK(initials_of("3m company").empty());
  CHECK(may_be_initials("who"));
  CHECK(may_be_initials("iaea"));
  CHECK_FALSE(may_be_initials("w"));
  CHECK_FALSE(may_be_initials("ec"));
  CHECK_FALSE(may_be_initials("reuters"));
  CHECK_FALSE(may_be_initials("g7"));
}
