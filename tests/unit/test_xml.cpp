// Unit tests: the safe XML parser (no network, no entities) and its tree helpers.
#include <catch2/catch.hpp>

#include "indexer/readers/xml.hpp"

using namespace newsidx::readers;

TEST_CASE("xml: an XXE attempt is refused with one message and nothing is read from outside", "[xml]") {
  const std::string xxe =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
      "<rss><channel><item><title>&xxe;</title></item></channel></rss>";
  const XmlDoc doc = parse_xml(xxe);
  CHECK(doc.doc == nullptr);
  CHECK(doc.error == "declares the external entity 'xxe' (file:///etc/passwd): not loaded, file skipped");
  CHECK(doc.error.find("root:") == std::string::npos);  // /etc/passwd's first line
}

TEST_CASE("xml: an entity-expansion bomb is refused without expanding it", "[xml]") {
  std::string bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n";
  for (int i = 1; i < 10; ++i) {
    bomb += "<!ENTITY lol" + std::to_string(i) + " \"";
    for (int j = 0; j < 10; ++j) bomb += i == 1 ? "&lol;" : "&lol" + std::to_string(i - 1) + ";";
    bomb += "\">\n";
  }
  bomb += "]>\n<lolz>&lol9;</lolz>";
  const XmlDoc doc = parse_xml(bomb);
  CHECK(doc.doc == nullptr);
  CHECK(doc.error.find("entit") != std::string::npos);
  CHECK(doc.error.find("not expanded, file skipped") != std::string::npos);
}

TEST_CASE("xml: invalid XML is named with its line", "[xml]") {
  const XmlDoc doc = parse_xml("<?xml version=\"1.0\"?>\n<rss>\n<channel>\n</rss>\n");
  CHECK(doc.doc == nullptr);
  CHECK(doc.error.rfind("invalid XML: ", 0) == 0);
  CHECK(doc.line == 4);
}

TEST_CASE("xml: the root element is sniffed past the prolog, DOCTYPE and comments", "[xml]") {
  CHECK(sniff_root("<?xml version=\"1.0\"?>\n<!-- a <b> -->\n<!DOCTYPE nitf SYSTEM \"nitf.dtd\">\n<nitf>") == "nitf");
  CHECK(sniff_root("\xEF\xBB\xBF<rss version=\"2.0\">") == "rss");
  CHECK(sniff_root("<a:feed xmlns:a=\"http://www.w3.org/2005/Atom\">") == "feed");
  CHECK(sniff_root("plain text") == "");
}

TEST_CASE("xml: block text lays out paragraphs; text never follows entity references", "[xml]") {
  const XmlDoc doc = parse_xml(
      "<body><h1>Head  line</h1><p>First\n  paragraph <b>bold</b>.</p><div><p>Second.</p>"
      "<p>Line<br/>break</p></div></body>");
  REQUIRE(doc.doc);
  CHECK(block_text(doc.root()) == "Head line\n\nFirst paragraph bold.\n\nSecond.\n\nLine\nbreak");
  CHECK(text_of(child(doc.root(), "p")) == "First paragraph bold.");
  CHECK(local_name(descendant(doc.root(), "b")) == "b");
  CHECK(line_of(doc.root()) == 1);
}

TEST_CASE("xml: set_body spans a dateline at the start of the body", "[xml]") {
  newsidx::Article a;
  set_body(a, "\n  GENEVA — Ministers met on Friday.\n");
  CHECK(a.dateline_text == "GENEVA");
  CHECK(a.body_text() == "Ministers met on Friday.");
  CHECK(looks_like_html("<p>Hello</p>"));
  CHECK_FALSE(looks_like_html("3 < 4 and plain"));
}
