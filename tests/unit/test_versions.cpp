// Unit tests for version keys (indexer/readers/versions) and the id rule within one file: of
// records of one item, the newest version wins, without a warning, where the format carries one.
#include <catch2/catch.hpp>

#include <string>

#include "indexer/readers/reader.hpp"
#include "indexer/readers/versions.hpp"

using namespace newsidx::readers;

TEST_CASE("versions: revision times become UTC keys that sort in time order", "[versions]") {
  const struct {
    const char* text;
    const char* key;
  } cases[] = {
      {"2022-01-19T10:00:00Z", "2022-01-19T10:00:00Z"},
      {"2022-01-19T10:00:00.25+01:00", "2022-01-19T09:00:00Z"},
      {"2022-01-19T23:30:00-05:00", "2022-01-20T04:30:00Z"},
      {"Wed, 19 Jan 2022 10:00:00 +0000", "2022-01-19T10:00:00Z"},
      {"Wed, 19 Jan 2022 10:00:00 GMT", "2022-01-19T10:00:00Z"},
      {"Wed, 19 Jan 2022 05:00 EST", "2022-01-19T10:00:00Z"},
      {"Sat, 01 Jan 2022 00:30:00 +0100", "2021-12-31T23:30:00Z"},
      {"2022-01-19", "2022-01-19T00:00:00Z"},
      {"26-FEB-1987 15:01:01.79", "1987-02-26T15:01:01Z"},
      {"not a date", ""},
      {"", ""},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(timestamp_key(c.text) == c.key);
  }
  CHECK(timestamp_key("Wed, 19 Jan 2022 10:00:00 +0000") < timestamp_key("Wed, 19 Jan 2022 10:00:01 +0000"));
}

TEST_CASE("versions: a NewsML-G2 version 10 is newer than version 9, equal versions go by creation time", "[versions]") {
  CHECK(newsml_version_key("10", "") > newsml_version_key("9", ""));
  CHECK(newsml_version_key("2", "2024-03-05T10:00:00Z") > newsml_version_key("2", "2024-03-05T09:00:00Z"));
  CHECK(newsml_version_key("", "") == newsml_version_key("1", ""));  // the standard's default
  CHECK(newsml_version_key("x", "") == newsml_version_key("1", ""));
}

TEST_CASE("versions: the greater key wins, a record without one loses, a tie goes to the later place", "[versions]") {
  CHECK(newer_version(std::string("b"), 1, std::string("a"), 2));
  CHECK_FALSE(newer_version(std::string("a"), 2, std::string("b"), 1));
  CHECK(newer_version(std::string("a"), 1, std::string(""), 2));
  CHECK(newer_version(std::string("a"), 2, std::string("a"), 1));
  CHECK_FALSE(newer_version(std::string(""), 1, std::string(""), 2));
}

namespace {

std::string rss(const std::string& items) {
  return "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Wire</title>\n" + items + "</channel></rss>\n";
}

std::string rss_item(const std::string& guid, const std::string& pub_date, const std::string& body) {
  return "<item><guid>" + guid + "</guid><title>" + body + "</title><pubDate>" + pub_date +
         "</pubDate><description>" + body + " The harbour reopened on Monday.</description></item>\n";
}

}  // namespace

TEST_CASE("versions: a feed repeating an item keeps its newest pubDate, wherever it stands, with no notice", "[versions]") {
  const std::string feed = rss(rss_item("g1", "Tue, 02 Jan 2024 09:00:00 +0000", "Updated") +
                               rss_item("g1", "Mon, 01 Jan 2024 09:00:00 +0000", "Original") +
                               rss_item("g2", "Mon, 01 Jan 2024 09:00:00 +0000", "Other"));
  auto r = read_file("wire.rss", "wire.rss", feed);
  REQUIRE(r.articles.size() == 2);
  CHECK(r.articles[0].id == "g1");
  CHECK(r.articles[0].title == "Updated");  // the newer, though it comes first
  CHECK(r.articles[0].version == "2024-01-02T09:00:00Z");
  CHECK(r.warnings.empty());  // an intended repeat
}

TEST_CASE("versions: Atom entries are versioned by updated, not published", "[versions]") {
  const auto entry = [](const std::string& updated, const std::string& title) {
    return "<entry><id>urn:e1</id><title>" + title + "</title><published>2024-01-01T08:00:00Z</published><updated>" +
           updated + "</updated><content type=\"text\">" + title + ". The harbour reopened on Monday.</content></entry>\n";
  };
  const std::string feed = "<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Wire</title>\n" +
                           entry("2024-01-03T08:00:00Z", "Second update") + entry("2024-01-02T08:00:00Z", "First update") +
                           "</feed>\n";
  auto r = read_file("wire.atom", "wire.atom", feed);
  REQUIRE(r.articles.size() == 1);
  CHECK(r.articles[0].title == "Second update");
  CHECK(r.articles[0].date == "2024-01-01");  // the date shown is still the publication date
  CHECK(r.warnings.empty());
}

TEST_CASE("versions: records without versions repeating an id are a notice naming both lines, the last kept", "[versions]") {
  auto r = read_file("feed.jsonl", "feed.jsonl",
                     "{\"id\":\"s\",\"body\":\"First.\"}\n{\"id\":\"t\",\"body\":\"Other.\"}\n{\"id\":\"s\",\"body\":\"Second.\"}\n");
  REQUIRE(r.articles.size() == 2);
  CHECK(r.articles[1].body_text() == "Second.");
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].line == 3);
  CHECK(r.warnings[0].reason == "id \"s\" is also at feed.jsonl:1; the last record is indexed");
  CHECK_FALSE(r.warnings[0].skipped);
}
