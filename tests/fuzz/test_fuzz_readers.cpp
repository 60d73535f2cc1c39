// Fuzz targets for the readers (text, JSON Lines, CSV, Reuters SGML), through readers::read_file and
// its one table of formats: whatever the bytes, reading returns (no exception, no crash, no
// sanitizer report), each warning names the file and a line that exists, and each article read
// has an id, spans inside its text, a valid date and UTF-8 text, as the indexer relies on.
#include <algorithm>

#include "fuzz/fuzz_util.hpp"
#include "indexer/readers/reader.hpp"

using namespace newsidx;

namespace {

bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const std::size_t n = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xc0) != 0x80) return false;
    i += n;
  }
  return true;
}

bool valid_date(const std::string& d) {
  if (d.empty()) return true;
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  return std::all_of(d.begin(), d.end(), [](char c) { return c == '-' || (c >= '0' && c <= '9'); });
}

// Lines as an editor counts them: "\r\n", "\n" and a lone "\r" each end one.
std::size_t line_count(std::string_view s) {
  std::size_t n = 1;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (s[i] == '\n' || (s[i] == '\r' && (i + 1 == s.size() || s[i + 1] != '\n'))) ++n;
  return n;
}

bool inside(const Span& s, const std::string& text) { return s.start <= s.end && s.end <= text.size(); }

// What read_file promises for any bytes; "" when kept.
std::string check_read(const std::string& rel_path, const std::string& bytes) {
  const std::string shown = "archive/" + rel_path;
  readers::ReaderOptions options;
  options.max_article_bytes = 16 * 1024;  // small, so that the limit's path is fuzzed too
  const auto r = readers::read_file(rel_path, shown, bytes, options);
  const std::size_t lines = line_count(bytes);
  for (const auto& w : r.warnings) {
    if (w.path != shown) return "a warning names '" + w.path + "' instead of the file";
    if (w.line > lines) return "a warning names line " + std::to_string(w.line) + " of a " + std::to_string(lines) + "-line file";
    if (w.reason.empty()) return "a warning gives no reason";
  }
  for (const auto& a : r.articles) {
    if (a.id.empty()) return "an article without id";
    if (a.path != shown) return "an article names '" + a.path + "' as its file";
    if (a.line > lines) return "an article at line " + std::to_string(a.line) + " of a " + std::to_string(lines) + "-line file";
    if (!inside(a.body, a.text)) return "the body span lies outside the article's text";
    if (!inside(a.dateline, a.text)) return "the dateline span lies outside the article's text";
    if (!valid_date(a.date)) return "date '" + a.date + "' is not YYYY-MM-DD";
    for (const std::string* f : {&a.title, &a.text, &a.dateline_text, &a.author, &a.section, &a.source})
      if (!valid_utf8(*f)) return "a text field is not UTF-8: " + fuzz::c_literal(f->substr(0, 80));
  }
  return "";
}

}  // namespace

TEST_CASE("fuzz readers: plain text articles", "[fuzz][readers]") {
  const std::vector<std::string> seeds{
      fuzz::source_file("corpus/2022/01/19/blinken-kyiv.txt"),
      fuzz::source_file("corpus/business/2024/03/05/harbour-strike.txt"),
      fuzz::source_file("corpus/world/2024-03-07-river-treaty-talks.txt"),
      "Headline\nWASHINGTON \xe2\x80\x94 Body text.\n",
      "Caf\xe9 owners protest\nPARIS (Reuters) - Caf\xe9 owners said \"no\".\r\n",
      "\n\n\n",
      "",
  };
  const std::vector<std::string> tokens{"\xe2\x80\x94", " - ", "(Reuters) - ", "KYIV, Ukraine \xe2\x80\x94 ", "\xef\xbb\xbf",
                                        "\r\n", "\xe2\x80\x9c", "\xe2\x80\x9d", "NEW YORK, March 3 - ", "\xc3\xa9"};
  for (const char* path : {"2022/01/19/story.txt", "politics/2024-03-07-talks.txt"}) {
    INFO(path);
    fuzz::run("readers.text", seeds, tokens, fuzz::iterations(10000), 64 * 1024,
              [&](const std::string& in) { return check_read(path, in); });
  }
}

TEST_CASE("fuzz readers: JSON Lines feeds", "[fuzz][readers]") {
  const std::vector<std::string> seeds{
      fuzz::source_file("corpus/wire.jsonl"),
      R"({"id":"a","title":"T","date":"2022-01-19","body":"WASHINGTON \u2014 Body.","author":["A","B"],"tags":["x"]})"
      "\n",
      R"({"headline":"H","published":"Wed, 13 Mar 2024 14:00:00 +0000","text":"b","url":"u","source":"s","section":"w"})"
      "\n{\"title\":\"t\",\"content\":\"c\",\"pubDate\":\"2024-03-13T14:00:00Z\"}\r\n",
      "{\"title\":\"t\",\"body\":\"b\",\"n\":1}\n\n[1,2]\nnull\n",
  };
  // "1e999" overflows a double: nlohmann raises out_of_range, which must stay one bad line.
  const std::vector<std::string> tokens{"{", "}", "[", "]", "\"", ",", ":", "null", "true", "1e99", "1e999", "-0", "\\u0000",
                                        "\\ud800", "\\\"", "\"body\":", "\"title\":", "\"date\":", "\"id\":",
                                        "\"author\":[", "\"tags\":{", "\"published\":\"2022-02-30\"", "\n"};
  fuzz::run("readers.jsonl", seeds, tokens, fuzz::iterations(8000), 64 * 1024,
            [](const std::string& in) { return check_read("feeds/wire.jsonl", in); });
}

TEST_CASE("fuzz readers: CSV exports", "[fuzz][readers]") {
  const std::vector<std::string> seeds{
      "url,date,title,text\nhttps://x.test/1,2019-01-04,\"Port, reopened\",\"PORTSMOUTH - Ships "
      "\"\"sailed\"\".\n\nMore.\"\n",
      "id;title;body\r\nk1;T;B\r\nk2;\"unclosed;B\r\n",
      "title\tbody\tauthors\nT\tB\tA, B\n\nshort\n",
  };
  const std::vector<std::string> tokens{"\"",         "\"\"",         ",",           ";",     "\t",   "\n",
                                        "\r\n",       "\r",           "body",        "title", "date", "id",
                                        "2022-02-30", "\xef\xbb\xbf", "\xe2\x80\x9c"};
  for (const char* path : {"exports/news.csv", "exports/news.tsv"}) {
    INFO(path);
    fuzz::run("readers.csv", seeds, tokens, fuzz::iterations(6000), 64 * 1024,
              [&](const std::string& in) { return check_read(path, in); });
  }
}

TEST_CASE("fuzz readers: Reuters SGML", "[fuzz][readers]") {
  const std::vector<std::string> seeds{
      fuzz::source_file("corpus/wire-1987.sgm"),
      "<REUTERS NEWID=\"7\"><DATE>26-FEB-1987 15:01:01.79</DATE><TEXT TYPE=\"UNPROC\">&#2;\nLINE ONE\n"
      "body &amp; more &#3;</TEXT></REUTERS>\n",
      "<REUTERS NEWID=\"8\"><TEXT><TITLE>T</TITLE><DATELINE>LONDON, March 3 - </DATELINE><BODY>B</BODY></TEXT>"
      "</REUTERS>",
  };
  const std::vector<std::string> tokens{"<REUTERS NEWID=\"1\">", "</REUTERS>", "<TEXT>", "</TEXT>", "<BODY>",
                                        "</BODY>", "<TITLE>", "</TITLE>", "<DATELINE>", "</DATELINE>", "<DATE>",
                                        "</DATE>", "<PLACES><D>usa</D></PLACES>", "<D>", "</D>", "&#3;", "&#2;",
                                        "&lt;", "&amp;", "&#", "&#99999999;", "&", "<", ">", "NEWID=\"\""};
  fuzz::run("readers.sgml", seeds, tokens, fuzz::iterations(20000), 64 * 1024,
            [](const std::string& in) { return check_read("reut2-000.sgm", in); });
}
