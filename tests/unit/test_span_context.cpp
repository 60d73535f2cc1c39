// Unit tests for tagger spans judged by what they name in their context (span_context.hpp).
#include <catch2/catch.hpp>

#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "indexer/entities/gazetteer.hpp"
#include "indexer/entities/span_context.hpp"
#include "indexer/entities/tokenizer.hpp"

namespace ent = newsidx::entities;

namespace {

// A text, its tokens and their words (the tokens view the text, which the struct owns).
struct Words {
  std::string text;
  ent::TokenizedText tt;
  std::vector<std::string_view> words;
  explicit Words(std::string t) : text(std::move(t)), tt(ent::tokenize(text)) {
    for (const ent::Token& k : tt.tokens) words.push_back(k.text);
  }
  // The index of the first token `w`.
  std::size_t at(std::string_view w) const {
    std::size_t k = 0;
    while (k < words.size() && words[k] != w) ++k;
    REQUIRE(k < words.size());
    return k;
  }
  ent::EntitySpan span(std::string_view first, std::size_t length, ent::EntityType type) const {
    const std::size_t b = at(first);
    return ent::EntitySpan{b, b + length, type};
  }
};

}  // namespace

TEST_CASE("span context: function words and interjections are no name alone, names are", "[entities][span_context]") {
  CHECK(ent::no_name_alone("Oh"));
  CHECK(ent::no_name_alone("The"));
  CHECK(ent::no_name_alone("Tell"));
  CHECK_FALSE(ent::no_name_alone("May"));
  CHECK_FALSE(ent::no_name_alone("Bush"));
  CHECK_FALSE(ent::no_name_alone("US"));  // an abbreviation in capitals
}

TEST_CASE("span context: letters after a name for an office or an honour are no name", "[entities][span_context]") {
  for (const char* w : {"QC", "MP", "MPs", "MEP", "MEPs", "MSPs", "OBE", "CBE"}) CHECK(ent::post_nominal(w));
  for (const char* w : {"MPS", "Q", "S", "BBC", "Mp", "QCX"}) CHECK_FALSE(ent::post_nominal(w));
}

TEST_CASE("span context: a parliamentary office's words before a name, and leader only after a qualifier", "[entities][span_context]") {
  const Words w("Senate Minority Whip Dick Durbin and Chief Whip Ann Lee met Opposition Leader Tom Hart and Leader Smith.");
  CHECK(ent::office_words(w.words, w.at("Minority"), w.at("Durbin") + 1) == 2);
  CHECK(ent::office_words(w.words, w.at("Whip"), w.at("Whip") + 1) == 1);  // the office alone
  CHECK(ent::office_words(w.words, w.at("Chief"), w.at("Lee") + 1) == 2);
  CHECK(ent::office_words(w.words, w.at("Opposition"), w.at("Hart") + 1) == 2);
  CHECK(ent::office_words(w.words, w.at("Leader"), w.at("Smith") + 1) == 0);  // "Leader" alone may be a name's
  CHECK(ent::office_words(w.words, w.at("Dick"), w.at("Durbin") + 1) == 0);
  CHECK(ent::office_words(w.words, w.at("Minority"), w.at("Minority") + 1) == 0);  // a qualifier alone
}

TEST_CASE("span context: a participle opening its sentence is no place unless the text capitalises it inside one",
          "[entities][span_context]") {
  using ent::EntityType;
  const auto& gaz = ent::Gazetteer::instance();
  const Words w(
      "Born in Leeds, she sang. Founded in 1990, it grew. Pacific nations met. Kremlin aides spoke. "
      "Reading lost.");
  ent::CapitalisedInside inside(w.tt);
  CHECK(ent::sentence_opener(w.tt, w.words, w.span("Born", 1, EntityType::kLoc), gaz, inside));
  CHECK(ent::sentence_opener(w.tt, w.words, w.span("Founded", 1, EntityType::kLoc), gaz, inside));
  // Not a participle: a place the tables lack, a country's metonym, a town.
  CHECK_FALSE(ent::sentence_opener(w.tt, w.words, w.span("Pacific", 1, EntityType::kLoc), gaz, inside));
  CHECK_FALSE(ent::sentence_opener(w.tt, w.words, w.span("Kremlin", 1, EntityType::kLoc), gaz, inside));
  CHECK_FALSE(ent::sentence_opener(w.tt, w.words, w.span("Reading", 1, EntityType::kLoc), gaz, inside));
  CHECK_FALSE(ent::sentence_opener(w.tt, w.words, w.span("Born", 1, EntityType::kPer), gaz, inside));
  CHECK_FALSE(ent::sentence_opener(w.tt, w.words, w.span("Leeds", 1, EntityType::kLoc), gaz, inside));  // not first
  const Words v("Born Free is a film. It was shot near Born and Spring.");
  ent::CapitalisedInside inside_v(v.tt);
  CHECK_FALSE(ent::sentence_opener(v.tt, v.words, v.span("Born", 1, EntityType::kLoc), gaz, inside_v));
}

TEST_CASE("span context: a title only persons bear, then a capitalised word, is a name", "[entities][span_context]") {
  const Words w(
      "Lord Ashcroft met Sir Alex Ferguson, Mrs. Thatcher, Baroness Scotland and the Lord of the Rings cast "
      "in Dame Street near the Lady Lever Art Gallery. The MS Trust, Mr Cable and the Lady Vols won.");
  using ent::EntityType;
  const auto& gaz = ent::Gazetteer::instance();
  CHECK(ent::titled_name(w.words, w.span("Lord", 2, EntityType::kLoc), gaz));
  CHECK(ent::titled_name(w.words, w.span("Sir", 3, EntityType::kLoc), gaz));
  CHECK(ent::titled_name(w.words, w.span("Mrs.", 2, EntityType::kLoc), gaz));
  CHECK(ent::titled_name(w.words, w.span("Baroness", 2, EntityType::kLoc), gaz));
  CHECK(ent::titled_name(w.words, w.span("Mr", 2, EntityType::kOrg), gaz));
  CHECK_FALSE(ent::titled_name(w.words, w.span("Ashcroft", 1, EntityType::kLoc), gaz));  // no title
  CHECK_FALSE(ent::titled_name(w.words, w.span("Lord", 1, EntityType::kLoc), gaz));      // a title alone
  CHECK_FALSE(ent::titled_name(w.words, w.span("Sir", 3, EntityType::kOrg), gaz));       // a firm of three words
  CHECK_FALSE(ent::titled_name(w.words, w.span("Dame", 2, EntityType::kLoc), gaz));      // a street
  CHECK_FALSE(ent::titled_name(w.words, w.span("Lady", 4, EntityType::kLoc), gaz));      // a gallery
  CHECK_FALSE(ent::titled_name(w.words, w.span("MS", 2, EntityType::kOrg), gaz));        // an acronym
  const std::size_t vols = w.at("Vols");
  CHECK_FALSE(ent::titled_name(w.words, ent::EntitySpan{vols - 1, vols + 1, EntityType::kOrg}, gaz));  // a team
}

TEST_CASE("span context: an office the tagger cut off from the name after it is no person",
          "[entities][span_context]") {
  const Words w(
      "Labour repaid former Tory Treasurer Lord Ashcroft and Tory Treasurer Jones and Jack Smith Lord Ashcroft.");
  using ent::EntityType;
  const auto& gaz = ent::Gazetteer::instance();
  CHECK(ent::office_cut_off(w.words, w.span("Tory", 2, EntityType::kPer), w.span("Lord", 2, EntityType::kLoc), gaz));
  const std::size_t jones = w.at("Jones");
  CHECK(ent::office_cut_off(w.words, ent::EntitySpan{jones - 2, jones, EntityType::kPer},
                            ent::EntitySpan{jones, jones + 1, EntityType::kPer}, gaz));
  // Not before a place, not a name that ends in no title, not with a word between them.
  CHECK_FALSE(ent::office_cut_off(w.words, ent::EntitySpan{jones - 2, jones, EntityType::kPer},
                                  ent::EntitySpan{jones, jones + 1, EntityType::kLoc}, gaz));
  const std::size_t smith = w.at("Smith");
  CHECK_FALSE(ent::office_cut_off(w.words, ent::EntitySpan{smith - 1, smith + 1, EntityType::kPer},
                                  ent::EntitySpan{smith + 1, smith + 3, EntityType::kPer}, gaz));
  CHECK_FALSE(ent::office_cut_off(w.words, ent::EntitySpan{jones - 2, jones, EntityType::kPer},
                                  ent::EntitySpan{jones + 1, jones + 2, EntityType::kPer}, gaz));
}

TEST_CASE("span context: a turn's label ends with a colon or two brackets on the same line", "[entities][span_context]") {
  const Words a("Interview.\nQ: Are there more?\nDorsa Derakhshani: Oh, so many.");
  CHECK(ent::opens_turn(a.tt, a.at("Are")));
  CHECK(ent::opens_turn(a.tt, a.at("Oh")));
  CHECK_FALSE(ent::opens_turn(a.tt, a.at("there")));
  const Words b("Third place :\nAlba ( Germany ) 75");
  CHECK_FALSE(ent::opens_turn(b.tt, b.at("Alba")));
  const Words c("((WN)) Tell me more.");
  CHECK(ent::opens_turn(c.tt, c.at("Tell")));
}

TEST_CASE("span context: an English word opening a turn and capitalised nowhere else is no name", "[entities][span_context]") {
  const ent::Gazetteer& gaz = ent::Gazetteer::instance();
  const Words w("Interview.\nQ: Apart from that, what next?\nA: Well, we wait.");
  ent::CapitalisedInside capitalised(w.tt);
  CHECK(ent::turn_opener(w.tt, w.words, w.span("Apart", 1, ent::EntityType::kOrg), gaz, capitalised));
  // A person stays ("Subs not used: Cooper, Knight.").
  CHECK_FALSE(ent::turn_opener(w.tt, w.words, w.span("Apart", 1, ent::EntityType::kPer), gaz, capitalised));
  const Words v("Interview.\nQ: Apart from Apart Ltd, who?");
  ent::CapitalisedInside inside(v.tt);
  CHECK(inside.has("Apart"));
  CHECK_FALSE(ent::turn_opener(v.tt, v.words, v.span("Apart", 1, ent::EntityType::kOrg), gaz, inside));
}

TEST_CASE("span context: platforms, caseless scripts and numbered parts", "[entities][span_context]") {
  CHECK(ent::names_platform("Facebook"));
  CHECK(ent::names_platform("YOUTUBE"));
  CHECK_FALSE(ent::names_platform("Reuters"));
  CHECK(ent::caseless_script("DeepMind\xE7\x9A\x84" "AlphaGo"));
  CHECK_FALSE(ent::caseless_script("Mu\xC3\xB1oz"));
  CHECK_FALSE(ent::caseless_script("M\xC2\xAA"));  // the ordinal indicator is Latin
  const Words w("Under Article 2 and Volume IV of the Treaty, Article writers agree.");
  const auto first = w.span("Article", 1, ent::EntityType::kMisc);
  CHECK(ent::numbered_part(w.tt, w.words, first));
  CHECK(ent::numbered_part(w.tt, w.words, w.span("Volume", 1, ent::EntityType::kMisc)));
  const ent::EntitySpan second{w.at("writers") - 1, w.at("writers"), ent::EntityType::kMisc};
  CHECK_FALSE(ent::numbered_part(w.tt, w.words, second));
}

TEST_CASE("span context: the X administration names a president, a place's does not", "[entities][span_context]") {
  const ent::Gazetteer& gaz = ent::Gazetteer::instance();
  const Words w("The Biden administration and the France presidency met.");
  CHECK(ent::names_a_presidency(w.tt, w.words, w.span("Biden", 1, ent::EntityType::kOrg), gaz));
  CHECK_FALSE(ent::names_a_presidency(w.tt, w.words, w.span("France", 1, ent::EntityType::kLoc), gaz));
  CHECK_FALSE(ent::names_a_presidency(w.tt, w.words, w.span("Biden", 1, ent::EntityType::kPer), gaz));
}

TEST_CASE("span context: storms named like persons, firms named after storms", "[entities][span_context]") {
  const ent::Gazetteer& gaz = ent::Gazetteer::instance();
  const Words w("Hurricane Katrina hit before Hurricane Energy Plc reported and Tropical Storm Ernesto came.");
  const auto katrina = w.span("Hurricane", 2, ent::EntityType::kPer);
  CHECK(ent::names_storm(w.words, katrina, gaz));
  const ent::EntitySpan firm{w.at("Energy") - 1, w.at("Energy") + 1, ent::EntityType::kOrg};
  CHECK_FALSE(ent::names_storm(w.words, firm, gaz));
  CHECK(ent::names_storm(w.words, w.span("Ernesto", 1, ent::EntityType::kPer), gaz));
  const auto storms = ent::storm_names(w.words, {katrina, firm}, gaz);
  CHECK(storms.count("Katrina") == 1);
  CHECK(storms.count("Energy") == 0);
}

TEST_CASE("span context: a title after a word for a film or a record names a work", "[entities][span_context]") {
  const ent::Gazetteer& gaz = ent::Gazetteer::instance();
  const Words w(
      "The comedy Sideways, the biopic The Aviator, the film Tom Hanks made and the movie NEC "
      "showed, while the drama Bleak Street and Sony Music Inc sold his album Sony Music Inc.");
  const auto sideways = w.span("Sideways", 1, ent::EntityType::kPer);
  const auto aviator = ent::EntitySpan{w.at("Aviator") - 1, w.at("Aviator") + 1, ent::EntityType::kOrg};
  const auto hanks = w.span("Tom", 2, ent::EntityType::kPer);
  const auto nec = w.span("NEC", 1, ent::EntityType::kOrg);
  const auto bleak = w.span("Bleak", 2, ent::EntityType::kPer);
  const auto place = w.span("Bleak", 2, ent::EntityType::kLoc);
  CHECK(ent::names_a_work(w.words, sideways, gaz));
  CHECK(ent::names_a_work(w.words, aviator, gaz));
  CHECK(ent::names_a_work(w.words, bleak, gaz));
  // A given name and a surname, an acronym, a firm with its designator, a place: no work.
  CHECK_FALSE(ent::names_a_work(w.words, hanks, gaz));
  CHECK_FALSE(ent::names_a_work(w.words, nec, gaz));
  CHECK_FALSE(ent::names_a_work(w.words, place, gaz));
  // The subject of a relative clause: "the soap Unilever makes".
  const Words clause("Sales of the soap Unilever makes rose, and the comedy Sideways, which won, is out.");
  CHECK_FALSE(ent::names_a_work(clause.words, clause.span("Unilever", 1, ent::EntityType::kOrg), gaz));
  CHECK(ent::names_a_work(clause.words, clause.span("Sideways", 1, ent::EntityType::kPer), gaz));
  std::size_t last_sony = w.words.size();
  while (last_sony > 0 && w.words[--last_sony] != "Sony") {
  }
  REQUIRE(w.words[last_sony - 1] == "album");
  CHECK_FALSE(ent::names_a_work(w.words, {last_sony, last_sony + 3, ent::EntityType::kOrg}, gaz));
  // The titles, and a title's words after its "The", for the article's other mentions.
  const auto titles = ent::work_titles(w.words, {sideways, aviator, hanks, nec, bleak}, gaz);
  CHECK(titles == std::unordered_set<std::string>{"Sideways", "The Aviator", "Aviator", "Bleak Street"});
}

TEST_CASE("span context: a law or treaty read as a firm is none", "[entities][span_context]") {
  const Words w(
      "The US Constitution, the Freedom of Information Act and the Kyoto Protocol bind the ACT and Act "
      "Party.");
  using ent::EntityType;
  CHECK(ent::names_a_law(w.words, w.span("US", 2, EntityType::kOrg)));
  CHECK(ent::names_a_law(w.words, w.span("Freedom", 4, EntityType::kOrg)));
  CHECK(ent::names_a_law(w.words, w.span("Kyoto", 2, EntityType::kOrg)));
  CHECK_FALSE(ent::names_a_law(w.words, w.span("ACT", 1, EntityType::kOrg)));  // capitals: a territory
  CHECK_FALSE(ent::names_a_law(w.words, w.span("Act", 2, EntityType::kOrg)));  // ends in Party
  CHECK_FALSE(ent::names_a_law(w.words, w.span("US", 2, EntityType::kMisc)));
}

TEST_CASE("span context: peoples and faiths are no person, an acronym keeps its members out", "[entities][span_context]") {
  const Words w("Sunni Arab leaders and NATO Allies met Christian Smith. Shiite clerics spoke of Christianity.");
  const auto& gaz = ent::Gazetteer::instance();
  CHECK(ent::names_a_people(w.words, w.span("Sunni", 2, ent::EntityType::kOrg), gaz));
  CHECK_FALSE(ent::names_a_people(w.words, w.span("Christian", 1, ent::EntityType::kPer), gaz));  // a given name
  CHECK_FALSE(ent::names_a_people(w.words, w.span("Christian", 2, ent::EntityType::kPer), gaz));
  // One word that is no given name: a people or a faith, as a person.
  CHECK(ent::names_a_people(w.words, w.span("Shiite", 1, ent::EntityType::kPer), gaz));
  CHECK(ent::names_a_people(w.words, w.span("Sunni", 1, ent::EntityType::kPer), gaz));  // a rare given name
  CHECK(ent::names_a_people(w.words, w.span("Christianity", 1, ent::EntityType::kPer), gaz));
  CHECK_FALSE(ent::names_a_people(w.words, w.span("Shiite", 1, ent::EntityType::kOrg), gaz));
  CHECK(ent::acronym_and_members(w.words, w.span("NATO", 2, ent::EntityType::kOrg)));
  CHECK_FALSE(ent::acronym_and_members(w.words, w.span("NATO", 2, ent::EntityType::kPer)));
}

TEST_CASE("span context: an Arabic surname after a person on the same line completes the name", "[entities][span_context]") {
  const Words w("Abu Musab al-Zarqawi spoke to Hosni Mubarak al-Ahram readers.");
  std::vector<ent::EntitySpan> spans{w.span("Abu", 2, ent::EntityType::kPer),
                                     w.span("al-Zarqawi", 1, ent::EntityType::kMisc),
                                     w.span("Hosni", 2, ent::EntityType::kPer)};
  ent::add_arabic_surnames(w.tt, w.words, spans);
  REQUIRE(spans.size() == 2);
  CHECK(spans[0].end - spans[0].begin == 3);
  CHECK(spans[1].end - spans[1].begin == 2);  // an outlet is no surname
}
