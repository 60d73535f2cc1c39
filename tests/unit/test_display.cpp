// Unit tests for query/display: escaping, widths, wrapping, shell and CSV quoting, colour/width.
#include <catch2/catch.hpp>

#include "query/display.hpp"

using namespace newsidx::query;

TEST_CASE("display: control characters are shown escaped, text and accents are kept", "[query][display]") {
  struct Row {
    std::string in, out;
  };
  for (const auto& [in, out] : std::vector<Row>{
           {"plain caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D", "plain caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D"},
           {"red \x1b[31mtitle\x1b[0m", "red \\x1b[31mtitle\\x1b[0m"},
           {"\x1b]0;owned\x07", "\\x1b]0;owned\\x07"},
           {"csi \xC2\x9B" "31m", "csi \\u009b31m"},         // C1 control as UTF-8
           {"lone \x9B byte", "lone \\x9b byte"},            // invalid UTF-8
           {"caf\xE9", "caf\\xe9"},                           // Latin-1, not UTF-8
           {"del\x7F", "del\\x7f"},
           {"two\nlines\tand\rcr", "two lines and cr"},      // layout spaces on one line
           {"back\\slash", "back\\slash"},
           {"\xED\xA0\x80", "\\xed\\xa0\\x80"},              // a surrogate is not UTF-8
       }) {
    INFO(in);
    CHECK(escape_controls(in) == out);
  }
  CHECK(escape_controls("keep\nlines\tand \x1b", false) == "keep\nlines\tand \\x1b");
  const std::string marked = std::string("a ") + kHighlightStart + "word" + kHighlightEnd;
  CHECK(escape_controls(marked, true, true) == marked);
  CHECK(escape_controls(marked) == "a \\xfeword\\xff");
}

TEST_CASE("display: widths count columns, not bytes", "[query][display]") {
  CHECK(display_width("abc") == 3);
  CHECK(display_width("caf\xC3\xA9") == 4);
  CHECK(display_width("cafe\xCC\x81") == 4);                         // combining accent
  CHECK(display_width("\xE6\x9D\xB1\xE4\xBA\xAC") == 4);             // two CJK characters
  CHECK(display_width(std::string(1, kHighlightStart) + "ab" + kHighlightEnd) == 2);
}

TEST_CASE("display: wrapping breaks at spaces and never inside a word", "[query][display]") {
  using L = std::vector<std::string>;
  CHECK(wrap_words("the quick brown fox jumps", 10, 10) == L{"the quick", "brown fox", "jumps"});
  CHECK(wrap_words("the quick brown fox", 4, 20) == L{"the", "quick brown fox"});
  CHECK(wrap_words("a supercalifragilistic word", 8, 8) == L{"a", "supercalifragilistic", "word"});
  CHECK(wrap_words("  spaced   out  ", 80, 80) == L{"spaced out"});
  CHECK(wrap_words("", 10, 10).empty());
  CHECK(wrap_words("\xC3\xA9t\xC3\xA9 \xC3\xA9t\xC3\xA9", 7, 7) == L{"\xC3\xA9t\xC3\xA9 \xC3\xA9t\xC3\xA9"});
  // Every line fits, whatever the width.
  const std::string text = "Officials discussed sanctions and diplomacy while ministers waited outside the hall.";
  for (std::size_t w = 12; w <= 40; ++w)
    for (const auto& line : wrap_words(text, w, w)) {
      INFO(w << ": " << line);
      CHECK(display_width(line) <= w);
    }
}

TEST_CASE("display: paths a shell reads back as the real name", "[query][display]") {
  CHECK(shell_quote_path("/srv/news/2022/a b.txt") == "/srv/news/2022/a b.txt");
  CHECK(shell_quote_path("/srv/caf\xC3\xA9.txt") == "/srv/caf\xC3\xA9.txt");
  CHECK(shell_quote_path("/srv/two\nlines.txt") == "$'/srv/two\\nlines.txt'");
  CHECK(shell_quote_path("/srv/caf\xE9.txt") == "$'/srv/caf\\xe9.txt'");
  CHECK(shell_quote_path("/srv/it's\x1b.txt") == "$'/srv/it\\'s\\x1b.txt'");
  CHECK(shell_quote_path("/srv/back\\slash\t.txt") == "$'/srv/back\\\\slash\\t.txt'");
  CHECK(shell_quote_path("/srv/c1\xC2\x9B.txt") == "$'/srv/c1\\xc2\\x9b.txt'");
}

TEST_CASE("display: CSV fields are quoted by RFC 4180", "[query][display]") {
  CHECK(csv_field("plain") == "plain");
  CHECK(csv_field("") == "");
  CHECK(csv_field("a, b") == "\"a, b\"");
  CHECK(csv_field("say \"no\"") == "\"say \"\"no\"\"\"");
  CHECK(csv_field("two\nlines") == "\"two\nlines\"");
  CHECK(csv_field(" padded") == "\" padded\"");
}

TEST_CASE("display: colour only on a terminal without NO_COLOR or TERM=dumb", "[query][display]") {
  CHECK(use_color(true, nullptr, "xterm-256color"));
  CHECK(use_color(true, "", nullptr));
  CHECK_FALSE(use_color(false, nullptr, "xterm"));
  CHECK_FALSE(use_color(true, "1", "xterm"));
  CHECK_FALSE(use_color(true, nullptr, "dumb"));
}

TEST_CASE("display: the width is $COLUMNS, else the terminal's, else 80", "[query][display]") {
  CHECK(output_width(nullptr, 0) == 80);
  CHECK(output_width(nullptr, 132) == 132);
  CHECK(output_width("100", 132) == 100);
  CHECK(output_width("wide", 0) == 80);
  CHECK(output_width("", 60) == 60);
  CHECK(output_width("5", 0) == 20);
}

TEST_CASE("display: counts say 1 match and 2 matches", "[query][display]") {
  CHECK(count_noun(1, "match", "matches") == "1 match");
  CHECK(count_noun(0, "match", "matches") == "0 matches");
  CHECK(count_noun(2, "file", "files") == "2 files");
}
