// CLI tests: the wire and web-archive formats (RSS, Atom, NITF, NewsML-G2, WARC, .gz) indexed by
// the real newsidx-index from small files written here, then queried with newsidx-query.
#include <catch2/catch.hpp>

#include <xapian.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "common/schema.hpp"
#include "test_util.hpp"
#include "unit/wire_test_util.hpp"

using namespace newsidx::test;

namespace {

const std::string kIndex = NEWSIDX_INDEX_BIN;
const std::string kQuery = NEWSIDX_QUERY_BIN;

CommandResult index(const TempDir& dir) {
  return run_command(kIndex + " --jobs 1 --db " + sh_quote(dir.str("db")) + " " + sh_quote(dir.str("archive")), true);
}

// The JSON hits of a query (the summary object left out).
std::vector<nlohmann::json> hits(const TempDir& dir, const std::string& args) {
  const auto r = run_command(kQuery + " --db " + sh_quote(dir.str("db")) + " --json " + args);
  std::vector<nlohmann::json> out;
  std::istringstream in(r.out);
  for (std::string line; std::getline(in, line);) {
    auto j = nlohmann::json::parse(line);
    if (j["type"] == "article") out.push_back(std::move(j));
  }
  return out;
}

}  // namespace

TEST_CASE("cli: RSS and Atom feeds index one article per item, searchable by tag and source", "[cli][wire]") {
  TempDir dir;
  write_file(dir.path() / "archive/gazette.rss", R"(<?xml version="1.0"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Harbour Gazette</title>
<item><title>Dockers strike at the harbour</title><guid>gazette-1</guid><link>https://example.org/strike</link>
<pubDate>Tue, 05 Mar 2024 09:30:00 +0100</pubDate><dc:creator>Ana Lima</dc:creator><category>Labour</category>
<description>ROTTERDAM — Dock workers walked out over pay on Tuesday.</description></item>
<item><title>Ferry timetable</title><guid>gazette-2</guid><description>Ferries sail hourly from the quay.</description></item>
</channel></rss>)");
  write_file(dir.path() / "archive/river.atom", R"(<feed xmlns="http://www.w3.org/2005/Atom"><title>River Wire</title>
<entry><title>Floods recede</title><id>urn:river:1</id><published>2024-03-07T18:30:00-05:00</published>
<category term="weather"/><summary>Water levels fell along the river banks overnight.</summary></entry></feed>)");
  const auto r = index(dir);
  INFO(r.out);
  CHECK(r.status == 0);
  CHECK(r.out.find("3 added") != std::string::npos);
  auto found = hits(dir, "dockers --tag labour");
  REQUIRE(found.size() == 1);
  CHECK(found[0]["id"] == "gazette-1");
  CHECK(found[0]["url"] == "https://example.org/strike");
  CHECK(found[0]["date"] == "2024-03-05");
  CHECK(found[0]["dateline"] == "ROTTERDAM");
  CHECK(hits(dir, "ferries --source 'harbour gazette'").size() == 1);
  found = hits(dir, "floods");
  REQUIRE(found.size() == 1);
  CHECK(found[0]["id"] == "urn:river:1");
  CHECK(found[0]["date"] == "2024-03-07");
}

TEST_CASE("cli: an NITF file (also gzipped) and a NewsML-G2 item index with their metadata", "[cli][wire]") {
  TempDir dir;
  const std::string nitf = R"(<?xml version="1.0"?>
<nitf><head><docdata><doc-id id-string="HG-7"/><date.issue norm="20240305T093000Z"/></docdata></head>
<body><body.head><hedline><hl1>Port talks resume</hl1></hedline><byline>By Ana Lima</byline></body.head>
<body.content><p>Negotiators for <org>FNV union</org> met port owners in <location>Rotterdam</location>.</p></body.content>
</body></nitf>)";
  write_file(dir.path() / "archive/talks.nitf", nitf);
  std::string other = nitf;
  other.replace(other.find("HG-7"), 4, "HG-8");
  other.replace(other.find("Port talks resume"), 17, "Quay cranes idle");
  other.replace(other.find("Negotiators"), 11, "Cranemen");
  write_file(dir.path() / "archive/cranes.xml.gz", gzip_member(other));
  write_file(dir.path() / "archive/item.xml", R"(<?xml version="1.0"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:newsml:hg:9" version="3">
<itemMeta><itemClass qcode="ninat:text"/><versionCreated>2024-03-06T08:00:00Z</versionCreated><pubStatus qcode="stat:usable"/></itemMeta>
<contentMeta><language tag="en"/><subject qcode="medtop:20000763"/><headline>Lighthouse keepers honoured</headline></contentMeta>
<contentSet><inlineXML><html xmlns="http://www.w3.org/1999/xhtml"><body><p>Three lighthouse keepers were honoured.</p></body></html></inlineXML></contentSet>
</newsItem>)");
  const auto r = index(dir);
  INFO(r.out);
  CHECK(r.status == 0);
  CHECK(r.out.find("3 added") != std::string::npos);
  auto found = hits(dir, "negotiators --tag 'org:FNV union'");
  REQUIRE(found.size() == 1);
  CHECK(found[0]["id"] == "HG-7");
  CHECK(found[0]["title"] == "Port talks resume");
  found = hits(dir, "cranemen");
  REQUIRE(found.size() == 1);
  CHECK(found[0]["id"] == "HG-8");
  found = hits(dir, "lighthouse --tag subject:medtop:20000763");
  REQUIRE(found.size() == 1);
  CHECK(found[0]["id"] == "urn:newsml:hg:9");
  CHECK(found[0]["date"] == "2024-03-06");
}

TEST_CASE("cli: a WARC's records are read one by one; problems are named by record offset", "[cli][wire]") {
  TempDir dir;
  const std::string page = "<html><head><title>Dockers strike</title></head><body><p>Dock workers walked out.</p></body></html>";
  const std::string info = warc_record("warcinfo", "", "application/warc-fields", "software: test\r\n");
  const std::string png = warc_record("response", "https://example.org/logo.png", "application/http; msgtype=response",
                                      "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n");
  const std::string html = warc_record("response", "https://example.org/strike", "application/http; msgtype=response",
                                       http_html(page));
  const std::string cut = warc_record("resource", "https://example.org/cut", "text/html", page);
  write_file(dir.path() / "archive/crawl.warc.gz",
             gzip_member(info) + gzip_member(png) + gzip_member(html) + gzip_member(cut).substr(0, 40));
  write_file(dir.path() / "archive/2024/03/05/note.txt", "Harbour note\n\nThe harbour master retired.\n");
  const auto r = index(dir);
  INFO(r.out);
  // The HTML page waits for the HTML reader (wired in at merge: then it becomes an article and
  // only the cut member is skipped); the image and the warcinfo are no articles and no warning.
  CHECK(r.status == 1);
  const std::size_t html_at = gzip_member(info).size() + gzip_member(png).size();
  const std::size_t cut_at = html_at + gzip_member(html).size();
  CHECK(r.out.find("crawl.warc.gz: skipped: record at byte " + std::to_string(html_at) +
                   ": HTML page https://example.org/strike not read (no HTML reader)") != std::string::npos);
  CHECK(r.out.find("crawl.warc.gz: skipped: record at byte " + std::to_string(cut_at) + ": gzip member truncated") !=
        std::string::npos);
  CHECK(r.out.find("logo.png") == std::string::npos);
  CHECK(r.out.find("1 added, 0 updated, 0 removed, 2 skipped") != std::string::npos);
  CHECK(hits(dir, "harbour").size() == 1);  // the rest of the run went on; the database is whole
}

TEST_CASE("cli: an XXE feed and a wrong root element are named and skipped; nothing is read from outside",
          "[cli][wire]") {
  TempDir dir;
  write_file(dir.path() / "secret.txt", "topsecretword\n");
  write_file(dir.path() / "archive/evil.rss",
             "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file://" + dir.str("secret.txt") +
                 "\">]>\n<rss><channel><item><title>x</title><description>&xxe; leak</description></item></channel></rss>");
  write_file(dir.path() / "archive/drawing.xml", "<?xml version=\"1.0\"?>\n<svg><g/></svg>\n");
  const auto r = index(dir);
  INFO(r.out);
  CHECK(r.status == 1);
  CHECK(r.out.find("evil.rss: skipped: declares the external entity 'xxe'") != std::string::npos);
  CHECK(r.out.find("drawing.xml: skipped: XML root element <svg> is not NITF, NewsML-G2, RSS or Atom") !=
        std::string::npos);
  CHECK(hits(dir, "topsecretword").empty());
  CHECK(hits(dir, "leak").empty());
}

TEST_CASE("cli: a database of the previous schema version is refused with --rebuild as the way on", "[cli][wire]") {
  TempDir dir;
  write_file(dir.path() / "archive/2024/03/05/note.txt", "Harbour note\n\nThe harbour master retired.\n");
  REQUIRE(index(dir).status == 0);
  {
    Xapian::WritableDatabase db(dir.str("db"), Xapian::DB_OPEN);
    db.set_metadata(std::string(newsidx::schema::kSchemaKey), std::to_string(newsidx::schema::kSchemaVersion - 1));
    db.commit();
  }
  const auto r = index(dir);
  CHECK(r.status == 3);
  CHECK(r.out.find("database has schema version " + std::to_string(newsidx::schema::kSchemaVersion - 1)) !=
        std::string::npos);
  CHECK(r.out.find("--rebuild") != std::string::npos);
  const auto rebuilt = run_command(kIndex + " --rebuild --db " + sh_quote(dir.str("db")) + " " + sh_quote(dir.str("archive")), true);
  CHECK(rebuilt.status == 0);
  CHECK(hits(dir, "harbour").size() == 1);
}
