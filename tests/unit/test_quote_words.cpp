// Unit tests for the name comparisons of quote attribution (indexer/entities/quote_words).
#include <catch2/catch.hpp>

#include <string>

#include "indexer/entities/quote_words.hpp"

using namespace newsidx::entities::quoting;

TEST_CASE("quote words: surnames and first names of speaker names", "[quote_words][quotes]") {
  CHECK(strip_possessive("Trump's") == "Trump");
  CHECK(strip_possessive("Trump\u2019s") == "Trump");
  CHECK(strip_possessive("'s") == "'s");
  CHECK(last_word("Ted Cruz's") == "Cruz");
  CHECK(last_word("Cruz") == "Cruz");
  CHECK(first_word("Ted Cruz") == "Ted");
  CHECK(first_word("Cruz") == "Cruz");
}

TEST_CASE("quote words: two names are one person when surnames agree and first names do not differ",
          "[quote_words][quotes]") {
  CHECK(same_person("Cruz", "Ted Cruz"));
  CHECK(same_person("Ted Cruz", "Ted Cruz's"));
  CHECK_FALSE(same_person("Bill Clinton", "Hillary Clinton"));
  CHECK_FALSE(same_person("Ted Cruz", "Ted Kennedy"));
}

TEST_CASE("quote words: short forms of place names", "[quote_words][quotes]") {
  CHECK(abbreviates("Fla.", "Florida"));
  CHECK(abbreviates("R-Fla.", "Florida"));
  CHECK(abbreviates("Vt.", "Vermont"));
  CHECK_FALSE(abbreviates("Tex.", "Vermont"));
  CHECK_FALSE(abbreviates("V", "Vermont"));  // one letter is no short form
  CHECK_FALSE(abbreviates("Vermont", "Vermont"));
}

TEST_CASE("quote words: the word lists are looked up case-sensitively", "[quote_words][quotes]") {
  CHECK(in(kSpeechVerbs, "said"));
  CHECK_FALSE(in(kSpeechVerbs, "Said"));  // 'John Smith Said' is a name run, not a cue
  CHECK(in(kTitles, "Sen."));
  // Same length and first letter as a listed word, but another word; and the empty word.
  CHECK(in(kSpeechVerbs, "says"));
  CHECK_FALSE(in(kSpeechVerbs, "sail"));
  CHECK_FALSE(in(kSpeechVerbs, "sa"));
  CHECK_FALSE(in(kSpeechVerbs, ""));
  CHECK(lower("The Vermont SENATOR") == "the vermont senator");
}
