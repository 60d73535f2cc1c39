// Unit tests for the speech cues read off the verb phrase before a quotation
// (indexer/entities/speech_cues_phrases.cpp): a described subject's verb inside its phrase, and
// participles of saying that no list holds.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "quotes_test_util.hpp"

using namespace quotes_test;

namespace {
// The description each quotation of `text` is given ("-" for none), with no mentions.
std::vector<std::string> described(const std::string& text) {
  std::vector<std::string> out;
  for (const Quote& q : find_quotes(text, {})) out.push_back(q.speaker_description.value_or("-"));
  return out;
}
}  // namespace

TEST_CASE("speech cues phrases: a described subject's verb may stand inside the phrase read whole",
          "[speech_cues][quotes]") {
  // An "-ed" verb before its object: the participle after the object speaks for the description.
  CHECK(described("The senator emailed supporters saying: \"The fight for fair wages goes on in every "
                  "state.\"") == std::vector<std::string>{"The senator"});
  // Irregular pasts: "put out", "left no doubt".
  CHECK(described("His office put out a statement on Monday, saying \"the plan would hurt working families "
                  "across the state.\"") == std::vector<std::string>{"His office"});
  CHECK(described("The president left no doubt of his support for the bill, saying \"there has never been a "
                  "better time to act on it.\"") == std::vector<std::string>{"The president"});
  // An adverb before a past participle makes no description: "The newly elected members" has no
  // verb inside that reads as one.
  CHECK(described("The newly elected members of the council walked out, saying \"we will not vote on this "
                  "budget tonight.\"") == std::vector<std::string>{"-"});
}

TEST_CASE("speech cues phrases: a participle outside the lists right before the quotation",
          "[speech_cues][quotes]") {
  // A short quotation after a described subject is taken for a scare quote unless a cue
  // introduces it: the participle is that cue.
  CHECK(described("The mayor tried to laugh it off by interjecting, \"Only on Tuesdays.\"") ==
        std::vector<std::string>{"The mayor"});
  CHECK(described("The committee released a statement on Monday, offering \"a sincere apology.\"") ==
        std::vector<std::string>{"The committee"});
  // A preposition in "-ing" is no participle.
  CHECK(described("The mayor listed the plans, including \"a new bridge.\"") == std::vector<std::string>{"-"});
}

TEST_CASE("speech cues phrases: guards of the verb inside a phrase and of the unlisted participle",
          "[speech_cues][quotes]") {
  // A past participle before a preposition modifies the head: no verb of the phrase.
  CHECK(described("A tweet sent from the mayor's account repeated the promise, saying \"the new bridge will "
                  "open in the spring.\"") == std::vector<std::string>{"-"});
  // Another clause between the sentence's subject and the participle may hold its subject.
  CHECK(speakers("Tom Baker spoke where about fifty protesters had gathered, chanting \"no contract, no peace.\"",
                 {"Tom Baker"}) == std::vector<std::string>{"-"});
}

TEST_CASE("speech cues phrases: a described subject with a name after its preposition",
          "[speech_cues][quotes]") {
  // The name the article knows ends the phrase, and the verb after it is the phrase's.
  std::vector<Mention> mentions;
  const std::string text =
      "A spokeswoman for the Armed Services Committee emailed reporters the text of the law, arguing, \"As you "
      "can see, the law says nothing of the kind.\"";
  add_mentions(mentions, text, "Armed Services Committee", "Armed Services Committee", MentionType::kOrg);
  const auto quotes = find_quotes(text, mentions);
  REQUIRE(quotes.size() == 1);
  CHECK(quotes[0].speaker.value_or("-") == "Armed Services Committee");
  // A quantity or an organisation before the preposition is no speaker's head, even when the
  // tagger takes the word after it for an organisation.
  std::vector<Mention> senators;
  const std::string number =
      "A number of Senators condemned the decision, citing it as \"a grave abuse of the commission's power.\"";
  add_mentions(senators, number, "Senators", "Senators", MentionType::kOrg);
  const auto cited = find_quotes(number, senators);
  REQUIRE(cited.size() == 1);
  CHECK(cited[0].speaker.value_or("-") == "-");
  // Nor is a word no mention names such a name.
  CHECK(speakers("A spokesman for the Harbour Trust emailed reporters, arguing, \"As you can see, the law says "
                 "nothing of the kind.\"",
                 {}) == std::vector<std::string>{"-"});
}

TEST_CASE("speech cues phrases: two verbs joined by and share their subject", "[speech_cues][quotes]") {
  CHECK(speakers("Tom Baker derided and mocked \"the professional left\" at every turn.", {"Tom Baker"}) ==
        std::vector<std::string>{"Tom Baker"});
  // "and" before a clause of its own still ends the subject's reach.
  CHECK(speakers("Tom Baker waited and the crowd booed \"the professional left\" at every turn.",
                 {"Tom Baker"}) == std::vector<std::string>{"-"});
}

TEST_CASE("speech cues phrases: a modal of the perfect stands between a subject and its speech verb",
          "[speech_cues][quotes]") {
  CHECK(speakers("Tom Baker may have said it best when he blogged: \"The city deserves better than this.\"",
                 {"Tom Baker"}) == std::vector<std::string>{"Tom Baker"});
  // A modal before a bare infinitive reports no words: "Some might say" is no cue.
  CHECK(described("Some might say \"the city deserves better than this and the council knows it.\"") ==
        std::vector<std::string>{"-"});
}

TEST_CASE("speech cues phrases: what the read-only review found", "[speech_cues][quotes]") {
  // A word of degree before a participle: the participle modifies the noun after it, no verb.
  CHECK(described("The much loved actor emailed fans on Friday, saying: \"I am so grateful for your support "
                  "tonight.\"") != std::vector<std::string>{"The much"});
  CHECK(described("The low paid workers went on strike, chanting: \"We want fair pay now and we will not "
                  "stop.\"") != std::vector<std::string>{"The low"});
  // Participles that present a work or report an effect give no speaker.
  CHECK(described("The band released a new album, featuring \"Yesterday Once More\" and other songs.") ==
        std::vector<std::string>{"-"});
  CHECK(speakers("The concert ended with Beyonce performing \"Halo\" for the crowd.", {"Beyonce"}) ==
        std::vector<std::string>{"-"});
  CHECK(described("The storm hit the town on Monday, leaving \"total devastation\", according to the mayor.") ==
        std::vector<std::string>{"the mayor"});
  // A past form after "and" before a bare noun modifies a new subject.
  CHECK(speakers("John Smith resigned and retired officers called it a \"witch hunt\" against him.", {"John Smith"}) ==
        std::vector<std::string>{"-"});
}
