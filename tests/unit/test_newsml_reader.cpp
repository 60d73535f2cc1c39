// Unit tests: NewsML-G2 news items and news messages.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>

#include "indexer/readers/newsml_reader.hpp"
#include "indexer/readers/reader.hpp"
#include "readers_test_files.hpp"
#include "test_util.hpp"
#include "wire_test_util.hpp"

using namespace newsidx::readers;

namespace {

std::string item(const std::string& guid, int version, const std::string& item_class, const std::string& status,
                 const std::string& headline) {
  return R"(<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid=")" + guid + R"(" version=")" +
         std::to_string(version) + R"(">
  <itemMeta><itemClass qcode=")" + item_class + R"("/><versionCreated>2024-03-05T16:25:32-05:00</versionCreated>
    <pubStatus qcode=")" + status + R"("/></itemMeta>
  <contentMeta>
    <located qcode="geoloc:RTM"><name>Rotterdam</name></located>
    <language tag="nl"/>
    <subject qcode="medtop:20000763"><name>strike</name></subject>
    <by>Ana Lima</by><by>Jo Park</by>
    <headline>)" + headline + R"(</headline>
    <dateline>ROTTERDAM, March 5</dateline>
  </contentMeta>
  <contentSet><inlineXML contenttype="application/xhtml+xml">
    <html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head>
      <body><h1>)" + headline + R"(</h1><p>Dock workers walked out.</p><p>Ships waited.</p></body></html>
  </inlineXML></contentSet>
</newsItem>)";
}

}  // namespace

TEST_CASE("newsml: a text news item gives headline, by, dateline, language, subjects, XHTML body", "[newsml]") {
  const ReadResult r = read_newsml(item("urn:newsml:hg:1", 1, "ninat:text", "stat:usable", "Dockers strike"),
                                   "items/1.xml", "arch/items/1.xml");
  REQUIRE(r.warnings.empty());
  REQUIRE(r.articles.size() == 1);
  const auto& a = r.articles[0];
  CHECK(a.id == "urn:newsml:hg:1");
  CHECK(a.title == "Dockers strike");
  CHECK(a.author == "Ana Lima, Jo Park");
  CHECK(a.dateline_text == "ROTTERDAM, March 5");
  CHECK(a.lang == "nl");
  CHECK(a.date == "2024-03-05");
  CHECK(a.tags == std::vector<std::string>{"subject:medtop:20000763", "located:Rotterdam"});
  CHECK(a.body_text() == "Dockers strike\n\nDock workers walked out.\n\nShips waited.");
}

TEST_CASE("newsml: with an HTML reader, the XHTML body goes through it", "[newsml]") {
  ReaderOptions options;
  std::string handed;
  options.pages = [&](std::string_view html, const PageSource& source) {
    handed = std::string(html);
    return newsidx::test::test_page_reader(html, source);
  };
  const ReadResult r = read_newsml(item("urn:newsml:hg:1", 1, "ninat:text", "stat:usable", "Dockers strike"),
                                   "items/1.xml", "arch/items/1.xml", options);
  REQUIRE(r.articles.size() == 1);
  CHECK(handed.find("<p>Dock workers walked out.</p>") != std::string::npos);
  CHECK(r.articles[0].title == "Dockers strike");  // contentMeta's headline stays
  CHECK(r.articles[0].body_text().find("Dock workers walked out.") != std::string::npos);
  CHECK(r.articles[0].dateline_text == "ROTTERDAM, March 5");
}

TEST_CASE("newsml: in a news message the newest version wins, canceled, photo and other items are skipped",
          "[newsml]") {
  const std::string message = R"(<?xml version="1.0"?>
<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><header/><itemSet>)" +
                              item("g:1", 2, "ninat:text", "stat:usable", "Second version") +
                              item("g:1", 1, "ninat:text", "stat:usable", "First version") +
                              item("g:2", 1, "ninat:text", "stat:canceled", "Canceled") +
                              item("g:3", 1, "ninat:picture", "stat:usable", "A photo") +
                              R"(<packageItem guid="p:1"/></itemSet></newsMessage>)";
  const ReadResult r = read_file("msg.newsml", "msg.newsml", message);
  REQUIRE(r.articles.size() == 1);
  CHECK(r.articles[0].id == "g:1");
  CHECK(r.articles[0].title == "Second version");
  REQUIRE(r.warnings.size() == 3);
  CHECK(r.warnings[0].reason == "news item g:2 has pubStatus stat:canceled: not indexed");
  CHECK_FALSE(r.warnings[0].skipped);  // an intended withdrawal, not bad input
  CHECK(r.warnings[1].reason == "news item g:3 is not text news (itemClass ninat:picture)");
  CHECK(r.warnings[2].reason == "packageItem p:1 is not a news item");
  CHECK(r.warnings[2].line > 0);
}

TEST_CASE("newsml: the IPTC examples: text items read, the others are named and skipped", "[newsml][corpora]") {
  const std::string root = newsidx::test::shared_corpora();
  if (root.empty()) {
    WARN("skipped: ../shared/corpora is absent");
    return;
  }
  const std::string dir = root + "/wire-formats/iptc-newsml-g2";
  std::map<std::string, ReadResult> read;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".xml") continue;
    const auto bytes = newsidx::test::slurp_file(entry.path().string());
    REQUIRE(bytes);
    read[entry.path().filename().string()] = read_file(entry.path().filename().string(), entry.path().string(), *bytes);
  }
  REQUIRE(read.size() >= 30);
  const ReadResult& fed = read.at("LISTING_2_NewsML-G2_Text_Document.xml");
  REQUIRE(fed.articles.size() == 1);
  CHECK(fed.articles[0].id == "urn:newsml:acmenews.com:20161121:US-FINANCE-FED");
  CHECK(fed.articles[0].title == "Fed to halt QE to avert \"bubble\"");
  CHECK(fed.articles[0].author == "Meredith Jameson");
  CHECK(fed.articles[0].lang == "en-US");
  CHECK(fed.articles[0].date == "2018-11-21");
  CHECK(fed.articles[0].body_text().rfind("(New York, NY - October 21) Et, sent", 0) == 0);
  const ReadResult& photo = read.at("LISTING_3_Photo_in_NewsML-G2.xml");
  CHECK(photo.articles.empty());
  REQUIRE(photo.warnings.size() == 1);
  CHECK(photo.warnings[0].reason.find("not text news (itemClass ninat:picture)") != std::string::npos);
  const ReadResult& concept_item = read.at("LISTING_10_Abstract_Concept_conveyed_in_a_NewsML-G2_Concept_Item.xml");
  REQUIRE(concept_item.warnings.size() == 1);
  CHECK(concept_item.warnings[0].reason.find("conceptItem") != std::string::npos);
  // Every file gives an article or a named reason; none crashes or passes silently.
  std::size_t articles = 0;
  for (const auto& [name, r] : read) {
    INFO(name);
    CHECK((r.articles.size() + r.warnings.size()) > 0);
    articles += r.articles.size();
  }
  // LISTING_2, LISTING_22 and "Receiver View" carry text; the other news items' contentSets are
  // empty placeholders ("<!-- Story text -->") and are named as having no text.
  CHECK(articles == 3);
}
