// Unit tests: WARC records, plain and gzipped, whole and broken.
#include <catch2/catch.hpp>

#include "indexer/readers/warc_reader.hpp"
#include "readers_test_files.hpp"
#include "test_util.hpp"
#include "wire_test_util.hpp"

using namespace newsidx::readers;
using newsidx::test::gzip_member;
using newsidx::test::http_html;
using newsidx::test::warc_record;

namespace {

const std::string kPage1 = "<html><head><title>Dockers strike</title></head><body><p>Dock workers walked out.</p></body></html>";
const std::string kPage2 = "<html><head><title>Treaty talks</title></head><body><p>Negotiators met.</p></body></html>";

// warcinfo, a request, an HTML response, a PNG response, a 404, a chunked gzip response, an
// HTML resource, a revisit: three pages.
std::vector<std::string> crawl() {
  std::string chunked_gzip;
  const std::string gz = gzip_member(kPage2);
  chunked_gzip = fmt::format("{:x}\r\n", 10) + gz.substr(0, 10) + "\r\n" + fmt::format("{:x}\r\n", gz.size() - 10) +
                 gz.substr(10) + "\r\n0\r\n\r\n";
  return {
      warc_record("warcinfo", "", "application/warc-fields", "software: test\r\n"),
      warc_record("request", "https://example.org/strike", "application/http; msgtype=request",
                  "GET /strike HTTP/1.1\r\nHost: example.org\r\n\r\n"),
      warc_record("response", "https://example.org/strike", "application/http; msgtype=response", http_html(kPage1)),
      warc_record("response", "https://example.org/logo.png", "application/http; msgtype=response",
                  "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n\x1a\n"),
      warc_record("response", "https://example.org/gone", "application/http; msgtype=response",
                  "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<html>gone</html>"),
      warc_record("response", "https://example.org/treaty", "application/http; msgtype=response",
                  http_html(chunked_gzip, "Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n")),
      warc_record("resource", "file:///saved/page.html", "text/html", kPage1),
      warc_record("revisit", "https://example.org/strike", "application/http; msgtype=response", "HTTP/1.1 200 OK\r\n\r\n"),
  };
}

ReaderOptions with_pages() {
  ReaderOptions o;
  o.pages = newsidx::test::test_page_reader;
  return o;
}

const PageSource kFile{"arch/crawl.warc", "crawl.warc", "", "", 0};

// An ARC (version 1) record: the header line, the block, the newline that ends it.
std::string arc_record(const std::string& url, const std::string& type, const std::string& block,
                       const std::string& length = "") {
  return url + " 192.0.2.1 20040101120000 " + type + " " + (length.empty() ? std::to_string(block.size()) : length) +
         "\n" + block + "\n";
}

// An ARC file's version block, a DNS record, two HTML pages and a PNG between them.
std::vector<std::string> arc_crawl() {
  return {
      arc_record("filedesc://crawl.arc", "text/plain",
                 "1 0 Test Capture\nURL IP-address Archive-date Content-type Archive-length\n"),
      arc_record("dns:example.org", "text/dns", "20040101120000\nexample.org. 600 IN A 192.0.2.1\n"),
      arc_record("http://example.org/strike", "text/html", http_html(kPage1)),
      arc_record("http://example.org/logo.png", "image/png", "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG"),
      arc_record("http://example.org/treaty talks.html", "text/html", http_html(kPage2)),
  };
}

}  // namespace

TEST_CASE("warc: ARC files, the format before WARC, give their HTML pages, plain and gzipped per record", "[warc]") {
  std::string plain, per_record;
  std::vector<std::size_t> offsets, member_offsets;
  for (const std::string& r : arc_crawl()) {
    offsets.push_back(plain.size());
    member_offsets.push_back(per_record.size());
    plain += r;
    per_record += gzip_member(r);
  }
  const PageSource file{"arch/crawl.arc", "crawl.arc", "", "", 0};
  for (bool gzipped : {false, true}) {
    INFO(gzipped);
    const ReadResult r = read_warc(gzipped ? per_record : plain, file, with_pages());
    CHECK(r.warnings.empty());
    REQUIRE(r.articles.size() == 2);
    CHECK(r.articles[0].id == "http://example.org/strike");
    CHECK(r.articles[0].title == "Dockers strike");
    CHECK(r.articles[0].offset == (gzipped ? member_offsets : offsets)[2]);
    CHECK(r.articles[0].date.empty());  // the archive date is the crawl's
    CHECK(r.articles[1].id == "http://example.org/treaty talks.html");  // a space left in the URL
    CHECK(r.articles[1].body_text() == "Negotiators met.");
    CHECK(r.articles[1].path == "arch/crawl.arc");
  }
}

TEST_CASE("warc: after a bad WARC record, a line of text is no ARC header, and a long line no record", "[warc]") {
  std::string bad = warc_record("response", "https://example.org/x", "application/http; msgtype=response",
                                "https://t.co/abc via @Reuters on Monday 2024\r\n");
  bad.replace(bad.find("Content-Length: "), 16, "Content-Length: abc\r\nX-Was: ");
  const std::string good =
      warc_record("response", "https://example.org/strike", "application/http; msgtype=response", http_html(kPage1));
  const ReadResult r = read_warc(bad + good, kFile, with_pages());
  REQUIRE(r.articles.size() == 1);
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].reason == "record at byte 0: record without a valid Content-Length");
  // 3 MB without a line end: skipped as it streams, not buffered whole.
  std::size_t peak = 0, at = 0;
  const std::string junk(3u << 20, 'A');
  const ByteSource source = [&](char* buf, std::size_t cap) {
    const std::size_t n = std::min(cap, junk.size() - at);
    std::copy_n(junk.data() + at, n, buf);
    at += n;
    return n;
  };
  const auto warnings = stream_warc(source, kFile, with_pages(), [](newsidx::Article) {}, &peak);
  CHECK_FALSE(warnings.empty());
  CHECK(peak < (3u << 20));
}

TEST_CASE("warc: an ARC record with a bad length or cut short is named by its offset, reading goes on", "[warc]") {
  const std::string bad = arc_record("http://example.org/a", "text/html", http_html(kPage2), "-1");
  const std::string good = arc_record("http://example.org/strike", "text/html", http_html(kPage1));
  const std::string cut = arc_record("http://example.org/b", "text/html", http_html(kPage2), "9999");
  const std::string huge = arc_record("http://example.org/c", "text/html", http_html(kPage2), "18446744073709551615");
  const ReadResult r = read_warc(bad + good + cut, {"crawl.arc", "crawl.arc", "", "", 0}, with_pages());
  REQUIRE(r.articles.size() == 1);
  // A length past the end of everything costs that record only.
  const ReadResult h = read_warc(huge + good, {"crawl.arc", "crawl.arc", "", "", 0}, with_pages());
  REQUIRE(h.articles.size() == 1);
  CHECK(h.articles[0].id == "http://example.org/strike");
  CHECK(r.articles[0].id == "http://example.org/strike");
  CHECK(r.articles[0].offset == bad.size());
  REQUIRE(r.warnings.size() == 2);
  CHECK(r.warnings[0].reason == "record at byte 0: ARC record without a valid length");
  CHECK(r.warnings[1].reason.rfind("record at byte " + std::to_string(bad.size() + good.size()) +
                                       ": truncated ARC record (length 9999, ",
                                   0) == 0);
}

TEST_CASE("warc: HTML responses and resources become pages with URI, offset and Content-Type", "[warc]") {
  std::string file;
  std::vector<std::size_t> offsets;
  for (const std::string& r : crawl()) {
    offsets.push_back(file.size());
    file += r;
  }
  std::vector<PageSource> seen;
  ReaderOptions o = with_pages();
  o.pages = [&](std::string_view html, const PageSource& s) {
    seen.push_back(s);
    return newsidx::test::test_page_reader(html, s);
  };
  const ReadResult r = read_warc(file, kFile, o);
  CHECK(r.warnings.empty());
  REQUIRE(r.articles.size() == 3);
  CHECK(r.articles[0].id == "https://example.org/strike");
  CHECK(r.articles[0].title == "Dockers strike");
  CHECK(r.articles[0].body_text() == "Dock workers walked out.");
  CHECK(r.articles[0].path == "arch/crawl.warc");
  CHECK(r.articles[0].offset == offsets[2]);
  CHECK(r.articles[0].date.empty());  // WARC-Date is the crawl date, never the publication date
  CHECK(r.articles[1].id == "https://example.org/treaty");
  CHECK(r.articles[1].body_text() == "Negotiators met.");  // de-chunked and gunzipped
  CHECK(r.articles[1].offset == offsets[5]);
  CHECK(r.articles[2].id == "file:///saved/page.html");
  REQUIRE(seen.size() == 3);
  CHECK(seen[0].content_type == "text/html; charset=utf-8");
  CHECK(seen[0].url == "https://example.org/strike");
  CHECK(seen[0].offset == offsets[2]);
  CHECK(seen[2].content_type == "text/html");
}

TEST_CASE("warc: a page that is no article is counted as such, named once by record offset and URI", "[warc]") {
  const std::string file = warc_record("response", "https://example.org/", "application/http; msgtype=response",
                                       http_html("<html><body><p>x</p></body></html>"));
  ReaderOptions o;
  o.pages = [](std::string_view, const PageSource&) {
    PageResult r;
    r.not_article = "a front page";
    return r;
  };
  const ReadResult r = read_warc(file, kFile, o);
  CHECK(r.articles.empty());
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].not_article);
  CHECK_FALSE(r.warnings[0].skipped);
  // The run prints "FILE: not an article: REASON": the reason does not say it again.
  CHECK(r.warnings[0].reason == "record at byte 0: https://example.org/: a front page");
}

TEST_CASE("warc: record-gzipped and whole-file gzipped crawls read the same pages", "[warc]") {
  std::string per_record, plain;
  std::vector<std::size_t> offsets;
  for (const std::string& r : crawl()) {
    offsets.push_back(per_record.size());
    per_record += gzip_member(r);
    plain += r;
  }
  const ReadResult a = read_warc(per_record, kFile, with_pages());
  REQUIRE(a.articles.size() == 3);
  CHECK(a.articles[1].offset == offsets[5]);  // the gzip member's offset
  const ReadResult b = read_warc(gzip_member(plain), kFile, with_pages());
  REQUIRE(b.articles.size() == 3);
  CHECK(b.articles[2].id == "file:///saved/page.html");
}

TEST_CASE("warc: a corrupt member, a truncated record and a bad chunk are named by offset, reading goes on",
          "[warc]") {
  const auto records = crawl();
  std::string file;
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < records.size(); ++i) {
    offsets.push_back(file.size());
    std::string member = gzip_member(records[i]);
    if (i == 2) member[member.size() / 2] = static_cast<char>(member[member.size() / 2] ^ 0x5a);  // corrupt
    file += member;
  }
  ReadResult r = read_warc(file, kFile, with_pages());
  REQUIRE(r.articles.size() == 2);
  CHECK(r.articles[0].id == "https://example.org/treaty");
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].path == "arch/crawl.warc");
  CHECK(r.warnings[0].reason.rfind("record at byte " + std::to_string(offsets[2]) + ": ", 0) == 0);

  // A member cut short in the middle of the file runs into the next member; the members after
  // it are read (the cut one's inflate must not eat them).
  for (const std::size_t cut : {9, 12, 20, 30, 40}) {
    INFO("member cut by " << cut << " bytes");
    file.clear();
    offsets.clear();
    for (std::size_t i = 0; i < records.size(); ++i) {
      offsets.push_back(file.size());
      std::string member = gzip_member(records[i]);
      if (i == 4) member.resize(member.size() - cut);
      file += member;
    }
    r = read_warc(file, kFile, with_pages());
    REQUIRE(r.articles.size() == 3);
    CHECK(r.articles[1].id == "https://example.org/treaty");  // the member right after the cut one
    CHECK(r.articles[1].offset == offsets[5]);
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].reason.rfind("record at byte " + std::to_string(offsets[4]) + ": ", 0) == 0);
  }

  // Plain WARC cut in the middle of its last record.
  std::string plain;
  for (const auto& rec : records) plain += rec;
  const std::size_t last = plain.size() - records.back().size();
  r = read_warc(plain.substr(0, plain.size() - 10), kFile, with_pages());
  CHECK(r.articles.size() == 3);
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].reason.rfind("record at byte " + std::to_string(last) + ": truncated record", 0) == 0);

  // A chunked body whose sizes are wrong.
  const std::string bad = warc_record("response", "https://example.org/bad", "application/http",
                                      http_html("5\r\nab", "Transfer-Encoding: chunked\r\n"));
  r = read_warc(bad, kFile, with_pages());
  CHECK(r.articles.empty());
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].reason == "record at byte 0: malformed HTTP chunked transfer coding");
}

TEST_CASE("warc: without an HTML reader each page is named as not read, non-pages are passed over", "[warc]") {
  std::string file;
  for (const std::string& r : crawl()) file += r;
  const ReadResult r = read_warc(file, kFile, ReaderOptions{});
  CHECK(r.articles.empty());
  REQUIRE(r.warnings.size() == 3);
  CHECK(r.warnings[0].reason.find("HTML page https://example.org/strike not read (no HTML reader)") !=
        std::string::npos);
}

TEST_CASE("warc: the warcio test files, broken ones included, are read without a crash", "[warc][corpora]") {
  const std::string root = newsidx::test::shared_corpora();
  if (root.empty()) {
    WARN("skipped: ../shared/corpora is absent");
    return;
  }
  const std::string dir = root + "/wire-formats/warcio/";
  const auto read = [&](const std::string& name) {
    const auto bytes = newsidx::test::slurp_file(dir + name);
    REQUIRE(bytes);
    return read_warc(*bytes, {name, name, "", "", 0}, with_pages());
  };
  // example.warc(.gz): one example.com page among request, metadata and revisit records.
  CHECK(read("example-digest.warc").articles.empty());  // request records only
  CHECK(read("example-digest.warc").warnings.empty());
  // The ARC files hold the same page; their bad lengths and a record cut short are named below.
  for (const char* name : {"example.warc", "example.warc.gz", "example.arc", "example.arc.gz"}) {
    INFO(name);
    const ReadResult r = read(name);
    CHECK(r.warnings.empty());
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].title == "Example Domain");
    CHECK(r.articles[0].id == "http://example.com/");
  }
  const ReadResult bad_arc = read("bad.arc");
  CHECK(bad_arc.articles.empty());
  REQUIRE(bad_arc.warnings.size() == 3);
  for (const auto& w : bad_arc.warnings) CHECK(w.reason.find(": ARC record without a valid length") != std::string::npos);
  // This sample lost its CRs (its HTTP headers end in LF only), so its record is 12 bytes short
  // of the length it declares: a record cut short.
  const ReadResult spaced = read("example-space-in-url.arc");
  REQUIRE(spaced.warnings.size() == 1);
  CHECK(spaced.warnings[0].reason == "record at byte 151: truncated ARC record (length 1591, 1579 bytes left)");
  const ReadResult chunked = read("example-iana.org-chunked.warc");
  CHECK(chunked.warnings.empty());
  REQUIRE(chunked.articles.size() == 1);
  CHECK(chunked.articles[0].title.find("Internet Assigned Numbers Authority") != std::string::npos);
  const ReadResult trunc = read("example-trunc.warc");
  REQUIRE(trunc.warnings.size() == 1);
  CHECK(trunc.warnings[0].reason ==
        "record at byte 1197: truncated record (its Content-Length runs into what follows)");
  for (const char* name : {"example-bad.warc.gz.bad", "example-wrong-chunks.warc.gz", "example-bad-non-chunked.warc.gz",
                           "example-resource.warc.gz", "example-space-in-target-uri.warc.gz",
                           "example-wget-bad-target-uri.warc.gz", "post-test.warc.gz"}) {
    INFO(name);
    const ReadResult r = read(name);
    for (const auto& w : r.warnings) CHECK(w.reason.rfind("record at byte ", 0) == 0);
  }
}

TEST_CASE("warc: a large crawl is read as a stream, its buffers bounded by the record, not the file", "[warc]") {
  // 12 MB of records, made on the fly by the source itself: the test never holds the file either.
  const std::string filler(1800, 'x');
  for (const bool gzipped : {false, true}) {
    INFO((gzipped ? "record-gzipped" : "plain"));
    std::size_t made = 0, total = 0;
    std::string pending;
    std::size_t pending_at = 0;
    const ByteSource source = [&](char* buf, std::size_t cap) -> std::size_t {
      if (pending_at == pending.size()) {
        if (total >= (12u << 20)) return 0;
        const std::string page = "<html><head><title>Page " + std::to_string(made) + "</title></head><body><p>" +
                                 filler + "</p></body></html>";
        pending = warc_record("response", "https://example.org/" + std::to_string(made++),
                              "application/http; msgtype=response", http_html(page));
        if (gzipped) pending = gzip_member(pending);
        pending_at = 0;
      }
      const std::size_t n = std::min(cap, pending.size() - pending_at);
      std::copy_n(pending.data() + pending_at, n, buf);
      pending_at += n;
      total += n;
      return n;
    };
    std::size_t articles = 0, peak = 0;
    bool in_order = true;
    const auto warnings = stream_warc(source, kFile, with_pages(), [&](newsidx::Article a) {
      in_order = in_order && a.id == "https://example.org/" + std::to_string(articles);
      ++articles;
    }, &peak);
    CHECK(warnings.empty());
    CHECK(articles == made);
    CHECK(total >= (12u << 20));
    CHECK(in_order);
    CHECK(peak < (4u << 20));  // two 1 MB slices and their growth
  }
}
