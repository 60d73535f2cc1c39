// Unit tests for the CSV reader (indexer/readers/csv_reader.hpp): rows as RFC 4180 writes them,
// the separator, and articles from a header's fields.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "indexer/readers/csv_reader.hpp"

using namespace newsidx::readers;
using newsidx::Article;

TEST_CASE("csv reader: quoted fields hold separators, line breaks and doubled quotes", "[readers][csv]") {
  const auto rows = csv_rows("a,b,c\r\n1,\"x, y\",\"He said \"\"no\"\".\"\n\n2,\"two\nlines\",\r3,,\"\"\n", ',');
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].fields == std::vector<std::string>{"a", "b", "c"});
  CHECK(rows[1].fields == std::vector<std::string>{"1", "x, y", "He said \"no\"."});
  CHECK(rows[1].line == 2);
  CHECK(rows[2].fields == std::vector<std::string>{"2", "two\nlines", ""});
  CHECK(rows[2].line == 4);  // the blank line 3 is no row
  CHECK(rows[3].fields == std::vector<std::string>{"3", "", ""});
  CHECK(rows[3].line == 6);
  // A last row without its line end; blanks before an opening mark.
  CHECK(csv_rows("a,b\n1,2", ',').size() == 2);
  CHECK(csv_rows("title, text\nA, \"Blair visited London, on Monday.\"\n", ',')[1].fields ==
        std::vector<std::string>{"A", "Blair visited London, on Monday."});
}

TEST_CASE("csv reader: quotation marks that close no field are text", "[readers][csv]") {
  // A quotation opening a body ('"We will win," he said') and one running on to the next
  // paragraph, unquoted as tab-separated exports write them: each row stays a row.
  const auto tsv = csv_rows(
      "title\ttext\nA\t\"We will win,\" Tony Blair said.\nB\t\"We are strong.\nC\tHe said \"no\" to it.\n", '\t');
  REQUIRE(tsv.size() == 4);
  CHECK(tsv[1].fields == std::vector<std::string>{"A", "\"We will win,\" Tony Blair said."});
  CHECK(tsv[2].fields == std::vector<std::string>{"B", "\"We are strong."});
  CHECK(tsv[3].fields == std::vector<std::string>{"C", "He said \"no\" to it."});
  // A mark opening a field that never closes is text too.
  CHECK(csv_rows("a,b\n1,\"never closed\n2,x\n", ',').size() == 3);
}

TEST_CASE("csv reader: the separator is the header's comma, semicolon or tab", "[readers][csv]") {
  CHECK(csv_separator("title,date,body") == ',');
  CHECK(csv_separator("title;date;body") == ';');
  CHECK(csv_separator("title\tdate\tbody") == '\t');
  CHECK(csv_separator("\"a;b\",c") == ',');
  CHECK(csv_separator("body") == ',');
}

TEST_CASE("csv reader: a header's fields make each row an article, bad rows are named", "[readers][csv]") {
  const std::string file =
      "\xEF\xBB\xBFURL, Date ,Title,Text,Extra\n"
      "https://x.test/1,2019-01-04,Port reopens,\"PORTSMOUTH, England - Ships sailed again.\n\nCranes moved.\",x\n"
      "https://x.test/2,2019-01-05,Short row\n"
      "https://x.test/3,,No body,,\n"
      "https://x.test/4,05/01/2019,\"Rates \"\"held\"\"\",The bank held rates.,\n";
  const ReadResult r = read_csv("wire.csv", "corpus/wire.csv", file);
  REQUIRE(r.articles.size() == 2);
  const Article& a = r.articles[0];
  CHECK(a.id == "wire.csv#2");
  CHECK(a.line == 2);
  CHECK(a.url == "https://x.test/1");
  CHECK(a.date == "2019-01-04");
  CHECK(a.title == "Port reopens");
  CHECK(a.dateline_text == "PORTSMOUTH, England");
  CHECK(a.body_text() == "Ships sailed again.\n\nCranes moved.");
  CHECK(r.articles[1].title == "Rates \"held\"");
  CHECK(r.articles[1].id == "wire.csv#7");  // the first row spans lines 2 to 4
  REQUIRE(r.warnings.size() == 3);
  CHECK(r.warnings[0].line == 5);
  CHECK(r.warnings[0].reason == "row has 3 fields, the header 5");
  CHECK(r.warnings[1].line == 6);
  CHECK_THAT(r.warnings[1].reason, Catch::Contains("no body"));
  CHECK(r.warnings[2].line == 7);
  CHECK_THAT(r.warnings[2].reason, Catch::Contains("ambiguous date"));
  for (const ReadWarning& w : r.warnings) CHECK(w.path == "corpus/wire.csv");
}

TEST_CASE("csv reader: a header without a body column, and tab-separated files", "[readers][csv]") {
  const ReadResult none = read_csv("x.csv", "x.csv", "title,date\nA,2019-01-01\n");
  CHECK(none.articles.empty());
  REQUIRE(none.warnings.size() == 1);
  CHECK(none.warnings[0].line == 1);
  CHECK_THAT(none.warnings[0].reason, Catch::StartsWith("header names no body column"));
  CHECK(none.warnings[0].not_article);
  CHECK_FALSE(none.warnings[0].skipped);
  const ReadResult tsv = read_file("feed.tsv", "feed.tsv", "id\ttitle\tbody\nk1\tA, B\tText, with commas.\n");
  REQUIRE(tsv.articles.size() == 1);
  CHECK(tsv.articles[0].id == "k1");
  CHECK(tsv.articles[0].title == "A, B");
  CHECK(tsv.articles[0].body_text() == "Text, with commas.");
  // A codebook's "description" column is no body: not an article.
  const ReadResult codebook =
      read_csv("codebook.csv", "codebook.csv", "column,description\nid,The row's identifier\ndate,When, in UTC\n");
  CHECK(codebook.articles.empty());
  REQUIRE(codebook.warnings.size() == 1);
  CHECK(codebook.warnings[0].not_article);
}

TEST_CASE("csv reader: a file in Latin-1 is decoded with a notice", "[readers][csv]") {
  const ReadResult r = read_file("old.csv", "old.csv", "title,body\nCaf\xe9 opens,The caf\xe9 opened in Paris.\n");
  REQUIRE(r.articles.size() == 1);
  CHECK(r.articles[0].title == "Caf\xc3\xa9 opens");
  REQUIRE(r.warnings.size() == 1);
  CHECK_FALSE(r.warnings[0].skipped);
  CHECK_THAT(r.warnings[0].reason, Catch::Contains("Latin-1"));
}
