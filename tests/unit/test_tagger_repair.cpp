// Unit tests for the repairs of the tagger's spans: middle initials, honorifics alone, one type
// per name in a document.
#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "indexer/entities/tagger.hpp"
#include "indexer/entities/tagger_repair.hpp"
#include "indexer/entities/tokenizer.hpp"

namespace ent = newsidx::entities;

namespace {

std::vector<std::string_view> words_of(const std::vector<std::string>& storage) {
  return {storage.begin(), storage.end()};
}

std::vector<std::string> split(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// "PER George W Bush; ORG Chelsea": spans as a reader sees them.
std::string show(const std::vector<std::string>& words, const std::vector<ent::EntitySpan>& spans) {
  std::string out;
  for (const auto& s : spans) {
    if (!out.empty()) out += "; ";
    out += ent::to_string(s.type);
    for (std::size_t k = s.begin; k < s.end; ++k) out += ' ' + words[k];
  }
  return out;
}

std::string repaired(const std::string& text, std::vector<ent::EntitySpan> spans, const char* spec) {
  const auto words = split(text);
  ent::repair_spans(words_of(words), spans, *ent::SpanRepairs::parse(spec));
  return show(words, spans);
}

constexpr auto kPer = ent::EntityType::kPer;
constexpr auto kOrg = ent::EntityType::kOrg;
constexpr auto kLoc = ent::EntityType::kLoc;

}  // namespace

TEST_CASE("tagger repairs: a person broken at a middle initial is one name", "[tagger][repair]") {
  // "George" PER, "W" outside, "Bush" PER: as the word-class model tagged BBC's George W Bush.
  CHECK(repaired("President George W Bush said", {{1, 2, kPer}, {3, 4, kPer}}, "i") == "PER George W Bush");
  CHECK(repaired("John F. Kennedy was", {{0, 2, kPer}, {2, 3, kPer}}, "i") == "PER John F. Kennedy");
  CHECK(repaired("John F. Kennedy was", {{0, 1, kPer}, {2, 3, kPer}}, "i") == "PER John F. Kennedy");
  // Without the repair the spans stay as decoded.
  CHECK(repaired("President George W Bush said", {{1, 2, kPer}, {3, 4, kPer}}, "none") == "PER George; PER Bush");
  // The words after the initials as another type, as one span with the initial, or as nothing.
  CHECK(repaired("President George W Bush said", {{1, 2, kPer}, {3, 4, kLoc}}, "i") == "PER George W Bush");
  CHECK(repaired("President George W Bush said", {{1, 2, kPer}, {2, 4, kOrg}}, "i") == "PER George W Bush");
  CHECK(repaired("Critics of George W Bush say", {{2, 3, kPer}}, "i") == "PER George W Bush");
  // An initial with no name after it, or a lower-case word, is left alone.
  CHECK(repaired("George W said", {{0, 1, kPer}}, "i") == "PER George");
  CHECK(repaired("George W. the", {{0, 1, kPer}}, "i") == "PER George");
  // Two persons side by side with no initial between them stay two, as do other types.
  CHECK(repaired("Smith Jones and Brown", {{0, 1, kPer}, {1, 2, kPer}}, "i") == "PER Smith; PER Jones");
  CHECK(repaired("Chelsea A Arsenal", {{0, 1, kOrg}, {2, 3, kOrg}}, "i") == "ORG Chelsea; ORG Arsenal");
  // A lower-case or longer word between them is no initial.
  CHECK(repaired("Blair and Brown", {{0, 1, kPer}, {2, 3, kPer}}, "i") == "PER Blair; PER Brown");
}

TEST_CASE("tagger repairs: an honorific alone is no person", "[tagger][repair]") {
  CHECK(repaired("Mr Ghosn said", {{0, 1, kPer}, {1, 2, kPer}}, "t") == "PER Ghosn");
  CHECK(repaired("Mrs. Thatcher and Sir Elton", {{0, 1, kPer}, {3, 4, kPer}}, "t").empty());
  // A title that is also a surname, and a span holding a name, stay.
  CHECK(repaired("King said", {{0, 1, kPer}}, "t") == "PER King");
  CHECK(repaired("Dr Fox said", {{0, 2, kPer}}, "t") == "PER Dr Fox");
  CHECK(ent::is_honorific("Mr"));
  CHECK(ent::is_honorific("Mrs."));
  CHECK(ent::is_honorific("Sir"));
  CHECK_FALSE(ent::is_honorific("mr"));
  CHECK_FALSE(ent::is_honorific("Judge"));
}

TEST_CASE("tagger repairs: a name keeps the type most of its mentions have", "[tagger][repair]") {
  const std::string text = "Chelsea beat Arsenal . Chelsea lead . Chelsea manager Mourinho";
  const std::vector<ent::EntitySpan> spans = {{0, 1, kOrg}, {2, 3, kOrg}, {4, 5, kPer}, {7, 8, kOrg}, {9, 10, kPer}};
  CHECK(repaired(text, spans, "n") == "ORG Chelsea; ORG Arsenal; ORG Chelsea; ORG Chelsea; PER Mourinho");
  CHECK(repaired(text, spans, "s") == "ORG Chelsea; ORG Arsenal; ORG Chelsea; ORG Chelsea; PER Mourinho");
  // A tie keeps each span's own type.
  CHECK(repaired("Jordan said . Jordan is", {{0, 1, kPer}, {3, 4, kLoc}}, "n") == "PER Jordan; LOC Jordan");
  // "s" leaves names of several words alone.
  const std::string two = "New York won . New York said . New York";
  const std::vector<ent::EntitySpan> spans2 = {{0, 2, kOrg}, {4, 6, kLoc}, {8, 10, kLoc}};
  CHECK(repaired(two, spans2, "s") == "ORG New York; LOC New York; LOC New York");
  CHECK(repaired(two, spans2, "n") == "LOC New York; LOC New York; LOC New York");
}

TEST_CASE("tagger repairs: specs read back as written, bad ones are refused", "[tagger][repair]") {
  CHECK(ent::SpanRepairs::parse("it")->spec() == "it");
  CHECK(ent::SpanRepairs::parse("none")->spec() == "none");
  CHECK(ent::SpanRepairs::parse("tins")->spec() == "itns");
  CHECK(ent::SpanRepairs::parse("wit")->spec() == "itw");
  CHECK_FALSE(ent::SpanRepairs::parse("x"));
  CHECK_FALSE(ent::SpanRepairs::parse(""));
}

TEST_CASE("tagger repairs: a town's name alone read as a person is its club", "[tagger][repair]") {
  // Chelsea is a town in GeoNames (Massachusetts) and a census first name: the gazetteer marks it
  // ambiguous. Tried by cross-validation and not used by default (QUALITY.md).
  CHECK(repaired("whose Chelsea team", {{1, 2, kPer}}, "p") == "ORG Chelsea");
  CHECK(repaired("whose Chelsea team", {{1, 2, kPer}}, "l") == "LOC Chelsea");
  // A fuller name holding the word, or an honorific before it, keeps the person.
  CHECK(repaired("Chelsea Clinton came . Chelsea said", {{0, 2, kPer}, {4, 5, kPer}}, "p") == "PER Chelsea Clinton; PER Chelsea");
  CHECK(repaired("Mrs Chelsea said", {{1, 2, kPer}}, "p") == "PER Chelsea");
  // A surname that is no town stays a person.
  CHECK(repaired("Mourinho said", {{0, 1, kPer}}, "p") == "PER Mourinho");
}

TEST_CASE("tagger repairs: the built-in tagger keeps a name with a middle initial whole", "[tagger][repair]") {
  // Without the repair the shipped model reads "George" alone as the person here.
  const std::string text = "Critics of George W Bush say the plan will cost too much. Mr Ghosn agreed.";
  const auto tok = ent::tokenize(text);
  std::vector<std::string> names;
  for (const auto& e : ent::Tagger::instance().tag(tok))
    names.push_back(std::string(ent::to_string(e.type)) + " " +
                    text.substr(tok.tokens[e.begin].start, tok.tokens[e.end - 1].end - tok.tokens[e.begin].start));
  CHECK(std::find(names.begin(), names.end(), "PER George W Bush") != names.end());
  CHECK(std::find(names.begin(), names.end(), "PER Mr") == names.end());
  CHECK(std::find(names.begin(), names.end(), "PER George") == names.end());
}

TEST_CASE("tagger repairs: a person is cut before an English lower-case word it ran on into", "[tagger][repair]") {
  // BBC: "Mr Blair derided Tory claims" gave the person "Blair derided Tory"; a team sheet gave
  // "Reid for Murphy".
  CHECK(repaired("Mr Blair derided Tory claims", {{1, 4, kPer}}, "w") == "PER Blair");
  CHECK(repaired("Reid for Murphy 65", {{0, 3, kPer}}, "w") == "PER Reid");
  CHECK(repaired("Tory back-bencher Smith", {{0, 2, kPer}}, "w") == "PER Tory");  // hyphenated: each part English
  // The particles before the cut go too; those inside a name stay.
  CHECK(repaired("Tony Blair the prime minister", {{0, 4, kPer}}, "w") == "PER Tony Blair");
  CHECK(repaired("Ludwig van Beethoven wrote", {{0, 4, kPer}}, "w") == "PER Ludwig van Beethoven");
  // Particles and names of other languages stay whole.
  CHECK(repaired("Ludwig van Beethoven", {{0, 3, kPer}}, "w") == "PER Ludwig van Beethoven");
  CHECK(repaired("Daniel arap Moi", {{0, 3, kPer}}, "w") == "PER Daniel arap Moi");
  CHECK(repaired("Abdul-Karim al-Kabariti", {{0, 2, kPer}}, "w") == "PER Abdul-Karim al-Kabariti");
  CHECK(repaired("Leonardo diCaprio", {{0, 2, kPer}}, "w") == "PER Leonardo diCaprio");
  CHECK(repaired("Caisse centrale Desjardins", {{0, 3, kPer}}, "w") == "PER Caisse centrale Desjardins");
  CHECK(repaired("Caisse d'Epargne", {{0, 2, kPer}}, "w") == "PER Caisse d'Epargne");
  // Only persons: organisations and places hold lower-case words.
  CHECK(repaired("Bank for International Settlements", {{0, 4, kOrg}}, "w") == "ORG Bank for International Settlements");
  CHECK(repaired("Rio de Janeiro was sunny", {{0, 3, kLoc}}, "w") == "LOC Rio de Janeiro");
  // A span left with no capital letter is no name.
  CHECK(repaired("-- since Nixon", {{0, 3, kPer}}, "w").empty());
  // Off without the letter.
  CHECK(repaired("Reid for Murphy", {{0, 3, kPer}}, "it") == "PER Reid for Murphy");
}

TEST_CASE("tagger repairs: organisation boundaries at an ampersand, of, an adjective, a leading word", "[tagger][repair]") {
  constexpr auto kMisc = ent::EntityType::kMisc;
  // "a": a firm broken at "&", with the other side a name or capitalised words outside any span.
  CHECK(repaired("shares of Procter & Gamble rose", {{2, 3, kPer}, {4, 5, kPer}}, "a") == "ORG Procter & Gamble");
  CHECK(repaired("shares of Marks & Spencer rose", {{2, 3, kOrg}}, "a") == "ORG Marks & Spencer");
  CHECK(repaired("said Standard & Poor 's", {{3, 4, kOrg}}, "a") == "ORG Standard & Poor");
  CHECK(repaired("trade in Europe & Asia grew", {{2, 3, kLoc}, {4, 5, kLoc}}, "a") == "LOC Europe; LOC Asia");
  CHECK(repaired("shares of Procter & Gamble rose", {{2, 3, kPer}, {4, 5, kPer}}, "itw") == "PER Procter; PER Gamble");
  // "o": an organisation, "of", a place or organisation.
  CHECK(repaired("the Cooperative Bank of Taiwan said", {{1, 3, kOrg}, {4, 5, kLoc}}, "o") == "ORG Cooperative Bank of Taiwan");
  CHECK(repaired("Smith of Texas said", {{0, 1, kPer}, {2, 3, kLoc}}, "o") == "PER Smith; LOC Texas");
  CHECK(repaired("the Cooperative Bank of Taiwan said", {{1, 3, kOrg}, {4, 5, kLoc}}, "itw") == "ORG Cooperative Bank; LOC Taiwan");
  // "j": a one-word MISC before an organisation; "k" a one-word place too.
  CHECK(repaired("the Dutch PTT said", {{1, 2, kMisc}, {2, 3, kOrg}}, "j") == "ORG Dutch PTT");
  CHECK(repaired("the Australia Senate voted", {{1, 2, kLoc}, {2, 3, kOrg}}, "j") == "LOC Australia; ORG Senate");
  CHECK(repaired("the Australia Senate voted", {{1, 2, kLoc}, {2, 3, kOrg}}, "k") == "ORG Australia Senate");
  CHECK(repaired("a Dutch Reuters reporter", {{1, 2, kMisc}, {2, 3, kOrg}}, "itw") == "MISC Dutch; ORG Reuters");
  // "h": no "An", weekday or rank opens an organisation.
  CHECK(repaired("An Amtrak train", {{0, 2, kOrg}}, "h") == "ORG Amtrak");
  CHECK(repaired("MON Distillers 1,200", {{0, 2, kOrg}}, "h") == "ORG Distillers");
  CHECK(repaired("2. MTK 10 6", {{0, 2, kOrg}}, "h") == "ORG MTK");
  CHECK(repaired("A Coruna won", {{0, 2, kLoc}}, "h") == "LOC A Coruna");
  CHECK(repaired("An Amtrak train", {{0, 2, kOrg}}, "itw") == "ORG An Amtrak");
  // "c" / "e": capitalised words outside any span before / after an organisation, two at most,
  // never a sentence's first word.
  CHECK(repaired("said Southern California Edison Co", {{2, 5, kOrg}}, "c") == "ORG Southern California Edison Co");
  CHECK(repaired("said Big Old Southern Edison Co", {{4, 6, kOrg}}, "c") == "ORG Old Southern Edison Co");
  CHECK(repaired("Yesterday Edison Co said . Shares Edison Co", {{1, 3, kOrg}, {6, 8, kOrg}}, "c") ==
        "ORG Edison Co; ORG Edison Co");
  CHECK(repaired("said Sheffield Wednesday Football Club won . Leeds", {{1, 2, kOrg}}, "e") ==
        "ORG Sheffield Wednesday Football");
  CHECK(repaired("beat Arsenal . Leeds lost", {{1, 2, kOrg}}, "e") == "ORG Arsenal");
  CHECK(repaired("said Southern California Edison Co", {{2, 5, kOrg}}, "itw") == "ORG California Edison Co");
  // "m": a multi-word organisation tagged whole once is whole wherever its words recur.
  const std::string club = "DAC Dunajska Streda won . Dunajska Streda lost to DAC Dunajska Streda";
  CHECK(repaired(club, {{0, 3, kOrg}, {5, 7, kLoc}, {10, 12, kLoc}}, "m") ==
        "ORG DAC Dunajska Streda; LOC Dunajska Streda; ORG DAC Dunajska Streda");
  CHECK(repaired(club, {{0, 3, kOrg}, {5, 7, kLoc}, {9, 10, kOrg}, {10, 12, kLoc}}, "m") ==
        "ORG DAC Dunajska Streda; LOC Dunajska Streda; ORG DAC Dunajska Streda");
  CHECK(repaired("Federal Reserve said . the Federal Reserve Bank of", {{0, 2, kOrg}, {5, 8, kOrg}}, "m") ==
        "ORG Federal Reserve; ORG Federal Reserve Bank");  // a span crossing an occurrence stays
  CHECK(repaired(club, {{0, 3, kOrg}, {5, 7, kLoc}, {9, 10, kOrg}, {10, 12, kLoc}}, "itw") ==
        "ORG DAC Dunajska Streda; LOC Dunajska Streda; ORG DAC; LOC Dunajska Streda");
  // The letters read back.
  CHECK(ent::SpanRepairs::parse("ecjhjoaitw")->spec() == "itwaojhce");
  CHECK(ent::SpanRepairs::parse("hjoaitw")->spec() == "itwaojh");
  CHECK(ent::SpanRepairs::parse("kj")->spec() == "k");
}
