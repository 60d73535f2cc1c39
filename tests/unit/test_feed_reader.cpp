// Unit tests: RSS 2.0 and Atom feeds.
#include <catch2/catch.hpp>

#include "indexer/readers/feed_reader.hpp"
#include "wire_test_util.hpp"

using namespace newsidx::readers;

namespace {

const std::string kRss = R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
     xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Harbour Gazette</title>
  <item>
    <title>Dockers strike at the harbour</title>
    <link>https://example.org/strike</link>
    <guid isPermaLink="false">gazette-1</guid>
    <pubDate>Tue, 05 Mar 2024 09:30:00 +0100</pubDate>
    <dc:creator>Ana Lima</dc:creator>
    <category>Labour</category><category>Ports</category>
    <description>ROTTERDAM — Dock workers walked out on Tuesday.</description>
  </item>
  <item>
    <title>Treaty talks</title>
    <link>https://example.org/treaty</link>
    <content:encoded><![CDATA[<html><head><title>x</title></head><body><p>Negotiators met <b>again</b>.</p></body></html>]]></content:encoded>
  </item>
  <item><title>Nothing here</title></item>
</channel>
</rss>)";

const std::string kAtom = R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>River Wire</title>
  <entry>
    <title>Floods recede</title>
    <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
    <link rel="alternate" href="https://example.org/floods"/>
    <updated>2024-03-08T10:00:00Z</updated>
    <published>2024-03-07T18:30:00-05:00</published>
    <author><name>Jo Park</name></author><author><name>Sam Ode</name></author>
    <category term="weather"/>
    <summary>Water levels fell along the river.</summary>
  </entry>
  <entry>
    <title>XHTML entry</title>
    <id>tag:example.org,2024:2</id>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Bridge reopened.</p></div></content>
  </entry>
</feed>)";

const PageSource kFile{"arch/news.rss", "news.rss", "", "", 0};

}  // namespace

TEST_CASE("feed: RSS items give title, guid, date, author, categories and a text body", "[feed]") {
  ReaderOptions options;
  options.pages = newsidx::test::test_page_reader;
  const ReadResult r = read_feed(kRss, kFile, options);
  REQUIRE(r.articles.size() == 2);
  const auto& a = r.articles[0];
  CHECK(a.id == "gazette-1");
  CHECK(a.title == "Dockers strike at the harbour");
  CHECK(a.url == "https://example.org/strike");
  CHECK(a.date == "2024-03-05");
  CHECK(a.author == "Ana Lima");
  CHECK(a.source == "Harbour Gazette");
  CHECK(a.tags == std::vector<std::string>{"Labour", "Ports"});
  CHECK(a.dateline_text == "ROTTERDAM");
  CHECK(a.body_text() == "Dock workers walked out on Tuesday.");
  CHECK(a.line == 6);
  CHECK(a.path == "arch/news.rss");
  // content:encoded goes through the page reader; the link is the id without a guid.
  CHECK(r.articles[1].id == "https://example.org/treaty");
  CHECK(r.articles[1].body_text() == "Negotiators met again.");
  CHECK(r.articles[1].title == "Treaty talks");
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].line == 20);
  CHECK(r.warnings[0].reason == "feed item has no content or description");
}

TEST_CASE("feed: without an HTML reader, HTML content is named as not read", "[feed]") {
  const ReadResult r = read_feed(kRss, kFile, ReaderOptions{});
  REQUIRE(r.articles.size() == 1);
  CHECK(r.articles[0].id == "gazette-1");
  REQUIRE(r.warnings.size() == 2);
  CHECK(r.warnings[0].reason == "feed item's content is HTML and not read (no HTML reader)");
  CHECK(r.warnings[0].skipped);
}

TEST_CASE("feed: Atom entries give id, alternate link, published date, authors, terms", "[feed]") {
  const ReadResult r = read_feed(kAtom, {"a.atom", "a.atom", "", "", 0}, ReaderOptions{});
  REQUIRE(r.articles.size() == 1);
  const auto& a = r.articles[0];
  CHECK(a.id == "urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6");
  CHECK(a.url == "https://example.org/floods");
  CHECK(a.date == "2024-03-07");  // published, in its own offset; not updated
  CHECK(a.author == "Jo Park, Sam Ode");
  CHECK(a.source == "River Wire");
  CHECK(a.tags == std::vector<std::string>{"weather"});
  CHECK(a.body_text() == "Water levels fell along the river.");
  CHECK(r.warnings.size() == 1);  // the XHTML entry needs the HTML reader
  ReaderOptions options;
  options.pages = newsidx::test::test_page_reader;
  const ReadResult with = read_feed(kAtom, {"a.atom", "a.atom", "", "", 0}, options);
  REQUIRE(with.articles.size() == 2);
  CHECK(with.articles[1].body_text() == "Bridge reopened.");
}

TEST_CASE("feed: a wrong root element and invalid XML skip the file with one warning", "[feed]") {
  ReadResult r = read_feed("<html><body>no</body></html>", kFile, ReaderOptions{});
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].reason == "root element <html> is not an RSS or Atom feed");
  r = read_feed("<rss><channel><item><title>A</item></channel></rss>", kFile, ReaderOptions{});
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].reason.rfind("invalid XML", 0) == 0);
  CHECK(r.articles.empty());
}
