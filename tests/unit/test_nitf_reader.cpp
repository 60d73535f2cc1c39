// Unit tests: NITF 3.x documents.
#include <catch2/catch.hpp>

#include "indexer/readers/nitf_reader.hpp"
#include "indexer/readers/reader.hpp"
#include "readers_test_files.hpp"
#include "test_util.hpp"

using namespace newsidx::readers;

namespace {

const std::string kNitf = R"(<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE nitf SYSTEM "nitf-3-6.dtd">
<nitf version="-//IPTC//DTD NITF 3.6//EN">
  <head>
    <title>Harbour strike (head title)</title>
    <docdata>
      <doc-id id-string="HG-2024-0305-001"/>
      <date.issue norm="20240305T093000+0100"/>
    </docdata>
  </head>
  <body>
    <body.head>
      <hedline><hl1>Dockers strike at Rotterdam harbour</hl1><hl2>Talks fail</hl2></hedline>
      <byline>By <person>Ana Lima</person></byline>
      <dateline><location><city>ROTTERDAM</city></location></dateline>
    </body.head>
    <body.content>
      <p>Dock workers led by <person>Piet de Vries</person> of the <org>FNV union</org> walked out.</p>
      <p>Ships waited off <location>Hook of Holland</location>.</p>
    </body.content>
  </body>
</nitf>)";

}  // namespace

TEST_CASE("nitf: headline, doc-id, date, byline, dateline, paragraphs and markup tags", "[nitf]") {
  const ReadResult r = read_nitf(kNitf, "2024/strike.nitf", "arch/2024/strike.nitf");
  REQUIRE(r.warnings.empty());
  REQUIRE(r.articles.size() == 1);
  const auto& a = r.articles[0];
  CHECK(a.id == "HG-2024-0305-001");
  CHECK(a.title == "Dockers strike at Rotterdam harbour");
  CHECK(a.date == "2024-03-05");
  CHECK(a.author == "Ana Lima");
  CHECK(a.dateline_text == "ROTTERDAM");
  CHECK(a.body_text() ==
        "Dock workers led by Piet de Vries of the FNV union walked out.\n\nShips waited off Hook of Holland.");
  CHECK(a.tags == std::vector<std::string>{"person:Ana Lima", "location:ROTTERDAM", "person:Piet de Vries",
                                           "org:FNV union", "location:Hook of Holland"});
  CHECK(a.path == "arch/2024/strike.nitf");
}

TEST_CASE("nitf: .xml files are told apart by their root element", "[nitf][readers]") {
  ReadResult r = read_file("2024/strike.xml", "strike.xml", kNitf);
  REQUIRE(r.articles.size() == 1);
  CHECK(r.articles[0].id == "HG-2024-0305-001");
  r = read_file("2024/page.xml", "page.xml", "<?xml version=\"1.0\"?><svg><g/></svg>");
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].reason == "XML root element <svg> is not NITF, NewsML-G2, RSS or Atom");
  CHECK(r.articles.empty());
}

TEST_CASE("nitf: an empty body.content is named and skipped", "[nitf]") {
  const ReadResult r = read_nitf("<nitf><head/><body><body.content/></body></nitf>", "a.nitf", "a.nitf");
  CHECK(r.articles.empty());
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].reason == "NITF document has no text in <body.content>");
}
