// Reuters SGML is read as Latin-1, as the README says, without the "not valid UTF-8" notice that
// a text file gets (reut2-017.sgm warned on every build).
#include <catch2/catch.hpp>

#include <string>

#include "indexer/readers/reader.hpp"
#include "test_util.hpp"
#include "unit/readers_test_files.hpp"

using newsidx::readers::read_file;
using newsidx::readers::ReadResult;

namespace {

const std::string kStory =
    "<REUTERS NEWID=\"7\">\n<DATE>26-FEB-1987 15:01:01.79</DATE>\n<TEXT>\n<TITLE>SUGAR PRICES RISE</TITLE>\n"
    "<BODY>Sugar rose in M\xFCnchen trading, dealers said. Prices were firmer.\n&#3;</BODY></TEXT>\n</REUTERS>\n";

}  // namespace

TEST_CASE("readers: Reuters SGML is decoded as Latin-1 without a notice", "[readers][encoding]") {
  const ReadResult r = read_file("reut2-017.sgm", "reuters/reut2-017.sgm", kStory);
  REQUIRE(r.articles.size() == 1);
  CHECK(r.warnings.empty());
  CHECK(r.articles[0].body_text().find("M\xC3\xBCnchen") != std::string::npos);
  // A text file with the same byte still gets its notice.
  const ReadResult text = read_file("a.txt", "a.txt", "Title\n\nM\xFCnchen trading was firm today.\n");
  REQUIRE(text.warnings.size() == 1);
  CHECK_THAT(text.warnings[0].reason, Catch::Contains("Latin-1"));
}

namespace {

// `text` (ASCII and Latin-1 letters, one astral character) as UTF-16 with its byte-order mark.
std::string utf16(std::u32string_view text, bool little) {
  std::string out = little ? "\xFF\xFE" : "\xFE\xFF";
  const auto put = [&](char32_t u) {
    const char lo = static_cast<char>(u & 0xFF), hi = static_cast<char>(u >> 8);
    out += little ? lo : hi;
    out += little ? hi : lo;
  };
  for (char32_t c : text) {
    if (c < 0x10000) {
      put(c);
    } else {
      put(0xD800 + ((c - 0x10000) >> 10));
      put(0xDC00 + ((c - 0x10000) & 0x3FF));
    }
  }
  return out;
}

}  // namespace

TEST_CASE("readers: text and JSON Lines saved as UTF-16 with a byte-order mark are read, not called binary",
          "[readers][encoding]") {
  const std::u32string story = U"Harbour strike ends\r\n\r\nDock workers in M\u00FCnchen ended their strike \U0001F6A2 on Monday.\r\n";
  for (bool little : {true, false}) {
    const ReadResult r = read_file("a.txt", "a.txt", utf16(story, little));
    INFO(little);
    CHECK(r.warnings.empty());
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].title == "Harbour strike ends");
    CHECK(r.articles[0].body_text() == "Dock workers in M\xC3\xBCnchen ended their strike \xF0\x9F\x9A\xA2 on Monday.");
  }
  const ReadResult feed = read_file("f.jsonl", "f.jsonl", utf16(U"{\"id\": \"a1\", \"title\": \"T\", \"body\": \"Words here.\"}\n", true));
  CHECK(feed.warnings.empty());
  REQUIRE(feed.articles.size() == 1);
  CHECK(feed.articles[0].id == "a1");
  // Without the mark, NUL bytes still make a binary file; an odd last byte is U+FFFD.
  const std::string marked = utf16(story, true);
  CHECK_FALSE(read_file("b.txt", "b.txt", marked.substr(2)).warnings.empty());
  const ReadResult odd = read_file("c.txt", "c.txt", marked + "x");
  REQUIRE(odd.articles.size() == 1);
  CHECK(odd.articles[0].body_text().find("\xEF\xBF\xBD") != std::string::npos);
}

TEST_CASE("readers: reut2-017.sgm of the shared corpus reads without a UTF-8 warning", "[readers][corpora]") {
  const std::string corpora = newsidx::test::shared_corpora();
  if (corpora.empty()) {
    WARN("SKIPPED: ../shared/corpora is absent");
    return;
  }
  const std::string gz = corpora + "/reuters21578/reut2-017.sgm.gz";
  if (!newsidx::test::slurp_file(gz)) {
    WARN("SKIPPED: " << gz << " is absent");
    return;
  }
  const auto bytes = newsidx::test::command_output("gzip -dc '" + gz + "'");
  REQUIRE(bytes);
  const ReadResult r = read_file("reut2-017.sgm", "reut2-017.sgm", *bytes);
  CHECK(r.articles.size() > 900);
  for (const auto& w : r.warnings) CHECK_THAT(w.reason, !Catch::Contains("UTF-8"));
}

TEST_CASE("readers: HTML character references in text files and JSON Lines records are decoded",
          "[readers][encoding]") {
  const ReadResult text = read_file("a.txt", "a.txt",
                                    "Tottenham bid &#163;8m for Beyonc&#xE9; fan\n\n"
                                    "The club&#8217;s offer &amp; a loan &lt;Reuters&gt; &c. &unknown; R&D;\n");
  REQUIRE(text.articles.size() == 1);
  CHECK(text.articles[0].title == "Tottenham bid \xC2\xA3" "8m for Beyonc\xC3\xA9 fan");
  CHECK(text.articles[0].body_text() == "The club\xE2\x80\x99s offer & a loan <Reuters> &c. &unknown; R&D;");
  const ReadResult feed = read_file("f.jsonl", "f.jsonl",
                                    "{\"id\":\"a\",\"title\":\"Caf&#233; owners\",\"body\":\"Pay &#163;5 &amp; more.\"}\n");
  REQUIRE(feed.articles.size() == 1);
  CHECK(feed.articles[0].title == "Caf\xC3\xA9 owners");
  CHECK(feed.articles[0].body_text() == "Pay \xC2\xA3" "5 & more.");
}
