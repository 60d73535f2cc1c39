// Unit tests for quotation finding and speaker attribution as a whole (indexer/entities/quotes).
#include <catch2/catch.hpp>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "quotes_test_util.hpp"

using namespace quotes_test;

TEST_CASE("quotes: short labels keep their speaker but stay out of the speaker facet",
          "[quotes]") {
  using newsidx::entities::counts_for_speaker_facet;
  Quote label;
  label.text = "a total disaster";
  label.speaker = "Jane Doe";
  CHECK_FALSE(counts_for_speaker_facet(label));
  Quote statement = label;
  statement.text = "It was a total disaster,";
  CHECK(counts_for_speaker_facet(statement));
  Quote unnamed = statement;
  unnamed.speaker.reset();
  CHECK_FALSE(counts_for_speaker_facet(unnamed));
  // Apostrophes join a word, straight or curly; dashes separate without being words.
  Quote contraction = label;
  contraction.text = "It's a disaster";
  CHECK_FALSE(counts_for_speaker_facet(contraction));
  contraction.text = "It\u2019s a disaster";
  CHECK_FALSE(counts_for_speaker_facet(contraction));
  contraction.text = "It\u2019s a total disaster";
  CHECK(counts_for_speaker_facet(contraction));
  Quote dashed = label;
  dashed.text = "Sad \u2014 very sad";
  CHECK_FALSE(counts_for_speaker_facet(dashed));
}

TEST_CASE("quotes: seed article speakers", "[quotes]") {
  const std::filesystem::path path =
      std::filesystem::path(NEWSIDX_SHARED_DIR) / "corpora/seed/blinken-kyiv.txt";
  if (!std::filesystem::exists(path)) {
    WARN("skipped: seed article not found at " << path.string());
    return;
  }
  const std::string text = slurp(path);
  std::vector<Mention> mentions;
  add_mentions(mentions, text, "Antony Blinken", "Antony Blinken");
  add_mentions(mentions, text, "Blinken", "Antony Blinken");
  add_mentions(mentions, text, "Volodymyr Zelenskiy", "Volodymyr Zelenskiy");
  add_mentions(mentions, text, "Dmytro Kuleba", "Dmytro Kuleba");
  add_mentions(mentions, text, "Annalena Baerbock", "Annalena Baerbock");
  add_mentions(mentions, text, "Sergey Lavrov", "Sergey Lavrov");
  add_mentions(mentions, text, "Lavrov", "Sergey Lavrov");
  add_mentions(mentions, text, "Vladimir Putin", "Vladimir Putin");
  add_mentions(mentions, text, "Amy Klobuchar", "Amy Klobuchar");
  add_mentions(mentions, text, "Kevin Cramer", "Kevin Cramer");
  add_mentions(mentions, text, "Biden", "Joe Biden");
  add_mentions(mentions, text, "State Department", "State Department", MentionType::kOrg);
  add_mentions(mentions, text, "NATO", "NATO", MentionType::kOrg);
  add_mentions(mentions, text, "VOA", "VOA", MentionType::kOrg);

  for (const bool with_mentions : {true, false}) {
    INFO("with mentions: " << with_mentions);
    const auto quotes = find_quotes(text, with_mentions ? mentions : std::vector<Mention>{});
    std::set<std::string> speakers;
    for (const Quote& q : quotes) {
      if (q.speaker) speakers.insert(*q.speaker);
    }
    CHECK(speakers == std::set<std::string>{"Antony Blinken", "Amy Klobuchar", "Kevin Cramer",
                                            "State Department"});
    auto speaker_of = [&](const std::string& start) -> std::string {
      for (const Quote& q : quotes) {
        if (q.text.rfind(start, 0) == 0) return q.speaker ? *q.speaker : "-";
      }
      return "(no such quote)";
    };
    CHECK(speaker_of("diplomatic effort") == "Antony Blinken");
    CHECK(speaker_of("We are now at a stage") == "-");
    CHECK(speaker_of("prepare for a different outcome") == "-");
    CHECK(speaker_of("Diplomacy is not dead") == "-");
    CHECK(speaker_of("the U.S. side believes") == "-");
    CHECK(speaker_of("to discuss recent diplomatic") == "State Department");
    CHECK(speaker_of("the importance of continuing") == "State Department");
    CHECK(speaker_of("We have Democrats and Republicans") == "Amy Klobuchar");
    CHECK(speaker_of("The United States won") == "Kevin Cramer");
    for (const Quote& q : quotes) {
      if (q.speaker == "Amy Klobuchar") {
        REQUIRE(q.speaker_mention);
        CHECK(text.substr(q.speaker_mention->start,
                          q.speaker_mention->end - q.speaker_mention->start) == "Amy Klobuchar");
        REQUIRE(q.cue);
        CHECK(text.substr(q.cue->start, q.cue->end - q.cue->start) == "told");
      }
    }
  }
}
