// Unit tests for query/passage (the snippet window and stemmer) and query/record (hit records).
#include <catch2/catch.hpp>

#include "common/analysis.hpp"
#include "query/passage.hpp"
#include "query/record.hpp"

using namespace newsidx;
using namespace newsidx::query;

namespace {
std::string words_of_length(std::size_t n, const std::string& word) {
  std::string out;
  while (out.size() < n) out += word + " ";
  return out;
}
}  // namespace

TEST_CASE("query passage: the window surrounds the first query word, cut at spaces", "[query]") {
  const std::string before = words_of_length(1000, "filler");
  const std::string text = before + "Oil prices rose. " + words_of_length(1000, "after");
  const auto win = passage_window(text, {"oil", "price"}, 100);
  const std::size_t oil = text.find("Oil");
  CHECK(win.begin <= oil);
  CHECK(win.begin + 50 >= oil);
  CHECK(win.end > oil + 200);
  CHECK(win.end <= oil + 250);
  CHECK(text[win.begin - 1] == ' ');
  CHECK(text[win.end] == ' ');

  SECTION("a word inside another word does not count") {
    const std::string t = words_of_length(1000, "boiling") + "oil " + words_of_length(1000, "x");
    CHECK(passage_window(t, {"oil"}, 100).begin > 900);
  }
  SECTION("no match: the window starts the text") {
    CHECK(passage_window(text, {"gold"}, 100).begin == 0);
  }
  SECTION("a short text is taken whole") {
    CHECK(passage_window("Oil prices rose.", {"oil"}, 100) == PassageWindow{0, 16});
  }
  SECTION("multi-byte characters are never cut") {
    const std::string t = words_of_length(600, "\xC3\xA9t\xC3\xA9") + "oil " + words_of_length(600, "\xC3\xA9t\xC3\xA9");
    const auto w = passage_window(t, {"oil"}, 100);
    CHECK((static_cast<unsigned char>(t[w.begin]) & 0xC0) != 0x80);
    CHECK((static_cast<unsigned char>(t[w.end]) & 0xC0) != 0x80);
  }
}

TEST_CASE("query passage: cut ends are marked once", "[query]") {
  CHECK(mark_cut_ends("prices rose", {10, 20}, 30, "...") == "...prices rose...");
  CHECK(mark_cut_ends("...prices rose...", {10, 20}, 30, "...") == "...prices rose...");
  CHECK(mark_cut_ends("prices rose", {0, 30}, 30, "...") == "prices rose");
  CHECK(mark_cut_ends("prices rose", {0, 20}, 30, "...") == "prices rose...");
}

TEST_CASE("query passage: words to look for are the query's unprefixed terms", "[query]") {
  Xapian::Query q(Xapian::Query::OP_FILTER,
                  Xapian::Query(Xapian::Query::OP_AND, Xapian::Query("Zcountri"), Xapian::Query("oil")),
                  Xapian::Query("XCOUNTRYus"));
  CHECK(passage_words(q) == std::vector<std::string>{"countr", "oil"});
}

TEST_CASE("query passage: the query stemmer stems like the English stemmer where it matters", "[query]") {
  const Xapian::Stem english = analysis::stemmer();
  Xapian::Query q(Xapian::Query::OP_AND, Xapian::Query("Zrate"), Xapian::Query("Zinterest"));
  Xapian::Stem stem(new QueryStemmer(english, q));
  // Words that could stem to a query term are stemmed ...
  for (const char* w : {"rates", "rating", "interests", "interested", "rate"}) CHECK(stem(w) == english(w));
  // ... and the rest, which cannot (English stemming keeps the first letter), are left alone.
  CHECK(stem("prices") == "prices");
  for (const char* w : {"dying", "lying", "skies", "early", "generously", "news", "ugly", "cities"})
    CHECK(english(w)[0] == w[0]);
}

TEST_CASE("query record: the fast body path reads what the JSON parser reads", "[query]") {
  const std::vector<std::string> bodies = {
      "plain text",
      "quotes \"here\" and back\\slash, tab\t, line\nbreak, slash /",
      "accents \xC3\xA9t\xC3\xA9, control \x01 and emoji \xF0\x9F\x98\x80",
      "",
  };
  for (const auto& body : bodies) {
    nlohmann::json rec = {{"id", "a-1"}, {"title", "T \"body\":\"x"}, {"body", body}, {"facets", {{"person", {"A B"}}}}};
    for (bool ascii : {false, true}) {
      const std::string data = rec.dump(-1, ' ', ascii);
      CHECK(parse_record(data) == nlohmann::json::parse(data));
    }
  }
  CHECK(parse_record(R"({"id":"q","text":"a quote"})") == nlohmann::json{{"id", "q"}, {"text", "a quote"}});
  CHECK(parse_record(R"({"body":"bad \x escape"})") == nlohmann::json::object());
  CHECK(parse_record("not json") == nlohmann::json::object());
  CHECK(parse_record(R"({"body":"\ud83d\ude00"})")["body"] == "\xF0\x9F\x98\x80");
}
