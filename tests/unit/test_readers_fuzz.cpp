// Fuzz-style unit test: mutated bytes (fixed seed) fed to every wire-format reader (WARC, NITF,
// NewsML-G2, RSS, Atom, .gz) through read_file. Nothing may crash or hang, every problem is a
// named warning, and every article read is well formed.
#include <catch2/catch.hpp>

#include <chrono>
#include <random>

#include "indexer/readers/reader.hpp"
#include "wire_test_util.hpp"

using namespace newsidx::readers;

namespace {

struct Seed {
  const char* name;
  std::string bytes;
};

std::vector<Seed> seeds() {
  using newsidx::test::gzip_member;
  using newsidx::test::http_html;
  using newsidx::test::warc_record;
  const std::string rss =
      "<?xml version=\"1.0\"?><rss><channel><title>G</title><item><title>T</title><guid>g1</guid>"
      "<pubDate>Tue, 05 Mar 2024 09:30:00 +0100</pubDate><description>LONDON - Text &amp; more.</description>"
      "<category>c</category></item><item><title>H</title><description><![CDATA[<p>Html <b>x</b></p>]]>"
      "</description></item></channel></rss>";
  const std::string atom =
      "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>W</title><entry><id>e1</id><title>T</title>"
      "<published>2024-03-07T18:30:00Z</published><author><name>A</name></author>"
      "<content type=\"html\">&lt;p&gt;Body&lt;/p&gt;</content></entry></feed>";
  const std::string nitf =
      "<nitf><head><docdata><doc-id id-string=\"d1\"/><date.issue norm=\"20240305\"/></docdata></head>"
      "<body><body.head><hedline><hl1>H</hl1></hedline><byline>By <person>A B</person></byline></body.head>"
      "<body.content><p>Text by <org>Org</org> in <location>Place</location>.</p><p>Two.</p></body.content>"
      "</body></nitf>";
  const std::string newsml =
      "<newsMessage><itemSet><newsItem guid=\"n1\" version=\"2\"><itemMeta><itemClass qcode=\"ninat:text\"/>"
      "<versionCreated>2024-03-05T10:00:00Z</versionCreated></itemMeta><contentMeta><headline>H</headline>"
      "<language tag=\"en\"/><subject qcode=\"medtop:1\"/></contentMeta><contentSet><inlineXML><nitf><body>"
      "<body.content><p>P.</p></body.content></body></nitf></inlineXML></contentSet></newsItem>"
      "<newsItem guid=\"n2\"><itemMeta><itemClass qcode=\"ninat:picture\"/></itemMeta></newsItem>"
      "</itemSet></newsMessage>";
  const std::string page = "<html><title>P</title><body><p>Page text.</p></body></html>";
  const std::string warc = warc_record("warcinfo", "", "application/warc-fields", "x: y\r\n") +
                           warc_record("response", "https://e.org/a", "application/http", http_html(page)) +
                           warc_record("resource", "https://e.org/b", "text/html", page);
  const std::string warc_gz = gzip_member(warc_record("response", "https://e.org/a", "application/http",
                                                      http_html(gzip_member(page), "Content-Encoding: gzip\r\n"))) +
                              gzip_member(warc_record("resource", "https://e.org/b", "text/html", page));
  return {{"feed.rss", rss},          {"feed.atom", atom},         {"story.nitf", nitf},
          {"items.newsml", newsml},   {"crawl.warc", warc},        {"crawl.warc.gz", warc_gz},
          {"feed.xml.gz", gzip_member(rss)}};
}

std::string mutate(std::string s, std::mt19937& rng) {
  std::uniform_int_distribution<int> op(0, 5), byte(0, 255);
  const int n = 1 + static_cast<int>(rng() % 4);
  for (int i = 0; i < n && !s.empty(); ++i) {
    const std::size_t at = rng() % s.size();
    switch (op(rng)) {
      case 0: s[at] = static_cast<char>(byte(rng)); break;                 // flip a byte
      case 1: s.resize(at); break;                                        // truncate
      case 2: s.insert(at, 1, static_cast<char>(byte(rng))); break;        // insert a byte
      case 3: s.erase(at, 1 + rng() % 16); break;                          // delete a run
      case 4: s.insert(at, s.substr(rng() % s.size(), 1 + rng() % 32)); break;  // duplicate a run
      default: s[at] = "<>&;\"/\r\n0"[rng() % 9]; break;                   // a syntax character
    }
  }
  return s;
}

}  // namespace

TEST_CASE("readers fuzz: mutated WARC, NITF, NewsML-G2, RSS, Atom and .gz bytes never crash", "[fuzz][readers]") {
  std::mt19937 rng(20240305);
  ReaderOptions options;
  options.pages = newsidx::test::test_page_reader;
  options.max_decompressed_bytes = 1 << 20;
  const auto start = std::chrono::steady_clock::now();
  std::size_t articles = 0, warnings = 0, runs = 0;
  for (const Seed& seed : seeds()) {
    // The seed itself reads cleanly: the mutations, not the seeds, make the warnings.
    const ReadResult clean = read_file(seed.name, seed.name, seed.bytes, options);
    INFO(seed.name);
    CHECK_FALSE(clean.articles.empty());
    for (int i = 0; i < 600; ++i) {
      const std::string bytes = mutate(seed.bytes, rng);
      const ReadResult r = read_file(seed.name, seed.name, bytes, options);
      ++runs;
      for (const ReadWarning& w : r.warnings) {
        REQUIRE(w.path == seed.name);
        REQUIRE_FALSE(w.reason.empty());
      }
      for (const newsidx::Article& a : r.articles) {
        REQUIRE_FALSE(a.id.empty());
        REQUIRE(a.body.start <= a.body.end);
        REQUIRE(a.body.end <= a.text.size());
      }
      articles += r.articles.size();
      warnings += r.warnings.size();
    }
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(runs == 4200);
  CHECK(warnings > 0);
  CHECK(articles > 0);
  CHECK(seconds < 10.0);
}
