// Unit tests: files read a slice at a time for the streamed readers.
#include <catch2/catch.hpp>

#include "indexer/file_source.hpp"
#include "indexer/walker.hpp"
#include "test_util.hpp"

using namespace newsidx;

TEST_CASE("file source: a file is read whole in slices, and hashed as content_hash hashes it", "[file_source]") {
  test::TempDir dir;
  std::string content;
  for (int i = 0; i < 300000; ++i) content += static_cast<char>('a' + i % 26);
  test::write_file(dir.path() / "big.warc", content);
  indexer::FileSource file;
  std::string error;
  REQUIRE(file.open(dir.str("big.warc"), error));
  const readers::ByteSource source = file.source();
  std::string read;
  char buf[4096];
  for (std::size_t n; (n = source(buf, sizeof buf)) > 0;) read.append(buf, n);
  CHECK(read == content);
  std::string hash;
  REQUIRE(indexer::hash_file(dir.str("big.warc"), hash, error));
  CHECK(hash == indexer::content_hash(content));
  CHECK_FALSE(indexer::hash_file(dir.str("missing.warc"), hash, error));
  CHECK(error == "No such file or directory");
}
