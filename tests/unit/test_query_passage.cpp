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

namespace {
const Xapian::Stem kEnglish = analysis::stemmer();

PassageTerms words(std::vector<std::string> w, std::vector<std::string> stems = {}) {
  return PassageTerms{std::move(w), std::move(stems), {}};
}
}  // namespace

TEST_CASE("query passage: the window surrounds the first query word, cut at spaces", "[query]") {
  const std::string before = words_of_length(1000, "filler");
  const std::string text = before + "Oil prices rose. " + words_of_length(1000, "after");
  const auto win = passage_window(text, words({"oil"}, {"price"}), kEnglish, 100);
  const std::size_t oil = text.find("Oil");
  CHECK(win.begin <= oil);
  CHECK(win.begin + 50 >= oil);
  CHECK(win.end > oil + 200);
  CHECK(win.end <= oil + 250);
  CHECK(text[win.begin - 1] == ' ');
  CHECK(text[win.end] == ' ');

  SECTION("a word inside another word does not count") {
    const std::string t = words_of_length(1000, "boiling") + "oil " + words_of_length(1000, "x");
    CHECK(passage_window(t, words({"oil"}), kEnglish, 100).begin > 900);
  }
  SECTION("a word that only begins like a stem does not count") {
    // "economist" starts like the stem "economi" of "economy" but is not a form of it.
    const std::string t = "The economist spoke. " + words_of_length(1000, "filler") + "The economy grew. " +
                          words_of_length(1000, "after");
    const auto w = passage_window(t, words({}, {"economi"}), kEnglish, 100);
    CHECK(w.begin > 900);
    CHECK(w.begin <= t.find("economy"));
    CHECK(w.end > t.find("economy"));
  }
  SECTION("a stemmed form counts: running is a form of run") {
    const std::string t = words_of_length(1000, "filler") + "Running late. " + words_of_length(1000, "x");
    CHECK(passage_window(t, words({}, {"run"}), kEnglish, 100).begin > 900);
    CHECK(passage_window(t, words({}, {"run"}), kEnglish, 100).begin <= t.find("Running"));
  }
  SECTION("accents are folded as the index folds them: cafe finds Café") {
    const std::string t = words_of_length(1000, "filler") + "Caf\xC3\xA9 open. " + words_of_length(1000, "x");
    CHECK(passage_window(t, words({"cafe"}), kEnglish, 100).begin > 900);
    const std::string e = words_of_length(1000, "filler") + "\xC3\x89" "cole open. " + words_of_length(1000, "x");
    CHECK(passage_window(e, words({}, {"ecol"}), analysis::folding_stemmer(), 100).begin > 900);
  }
  SECTION("no match: the window starts the text") {
    CHECK(passage_window(text, words({"gold"}), kEnglish, 100).begin == 0);
  }
  SECTION("a short text is taken whole") {
    CHECK(passage_window("Oil prices rose.", words({"oil"}), kEnglish, 100) == PassageWindow{0, 16});
  }
  SECTION("multi-byte characters are never cut") {
    const std::string t = words_of_length(600, "\xC3\xA9t\xC3\xA9") + "oil " + words_of_length(600, "\xC3\xA9t\xC3\xA9");
    const auto w = passage_window(t, words({"oil"}), kEnglish, 100);
    CHECK((static_cast<unsigned char>(t[w.begin]) & 0xC0) != 0x80);
    CHECK((static_cast<unsigned char>(t[w.end]) & 0xC0) != 0x80);
  }
}

TEST_CASE("query passage: a search by filters shows the passage that mentions the entity", "[query]") {
  const std::string text = words_of_length(800, "filler") + "Later, Foreign Minister Sergey\nLavrov said talks " +
                           "would go on. " + words_of_length(800, "after") + "Lavrov left.";
  const std::string s = mention_snippet(text, {"sergey lavrov"}, 200, '[', ']', "...");
  CHECK(s.find("[Sergey\nLavrov]") != std::string::npos);
  CHECK(s.rfind("...", 0) == 0);
  CHECK(s.size() <= 200 + 2 + 6);
  // Only the surname in the text: it is found.
  const std::string later = words_of_length(800, "filler") + "Mr Lavrov said no. " + words_of_length(800, "x");
  CHECK(mention_snippet(later, {"sergey lavrov"}, 200, '[', ']', "...").find("[Lavrov]") != std::string::npos);
  // A name that is not there: nothing, and the caller makes a plain snippet.
  CHECK(mention_snippet(later, {"antony blinken"}, 200, '[', ']', "...").empty());
  // A name is a whole word: "Russia" is not found in "Russian".
  const std::string russia = "Russian troops. " + words_of_length(800, "filler") + "Russia said no. " + words_of_length(800, "x");
  CHECK(mention_snippet(russia, {"russia"}, 200, '[', ']', "...").find("[Russia] said no") != std::string::npos);
  // A short text is shown whole.
  CHECK(mention_snippet("Talks with Lavrov.", {"sergey lavrov"}, 200, '[', ']', "...") == "Talks with [Lavrov].");
}

TEST_CASE("query passage: cut ends are marked once", "[query]") {
  CHECK(mark_cut_ends("prices rose", {10, 20}, 30, "...") == "...prices rose...");
  CHECK(mark_cut_ends("...prices rose...", {10, 20}, 30, "...") == "...prices rose...");
  CHECK(mark_cut_ends("prices rose", {0, 30}, 30, "...") == "prices rose");
  CHECK(mark_cut_ends("prices rose", {0, 20}, 30, "...") == "prices rose...");
}

TEST_CASE("query passage: words and stems of the query, and the names of its entity filters when it has no words", "[query]") {
  const std::vector<Xapian::Query> parts{Xapian::Query("XCOUNTRYus"), Xapian::Query("XPERSONsergey lavrov"),
                                         Xapian::Query("XSECTIONworld")};
  Xapian::Query filters(Xapian::Query::OP_AND, parts.begin(), parts.end());
  Xapian::Query q(Xapian::Query::OP_FILTER,
                  Xapian::Query(Xapian::Query::OP_AND, Xapian::Query("Zcountri"), Xapian::Query("oil")), filters);
  const auto t = passage_terms(q);
  CHECK(t.words == std::vector<std::string>{"oil"});
  CHECK(t.stems == std::vector<std::string>{"countri"});
  CHECK(t.names.empty());  // words decide the snippet: no country table is built for names
  const auto f = passage_terms(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query::MatchAll, filters));
  CHECK(f.words.empty());
  CHECK(f.names == std::vector<std::string>{"sergey lavrov", "united states"});
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

TEST_CASE("query passage: Xapian's HTML escapes are undone in one pass", "[query]") {
  CHECK(unescape_snippet("AT&amp;T said $5 &lt; $6 &gt; $4") == "AT&T said $5 < $6 > $4");
  // A text that itself held "&lt;" reaches us as "&amp;lt;": it must come back as written.
  CHECK(unescape_snippet("the tag &amp;lt;b&amp;gt; and &amp;amp;") == "the tag &lt;b&gt; and &amp;");
  CHECK(unescape_snippet("no escapes \xFEhere\xFF...") == "no escapes \xFEhere\xFF...");
}
