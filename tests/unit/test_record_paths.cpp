// Unit tests for the file path an article's record stores (indexer/document_builder) and reads
// back (query/record): absolute, and byte for byte when the name is not UTF-8.
#include <catch2/catch.hpp>

#include <filesystem>

#include "indexer/document_builder.hpp"
#include "query/record.hpp"
#include "test_util.hpp"

using namespace newsidx;
namespace fs = std::filesystem;

namespace {
nlohmann::json record_for(const std::string& path) {
  Article a;
  a.id = "x";
  a.path = path;
  a.title = "T";
  a.text = "Body.";
  a.body = {0, a.text.size()};
  return nlohmann::json::parse(indexer::article_record(a, Analysis{}));
}
}  // namespace

TEST_CASE("record paths: stored absolute, folders resolved, the file name kept", "[indexer][query]") {
  test::TempDir dir;
  fs::create_directories(dir.path() / "real/sub");
  fs::create_symlink(dir.path() / "real", dir.path() / "link");
  const std::string base = fs::canonical(dir.path()).string();
  CHECK(indexer::absolute_path(dir.str("link/sub/../a.txt")) == base + "/real/a.txt");
  CHECK(indexer::absolute_path(dir.str("real/sub/b.txt")) == base + "/real/sub/b.txt");
  // Relative paths are taken from the working folder, as the indexer was given them.
  CHECK(indexer::absolute_path("c.txt") == (fs::canonical(fs::current_path()) / "c.txt").string());

  auto rec = record_for(dir.str("real/sub/b.txt"));
  CHECK(rec["path"] == base + "/real/sub/b.txt");
  CHECK_FALSE(rec.contains("path_hex"));
  CHECK(query::stored_path(rec) == base + "/real/sub/b.txt");
}

TEST_CASE("record paths: a name that is not UTF-8 reads back byte for byte", "[indexer][query]") {
  auto rec = record_for("/srv/news/caf\xE9.txt");
  CHECK(rec["path"] == "/srv/news/caf\xEF\xBF\xBD.txt");  // JSON replaces the byte ...
  CHECK(rec["path_hex"] == "2f7372762f6e6577732f636166e92e747874");
  CHECK(query::stored_path(rec) == "/srv/news/caf\xE9.txt");  // ... the query tool has it all
  CHECK(query::stored_path(nlohmann::json{{"path", "/a"}, {"path_hex", "zz"}}) == "/a");
  CHECK(query::stored_path(nlohmann::json::object()).empty());
}
