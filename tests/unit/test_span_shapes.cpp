// Unit tests for tagger spans judged by the shape of the words in and around them.
#include <catch2/catch.hpp>

#include <string>
#include <tuple>
#include <vector>

#include "indexer/entities/gazetteer.hpp"
#include "indexer/entities/span_shapes.hpp"
#include "indexer/entities/tokenizer.hpp"

namespace ent = newsidx::entities;

namespace {

// "ORG Rovers; PER Van Eck": each span's type and words.
std::string spans_text(const ent::TokenizedText& tt, const std::vector<ent::EntitySpan>& spans) {
  std::string out;
  for (const ent::EntitySpan& s : spans) {
    if (!out.empty()) out += "; ";
    out += ent::to_string(s.type);
    for (std::size_t k = s.begin; k < s.end; ++k) out += ' ' + std::string(tt.tokens[k].text);
  }
  return out;
}

// The span of `length` tokens from the first token `first` of `text`, typed `type`, as
// shaped_span reads it: "none", or its type and words ("PER Bernie Sanders").
std::string shaped(const std::string& text, std::string_view first, std::size_t length, ent::EntityType type) {
  const ent::TokenizedText tt = ent::tokenize(text);
  std::vector<std::string_view> words;
  for (const ent::Token& t : tt.tokens) words.push_back(t.text);
  std::size_t begin = 0;
  while (begin < words.size() && words[begin] != first) ++begin;
  REQUIRE(begin + length <= words.size());
  const auto out =
      ent::shaped_span(tt, words, ent::EntitySpan{begin, begin + length, type}, ent::Gazetteer::instance());
  if (!out) return "none";
  std::string s = ent::to_string(out->type);
  for (std::size_t k = out->begin; k < out->end; ++k) s += ' ' + std::string(words[k]);
  return s;
}

}  // namespace

TEST_CASE("span shapes: an ordinal in figures alone is no name", "[entities][span_shapes]") {
  CHECK(ent::is_ordinal("3rd"));
  CHECK(ent::is_ordinal("21ST"));
  CHECK_FALSE(ent::is_ordinal("3M"));
  CHECK_FALSE(ent::is_ordinal("1990s"));
  CHECK(shaped("Profits rose in the 3rd quarter.", "3rd", 1, ent::EntityType::kOrg) == "none");
  CHECK(shaped("Shares of 3M rose.", "3M", 1, ent::EntityType::kOrg) == "ORG 3M");
}

TEST_CASE("span shapes: a sentence adverb alone is no name, a surname in -ly is", "[entities][span_shapes]") {
  const ent::Gazetteer& gaz = ent::Gazetteer::instance();
  CHECK(ent::is_sentence_adverb("Additionally", gaz));
  CHECK(ent::is_sentence_adverb("Similarly", gaz));
  CHECK_FALSE(ent::is_sentence_adverb("Kelly", gaz));
  CHECK_FALSE(ent::is_sentence_adverb("Daly", gaz));
  CHECK(shaped("Additionally, the mayor spoke.", "Additionally", 1, ent::EntityType::kPer) == "none");
  CHECK(shaped("Kelly spoke to the mayor.", "Kelly", 1, ent::EntityType::kPer) == "PER Kelly");
}

TEST_CASE("span shapes: a camel-case word alone is a firm, not a person, unless a surname's prefix starts it",
          "[entities][span_shapes]") {
  CHECK(ent::is_camel_case("GoDaddy"));
  CHECK(ent::is_camel_case("eBay"));
  CHECK_FALSE(ent::is_camel_case("McCain"));
  CHECK_FALSE(ent::is_camel_case("LeBron"));
  CHECK_FALSE(ent::is_camel_case("O'Neill"));
  CHECK_FALSE(ent::is_camel_case("NATO"));
  CHECK(shaped("The list put PayPal first.", "PayPal", 1, ent::EntityType::kPer) == "ORG PayPal");
  CHECK(shaped("The list put DeLay first.", "DeLay", 1, ent::EntityType::kPer) == "PER DeLay");
  // Only a person is retyped: a camel-case place stays one.
  CHECK(shaped("She flew to NewYork first.", "NewYork", 1, ent::EntityType::kLoc) == "LOC NewYork");
}

TEST_CASE("span shapes: a word before a comma and an initial is a surname", "[entities][span_shapes]") {
  CHECK(shaped("Smith, J. (1997). Birds. Walker, R. (2003). Trees.", "Walker", 1, ent::EntityType::kOrg) ==
        "PER Walker");
  // Not before a word: "Walker, Ohio".
  CHECK(shaped("The firm, Walker, Ohio, said so.", "Walker", 1, ent::EntityType::kOrg) == "ORG Walker");
}

TEST_CASE("span shapes: a state or country before a full name is no part of it", "[entities][span_shapes]") {
  CHECK(shaped("Vermont Bernie Sanders won the vote.", "Vermont", 3, ent::EntityType::kPer) == "PER Bernie Sanders");
  CHECK(shaped("Yesterday New Hampshire John Lynch won.", "New", 4, ent::EntityType::kPer) == "PER John Lynch");
  // A place's name that is a first name begins the person's name: "Georgia May Jagger".
  CHECK(shaped("Model Georgia May Jagger spoke.", "Georgia", 3, ent::EntityType::kPer) == "PER Georgia May Jagger");
  // Two words are a name, not a place and a name.
  CHECK(shaped("Senator Vermont Sanders spoke.", "Vermont", 2, ent::EntityType::kPer) == "PER Vermont Sanders");
}

TEST_CASE("span shapes: a name that labels an interview's turn is a person", "[entities][span_shapes]") {
  const std::string transcript = "The reporter met her.\n((Zorya Mallentine))  I play chess. I sing.\n((WN))  Why?\n";
  CHECK(shaped(transcript, "Zorya", 2, ent::EntityType::kOrg) == "PER Zorya Mallentine");
  CHECK(shaped("The reporter met him.\nEdgar Quillfeather: We found the bones.\n", "Edgar", 2, ent::EntityType::kOrg) ==
        "PER Edgar Quillfeather");
  // Not a label: the name goes on inside a sentence, or the turn is not on the label's line.
  CHECK(shaped("The reporter met (Zorya Mallentine) at the club.\n", "Zorya", 2, ent::EntityType::kOrg) ==
        "ORG Zorya Mallentine");
  CHECK(shaped("Results:\nZorya Mallentine:\n12 points\n", "Zorya", 2, ent::EntityType::kOrg) ==
        "ORG Zorya Mallentine");
  // A club's line-up ("Bayern Munich: Kahn, ...") and English words ("Indian Railway:") are no persons.
  CHECK(shaped("Bayern Munich: Kahn, Babbel, Helmer.\n", "Bayern", 2, ent::EntityType::kOrg) == "ORG Bayern Munich");
  CHECK(shaped("Indian Railway: the trains ran late.\n", "Indian", 2, ent::EntityType::kOrg) == "ORG Indian Railway");
}

namespace {

// The spans of `text` after complete_name_lists, from spans given as (first word, words, type).
std::string completed(const std::string& text,
                      const std::vector<std::tuple<std::string, std::size_t, ent::EntityType>>& given) {
  const ent::TokenizedText tt = ent::tokenize(text);
  std::vector<ent::EntitySpan> spans;
  for (const auto& [first, length, type] : given) {
    std::size_t begin = 0;
    while (begin < tt.tokens.size() && tt.tokens[begin].text != first) ++begin;
    REQUIRE(begin + length <= tt.tokens.size());
    spans.push_back(ent::EntitySpan{begin, begin + length, type});
  }
  ent::complete_name_lists(tt, spans);
  return spans_text(tt, spans);
}

}  // namespace

TEST_CASE("span shapes: the names of a line-up are persons when most of them are", "[entities][span_shapes]") {
  using T = ent::EntityType;
  const std::string lineup = "Rovers won.\nRovers: Abbott, Brill, Cosgrove, Dunmore, Van Eck.\nGoals: Brill 12.\n";
  CHECK(completed(lineup, {{"Rovers", 1, T::kOrg},
                           {"Brill", 1, T::kPer},
                           {"Cosgrove", 1, T::kOrg},
                           {"Dunmore", 1, T::kPer},
                           {"Van", 2, T::kPer}}) ==
        "ORG Rovers; PER Abbott; PER Brill; PER Cosgrove; PER Dunmore; PER Van Eck");
  // Half the items or fewer read as persons: no list of persons.
  CHECK(completed(lineup, {{"Brill", 1, T::kPer}, {"Cosgrove", 1, T::kOrg}, {"Dunmore", 1, T::kLoc}}) ==
        "PER Brill; ORG Cosgrove; LOC Dunmore");
  // Two items are too few, an item of three words or a number ends the shape, and so does a
  // label that does not open its line.
  CHECK(completed("Subs: Abbott, Brill.\n", {{"Brill", 1, T::kPer}}) == "PER Brill");
  CHECK(completed("Team: Abbott, Brill, Cosgrove Dunmore Eck.\n", {{"Abbott", 1, T::kPer}, {"Brill", 1, T::kPer}}) ==
        "PER Abbott; PER Brill");
  CHECK(completed("He named the team: Abbott, Brill, Cosgrove.\n", {{"Abbott", 1, T::kPer}, {"Brill", 1, T::kPer}}) ==
        "PER Abbott; PER Brill");
}

TEST_CASE("span shapes: a country's exit blended into one word is no name, its party is", "[entities][span_shapes]") {
  CHECK(ent::is_exit_blend("Brexit"));
  CHECK(ent::is_exit_blend("Grexit"));
  CHECK_FALSE(ent::is_exit_blend("Exit"));
  CHECK_FALSE(ent::is_exit_blend("Brexiteer"));
  CHECK(shaped("MPs debated the Frexit deal.", "Frexit", 1, ent::EntityType::kOrg) == "none");
  CHECK(shaped("The Frexit Party won seats.", "Frexit", 2, ent::EntityType::kOrg) == "ORG Frexit Party");
}

TEST_CASE("span shapes: initials that label an interview's turn are no organisation", "[entities][span_shapes]") {
  const std::string transcript = "The reporter met her.\n((QRZ))  Why chess?\n((Zorya Mallentine))  I like it.\n";
  CHECK(shaped(transcript, "QRZ", 1, ent::EntityType::kOrg) == "none");
  // Initials inside a sentence are an organisation's: "(QRZ)" after its name.
  CHECK(shaped("The Quarry Road Zoo ((QRZ)) said so.\n", "QRZ", 1, ent::EntityType::kOrg) == "ORG QRZ");
}

namespace {

// The spans of `text` after add_possessive_firms, from none.
std::string possessive_firms(const std::string& text) {
  const ent::TokenizedText tt = ent::tokenize(text);
  std::vector<ent::EntitySpan> spans;
  ent::add_possessive_firms(tt, spans);
  return spans_text(tt, spans);
}

}  // namespace

TEST_CASE("span shapes: a firm named in the possessive before a verb is an organisation", "[entities][span_shapes]") {
  CHECK(possessive_firms("NEW YORK - Barrow and Keene's said it would cut the rating.") == "ORG Barrow and Keene 's");
  CHECK(possessive_firms("Barrow & Keene\xE2\x80\x99s rated the debt.") == "ORG Barrow & Keene \xE2\x80\x99s");
  // A possessive before a noun is the owners' ("Tom and Ann's house").
  CHECK(possessive_firms("Tom and Ann's house was sold.").empty());
}

TEST_CASE("span shapes: a first name, a middle initial and a surname are a person", "[entities][span_shapes]") {
  CHECK(shaped("Attorney General Loretta E. Quarnby spoke.", "Loretta", 3, ent::EntityType::kOrg) ==
        "PER Loretta E. Quarnby");
  // A firm's suffix ends no person's name.
  CHECK(shaped("Shares of Robert W. Corp rose.", "Robert", 3, ent::EntityType::kOrg) == "ORG Robert W. Corp");
  // Two words are not the shape.
  CHECK(shaped("Shares of Robert Quarnby rose.", "Robert", 2, ent::EntityType::kOrg) == "ORG Robert Quarnby");
}
