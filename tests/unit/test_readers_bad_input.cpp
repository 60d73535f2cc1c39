// Unit tests for the reader boundary under hostile input (issue 15): whatever a reader raises is a
// warning for that line or file, a NUL byte costs one JSON line or CSV row, and CR-only line ends
// are line ends.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "indexer/readers/reader.hpp"

using namespace newsidx::readers;

TEST_CASE("readers: a number overflowing a double in any field skips that line only", "[readers][jsonl]") {
  const std::vector<std::string> bad = {
      R"({"title":"t","body":"b","n":1e999})",
      R"({"title":1e999,"body":"b"})",
      R"({"id":-1e999,"title":"t","body":"b"})",
      R"({"title":"t","body":"b","tags":[1e400]})",
      R"({"title":"t","body":"b","nested":{"deep":[[1E+999]]}})",
  };
  for (const std::string& line : bad) {
    INFO(line);
    const std::string feed = "{\"id\":\"a\",\"body\":\"First.\"}\n" + line + "\n{\"id\":\"c\",\"body\":\"Third.\"}\n";
    const ReadResult r = read_file("feed.jsonl", "in/feed.jsonl", feed);
    REQUIRE(r.articles.size() == 2);
    CHECK(r.articles[0].id == "a");
    CHECK(r.articles[1].id == "c");
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].path == "in/feed.jsonl");
    CHECK(r.warnings[0].line == 2);
    CHECK(r.warnings[0].skipped);
    CHECK_THAT(r.warnings[0].reason, Catch::Contains("malformed JSON") && Catch::Contains("overflow"));
  }
}

TEST_CASE("readers: a NUL byte in a JSON Lines feed skips that line only, naming it", "[readers][jsonl]") {
  const std::string feed = std::string("{\"id\":\"a\",\"body\":\"First.\"}\n") +
                           std::string("{\"id\":\"b\",\"body\":\"Se") + '\0' + "cond.\"}\n" +
                           "{\"id\":\"c\",\"body\":\"Third.\"}\n";
  const ReadResult r = read_file("feed.jsonl", "feed.jsonl", feed);
  REQUIRE(r.articles.size() == 2);
  CHECK(r.articles[0].id == "a");
  CHECK(r.articles[1].id == "c");
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].line == 2);
  CHECK(r.warnings[0].skipped);
  CHECK_THAT(r.warnings[0].reason, Catch::Contains("NUL"));
  // A binary file named .jsonl is still one warning for the whole file.
  const ReadResult binary = read_file("x.jsonl", "x.jsonl", std::string("\x01\x02\x03\x04\x05\0\0\0\x06\x07", 10));
  CHECK(binary.articles.empty());
  REQUIRE(binary.warnings.size() == 1);
  CHECK(binary.warnings[0].line == 0);
  CHECK_THAT(binary.warnings[0].reason, Catch::Contains("binary"));
}

TEST_CASE("readers: a NUL byte in a CSV export skips that row only, naming its line", "[readers][csv]") {
  const std::string table = std::string("id,title,text\n") + "a,One,\"First,\nstory.\"\n" + "b,Two,Se" + '\0' +
                            "cond.\n" + "c,Three,Third.\n";
  const ReadResult r = read_file("export.csv", "export.csv", table);
  REQUIRE(r.articles.size() == 2);
  CHECK(r.articles[0].id == "a");
  CHECK(r.articles[1].id == "c");
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].line == 4);
  CHECK(r.warnings[0].skipped);
  CHECK_THAT(r.warnings[0].reason, Catch::Contains("NUL") && Catch::Contains("row"));
  // A NUL byte in the header leaves no names to read the rows by: the file is skipped, by line.
  const ReadResult header = read_file("x.tsv", "x.tsv", std::string("id\ttit") + '\0' + "le\ttext\na\tOne\tFirst.\n");
  CHECK(header.articles.empty());
  REQUIRE(header.warnings.size() == 1);
  CHECK(header.warnings[0].line == 1);
  CHECK_THAT(header.warnings[0].reason, Catch::Contains("NUL") && Catch::Contains("header"));
  // A binary file named .csv is still one warning for the whole file.
  const ReadResult binary = read_file("x.csv", "x.csv", std::string("\x01\x02\x03\x04\x05\0\0\0\x06\x07", 10));
  CHECK(binary.articles.empty());
  REQUIRE(binary.warnings.size() == 1);
  CHECK(binary.warnings[0].line == 0);
  CHECK_THAT(binary.warnings[0].reason, Catch::Contains("binary"));
}

TEST_CASE("readers: CR-only line ends (old Mac files) end lines in JSON Lines and text", "[readers][jsonl]") {
  const ReadResult feed = read_file("mac.jsonl", "mac.jsonl",
                                    "{\"id\":\"a\",\"body\":\"First.\"}\r{\"id\":\"b\",\"body\":\"Second.\"}\r\r"
                                    "{\"id\":\"c\",\"body\":\"Third.\"}\r\n{\"body\":\"Fourth.\"}\r");
  CHECK(feed.warnings.empty());
  REQUIRE(feed.articles.size() == 4);
  CHECK(feed.articles[1].id == "b");
  CHECK(feed.articles[1].line == 2);
  CHECK(feed.articles[2].line == 4);       // the blank line 3 still counts
  CHECK(feed.articles[3].id == "mac.jsonl#5");  // CRLF is one line end, not two

  const ReadResult text = read_file("mac.txt", "mac.txt", "Harbour strike ends\r\rDock workers went back on Monday.\r");
  CHECK(text.warnings.empty());
  REQUIRE(text.articles.size() == 1);
  CHECK(text.articles[0].title == "Harbour strike ends");
  CHECK(text.articles[0].body_text() == "Dock workers went back on Monday.");
}
