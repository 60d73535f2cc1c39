// Unit tests for the file path an article's record stores (indexer/document_builder) and reads
// back (query/record): absolute, and byte for byte when the name is not UTF-8; and the facets
// the record leaves to their value slots.
#include <catch2/catch.hpp>

#include <filesystem>

#include "common/schema.hpp"
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

TEST_CASE("record facets: person, org and place come from their slots, the rest from the record", "[indexer][query]") {
  // The indexer keeps the linked facets out of the record (the link step rewrites their slots
  // only); the query side puts them back from the slots, as the link step left them.
  Article a;
  a.id = "x";
  a.title = "T";
  a.text = "Body.";
  a.body = {0, a.text.size()};
  Analysis an;
  an.facets.person = {"Blair"};
  an.facets.org = {"Labour"};
  an.facets.country = {"GB"};
  auto rec = nlohmann::json::parse(indexer::article_record(a, an));
  CHECK_FALSE(rec["facets"].contains("person"));
  CHECK_FALSE(rec["facets"].contains("org"));
  CHECK(rec["facets"]["country"] == nlohmann::json::array({"GB"}));
  const auto slots = [](unsigned slot) -> std::string {
    if (slot == schema::slot(schema::Slot::kPerson)) return schema::encode_list({"Tony Blair", "Gordon Brown"});
    if (slot == schema::slot(schema::Slot::kOrg)) return schema::encode_list({"Labour"});
    return "";
  };
  query::add_linked_facets(rec, slots);
  CHECK(rec["facets"]["person"] == nlohmann::json::array({"Tony Blair", "Gordon Brown"}));
  CHECK(rec["facets"]["org"] == nlohmann::json::array({"Labour"}));
  CHECK(rec["facets"]["place"] == nlohmann::json::array());
  CHECK(rec["facets"]["country"] == nlohmann::json::array({"GB"}));
  // A quotation's record has no facets and gets none.
  nlohmann::json quote{{"id", "x#q1"}, {"text", "words"}};
  query::add_linked_facets(quote, slots);
  CHECK(quote == nlohmann::json{{"id", "x#q1"}, {"text", "words"}});
}
