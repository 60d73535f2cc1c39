// Unit tests for the tokenizer: offsets, abbreviations, quotes, possessives, sentences, paragraphs.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "indexer/entities/tokenizer.hpp"

using newsidx::entities::TokenizedText;
using newsidx::entities::TokenKind;
using newsidx::entities::tokenize;

namespace {

// Tokens joined by '|', sentences by " / ": a compact golden string.
std::string render(const TokenizedText& t) {
  std::string out;
  for (const auto& s : t.sentences) {
    if (!out.empty()) out += " / ";
    for (std::size_t i = s.begin; i < s.end; ++i) {
      if (i > s.begin) out += '|';
      out += t.tokens[i].text;
    }
  }
  return out;
}

std::string tokens_of(std::string_view text) {
  const auto t = tokenize(text);
  std::string out;
  for (const auto& tok : t.tokens) {
    if (!out.empty()) out += '|';
    out += tok.text;
  }
  return out;
}

}  // namespace

TEST_CASE("tokenizer: offsets point back at the original bytes", "[tokenizer]") {
  const std::string text =
      "KYIV, Ukraine \xE2\x80\x94 U.S. Secretary of State Antony Blinken\xE2\x80\x99s visit "
      "cost $1,250.50 on Jan. 5.\n\n\xE2\x80\x9CWe won\xE2\x80\x99t stop,\xE2\x80\x9D said "
      "Zelenskiy\xC2\xA0in Kyiv.";
  const auto t = tokenize(text);
  REQUIRE(!t.tokens.empty());
  std::size_t prev_end = 0;
  for (const auto& tok : t.tokens) {
    CHECK(tok.start < tok.end);
    CHECK(tok.start >= prev_end);
    CHECK(std::string_view(text).substr(tok.start, tok.end - tok.start) == tok.text);
    // Only white space lies between tokens.
    for (std::size_t i = prev_end; i < tok.start; ++i) {
      const unsigned char c = static_cast<unsigned char>(text[i]);
      CHECK((c == ' ' || c == '\n' || c == 0xC2 || c == 0xA0));
    }
    prev_end = tok.end;
  }
  CHECK(t.paragraphs.size() == 2);
  CHECK(t.sentences.size() == 2);
}

TEST_CASE("tokenizer: abbreviations keep their period, sentence periods split", "[tokenizer]") {
  CHECK(tokens_of("Mr. Smith met Gen. Milley on Jan. 5 in the U.S. capital.") ==
        "Mr.|Smith|met|Gen.|Milley|on|Jan.|5|in|the|U.S.|capital|.");
  CHECK(tokens_of("John F. Kennedy, a.m. and p.m., Acme Inc. and Amazon.com.") ==
        "John|F.|Kennedy|,|a.m.|and|p.m.|,|Acme|Inc.|and|Amazon.com|.");
  CHECK(tokens_of("the U.S.-led and U.N.-backed-up forces left the U.S. - fast") ==
        "the|U.S.-led|and|U.N.-backed-up|forces|left|the|U.S.|-|fast");
}

TEST_CASE("tokenizer: possessives and clitics are split off, straight or curly", "[tokenizer]") {
  CHECK(tokens_of("Russia's army and Ukraine\xE2\x80\x99s army") ==
        "Russia|'s|army|and|Ukraine|\xE2\x80\x99s|army");
  CHECK(tokens_of("They don't know O'Neill's plans; the countries' views") ==
        "They|do|n't|know|O'Neill|'s|plans|;|the|countries|'|views");
  const auto t = tokenize("Putin\xE2\x80\x99s");
  REQUIRE(t.tokens.size() == 2);
  CHECK(t.tokens[1].kind == TokenKind::kWord);
}

TEST_CASE("tokenizer: curly quotes and dashes are their own tokens", "[tokenizer]") {
  CHECK(tokens_of("\xE2\x80\x9CNo,\xE2\x80\x9D he said \xE2\x80\x94 twice\xE2\x80\x93thrice -- ok - fine") ==
        "\xE2\x80\x9C|No|,|\xE2\x80\x9D|he|said|\xE2\x80\x94|twice|\xE2\x80\x93|thrice|--|ok|-|fine");
  CHECK(tokens_of("\xE2\x80\x98Yes\xE2\x80\x99 she said") ==
        "\xE2\x80\x98|Yes|\xE2\x80\x99|she|said");
}

TEST_CASE("tokenizer: numbers, hyphenated words and accented names stay whole", "[tokenizer]") {
  const auto t = tokenize("pro-Western 1996-08-22 3.5% 1,000 AT&T Jean-Pierre Fran\xC3\xA7ois Zelens'kyi");
  CHECK(render(t) == "pro-Western|1996-08-22|3.5|%|1,000|AT&T|Jean-Pierre|Fran\xC3\xA7ois|Zelens'kyi");
  CHECK(t.tokens[1].kind == TokenKind::kNumber);
  CHECK(t.tokens[0].kind == TokenKind::kWord);
  CHECK(t.tokens[3].kind == TokenKind::kPunct);
}

TEST_CASE("tokenizer: U.S. ends a sentence only before a sentence opener", "[tokenizer]") {
  CHECK(render(tokenize("He flew to the U.S. The talks ended.")) ==
        "He|flew|to|the|U.S. / The|talks|ended|.");
  CHECK(render(tokenize("He met the U.S. Ambassador. Then he left.")) ==
        "He|met|the|U.S.|Ambassador|. / Then|he|left|.");
  CHECK(render(tokenize("Gen. Milley spoke. Mr. Smith and Dr. Jones replied!")) ==
        "Gen.|Milley|spoke|. / Mr.|Smith|and|Dr.|Jones|replied|!");
}

TEST_CASE("tokenizer: quotes close the sentence they end", "[tokenizer]") {
  CHECK(render(tokenize("\"We will win.\" Zelenskiy said so. \"Yes,\" he said.")) ==
        "\"|We|will|win|.|\" / Zelenskiy|said|so|. / \"|Yes|,|\"|he|said|.");
  CHECK(render(tokenize("\xE2\x80\x9CStop!\xE2\x80\x9D he said. 3 people died.")) ==
        "\xE2\x80\x9C|Stop|!|\xE2\x80\x9D|he|said|. / 3|people|died|.");
}

TEST_CASE("tokenizer: paragraphs are blank-line separated, else one per line", "[tokenizer]") {
  const auto blank = tokenize("First line\nwraps here.\n\nSecond paragraph.\n \nThird one.");
  CHECK(blank.paragraphs.size() == 3);
  CHECK(blank.sentences.size() == 3);
  CHECK(blank.text.substr(blank.paragraphs[0].start, blank.paragraphs[0].stop - blank.paragraphs[0].start) ==
        "First line\nwraps here.");
  const auto lines = tokenize("Headline Without Period\nBody text here.\nMore text.");
  CHECK(lines.paragraphs.size() == 3);
  CHECK(render(lines) == "Headline|Without|Period / Body|text|here|. / More|text|.");
  CHECK(lines.paragraphs[1].begin == 3);
  CHECK(lines.paragraphs[1].first_sentence == 1);
}

TEST_CASE("tokenizer: ALL-CAPS sentences are flagged", "[tokenizer]") {
  const auto t = tokenize("CRICKET - LEICESTERSHIRE TAKE OVER AT TOP\nLONDON 1996-08-30\nThe match ended.");
  REQUIRE(t.sentences.size() == 3);
  CHECK(t.sentences[0].all_caps);
  CHECK(t.sentences[1].all_caps);
  CHECK_FALSE(t.sentences[2].all_caps);
}

TEST_CASE("tokenizer: empty and white-space-only text give nothing", "[tokenizer]") {
  CHECK(tokenize("").tokens.empty());
  const auto t = tokenize(" \n\n \t");
  CHECK(t.tokens.empty());
  CHECK(t.sentences.empty());
  CHECK(t.paragraphs.empty());
}
