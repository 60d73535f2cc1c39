// Unit tests: gzip members, whole .gz files, corrupt and oversized input.
#include <catch2/catch.hpp>

#include "indexer/readers/gzip.hpp"
#include "indexer/readers/reader.hpp"
#include "wire_test_util.hpp"

using namespace newsidx::readers;
using newsidx::test::gzip_member;

TEST_CASE("gzip: members are decoded and joined; each member's end is known", "[gzip]") {
  const std::string a = gzip_member("first member\n"), b = gzip_member("second\n");
  const std::string file = a + b;
  CHECK(is_gzip(file));
  CHECK_FALSE(is_gzip("plain text"));
  const GzipMember m = inflate_member(file, 0, 1000);
  CHECK(m.error.empty());
  CHECK(m.data == "first member\n");
  CHECK(m.end == a.size());
  CHECK(next_gzip_member(file, 1) == a.size());
  const Gunzipped all = gunzip(file, 1000);
  CHECK(all.error.empty());
  CHECK(all.data == "first member\nsecond\n");
}

TEST_CASE("gzip: a truncated or corrupt member and a bomb are errors naming the byte", "[gzip]") {
  const std::string good = gzip_member("some text that is long enough to compress\n");
  CHECK(gunzip(good.substr(0, good.size() - 6), 1000).error.find("truncated") != std::string::npos);
  std::string bad = good;
  bad[12] = static_cast<char>(bad[12] ^ 0x55);
  CHECK_FALSE(gunzip(bad, 1000).error.empty());
  const Gunzipped second = gunzip(good + "garbage", 1000);
  CHECK(second.error == "not gzip data at byte " + std::to_string(good.size()));
  const std::string bomb = gzip_member(std::string(1 << 20, 'a'));
  CHECK(bomb.size() < 10000);
  const Gunzipped g = gunzip(bomb, 64 * 1024);
  CHECK(g.error.find("more than 65536 bytes") != std::string::npos);
}

TEST_CASE("gzip: .gz files of every format are read transparently; a gzip bomb is skipped", "[gzip][readers]") {
  CHECK(format_for("feed.jsonl.gz") == Format::kJsonLines);
  CHECK(format_for("a/b.xml.gz") == Format::kXml);
  CHECK(format_for("crawl.warc.gz") == Format::kWarc);
  CHECK(format_for("x.gz") == Format::kUnsupported);
  CHECK(format_for("x.txt.gz.gz") == Format::kUnsupported);
  const std::string jsonl = R"({"id":"g1","title":"Zipped","body":"Harbour workers went on strike."})"
                            "\n";
  ReadResult r = read_file("feed.jsonl.gz", "arch/feed.jsonl.gz", gzip_member(jsonl));
  REQUIRE(r.articles.size() == 1);
  CHECK(r.articles[0].id == "g1");
  CHECK(r.articles[0].body_text() == "Harbour workers went on strike.");

  ReaderOptions small;
  small.max_decompressed_bytes = 1 << 16;
  r = read_file("2024/01/02/bomb.txt.gz", "arch/bomb.txt.gz", gzip_member(std::string(1 << 20, 'a')), small);
  CHECK(r.articles.empty());
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].path == "arch/bomb.txt.gz");
  CHECK(r.warnings[0].reason.find("gzip bomb") != std::string::npos);

  r = read_file("2024/01/02/story.txt.gz", "story.txt.gz", "not gzip at all");
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].reason == "gzip: not gzip data at byte 0");
}
