// Integration: a WARC crawl indexed through the streamed pipeline (with a stand-in HTML reader),
// then searched; re-runs, a changed crawl and a cut member.
#include <catch2/catch.hpp>

#include <sstream>

#include "indexer/run.hpp"
#include "query/searcher.hpp"
#include "test_util.hpp"
#include "unit/wire_test_util.hpp"

using namespace newsidx;
using newsidx::test::TempDir;

namespace {

// `n` HTML pages of about 1 KB of text each, one gzip member per record, with a warcinfo record
// and an image between them; the offsets of the page records come back in `offsets`.
std::string crawl(int first, int n, std::vector<std::size_t>* offsets = nullptr) {
  std::string out = test::gzip_member(test::warc_record("warcinfo", "", "application/warc-fields", "software: t\r\n"));
  const std::string filler(1000, 'y');
  for (int i = first; i < first + n; ++i) {
    const std::string page = "<html><head><title>Harbour page " + std::to_string(i) +
                             "</title></head><body><p>Dock workers on quay " + std::to_string(i) +
                             " walked out. " + filler + "</p></body></html>";
    if (offsets) offsets->push_back(out.size());
    out += test::gzip_member(test::warc_record("response", "https://example.org/p" + std::to_string(i),
                                               "application/http; msgtype=response", test::http_html(page)));
    if (i % 100 == 0)
      out += test::gzip_member(test::warc_record("response", "https://example.org/i.png", "application/http",
                                                 "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\nPNG"));
  }
  return out;
}

indexer::IndexOptions options_for(const TempDir& dir) {
  indexer::IndexOptions o;
  o.db = dir.str("db");
  o.archives = {dir.str("archive")};
  o.jobs = 2;
  o.lock_timeout_s = 0;
  o.page_reader = test::test_page_reader;
  return o;
}

indexer::Summary index(const indexer::IndexOptions& o) {
  std::ostringstream out;
  auto s = indexer::run_index(o, out);
  REQUIRE(s.ok());
  return s.value();
}

query::SearchResult search(const std::string& db, const std::string& text) {
  auto s = query::Searcher::open(db);
  REQUIRE(s.ok());
  query::SearchRequest req;
  req.text = text;
  req.limit = 1000;
  auto r = (*s)->search(req);
  REQUIRE(r.ok());
  return r.value();
}

}  // namespace

TEST_CASE("wire index: a WARC's pages are indexed in chunks, each with its URL id and record offset",
          "[integration][wire]") {
  TempDir dir;
  std::vector<std::size_t> offsets;
  test::write_file(dir.path() / "archive/crawl.warc.gz", crawl(0, 600, &offsets));
  const indexer::IndexOptions o = options_for(dir);
  indexer::Summary s = index(o);
  CHECK(s.added == 600);
  CHECK(s.skipped == 0);
  auto r = search(o.db, "quay 417");
  REQUIRE_FALSE(r.hits.empty());
  const auto& rec = r.hits[0].record;
  CHECK(rec.value("id", std::string()) == "https://example.org/p417");
  CHECK(rec.value("url", std::string()) == "https://example.org/p417");
  CHECK(rec.value("path", std::string()) == dir.str("archive/crawl.warc.gz"));
  CHECK(rec.value("offset", std::size_t{0}) == offsets[417]);
  CHECK(rec.value("date", std::string()).empty());  // the crawl date is not a publication date
  CHECK(search(o.db, "dock").matches_estimated == 600);

  // Unchanged: not read again. Changed (pages gone, pages added): replaced by id, no duplicates.
  s = index(o);
  CHECK(s.files_unchanged == 1);
  CHECK(s.added == 0);
  test::write_file(dir.path() / "archive/crawl.warc.gz", crawl(100, 600));
  s = index(o);
  CHECK(s.added == 100);
  CHECK(s.updated == 500);
  CHECK(s.removed == 100);
  CHECK(search(o.db, "dock").matches_estimated == 600);
}

TEST_CASE("wire index: a cut member in the middle of a crawl costs only its record", "[integration][wire]") {
  TempDir dir;
  std::vector<std::size_t> offsets;
  std::string file = crawl(0, 50, &offsets);
  // Member 20 loses its last 30 bytes; the members after it are intact.
  const std::size_t end20 = offsets[21];
  file.erase(end20 - 30, 30);
  test::write_file(dir.path() / "archive/crawl.warc.gz", file);
  const indexer::IndexOptions o = options_for(dir);
  const indexer::Summary s = index(o);
  CHECK(s.added == 49);
  CHECK(s.skipped == 1);
  CHECK(search(o.db, "quay 21").hits.size() >= 1);
  CHECK(search(o.db, "dock").matches_estimated == 49);
}
