// Unit tests for the readers: encodings, datelines, dates, and each input format on hand-written
// samples and bad input.
#include <catch2/catch.hpp>

#include <string>

#include "indexer/readers/dateline.hpp"
#include "indexer/readers/dates.hpp"
#include "indexer/readers/encoding.hpp"
#include "indexer/readers/reader.hpp"
#include "indexer/readers/sgml_reader.hpp"
#include "unit/readers_test_files.hpp"

using namespace newsidx::readers;
using newsidx::Article;
using newsidx::Span;

namespace {

std::string_view span_text(std::string_view text, Span s) {
  return text.substr(s.start, s.end - s.start);
}

std::string_view span_of(const Article& a, Span s) { return span_text(a.text, s); }

}  // namespace

TEST_CASE("readers: format is chosen by lower-case extension", "[readers]") {
  CHECK(format_for("bbc/politics/012.txt") == Format::kText);
  CHECK(format_for("wire.jsonl") == Format::kJsonLines);
  CHECK(format_for("dump/feed.ndjson") == Format::kJsonLines);
  CHECK(format_for("reut2-000.sgm") == Format::kSgml);
  CHECK(format_for("x.sgml") == Format::kSgml);
  CHECK(format_for("bbc/README.TXT") == Format::kUnsupported);
  CHECK(format_for("photo.jpg") == Format::kUnsupported);
  CHECK(format_for("txt") == Format::kUnsupported);
}

TEST_CASE("readers: UTF-8 validation", "[readers][encoding]") {
  CHECK(is_valid_utf8("plain ASCII"));
  CHECK(is_valid_utf8("\xC2\xA3" "15m, Kyiv \xE2\x80\x94 \xF0\x9F\x93\xB0"));
  CHECK_FALSE(is_valid_utf8("a \xA3" "15.8m signing"));  // bare Latin-1 pound
  CHECK_FALSE(is_valid_utf8("\xC0\xAF"));                  // overlong '/'
  CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));              // surrogate
  CHECK_FALSE(is_valid_utf8("cut \xE2\x80"));              // truncated sequence
  CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));          // above U+10FFFF
}

TEST_CASE("readers: Windows-1252 and Latin-1 decode to UTF-8", "[readers][encoding]") {
  CHECK(windows1252_to_utf8("a \xA3" "15.8m") == "a \xC2\xA3" "15.8m");
  CHECK(windows1252_to_utf8("\x93Yes,\x94 he said \x96 \x80" "5") ==
        "\xE2\x80\x9CYes,\xE2\x80\x9D he said \xE2\x80\x93 \xE2\x82\xAC" "5");
  CHECK(windows1252_to_utf8("M\xFCnchen") == "M\xC3\xBCnchen");
  CHECK(windows1252_to_utf8("\x81") == "\xC2\x81");  // undefined in 1252: the C1 code point
}

TEST_CASE("readers: decode_text strips a BOM, normalises line ends, falls back", "[readers][encoding]") {
  const DecodedText utf8 = decode_text("\xEF\xBB\xBFHeadline\r\n\r\nBody\rmore\n");
  CHECK(utf8.text == "Headline\n\nBody\nmore\n");
  CHECK_FALSE(utf8.fell_back);
  const DecodedText latin1 = decode_text("Price\r\n\r\nA \xA3" "5 fee");
  CHECK(latin1.text == "Price\n\nA \xC2\xA3" "5 fee");
  CHECK(latin1.fell_back);
}

TEST_CASE("readers: SGML character references", "[readers][encoding]") {
  CHECK(decode_character_references("&lt;ACME> Corp &amp; Sons") == "<ACME> Corp & Sons");
  CHECK(decode_character_references("&#2;start\n Reuter\n&#3;") == "start\n Reuter\n");
  CHECK(decode_character_references("caf&#233; &#xE9;t&#xe9;") == "caf\xC3\xA9 \xC3\xA9t\xC3\xA9");
  CHECK(decode_character_references("AT&T; R&D and &bogus; &#; &#12x;") ==
        "AT&T; R&D and &bogus; &#; &#12x;");
  CHECK(decode_character_references("&quot;x&quot; &#127;&#5;&#22;") == "\"x\" ");
  // HTML 4's names beyond markup, and 128-159 read as Windows-1252 (an undefined one dropped).
  CHECK(decode_character_references("Caf&eacute; &Agrave; &yuml; &pound;5 &mdash; don&rsquo;t &euro;") ==
        "Caf\xC3\xA9 \xC3\x80 \xC3\xBF \xC2\xA3" "5 \xE2\x80\x94 don\xE2\x80\x99t \xE2\x82\xAC");
  CHECK(decode_character_references("Don&#146;t &#128;5&#129;") == "Don\xE2\x80\x99t \xE2\x82\xAC" "5");
  CHECK(decode_character_references("&EACUTE; &Eacute;") == "&EACUTE; \xC3\x89");  // names are case-sensitive
}

TEST_CASE("readers: binary detection", "[readers][encoding]") {
  CHECK(looks_binary(std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16)));
  CHECK(looks_binary("\x01\x02\x03\x04\x05\x06 abc"));
  CHECK_FALSE(looks_binary("Headline\n\n\tBody text\f\n"));
  CHECK_FALSE(looks_binary("a \xA3" "15m"));
}

TEST_CASE("readers: datelines are recognised with place, date and agency", "[readers][dateline]") {
  struct Case {
    std::string input, text, place, date, agency, body;
  };
  const std::vector<Case> cases = {
      {"WASHINGTON \xE2\x80\x94 U.S. officials said", "WASHINGTON", "WASHINGTON", "", "",
       "U.S. officials said"},
      {"WASHINGTON \xE2\x80\x94\xC2\xA0 U.S. officials", "WASHINGTON", "WASHINGTON", "", "",
       "U.S. officials"},
      {"WASHINGTON\xE2\x80\x94The", "WASHINGTON", "WASHINGTON", "", "", "The"},
      {"KYIV, Ukraine \xE2\x80\x94 Talks", "KYIV, Ukraine", "KYIV, Ukraine", "", "", "Talks"},
      {"LONDON (Reuters) - Britain's", "LONDON", "LONDON", "", "Reuters", "Britain's"},
      {"NEW YORK, March 3 - Stocks rose", "NEW YORK, March 3", "NEW YORK", "March 3", "",
       "Stocks rose"},
      {"NEW YORK, March 3 (Reuters) - Stocks", "NEW YORK, March 3", "NEW YORK", "March 3",
       "Reuters", "Stocks"},
      {"PARIS (AP) \xE2\x80\x94 French", "PARIS", "PARIS", "", "AP", "French"},
      {"  ST. LOUIS, Mo., Feb. 26 -- A jury", "ST. LOUIS, Mo., Feb. 26", "ST. LOUIS, Mo.",
       "Feb. 26", "", "A jury"},
      {"WINSTON-SALEM, N.C. \xE2\x80\x93 Officials", "WINSTON-SALEM, N.C.", "WINSTON-SALEM, N.C.",
       "", "", "Officials"},
      {"S\xC3\x83O PAULO \xE2\x80\x94 Brazil", "S\xC3\x83O PAULO", "S\xC3\x83O PAULO", "", "",
       "Brazil"},
      {"SAN JUAN, Puerto Rico, Sept 1 - Rain", "SAN JUAN, Puerto Rico, Sept 1",
       "SAN JUAN, Puerto Rico", "Sept 1", "", "Rain"},
      {"NATO - The alliance said", "NATO", "NATO", "", "", "The alliance said"},
      {"SALVADOR, Feb 26 - Showers", "SALVADOR, Feb 26", "SALVADOR", "Feb 26", "", "Showers"},
      {"Toronto, Feb 26 - Shares", "Toronto, Feb 26", "Toronto", "Feb 26", "", "Shares"},
      {"AMSTERDAM, 2 March - The bank", "AMSTERDAM, 2 March", "AMSTERDAM", "2 March", "",
       "The bank"},
      {"MONTREAL, Feb 26-\n    Shr 1.11 dlrs", "MONTREAL, Feb 26", "MONTREAL", "Feb 26", "",
       "Shr 1.11 dlrs"},
      {"RICHMOND, Va. Feb 26 - Net", "RICHMOND, Va. Feb 26", "RICHMOND, Va.", "Feb 26", "", "Net"},
      {"WASHINGTON, Jan. 7, 2019 \xE2\x80\x94 Officials", "WASHINGTON, Jan. 7, 2019", "WASHINGTON",
       "Jan. 7, 2019", "", "Officials"},
      {"LONDON, 7 January 2019 (Reuters) - Shares", "LONDON, 7 January 2019", "LONDON", "7 January 2019",
       "Reuters", "Shares"},
  };
  for (const Case& c : cases) {
    INFO(c.input);
    const auto m = find_dateline(c.input);
    REQUIRE(m);
    CHECK(span_text(c.input, m->text) == c.text);
    CHECK(span_text(c.input, m->place) == c.place);
    CHECK(span_text(c.input, m->date) == c.date);
    CHECK(span_text(c.input, m->agency) == c.agency);
    CHECK(std::string_view(c.input).substr(m->body_start) == c.body);
  }
}

TEST_CASE("readers: ordinary first sentences are not datelines", "[readers][dateline]") {
  const std::vector<std::string> sentences = {
      "The U.S. - and its allies - disagree.",
      "Mr Blair - who denies it - said so.",
      "U.S. - officials said on Monday.",
      "NATO - the alliance said.",
      "WASHINGTON is a city - said a guide.",
      "LONDON-based firms - not all - grew.",
      "BBC News - a report",
      "Chelsea - who lead the table - won.",
      "EU - officials met.",
      "WASHINGTON",
      "WASHINGTON \xE2\x80\x94 ",
      "WASHINGTON: officials said",
      "ENGLAND captain Jonny Wilkinson - injured again - will miss the game.",
      "Toronto - the city - voted.",
      "Chelsea, Arsenal - and others - lost.",
      "",
  };
  for (const std::string& s : sentences) {
    INFO(s);
    CHECK_FALSE(find_dateline(s));
  }
}

TEST_CASE("readers: dates in ISO 8601, RFC 2822 and wire forms", "[readers][dates]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"2022-01-19", "2022-01-19"},
      {"2022-01-19T10:00:00Z", "2022-01-19"},
      {"2022-01-19T23:30:00-05:00", "2022-01-19"},  // the date as printed, not moved to UTC
      {"2022-01-19 10:00:00.5+01:00", "2022-01-19"},
      {"20220119", "2022-01-19"},
      {"20220119T100000Z", "2022-01-19"},
      {"Wed, 19 Jan 2022 10:00:00 +0000", "2022-01-19"},
      {"19 Jan 2022", "2022-01-19"},
      {"Thu, 3 Mar 05 09:00:00 GMT", "2005-03-03"},
      {"26-FEB-1987 15:01:01.79", "1987-02-26"},
      {"  5-MAR-1987 09:12:00.00 ", "1987-03-05"},
      {"January 19, 2022", "2022-01-19"},
      {"Jan. 19, 2022", "2022-01-19"},
      {"Sept 1st, 2021", "2021-09-01"},
      {"2024-02-29", "2024-02-29"},
      {"2023-02-29", ""},
      {"2022-13-01", ""},
      {"yesterday", ""},
      {"", ""},
      // Numbers: the year first, or last where only one order of day and month is a date.
      {"2022/01/19", "2022-01-19"},
      {"2022-1-9", "2022-01-09"},
      {"2022.01.19 10:00", "2022-01-19"},
      {"19/01/2022", "2022-01-19"},
      {"01/19/2022", "2022-01-19"},
      {"19.01.2022", "2022-01-19"},
      {"03/04/2022", ""},  // either way round
      {"19/01-2022", ""},  // two kinds of separator
      {"1/2/3", ""},
      {"2022/13/01", ""},
      // The basic form with a time; a number alone is no date in text (date_from_number reads
      // seconds in a structured field).
      {"202201191030", "2022-01-19"},
      {"20220119103000", "2022-01-19"},
      {"202201192530", ""},
      {"1642586400", ""},
      {"1234567890", ""},
  };
  for (const auto& [in, out] : cases) {
    INFO(in);
    CHECK(parse_date(in) == out);
  }
  CHECK(ambiguous_date("03/04/2022"));
  CHECK_FALSE(ambiguous_date("19/01/2022"));
  CHECK_FALSE(ambiguous_date("04/04/2022"));  // the same either way
  CHECK(date_from_number("1642586400") == "2022-01-19");
  CHECK(date_from_number("1642586400999") == "2022-01-19");
  CHECK(date_from_number("20220119") == "2022-01-19");
  CHECK(date_from_number("202201191030") == "2022-01-19");  // not milliseconds of 1976
  CHECK(date_from_number("2022").empty());
  CHECK(date_from_number("12345678901").empty());  // 11 digits: neither
  CHECK(date_from_number("-5").empty());
  CHECK(date_from_number("0000000000").empty());  // a placeholder
  CHECK(date_from_number("0000000000000").empty());
}

TEST_CASE("readers: date and section from the archive path", "[readers][dates]") {
  struct Case {
    std::string path, date, section;
  };
  const std::vector<Case> cases = {
      {"2022/01/19/slug.txt", "2022-01-19", ""},
      {"world/2022/01/19/slug.txt", "2022-01-19", "world"},
      {"2022-01-19-slug.txt", "2022-01-19", ""},
      {"politics/2022-01-19-slug.txt", "2022-01-19", "politics"},
      {"20220119-slug.txt", "2022-01-19", ""},
      {"news/2022-01-19/slug.txt", "2022-01-19", "news"},
      {"politics/012.txt", "", "politics"},
      {"bbc/sport/199.txt", "", "sport"},
      {"slug.txt", "", ""},
      {"archive\\business\\2021\\12\\31\\year-end.txt", "2021-12-31", "business"},
      {"2022/13/40/bad.txt", "", ""},
      {"story-2022.txt", "", ""},
  };
  for (const Case& c : cases) {
    INFO(c.path);
    const PathMetadata meta = path_metadata(c.path);
    CHECK(meta.date == c.date);
    CHECK(meta.section == c.section);
  }
}

TEST_CASE("readers: the seed article gives headline, dateline WASHINGTON and body", "[readers]") {
  const std::string path = std::string(NEWSIDX_SHARED_DIR) + "/corpora/seed/blinken-kyiv.txt";
  const auto file = newsidx::test::slurp_file(path);
  if (!file) {
    WARN("skipped: " << path << " is absent");
    return;
  }
  const std::string& bytes = *file;
  const ReadResult r = read_file("seed/blinken-kyiv.txt", path, bytes);
  CHECK(r.warnings.empty());
  REQUIRE(r.articles.size() == 1);
  const Article& a = r.articles[0];
  CHECK(a.title == "Blinken Visits Ukraine as He Urges Russia to De-escalate Border Tensions");
  CHECK(a.dateline_text == "WASHINGTON");
  CHECK(span_of(a, a.dateline) == "WASHINGTON");
  CHECK(a.body_text().substr(0, 23) == "U.S. Secretary of State");
  CHECK(a.text == bytes);  // valid UTF-8 without CR: offsets are file offsets
  CHECK(a.id == "seed/blinken-kyiv.txt");
  CHECK(a.path == path);
  CHECK(a.section == "seed");
  CHECK(a.body.end == a.text.find_last_not_of(" \n") + 1);
}

TEST_CASE("readers: a plain-text article with a dateline and a dated path", "[readers]") {
  const std::string file =
      "Harbour strike ends after two weeks\n"
      "\n"
      "PORTSMOUTH, England \xE2\x80\x94 Dock workers returned on Tuesday.\n"
      "\n"
      "The union said talks would go on.\n\n";
  const ReadResult r = read_file("business/2024/03/05/harbour-strike.txt",
                                 "/archive/business/2024/03/05/harbour-strike.txt", file);
  CHECK(r.warnings.empty());
  REQUIRE(r.articles.size() == 1);
  const Article& a = r.articles[0];
  CHECK(a.id == "business/2024/03/05/harbour-strike.txt");
  CHECK(a.path == "/archive/business/2024/03/05/harbour-strike.txt");
  CHECK(a.title == "Harbour strike ends after two weeks");
  CHECK(a.date == "2024-03-05");
  CHECK(a.section == "business");
  CHECK(a.dateline_text == "PORTSMOUTH, England");
  CHECK(span_of(a, a.dateline) == "PORTSMOUTH, England");
  CHECK(a.body_text() == "Dock workers returned on Tuesday.\n\nThe union said talks would go on.");
  CHECK(a.text == file);
}

TEST_CASE("readers: a plain-text article without dateline, CRLF line ends", "[readers]") {
  const ReadResult r = read_file("tech/001.txt", "tech/001.txt",
                                 "Chip maker expands\r\n\r\nThe company - which makes chips - grew.\r\n");
  REQUIRE(r.articles.size() == 1);
  const Article& a = r.articles[0];
  CHECK(a.title == "Chip maker expands");
  CHECK(a.dateline_text.empty());
  CHECK(a.dateline == Span{});
  CHECK(a.body_text() == "The company - which makes chips - grew.");
  CHECK(a.text.find('\r') == std::string::npos);
  CHECK(a.section == "tech");
  CHECK(a.date.empty());
}

TEST_CASE("readers: a line that holds only a date", "[readers][dates]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Monday, January 7, 2019  ", "2019-01-07"},
      {"Friday, January 4, 2019\xC2\xA0 ", "2019-01-04"},
      {"January 7, 2019", "2019-01-07"},
      {"7 January 2019 10:42 GMT", "2019-01-07"},
      {"Published: 7 January 2019", "2019-01-07"},
      {"Updated on Jan. 7, 2019 at 3.15pm", "2019-01-07"},
      {"Posted Tuesday, 8 Jan 2019, 10:42 a.m. EST", "2019-01-08"},
      {"2019-01-07", "2019-01-07"},
      {"2019-01-07T10:42:00Z", "2019-01-07"},
      {"January 7, 2019 was a cold day in Chicago.", ""},
      {"Monday, January 7", ""},
      {"7 January", ""},
      {"WASHINGTON, Jan 7 (Reuters) - Officials said", ""},
      {"Published by the Associated Press", ""},
      {"2019", ""},
      {"", ""},
      {std::string(90, ' ') + "January 7, 2019", ""},
      // A number alone is no date line: lottery numbers, an ISBN, a phone number.
      {"1234567890", ""},
      {"0140449132", ""},
      {"555123456", ""},
      {"19/01/2019", "2019-01-19"},
  };
  for (const auto& [in, out] : cases) {
    INFO(in);
    CHECK(date_line(in) == out);
  }
}

TEST_CASE("readers: a plain-text article dated by the line under its headline", "[readers]") {
  const std::string file =
      "Pelosi elected Speaker\n\nFriday, January 4, 2019\xC2\xA0 \n\n\nNancy Pelosi was elected on Thursday.\n";
  const ReadResult r = read_file("wikinews/00002.txt", "wikinews/00002.txt", file);
  REQUIRE(r.articles.size() == 1);
  const Article& a = r.articles[0];
  CHECK(a.date == "2019-01-04");
  CHECK(a.body_text() == "Nancy Pelosi was elected on Thursday.");
  // The folders' date comes first; the date line is still no part of the body.
  const ReadResult dated = read_file("2019/01/05/00002.txt", "2019/01/05/00002.txt", file);
  REQUIRE(dated.articles.size() == 1);
  CHECK(dated.articles[0].date == "2019-01-05");
  CHECK(dated.articles[0].body_text() == "Nancy Pelosi was elected on Thursday.");
  // A date line and no body is a file without a body.
  const ReadResult empty = read_file("x.txt", "x.txt", "Headline\n\nJanuary 4, 2019\n");
  CHECK(empty.articles.empty());
  REQUIRE(empty.warnings.size() == 1);
  CHECK_THAT(empty.warnings[0].reason, Catch::Contains("no body"));
}

TEST_CASE("readers: a dateline that writes its year dates the article", "[readers][dateline]") {
  const std::string file = "Talks resume\n\nWASHINGTON, Jan. 7, 2019 \xE2\x80\x94 Officials said talks would resume.\n";
  const ReadResult r = read_file("x.txt", "x.txt", file);
  REQUIRE(r.articles.size() == 1);
  CHECK(r.articles[0].date == "2019-01-07");
  CHECK(r.articles[0].dateline_text == "WASHINGTON, Jan. 7, 2019");
  CHECK(r.articles[0].body_text() == "Officials said talks would resume.");
  // Without a year there is no date; the folders' date comes first.
  const ReadResult no_year = read_file("x.txt", "x.txt", "Stocks\n\nNEW YORK, March 3 - Stocks rose.\n");
  REQUIRE(no_year.articles.size() == 1);
  CHECK(no_year.articles[0].date.empty());
  const ReadResult dated = read_file("2019/01/08/x.txt", "2019/01/08/x.txt", file);
  REQUIRE(dated.articles.size() == 1);
  CHECK(dated.articles[0].date == "2019-01-08");
}

TEST_CASE("readers: a Latin-1 text file is decoded with one notice", "[readers]") {
  const ReadResult r = read_file("sport/199.txt", "bbc/sport/199.txt",
                                 "Club signs striker\n\nThe club paid a \xA3" "15.8m fee.\n");
  REQUIRE(r.articles.size() == 1);
  CHECK(r.articles[0].body_text() == "The club paid a \xC2\xA3" "15.8m fee.");
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].path == "bbc/sport/199.txt");
  CHECK_FALSE(r.warnings[0].skipped);
  CHECK_THAT(r.warnings[0].reason, Catch::Contains("Latin-1"));
}

TEST_CASE("readers: bad files give one skipping warning each", "[readers]") {
  struct Case {
    std::string path;
    std::string bytes;
    std::string reason;
  };
  const std::vector<Case> cases = {
      {"empty.txt", "", "empty"},
      {"blank.jsonl", "\n  \n\t\n", "empty"},
      {"image.txt", std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16), "binary"},
      {"feed.sgm", std::string("<REUTERS>\0\0", 11), "binary"},
      {"headline-only.txt", "Just a headline\n\n", "no body"},
      {"notes.docx", "PK", "unsupported"},
      {"nothing.sgm", "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n", "no <REUTERS>"},
  };
  for (const Case& c : cases) {
    INFO(c.path);
    const ReadResult r = read_file(c.path, "in/" + c.path, c.bytes);
    CHECK(r.articles.empty());
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].path == "in/" + c.path);
    CHECK(r.warnings[0].skipped);
    CHECK(r.warnings[0].line == 0);
    CHECK_THAT(r.warnings[0].reason, Catch::Contains(c.reason));
  }
}

TEST_CASE("readers: oversized articles are skipped with a warning", "[readers]") {
  ReaderOptions options;
  options.max_article_bytes = 40;
  const ReadResult text = read_file("big.txt", "big.txt",
                                    "Headline\n\nA body that is longer than forty bytes in all.\n",
                                    options);
  CHECK(text.articles.empty());
  REQUIRE(text.warnings.size() == 1);
  CHECK_THAT(text.warnings[0].reason, Catch::Contains("exceeds the limit of 40 bytes"));

  const ReadResult lines = read_file(
      "feed.jsonl", "feed.jsonl",
      "{\"body\": \"short\"}\n{\"body\": \"a body that is well over the forty byte limit\"}\n",
      options);
  CHECK(lines.articles.size() == 1);
  REQUIRE(lines.warnings.size() == 1);
  CHECK(lines.warnings[0].line == 2);
  CHECK(lines.warnings[0].skipped);
}

TEST_CASE("readers: a JSON Lines record without a date takes its dateline's year", "[readers][jsonl]") {
  const std::string file =
      "{\"id\": \"a\", \"title\": \"T\", \"body\": \"LONDON, 7 January 2019 (Reuters) - Shares fell.\"}\n"
      "{\"id\": \"b\", \"title\": \"T\", \"date\": \"2019-01-09\", \"body\": \"LONDON, 7 January 2019 - Shares rose.\"}\n";
  const ReadResult r = read_file("wire.jsonl", "wire.jsonl", file);
  REQUIRE(r.articles.size() == 2);
  CHECK(r.articles[0].date == "2019-01-07");
  CHECK(r.articles[1].date == "2019-01-09");  // the record's own date comes first
  CHECK(r.warnings.empty());
}

TEST_CASE("readers: JSON Lines records, fields and bad lines", "[readers][jsonl]") {
  const std::string file =
      "{\"id\": \"wire-1\", \"title\": \"Port reopens\", \"date\": \"2024-03-06T08:00:00+00:00\", "
      "\"body\": \"PORTSMOUTH, England \\u2014 Ships sailed again.\", \"url\": \"https://x.test/1\", "
      "\"source\": \"Example Wire\", \"author\": \"Ana Ruiz\", \"section\": \"business\", "
      "\"tags\": [\"ports\", \"labour\"]}\n"
      "\n"
      "{\"headline\": \"Rates held\", \"published\": \"Wed, 19 Jan 2022 10:00:00 +0000\", "
      "\"text\": \"The bank held rates.\", \"author\": [\"A. Lee\", \"B. Khan\"], \"id\": 42}\r\n"
      "{\"title\": \"Broken\", \"body\": \n"
      "[1, 2, 3]\n"
      "{\"title\": \"No body here\", \"date\": \"2022-01-19\"}\n"
      "{\"title\": \"Given dateline\", \"dateline\": \"GENEVA\", \"content\": \"Talks began.\", "
      "\"date\": \"last Tuesday\"}\n"
      "{\"content\": \"GENEVA (AP) \\u2014 Talks ended.\"}";
  const ReadResult r = read_file("wire.jsonl", "corpus/wire.jsonl", file);
  REQUIRE(r.articles.size() == 4);

  const Article& a = r.articles[0];
  CHECK(a.id == "wire-1");
  CHECK(a.line == 1);
  CHECK(a.title == "Port reopens");
  CHECK(a.date == "2024-03-06");
  CHECK(a.url == "https://x.test/1");
  CHECK(a.source == "Example Wire");
  CHECK(a.author == "Ana Ruiz");
  CHECK(a.section == "business");
  CHECK(a.tags == std::vector<std::string>{"ports", "labour"});
  CHECK(a.dateline_text == "PORTSMOUTH, England");
  CHECK(span_of(a, a.dateline) == "PORTSMOUTH, England");
  CHECK(a.body_text() == "Ships sailed again.");
  CHECK(a.path == "corpus/wire.jsonl");

  const Article& b = r.articles[1];
  CHECK(b.id == "42");
  CHECK(b.line == 3);
  CHECK(b.title == "Rates held");
  CHECK(b.date == "2022-01-19");
  CHECK(b.author == "A. Lee, B. Khan");
  CHECK(b.body_text() == "The bank held rates.");
  CHECK(b.text == "The bank held rates.");

  const Article& c = r.articles[2];
  CHECK(c.id == "wire.jsonl#7");
  CHECK(c.dateline_text == "GENEVA");  // from the field; the body has no dateline
  CHECK(c.dateline == Span{});
  CHECK(c.body_text() == "Talks began.");
  CHECK(c.date.empty());

  const Article& d = r.articles[3];
  CHECK(d.id == "wire.jsonl#8");
  CHECK(d.dateline_text == "GENEVA");
  CHECK(d.body_text() == "Talks ended.");

  REQUIRE(r.warnings.size() == 4);
  CHECK(r.warnings[0].line == 4);
  CHECK_THAT(r.warnings[0].reason, Catch::StartsWith("malformed JSON"));
  CHECK(r.warnings[0].skipped);
  CHECK(r.warnings[1].line == 5);
  CHECK(r.warnings[1].reason == "not a JSON object");
  CHECK(r.warnings[2].line == 6);
  CHECK_THAT(r.warnings[2].reason, Catch::Contains("no body"));
  CHECK(r.warnings[3].line == 7);
  CHECK_THAT(r.warnings[3].reason, Catch::Contains("unrecognised date"));
  CHECK_FALSE(r.warnings[3].skipped);
  for (const ReadWarning& w : r.warnings) CHECK(w.path == "corpus/wire.jsonl");
}

TEST_CASE("readers: a JSON Lines date as a number, empty, ambiguous, or under a later key", "[readers][jsonl]") {
  const auto r = read_file("d.jsonl", "d.jsonl",
                           "{\"id\":\"s\",\"date\":1642586400,\"body\":\"Talks began.\"}\n"
                           "{\"id\":\"ms\",\"date\":1642586400123.5,\"body\":\"Talks went on.\"}\n"
                           "{\"id\":\"e\",\"date\":\" \",\"body\":\"Talks ended.\"}\n"
                           "{\"id\":\"a\",\"published\":\"03/04/2022\",\"body\":\"Talks again.\"}\n"
                           "{\"id\":\"n\",\"date\":-7,\"body\":\"Talks never.\"}\n"
                           "{\"id\":\"i\",\"date\":20220119,\"body\":\"Talks in short.\"}\n"
                           "{\"id\":\"z\",\"date\":0,\"published\":\"2022-01-19T10:00:00Z\",\"body\":\"Talks.\"}\n"
                           "{\"id\":\"y\",\"date\":\"\",\"pubDate\":\"19 Jan 2022\",\"body\":\"More talks.\"}\n"
                           "{\"id\":\"0\",\"date\":\"0000000000\",\"body\":\"No talks.\"}\n");
  REQUIRE(r.articles.size() == 9);
  CHECK(r.articles[8].date.empty());  // a placeholder: no date, no warning
  CHECK(r.articles[0].date == "2022-01-19");
  CHECK(r.articles[1].date == "2022-01-19");
  CHECK(r.articles[2].date.empty());
  CHECK(r.articles[3].date.empty());
  CHECK(r.articles[4].date.empty());
  CHECK(r.articles[5].date == "2022-01-19");  // YYYYMMDD as a number, not seconds of 1970
  CHECK(r.articles[6].date == "2022-01-19");  // a number that is no date yields to the next key
  CHECK(r.articles[7].date == "2022-01-19");
  REQUIRE(r.warnings.size() == 2);  // none for the empty date
  CHECK(r.warnings[0].line == 4);
  CHECK(r.warnings[0].reason == "ambiguous date \"03/04/2022\" (day and month either way round)");
  CHECK(r.warnings[1].line == 5);
  CHECK(r.warnings[1].reason == "unrecognised date \"-7\"");
  // A long value is quoted by its start and length.
  const auto long_date = read_file("l.jsonl", "l.jsonl",
                                   "{\"id\":\"l\",\"date\":\"" + std::string(5000, '9') + "\",\"body\":\"Talks.\"}\n");
  REQUIRE(long_date.warnings.size() == 1);
  CHECK(long_date.warnings[0].reason == "unrecognised date \"" + std::string(48, '9') + "...\" (5000 bytes)");
}

TEST_CASE("readers: a JSON Lines record whose body is HTML is read as a page fragment", "[readers][jsonl]") {
  const auto r = read_file(
      "cms.jsonl", "cms.jsonl",
      "{\"id\":\"x1\",\"title\":\"Floods close port\",\"body\":\"<p>LONDON, Jan. 7, 2019 \\u2014 Heavy rain "
      "closed the port of Dover.</p><p>Officials said it would reopen.</p>\"}\n"
      "{\"id\":\"x2\",\"title\":\"Amex\",\"body\":\"<AMERICAN EXPRESS CO> said profits rose.\"}\n"
      "{\"id\":\"x3\",\"title\":\"Empty\",\"body\":\"<div><br></div>\"}\n"
      "{\"id\":\"x4\",\"title\":\"Tickers\",\"body\":\"HOUSTON, March 11 - Phillips Petroleum Co <P> said "
      "its stock rose.\\n\\nEntertainment Marketing Inc <EM> said it may bid.\"}\n"
      "{\"id\":\"x5\",\"title\":\"Escaped\",\"body\":\"&lt;p&gt;Ferries sailed.&lt;/p&gt;&lt;p&gt;Ports "
      "reopened.&lt;/p&gt;\"}\n"
      "{\"id\":\"x6\",\"title\":\"Tags\",\"body\":\"Developers should stop using the &lt;br&gt; tag.\\n\\n"
      "A second paragraph follows.\"}\n");
  REQUIRE(r.articles.size() == 5);
  // Prose about a tag is prose: decoded, its paragraphs kept.
  CHECK(r.articles[4].body_text() == "Developers should stop using the <br> tag.\n\nA second paragraph follows.");
  // HTML escaped once, as some exports write it, is HTML too.
  CHECK(r.articles[3].body_text().find("Ferries sailed.") == 0);
  CHECK(r.articles[3].body_text().find("Ports reopened.") != std::string::npos);
  CHECK(r.articles[3].body_text().find("<p>") == std::string::npos);
  CHECK(r.articles[0].body_text() == "Heavy rain closed the port of Dover.\n\nOfficials said it would reopen.");
  CHECK(r.articles[0].dateline_text == "LONDON, Jan. 7, 2019");
  CHECK(r.articles[0].date == "2019-01-07");  // an undated record takes its dateline's date
  // Firms and tickers in angle brackets are no markup: the body stays as written.
  CHECK(r.articles[1].body_text() == "<AMERICAN EXPRESS CO> said profits rose.");
  CHECK(r.articles[2].dateline_text == "HOUSTON, March 11");
  CHECK(r.articles[2].body_text() ==
        "Phillips Petroleum Co <P> said its stock rose.\n\nEntertainment Marketing Inc <EM> said it may bid.");
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].line == 3);
  CHECK(r.warnings[0].skipped);
  CHECK(r.warnings[0].reason == "record's HTML body holds no text");
}

TEST_CASE("readers: a JSON line in Latin-1 is decoded with a notice", "[readers][jsonl]") {
  const ReadResult r = read_file("f.ndjson", "f.ndjson",
                                 "{\"body\": \"ok\"}\n{\"body\": \"fee of \xA3" "5\"}\n");
  REQUIRE(r.articles.size() == 2);
  CHECK(r.articles[1].text == "fee of \xC2\xA3" "5");
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].line == 2);
  CHECK_FALSE(r.warnings[0].skipped);
}

namespace {

// A Reuters-21578-style file written for this test: a normal story, a BRIEF one, an UNPROC one
// without a title, and one with no text.
const std::string kSgml =
    "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n"
    "<REUTERS TOPICS=\"YES\" LEWISSPLIT=\"TRAIN\" CGISPLIT=\"TRAINING-SET\" OLDID=\"9001\" "
    "NEWID=\"501\">\n"
    "<DATE> 3-MAR-1987 10:15:00.00</DATE>\n"
    "<TOPICS><D>ship</D><D>strike</D></TOPICS>\n"
    "<PLACES><D>uk</D></PLACES>\n"
    "<PEOPLE></PEOPLE>\n<ORGS></ORGS>\n<EXCHANGES><D>LSE</D></EXCHANGES>\n<COMPANIES></COMPANIES>\n"
    "<UNKNOWN> \n&#5;&#5;&#5;F\n&#22;&#22;&#1;f0001&#31;reute\nu f BC-PORT 03-03 0040</UNKNOWN>\n"
    "<TEXT>&#2;\n"
    "<TITLE>DOCKERS END STRIKE AT &lt;PORTCO> TERMINAL</TITLE>\n"
    "<AUTHOR>    By Jane Doe, Reuters</AUTHOR>\n"
    "<DATELINE>    PORTSMOUTH, March 3 - </DATELINE><BODY>Dockers at &lt;Portco Ltd> returned\n"
    "to work on Tuesday, the company said.\n"
    "    Loading of ships resumed &amp; queues eased.\n"
    " Reuter\n"
    "&#3;</BODY></TEXT>\n"
    "</REUTERS>\n"
    "<REUTERS TOPICS=\"NO\" LEWISSPLIT=\"TEST\" CGISPLIT=\"TRAINING-SET\" OLDID=\"9002\" "
    "NEWID=\"502\">\n"
    "<DATE> 3-MAR-1987 10:20:00.00</DATE>\n"
    "<TOPICS></TOPICS>\n<PLACES><D>usa</D></PLACES>\n<PEOPLE></PEOPLE>\n<ORGS></ORGS>\n"
    "<EXCHANGES></EXCHANGES>\n<COMPANIES></COMPANIES>\n"
    "<TEXT TYPE=\"BRIEF\">&#2;\n"
    "******<TITLE>PORTCO SEES HIGHER 1987 VOLUMES\n"
    "</TITLE>Blah blah blah.\n"
    "&#3;\n\n</TEXT>\n"
    "</REUTERS>\n"
    "<REUTERS TOPICS=\"NO\" LEWISSPLIT=\"TEST\" CGISPLIT=\"TRAINING-SET\" OLDID=\"9003\" "
    "NEWID=\"503\">\n"
    "<DATE> 3-MAR-1987 10:25:00.00</DATE>\n"
    "<TOPICS></TOPICS>\n<PLACES></PLACES>\n<PEOPLE></PEOPLE>\n<ORGS></ORGS>\n"
    "<EXCHANGES></EXCHANGES>\n<COMPANIES></COMPANIES>\n"
    "<TEXT TYPE=\"UNPROC\">&#2;\n"
    "PORT TRAFFIC REPORT - MARCH 3\n"
    "    Ships in port.......12 vs.....9\n"
    " REUTER\n&#3;</TEXT>\n"
    "</REUTERS>\n"
    "<REUTERS NEWID=\"504\">\n<DATE> 3-MAR-1987 10:30:00.00</DATE>\n"
    "<TEXT TYPE=\"BRIEF\">&#2;\n&#3;</TEXT>\n</REUTERS>\n";

}  // namespace

TEST_CASE("readers: Reuters SGML stories become articles", "[readers][sgml]") {
  const ReadResult r = read_file("reut2-900.sgm", "data/reut2-900.sgm", kSgml);
  REQUIRE(r.articles.size() == 3);

  const Article& a = r.articles[0];
  CHECK(a.id == "reut2-900.sgm#501");
  CHECK(a.line == 2);
  CHECK(a.date == "1987-03-03");
  CHECK(a.source == "Reuters");
  CHECK(a.title == "DOCKERS END STRIKE AT <PORTCO> TERMINAL");
  CHECK(a.author == "Jane Doe");
  CHECK(a.tags ==
        std::vector<std::string>{"topics:ship", "topics:strike", "places:uk", "exchanges:lse"});
  CHECK(a.dateline_text == "PORTSMOUTH, March 3");
  CHECK(span_of(a, a.dateline) == "PORTSMOUTH, March 3");
  CHECK(a.body_text() ==
        "Dockers at <Portco Ltd> returned\nto work on Tuesday, the company said.\n"
        "    Loading of ships resumed & queues eased.");
  CHECK(a.text.substr(0, a.title.size() + 2) == a.title + "\n\n");

  const Article& brief = r.articles[1];
  CHECK(brief.id == "reut2-900.sgm#502");
  CHECK(brief.line == 23);
  CHECK(brief.title == "PORTCO SEES HIGHER 1987 VOLUMES");
  CHECK(brief.text == brief.title);
  CHECK(brief.body_text() == brief.title);
  CHECK(brief.tags == std::vector<std::string>{"places:usa"});

  const Article& unproc = r.articles[2];
  CHECK(unproc.id == "reut2-900.sgm#503");
  CHECK(unproc.title == "PORT TRAFFIC REPORT - MARCH 3");
  CHECK(unproc.body_text() == "Ships in port.......12 vs.....9");
  CHECK(unproc.tags.empty());

  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].line == 52);
  CHECK(r.warnings[0].reason == "story has no text");
  CHECK(r.warnings[0].path == "data/reut2-900.sgm");
}

TEST_CASE("readers: SGML story elements are parsed", "[readers][sgml]") {
  const auto stories = parse_sgml_stories(kSgml);
  REQUIRE(stories.size() == 4);
  CHECK(stories[0].newid == "501");
  CHECK(stories[0].text_type == "NORM");
  CHECK(stories[0].dateline == "PORTSMOUTH, March 3 -");
  CHECK(stories[0].body.has_value());
  CHECK(stories[1].text_type == "BRIEF");
  CHECK_FALSE(stories[1].body.has_value());
  CHECK(stories[2].text_type == "UNPROC");
  CHECK(stories[3].line == 52);
}

TEST_CASE("readers: a Latin-1 byte in an SGML file is read as Latin-1, without a notice", "[readers][sgml]") {
  std::string file = kSgml;
  file.replace(file.find("queues eased."), 13, "queues eased.\xFC");
  const ReadResult r = read_file("reut2-900.sgm", "reut2-900.sgm", file);
  CHECK(r.articles.size() == 3);
  REQUIRE(r.warnings.size() == 1);  // the skipped story's, as without the byte
  CHECK(r.warnings[0].skipped);
  CHECK(r.articles[0].body_text().find("eased.\xC3\xBC") != std::string_view::npos);
}

TEST_CASE("readers: ids made from the path name the file by ReaderOptions::id_path, own ids stay", "[readers]") {
  ReaderOptions o;
  o.id_path = "/srv/news/tech/2005/001.txt";
  const ReadResult text = read_file("2005/001.txt", "tech/2005/001.txt", "Headline\n\nBody of the story.\n", o);
  REQUIRE(text.articles.size() == 1);
  CHECK(text.articles[0].id == "/srv/news/tech/2005/001.txt");
  CHECK(text.articles[0].date == "");  // dates and sections still come from the relative path
  o.id_path = "/srv/reuters/reut2-900.sgm";
  const ReadResult sgml = read_file("reut2-900.sgm", "data/reut2-900.sgm", kSgml, o);
  REQUIRE_FALSE(sgml.articles.empty());
  for (const auto& a : sgml.articles) CHECK(a.id.rfind("/srv/reuters/reut2-900.sgm#", 0) == 0);
  o.id_path = "/srv/feeds/wire.jsonl";
  const ReadResult jsonl = read_file("wire.jsonl", "feeds/wire.jsonl",
                                     "{\"id\":\"wire-1\",\"title\":\"T\",\"body\":\"Body one.\"}\n"
                                     "{\"title\":\"U\",\"body\":\"Body two.\"}\n", o);
  REQUIRE(jsonl.articles.size() == 2);
  CHECK(jsonl.articles[0].id == "wire-1");
  CHECK(jsonl.articles[1].id == "/srv/feeds/wire.jsonl#2");
}

TEST_CASE("readers: a record's own id that looks made from the path is kept as it is", "[readers]") {
  // Ids made from the path are made from ReaderOptions::id_path in the first place; nothing is
  // rewritten afterwards, so a record's own id is never taken for a path-made one.
  ReaderOptions o;
  o.id_path = "/srv/feeds/a/b.jsonl";
  const ReadResult jsonl = read_file("a/b.jsonl", "feeds/a/b.jsonl",
                                     "{\"id\":\"a/b.jsonl#1\",\"title\":\"T\",\"body\":\"Body one.\"}\n"
                                     "{\"id\":\"a/b.jsonl\",\"title\":\"U\",\"body\":\"Body two.\"}\n"
                                     "{\"title\":\"V\",\"body\":\"Body three.\"}\n", o);
  REQUIRE(jsonl.articles.size() == 3);
  CHECK(jsonl.articles[0].id == "a/b.jsonl#1");
  CHECK(jsonl.articles[1].id == "a/b.jsonl");
  CHECK(jsonl.articles[2].id == "/srv/feeds/a/b.jsonl#3");
  // Without id_path (--extract-only) the made id is relative; the own ids are the same.
  const ReadResult relative = read_file("a/b.jsonl", "feeds/a/b.jsonl",
                                        "{\"id\":\"a/b.jsonl#1\",\"title\":\"T\",\"body\":\"Body one.\"}\n"
                                        "{\"title\":\"V\",\"body\":\"Body three.\"}\n");
  REQUIRE(relative.articles.size() == 2);
  CHECK(relative.articles[0].id == "a/b.jsonl#1");
  CHECK(relative.articles[1].id == "a/b.jsonl#2");
  // A feed item's guid of the same form is its own id too.
  o.id_path = "/srv/feeds/wire.rss";
  const ReadResult rss = read_file(
      "wire.rss", "feeds/wire.rss",
      "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>W</title>\n"
      "<item><guid>wire.rss#3</guid><title>T</title><description>Dock workers walked out.</description></item>\n"
      "<item><title>U</title><description>Ships waited at anchor.</description></item>\n</channel></rss>\n",
      o);
  REQUIRE(rss.articles.size() == 2);
  CHECK(rss.articles[0].id == "wire.rss#3");
  CHECK(rss.articles[1].id == "/srv/feeds/wire.rss#4");
}
