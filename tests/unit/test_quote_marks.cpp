// Unit tests for quotation marks paired over paragraphs (indexer/entities/quote_marks).
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "indexer/entities/quote_marks.hpp"
#include "quotes_test_util.hpp"

using namespace quotes_test;

TEST_CASE("quote marks: marks are paired per paragraph, marks excluded from spans", "[quote_marks][quotes]") {
  struct Case {
    std::string text;
    std::vector<std::string> quotes;  // the parts of each quotation, joined by " / "
  };
  const std::vector<Case> cases = {
      {"He said \"we will win\" today.", {"we will win"}},
      {"He said \xE2\x80\x9Cwe will win\xE2\x80\x9D today.", {"we will win"}},
      // A partial quotation inside a sentence, and two on one line.
      {"a \xE2\x80\x9C" "diplomatic effort\xE2\x80\x9D and \"no deal\" here", {"diplomatic effort", "no deal"}},
      // Over three paragraphs: the opening mark repeats, the closing one comes once.
      {"\xE2\x80\x9COne.\n\n\xE2\x80\x9CTwo.\n\xE2\x80\x9CThree,\xE2\x80\x9D she said.",
       {"One. / Two. / Three,"}},
      // An unbalanced mark never swallows later paragraphs.
      {"He said \"we will win.\n\nLater text.\n\nThen \"another\" one.", {"another"}},
      // A stray closing mark is ignored; a second opening mark restarts the quotation.
      {"oops\xE2\x80\x9D then \xE2\x80\x9C" "a \xE2\x80\x9C" "b\xE2\x80\x9D end", {"b"}},
      // Straight marks decided by context, including right after a colon.
      {"Trump said:\"Big.\" Then \"small\".", {"Big.", "small"}},
      {"No quotes here at all.", {}},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    std::vector<std::string> got;
    for (const auto& q : find_quote_parts(c.text)) {
      std::string joined;
      for (const auto& s : q.parts) {
        if (!joined.empty()) joined += " / ";
        joined += c.text.substr(s.start, s.end - s.start);
      }
      got.push_back(joined);
    }
    CHECK(got == c.quotes);
  }
}

TEST_CASE("quote marks: a multi-paragraph quotation is one quote with one speaker", "[quote_marks][quotes]") {
  const std::string text =
      "\xE2\x80\x9CWe will not back down.\n\n\xE2\x80\x9CNot now, not ever,\xE2\x80\x9D "
      "Smith said.";
  const auto quotes = find_quotes(text, {});
  REQUIRE(quotes.size() == 1);
  CHECK(quotes[0].text == "We will not back down. Not now, not ever,");
  CHECK(quotes[0].speaker == "Smith");
  CHECK(text.substr(quotes[0].span.start, 1) == "W");
  CHECK(text.substr(quotes[0].span.end - 1, 1) == ",");
}

TEST_CASE("quote marks: the quote finder's tokens keep possessives and titles whole, one paragraph a line",
          "[quote_marks][quotes]") {
  using newsidx::entities::quoting::quote_tokens;
  using newsidx::entities::quoting::TokKind;
  const std::string text = "Sen. Ted Cruz's aide said \u201cno.\u201d\n\nU.S. officials\nagreed.";
  std::vector<std::string> got;
  for (const auto& t : quote_tokens(text)) {
    const char kind = t.kind == TokKind::kWord ? 'w' : t.kind == TokKind::kPunct ? 'p' : 'q';
    got.push_back(std::string(1, kind) + std::to_string(t.para) + ":" +
                  text.substr(t.b, t.e - t.b));
  }
  // Blank lines do not count as paragraphs, single line breaks do.
  CHECK(got == std::vector<std::string>{"w0:Sen.", "w0:Ted", "w0:Cruz's", "w0:aide", "w0:said",
                                        "q0:\u201c", "w0:no", "p0:.", "q0:\u201d", "w1:U.S.",
                                        "w1:officials", "w2:agreed", "p2:."});
  const auto toks = quote_tokens(text);
  CHECK(newsidx::entities::quoting::para_end(toks, 0) == 9);
  CHECK(newsidx::entities::quoting::para_end(toks, 9) == 11);
}

namespace {

// The text of each quotation of `text`, its parts joined by " / ".
std::vector<std::string> quoted(const std::string& text) {
  std::vector<std::string> got;
  for (const auto& q : find_quote_parts(text)) {
    std::string joined;
    for (const auto& s : q.parts) {
      if (!joined.empty()) joined += " / ";
      joined += text.substr(s.start, s.end - s.start);
    }
    got.push_back(joined);
  }
  return got;
}

}  // namespace

TEST_CASE("quote marks: two apostrophes are a double quotation mark", "[quote_marks][quotes]") {
  // As New York Times copy in PolNeAR has them.
  CHECK(quoted("''This represents real wage growth,'' said Geoff Garin, a pollster.") ==
        std::vector<std::string>{"This represents real wage growth,"});
  CHECK(quoted("Mr. Garin added, ''it becomes harder and harder.'' Then he left.") ==
        std::vector<std::string>{"it becomes harder and harder."});
  CHECK(quoted("They ''actually had chemistry,''  said Benjamin.") ==
        std::vector<std::string>{"actually had chemistry,"});
  // Over two paragraphs, the opening pair repeated.
  CHECK(quoted("''One thing.\n\n''Another,'' he said.") ==
        std::vector<std::string>{"One thing. / Another,"});
  // A single quotation inside: three apostrophes are a single mark and the pair, pair outside.
  CHECK(quoted("''He told me 'go home,''' she said.") ==
        std::vector<std::string>{"He told me 'go home,'"});
  CHECK(quoted("She said, '''No' was his answer.'' Then nothing.") ==
        std::vector<std::string>{"'No' was his answer."});
}

TEST_CASE("quote marks: the pair of two apostrophes has the speaker a double mark would",
          "[quote_marks][quotes]") {
  const std::string text = "''That wasn't a good way to treat me,'' Mr. Trump said recently.";
  std::vector<newsidx::Mention> mentions;
  add_mentions(mentions, text, "Trump", "Donald Trump");
  const auto quotes = find_quotes(text, mentions);
  REQUIRE(quotes.size() == 1);
  CHECK(quotes[0].text == "That wasn't a good way to treat me,");
  CHECK(quotes[0].speaker == "Donald Trump");
}

TEST_CASE("quote marks: guillemets quote, single guillemets and other marks inside stay inside",
          "[quote_marks][quotes]") {
  CHECK(quoted("He said \u00abwe will win\u00bb today.") ==
        std::vector<std::string>{"we will win"});
  // French spacing: no-break spaces (plain and narrow) inside the marks are not quoted text.
  CHECK(quoted("He said \u00ab\u00a0we will win\u00a0\u00bb and \u00ab\u202fno\u202f\u00bb.") ==
        std::vector<std::string>{"we will win", "no"});
  CHECK(quoted("\u00abHe told me \u2039no\u203a twice,\u00bb she said.") ==
        std::vector<std::string>{"He told me \u2039no\u203a twice,"});
  CHECK(quoted("\u00abHe said \"no\" twice,\u00bb she said.") ==
        std::vector<std::string>{"He said \"no\" twice,"});
}

TEST_CASE("quote marks: single quotes inside double quotes stay inside", "[quote_marks][quotes]") {
  CHECK(quoted("\"He said 'no' twice,\" Smith said.") ==
        std::vector<std::string>{"He said 'no' twice,"});
  CHECK(quoted("\u201cHe said \u2018no\u2019 twice,\u201d Smith said.") ==
        std::vector<std::string>{"He said \u2018no\u2019 twice,"});
  CHECK(quoted("\"He called it ''nonsense'' twice,\" she said.") ==
        std::vector<std::string>{"He called it ''nonsense'' twice,"});
}

TEST_CASE("quote marks: apostrophes in words never open a quotation", "[quote_marks][quotes]") {
  CHECK(quoted("Don't go to the Smiths' house, it's so '90s, he said.").empty());
  CHECK(quoted("Don\u2019t go to the Smiths\u2019 house in the \u201990s.").empty());
  CHECK(quoted("\"Don't go to the Smiths' house,\" she said of the '90s.") ==
        std::vector<std::string>{"Don't go to the Smiths' house,"});
  CHECK(quoted("The Joneses' dog and the Smiths' cat, he said ''no.''") ==
        std::vector<std::string>{"no."});
}

TEST_CASE("quote marks: has_quote_marks is false only for texts whose quote tokens hold no mark",
          "[quote_marks][quotes]") {
  namespace quoting = newsidx::entities::quoting;
  using quoting::has_quote_marks;
  const std::vector<std::string> with = {
      "He said \"no\" twice.",          "\xE2\x80\x9C" "No," "\xE2\x80\x9D" " he said.", "Il a dit \xC2\xAB" " non \xC2\xBB" ".",
      "He said ''no'' twice.",          "a closing mark alone\xE2\x80\x9D",     "an opening guillemet \xC2\xAB" " only",
      "three apostrophes '''No,'' he"};
  const std::vector<std::string> without = {"Prices rose 3 pct in March, the ministry said.",
                                            "The Smiths' house isn't for sale; it's the '90s.",
                                            "Curly apostrophes: it\xE2\x80\x99" "s the \xE2\x80\x98" "best\xE2\x80\x99" " one.", ""};
  const auto marks = [](const std::string& t) {
    const auto toks = quoting::quote_tokens(t);
    return std::count_if(toks.begin(), toks.end(), [](const quoting::Tok& k) { return k.kind == quoting::TokKind::kQuoteMark; });
  };
  for (const auto& t : with) {
    CAPTURE(t);
    CHECK(has_quote_marks(t));
    CHECK(marks(t) > 0);
  }
  for (const auto& t : without) {
    CAPTURE(t);
    CHECK_FALSE(has_quote_marks(t));
    CHECK(marks(t) == 0);
    CHECK(find_quotes(t, {}).empty());
  }
}
