// Unit tests for typed entity names as the facets hold them (query/entity_names.hpp).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "query/entity_names.hpp"

using newsidx::query::before_comma;
using newsidx::query::ending_with;
using newsidx::query::fitting_title;
using newsidx::query::holds_words;
using newsidx::query::initials_of;
using newsidx::query::is_initial;
using newsidx::query::may_be_initials;
using newsidx::query::name_words;
using newsidx::query::without_article;
using newsidx::query::without_dots;
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

TEST_CASE("entity names: an initial stands for a word with its letter, beside a word that is none", "[query]") {
  using V = std::vector<std::string>;
  CHECK(is_initial("t"));
  CHECK(is_initial("t."));
  CHECK_FALSE(is_initial("tb"));
  CHECK_FALSE(is_initial("."));
  CHECK(holds_words(V{"tony", "blair"}, V{"t.", "blair"}));
  CHECK(holds_words(V{"george", "w", "bush"}, V{"g.", "w.", "bush"}));
  CHECK_FALSE(holds_words(V{"ian", "blair"}, V{"t.", "blair"}));
  CHECK_FALSE(holds_words(V{"tony", "james"}, V{"t.", "j."}));  // initials alone match no name
  CHECK(holds_words(V{"t", "delport"}, V{"t"}));                // the word itself still does
  CHECK(holds_words(V{"tony", "blair"}, V{"blair"}));
}

TEST_CASE("entity names: an abbreviation typed with dots is the word without them", "[query]") {
  CHECK(without_dots("b.b.c.") == "bbc");
  CHECK(without_dots("u.n") == "un");
  CHECK(without_dots("bbc").empty());    // no dot: nothing to read
  CHECK(without_dots("st. louis").empty());  // not letters and dots alone
  CHECK(without_dots("a.").empty());     // one letter
}

TEST_CASE("entity names: a leading article and what follows a comma are read off a typed name", "[query]") {
  CHECK(without_article("the bbc") == "bbc");
  CHECK(without_article("The  Hague ") == "Hague");
  CHECK(without_article("An Post") == "Post");
  CHECK(without_article("the") == "");
  CHECK(without_article("theresa may") == "");
  CHECK(without_article("bbc") == "");
  CHECK(before_comma("new york, ny") == "new york");
  CHECK(before_comma("Paris ,France") == "Paris");
  CHECK(before_comma(", bbc") == "");
  CHECK(before_comma("new york") == "");
}

TEST_CASE("entity names: a surname typed after a title keeps the names ending in it", "[query][entity_names]") {
  const std::vector<std::string> found = {"Ptony blair", "Pblair walsh", "Pcherie blair"};
  CHECK(ending_with(found, "P", "blair") == std::vector<std::string>{"Ptony blair", "Pcherie blair"});
  // None ends in it: all stay, as typed.
  CHECK(ending_with({"Pblair walsh"}, "P", "blair") == std::vector<std::string>{"Pblair walsh"});
  CHECK(ending_with({}, "P", "blair").empty());
}

TEST_CASE("entity names: a title with a sex keeps the names whose given name fits it", "[query][entity_names]") {
  const std::vector<std::string> found = {"Ptony blair", "Pcherie blair", "Pm blair", "Pblair"};
  CHECK(fitting_title(found, "P", "mrs") == std::vector<std::string>{"Pcherie blair", "Pm blair", "Pblair"});
  CHECK(fitting_title(found, "P", "mr.") == std::vector<std::string>{"Ptony blair", "Pm blair", "Pblair"});
  CHECK(fitting_title(found, "P", "dr") == found);  // no sex
  // None would stay: all do.
  CHECK(fitting_title({"Ptony blair"}, "P", "mrs") == std::vector<std::string>{"Ptony blair"});
}
