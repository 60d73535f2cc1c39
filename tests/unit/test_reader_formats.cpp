// Unit tests for the readers' table of formats: which reader takes a file by its name, which one
// an XML document by its root element, and how a file no reader takes is skipped.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <utility>

#include "indexer/readers/reader.hpp"
#include "indexer/readers/xml.hpp"
#include "wire_test_util.hpp"

using namespace newsidx::readers;

namespace {

std::string reader_of(std::string_view path) {
  const FormatRow* row = format_row(path);
  return row ? std::string(row->reader) : "(none)";
}

std::string root_reader_of(std::string_view bytes) {
  const XmlRootRow* row = xml_root_row(sniff_root(bytes));
  return row ? std::string(row->reader) : "(none)";
}

}  // namespace

TEST_CASE("reader formats: each extension goes to its reader, also through one .gz", "[readers][formats]") {
  const std::pair<const char*, const char*> cases[] = {
      {"bbc/politics/012.txt", "text"},
      {"wire.jsonl", "jsonl"},
      {"dump/feed.ndjson", "jsonl"},
      {"reut2-000.sgm", "sgml"},
      {"x.sgml", "sgml"},
      {"a/b.html", "html"},
      {"b.htm", "html"},
      {"b.xhtml", "html"},
      {"item.xml", "xml"},
      {"story.nitf", "xml"},
      {"item.newsml", "xml"},
      {"news.rss", "feed"},
      {"river.atom", "feed"},
      {"crawl.warc", "warc"},
      {"crawl.warc.gz", "warc"},
      {"crawl.arc", "warc"},
      {"crawl.arc.gz", "warc"},
      {"feed.jsonl.gz", "jsonl"},
      {"cranes.xml.gz", "xml"},
      {"reut2-000.sgm.gz", "sgml"},
      {"wikinews_2019.csv.gz", "csv"},
      {"export.csv", "csv"},
      {"export.TSV", "csv"},
  };
  for (const auto& [path, reader] : cases) {
    INFO(path);
    CHECK(reader_of(path) == reader);
    CHECK(format_for(path) == format_row(path)->format);
  }
  // Only the WARC reader also reads a slice at a time.
  CHECK(is_streamed("crawl.warc.gz"));
  CHECK_FALSE(is_streamed("feed.jsonl"));
}

TEST_CASE("reader formats: names no row takes have no reader", "[readers][formats]") {
  for (const char* path : {"bbc/README.TXT", "readme.txt", "data/LICENSE.txt", "ChangeLog.txt", "photo.jpg", "txt", "x.gz",
                           "x.txt.gz.gz", "X.TXT.GZ.GZ", "notes.pdf", ""}) {
    INFO(path);
    CHECK(format_row(path) == nullptr);
    CHECK(format_for(path) == Format::kUnsupported);
  }
}

TEST_CASE("reader formats: extensions in capitals are read, as archives from Windows name them", "[readers][formats]") {
  CHECK(format_for("old/STORY001.TXT") == Format::kText);
  CHECK(format_for("B.HTML") == format_for("b.html"));
  CHECK(format_for("Page.Htm") == format_for("page.htm"));
  CHECK(format_for("WIRE.JSONL.GZ") == Format::kJsonLines);
  CHECK(format_for("readme-not/story.txt") == Format::kText);  // a folder's name is no file's
  CHECK(format_for("readmeister.txt") == Format::kText);
  CHECK(documentation_name("bbc/README.TXT"));
  CHECK_FALSE(documentation_name("news/readme-first-story.txt"));
  const ReadResult plain = read_file("OLD/STORY001.TXT", "OLD/STORY001.TXT", "Harbour strike ends\n\nDockers went back.\n");
  REQUIRE(plain.articles.size() == 1);
  CHECK(plain.articles[0].title == "Harbour strike ends");
  // A .GZ in capitals is decompressed as one in lower case is.
  const ReadResult packed = read_file("STORY002.TXT.GZ", "STORY002.TXT.GZ", newsidx::test::gzip_member("Fog closes port\n\nShips waited.\n"));
  REQUIRE(packed.articles.size() == 1);
  CHECK(packed.articles[0].title == "Fog closes port");
}

TEST_CASE("reader formats: a packed archive or an article file compressed with other than gzip is named", "[readers][formats]") {
  for (const char* path : {"news.tar", "bbc/bbc-fulltext.tar.gz", "x.TGZ", "a.tar.bz2", "a.tbz2", "a.tar.xz", "a.txz",
                           "a.tar.zst"})
    CHECK(packed_reason(path) == "a tar archive: newsidx reads no archive of files; unpack it and index the folder");
  CHECK(packed_reason("Articles.ZIP").rfind("a zip archive: ", 0) == 0);
  CHECK(packed_reason("a.7z").rfind("a 7-Zip archive: ", 0) == 0);
  CHECK(packed_reason("a.rar").rfind("a RAR archive: ", 0) == 0);
  CHECK(packed_reason("2019/wire.jsonl.bz2") ==
        "compressed with bzip2; only gzip is read: decompress it, or recompress it with gzip (.jsonl.gz)");
  CHECK(packed_reason("crawl.warc.zst").rfind("compressed with zstd; ", 0) == 0);
  CHECK(packed_reason("story.txt.xz").rfind("compressed with xz; ", 0) == 0);
  CHECK(packed_reason("old.sgm.Z").rfind("compressed with compress; ", 0) == 0);
  // What holds no articles newsidx could read says nothing: a compressed PDF, a README.
  for (const char* path : {"notes.pdf.bz2", "README.TXT", "README.TXT.bz2", "wire.jsonl.gz.bz2", "photo.jpg", "x.gz",
                           "story.txt", "story.txt.gz", "zip", ""})
    CHECK(packed_reason(path).empty());
}

TEST_CASE("reader formats: every extension is in one row and named by the unsupported message", "[readers][formats]") {
  std::set<std::string_view> seen;
  const std::string reason = unsupported_reason();
  for (const FormatRow& row : format_table()) {
    CHECK(row.read != nullptr);
    for (std::string_view ext : row.extensions) {
      if (ext.empty()) continue;
      INFO(ext);
      CHECK(seen.insert(ext).second);
      CHECK(format_row("a" + std::string(ext)) == &row);
      CHECK(reason.find(std::string(ext) + ",") != std::string::npos);
    }
  }
  CHECK(seen.size() == 17);
}

TEST_CASE("reader formats: an XML document goes to the reader of its root element", "[readers][formats]") {
  CHECK(root_reader_of("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel/></rss>") == "feed");
  CHECK(root_reader_of("<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>") == "feed");
  CHECK(root_reader_of("<nitf><head/><body/></nitf>") == "nitf");
  CHECK(root_reader_of("<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\"/>") == "newsml");
  CHECK(root_reader_of("<nar:newsMessage xmlns:nar=\"http://iptc.org/std/nar/2006-10-01/\"/>") == "newsml");
  CHECK(root_reader_of("<packageItem/>") == "newsml");
  CHECK(root_reader_of("<?xml version=\"1.0\"?>\n<svg><g/></svg>") == "(none)");
  CHECK(root_reader_of("plain words, no markup") == "(none)");
}

TEST_CASE("reader formats: a file no reader takes is skipped with its reason", "[readers][formats]") {
  const ReadResult r = read_file("desk/notes.pdf", "/archive/desk/notes.pdf", "%PDF-1.4 some bytes");
  CHECK(r.articles.empty());
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].path == "/archive/desk/notes.pdf");
  CHECK(r.warnings[0].skipped);
  CHECK(r.warnings[0].reason ==
        "unsupported file type (expected .txt, .jsonl, .ndjson, .csv, .tsv, .sgm, .sgml, .html, .htm, .xhtml, .xml, "
        ".nitf, "
        ".newsml, .rss, .atom, .warc, .arc, or one of them .gz)");

  // An XML file whose root no reader takes is skipped naming the root.
  const ReadResult svg = read_file("drawing.xml", "drawing.xml", "<?xml version=\"1.0\"?>\n<svg><g/></svg>\n");
  CHECK(svg.articles.empty());
  REQUIRE(svg.warnings.size() == 1);
  CHECK(svg.warnings[0].reason == "XML root element <svg> is not NITF, NewsML-G2, RSS or Atom");
}

TEST_CASE("reader formats: a sniffed root reads the document through its reader", "[readers][formats]") {
  const std::string nitf =
      "<?xml version=\"1.0\"?>\n<nitf><head><title>Cranes idle</title></head><body><body.content>"
      "<p>Dock workers at the harbour stopped the cranes on Monday.</p></body.content></body></nitf>\n";
  const ReadResult r = read_file("talks.nitf", "talks.nitf", nitf);
  REQUIRE(r.articles.size() == 1);
  CHECK(r.articles[0].text.find("Dock workers") != std::string::npos);
}

TEST_CASE("reader formats: standard input's reader is chosen by its bytes", "[readers][formats]") {
  CHECK(extension_for_bytes("Headline\nBody of the story.\n") == ".txt");
  CHECK(extension_for_bytes("") == ".txt");
  CHECK(extension_for_bytes("\xEF\xBB\xBF  {\"id\": \"a\", \"body\": \"x\"}\n") == ".jsonl");
  CHECK(extension_for_bytes("WARC/1.0\r\nWARC-Type: warcinfo\r\n") == ".warc");
  CHECK(extension_for_bytes("filedesc://IA-001102.arc 0.0.0.0 20000101000000 text/plain 77\n") == ".arc");
  CHECK(extension_for_bytes("\n<!DOCTYPE html>\n<html><body><p>x</p></body></html>") == ".html");
  CHECK(extension_for_bytes("<HTML><BODY>x</BODY></HTML>") == ".html");
  CHECK(extension_for_bytes("<p>A fragment of a page.</p>") == ".html");
  CHECK(extension_for_bytes("<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<REUTERS TOPICS=\"NO\">") == ".sgm");
  CHECK(extension_for_bytes("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel/></rss>") == ".xml");
  CHECK(extension_for_bytes("<?xml version=\"1.0\"?>\n<nitf><head/></nitf>") == ".xml");
  CHECK(extension_for_bytes("url,date,title,text\nhttps://x.test,2019-01-04,T,Body.\n") == ".csv");
  CHECK(extension_for_bytes("\"id\";\"Body\"\n") == ".csv");
  CHECK(extension_for_bytes("Rates, bonds and body armour\nThe body of the story.\n") == ".txt");
  // No reader takes gzip data, a JSON array or an object over several lines: the caller says so.
  CHECK(extension_for_bytes(std::string("\x1f\x8b\x08\x00", 4)) == ".gz");
  CHECK(extension_for_bytes("[{\"title\": \"T\", \"body\": \"B\"}]") == ".json");
  CHECK(extension_for_bytes("{\n  \"title\": \"T\"\n}\n") == ".json");
}
