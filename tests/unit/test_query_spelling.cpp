// Unit tests for query/spelling: which "did you mean" corrections are offered.
#include <catch2/catch.hpp>

#include <set>

#include "query/spelling.hpp"

using namespace newsidx::query;

namespace {
// The archive's words for these tests.
bool known(const std::string& word) {
  static const std::set<std::string> words{"tony", "zurich", "sao", "paulo", "quokkas", "election", "blair"};
  return words.count(word) > 0;
}
}  // namespace

TEST_CASE("spelling: only words the archive lacks are corrected, and only by a little", "[query][spelling]") {
  CHECK(accepted_correction("tony blaire electoin", "tony blair election", known) == "tony blair election");
  CHECK(accepted_correction("Tony Blaire", "tony blair", known) == "Tony blair");
  CHECK(accepted_correction("zurich", "rich", known).empty());         // a word of the archive
  CHECK(accepted_correction("Sao Paulo", "san paul", known).empty());  // both words are known
  CHECK(accepted_correction("quokkaz", "quotas", known).empty());      // two edits in 7 letters
  CHECK(accepted_correction("sanctons", "sanctions", known) == "sanctions");
  // Only the acceptable replacement of several; the query's syntax is kept.
  CHECK(accepted_correction("\"zurich bankz\" -sanctons", "\"rich banks\" -sanctions", known) ==
        "\"zurich banks\" -sanctions");
  CHECK(accepted_correction("oil", "oil", known).empty());
  // Xapian's correction drops a possessive's 's: the words still align, the 's stays as typed.
  CHECK(accepted_correction("zurich's sanctons", "zurich sanctions", known) == "zurich's sanctions");
  CHECK(accepted_correction("Zurich's sanctons", "zurich's sanctions", known) == "Zurich's sanctions");
  CHECK(accepted_correction("a b", "a", known).empty());  // not aligned word by word
  // A field's plural or synonym is further than a slip, and still offered.
  CHECK(accepted_correction("people:blair", "person:blair", known) == "person:blair");
  CHECK(accepted_correction("headline:kyiv", "title:kyiv", known) == "title:kyiv");
}

TEST_CASE("spelling: a mistyped field name is corrected from the field table, whatever the archive knows", "[query][spelling]") {
  CHECK(nearest_field("contry") == "country");
  CHECK(nearest_field("persn") == "person");
  CHECK(nearest_field("Country") == "country");
  CHECK(nearest_field("speakre") == "speaker");
  CHECK(nearest_field("dat") == "date");
  // Plurals and synonyms, which edits alone do not reach.
  CHECK(nearest_field("people") == "person");
  CHECK(nearest_field("Organisations") == "org");
  CHECK(nearest_field("location") == "place");
  CHECK(nearest_field("headline") == "title");
  CHECK(field_synonym("person").empty());
  CHECK(field_synonym("blair").empty());
  CHECK(nearest_field("country").empty());  // a field's own name
  CHECK(nearest_field("it").empty());       // too short to mean a field
  CHECK(nearest_field("quokkas").empty());
  CHECK(nearest_field("election") == "section");  // 8 letters: two edits allowed
  CHECK(with_field_names("contry:ua kyiv", "contry:ua kyiv") == "country:ua kyiv");
  CHECK(with_field_names("contry:ua kyv", "country:ua kyiv") == "country:ua kyiv");  // Xapian's words kept
  CHECK(with_field_names("contry ua", "contry ua") == "contry ua");  // no ':', no field
  // The archive's words do not stop a field's correction ("election" is known above).
  CHECK(accepted_correction("contry:ua", "country:ua", known) == "country:ua");
  CHECK(accepted_correction("zurich:ua", "rich:ua", known).empty());  // not a field's correction
  CHECK(accepted_correction("Country:ua", "country:ua", known) == "country:ua");
  CHECK(accepted_correction("blair contry:ua", "blair country:ua", known) == "blair country:ua");
}

TEST_CASE("spelling: a field typed in capitals, or with a blank before its value, is the field", "[query][spelling]") {
  CHECK(with_fields_as_meant("TITLE:blair") == "title:blair");
  CHECK(with_fields_as_meant("Person:\"Tony Blair\" Country:iraq") == "person:\"Tony Blair\" country:iraq");
  CHECK(with_fields_as_meant("DATE:2004 oil") == "date:2004 oil");
  // Words that are no field, a field in its own case, and a value after a colon stay.
  CHECK(with_fields_as_meant("Blair: no") == "Blair: no");
  CHECK(with_fields_as_meant("person:blair") == "person:blair");
  CHECK(with_fields_as_meant("x:TITLE:blair") == "x:TITLE:blair");
  CHECK(with_fields_as_meant("Contry:ua") == "Contry:ua");  // a typo is the suggestion's business
  CHECK(with_fields_as_meant("person: blair") == "person:blair");
  CHECK(with_fields_as_meant("oil Country:  \"Saudi Arabia\" title: opec") == "oil country:\"Saudi Arabia\" title:opec");
  CHECK(with_fields_as_meant("Note: prices rose") == "Note: prices rose");  // no field: blanks stay
  CHECK(with_fields_as_meant("person: ") == "person: ");                    // nothing after it
  CHECK(with_fields_as_meant("person: title:blair") == "person: title:blair");  // the next field is no value
}

TEST_CASE("spelling: a field typed with no value is left out of the query text", "[query][spelling]") {
  auto a = without_empty_fields("election person:");
  CHECK(a.text == "election ");
  CHECK(a.fields == std::vector<std::string>{"person"});
  auto b = without_empty_fields(with_fields_as_meant("election Person: title:  "));
  CHECK(b.text == "election ");
  CHECK(b.fields == std::vector<std::string>{"person", "title"});  // as the parser reads it
  auto c = without_empty_fields(with_fields_as_meant("person: title:blair oil"));
  CHECK(c.text == "title:blair oil");
  CHECK(c.fields == std::vector<std::string>{"person"});
  // A field with its value, a word that is no field, and a colon inside a value stay.
  for (std::string kept : {"person:blair", "Note: ", "x:person: ", "title:\"a b\" oil"}) {
    INFO(kept);
    auto k = without_empty_fields(kept);
    CHECK(k.text == kept);
    CHECK(k.fields.empty());
  }
}

TEST_CASE("spelling: an abbreviation typed in lower case is read in capitals, as news writes it", "[query][spelling]") {
  CHECK(with_abbreviations_in_capitals("u.s. trade") == "U.S. trade");
  CHECK(with_abbreviations_in_capitals("u.s trade") == "U.S trade");
  CHECK(with_abbreviations_in_capitals("\"u.s.a. policy\" u.k.") == "\"U.S.A. policy\" U.K.");
  CHECK(with_abbreviations_in_capitals("country:u.s.") == "country:U.S.");
  CHECK(with_abbreviations_in_capitals("u.s.-japan talks") == "U.S.-japan talks");
  // Abbreviations news writes in lower case, words, and dots inside words stay.
  for (std::string kept : {"e.g. i.e. a.m. p.m.", "us trade", "mr. smith", "www.bbc.co.uk", "v1.2.3", "x.y.z9", "a.bc"}) {
    INFO(kept);
    CHECK(with_abbreviations_in_capitals(kept) == kept);
  }
}

TEST_CASE("spelling: a bare name is widened to its possessive where the archive holds it", "[query][spelling]") {
  const auto indexed = [](const std::string& term) { return term == "blair's" || term == "o'neill's" || term == "mr's"; };
  CHECK(with_possessives_widened("Blair speech", indexed) == "(Blair OR Blair's) speech");
  CHECK(with_possessives_widened("O'Neill", indexed) == "(O'Neill OR O'Neill's)");
  CHECK(with_possessives_widened("Brown", indexed) == "Brown");  // no "brown's" in the archive
  CHECK(with_possessives_widened("Blair's", indexed) == "(Blair OR Blair's)");
  for (std::string kept : {"blair", "\"Blair speech\"", "title:Blair", "-Blair", "+Blair", "B",
                           "Blair2", "O'", "'Blair"}) {
    INFO(kept);
    const std::string out = with_possessives_widened(kept, indexed);
    CHECK(out == kept);
  }
  CHECK(with_possessives_widened("Blair AND Mr", indexed) == "(Blair OR Blair's) AND (Mr OR Mr's)");
}

TEST_CASE("spelling: typographic quotation marks read as the keyboard's", "[query][spelling]") {
  CHECK(with_straight_quotes("\xE2\x80\x9Ctony blair\xE2\x80\x9D iraq") == "\"tony blair\" iraq");
  CHECK(with_straight_quotes("\xE2\x80\x9Etony blair\xE2\x80\x9C") == "\"tony blair\"");
  CHECK(with_straight_quotes("\xC2\xABtony blair\xC2\xBB") == "\"tony blair\"");
  CHECK(with_straight_quotes("O\xE2\x80\x99" "Driscoll") == "O'Driscoll");
  CHECK(with_straight_quotes("\xE2\x80\x98tony\xE2\x80\x99 ha\xCA\xBC" "aretz") == "'tony' ha'aretz");
  CHECK(with_straight_quotes("caf\xC3\xA9 \xE2\x80\x94 \xE2\x82\xAC" "5") == "caf\xC3\xA9 \xE2\x80\x94 \xE2\x82\xAC" "5");  // other signs stay
  CHECK(with_straight_quotes("").empty());
  CHECK(with_straight_quotes("\xE2\x80") == "\xE2\x80");  // a cut sequence is left as it was
}

TEST_CASE("spelling: a capitalised possessive is widened to the name or its possessive", "[query][spelling]") {
  CHECK(with_possessives_widened("Blair's") == "(Blair OR Blair's)");
  CHECK(with_possessives_widened(with_straight_quotes("Brown\xE2\x80\x99s budget")) == "(Brown OR Brown's) budget");
  CHECK(with_possessives_widened("Mr Blair's (Labour's plan)") == "Mr (Blair OR Blair's) ((Labour OR Labour's) plan)");
  // Phrases, fields, signs, contractions and lower-case words (stemmed anyway) stay.
  for (std::string kept : {"\"Blair's government\"", "title:Blair's", "-Blair's", "+Blair's", "It's", "That's over",
                           "Let's go", "blair's", "Blair'sx", "B's", "Blair'"}) {
    INFO(kept);
    CHECK(with_possessives_widened(kept) == kept);
  }
}

TEST_CASE("spelling: a hyphenated word is widened to its parts written together", "[query][spelling]") {
  CHECK(with_hyphens_widened("e-mail") == "(e-mail OR email)");
  CHECK(with_hyphens_widened("pre-tax profit (co-operation)") == "(pre-tax OR pretax) profit ((co-operation OR cooperation))");
  CHECK(with_hyphens_widened("state-of-the-art") == "(state-of-the-art OR stateoftheart)");
  // Phrases, fields, signs, numbers, and hyphens that join no two parts stay.
  for (std::string kept : {"\"e-mail spam\"", "title:e-mail", "-e-mail", "2004-05", "e-", "-mail", "e--mail",
                           "U.S.-led", "e-mail*"}) {
    INFO(kept);
    CHECK(with_hyphens_widened(kept) == kept);
  }
}

TEST_CASE("spelling: words typed as fields that are none are named for a note, with the field near", "[query][spelling]") {
  using Unknown = std::vector<newsidx::query::UnknownField>;
  CHECK(unknown_fields("inurl:bbc.co.uk blair") == Unknown{{"inurl", ""}});
  CHECK(unknown_fields("intitle:blair inurl:x.com intitle:brown site:x.com") == Unknown{{"intitle", ""}, {"inurl", ""}});
  // A near miss names its field: the suggestion is shown only when the corrected query finds
  // more ("tittle:kyiv" where no headline has Kyiv got no word at all).
  CHECK(unknown_fields("tittle:kyiv Persn:blair") == Unknown{{"tittle", "title"}, {"Persn", "person"}});
  // Fields, times, quotes and a colon before a blank stay out.
  for (std::string none : {"person:blair", "Country:ua", "10:30 talks", "\"site:x\"", "Note: prices", "a:b:c"}) {
    INFO(none);
    CHECK(unknown_fields(none).empty());
  }
}
