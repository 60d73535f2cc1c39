// Unit tests for indexer/cluster_step: the copies of a story in a small archive in a temp folder
// get one story label, another story none, and the label goes when the copy does.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <xapian.h>

#include "common/article.hpp"
#include "common/schema.hpp"
#include "indexer/cluster_step.hpp"
#include "indexer/document_builder.hpp"
#include "story_texts.hpp"
#include "test_util.hpp"

using namespace newsidx;
using namespace newsidx::indexer;
using newsidx::test::TempDir;

namespace {

// Writes an article of `body` with id `id` as the indexer would, and returns its id term.
std::string add_article(Xapian::WritableDatabase& db, const std::string& id, const std::string& body) {
  Article a;
  a.id = id;
  a.path = id;
  a.text = body;
  a.body = {0, body.size()};
  a.date = "2022-01-19";
  const auto built = build_documents(a, Analysis{}, id);
  db.replace_document(built.article.id_term, built.article.doc);
  return built.article.id_term;
}

// The story label stored on article `id` ("" for none).
std::string label_of(Xapian::Database& db, const std::string& id) {
  const std::string term = schema::id_term(id);
  auto p = db.postlist_begin(term);
  REQUIRE(p != db.postlist_end(term));
  return db.get_document(*p).get_value(schema::slot(schema::Slot::kCluster));
}

}  // namespace

TEST_CASE("cluster step: a copy and its original share one label, another story has none", "[cluster_step]") {
  TempDir tmp;
  std::vector<Xapian::WritableDatabase> shards{Xapian::WritableDatabase(tmp.str("db"), Xapian::DB_CREATE)};
  const std::vector<std::string> written{add_article(shards[0], "wire/harbour.txt", ::test::kHarbourStory),
                                         add_article(shards[0], "paper/harbour.txt",
                                                     ::test::syndicated_copy(::test::kHarbourStory, 0.9)),
                                         add_article(shards[0], "wire/other.txt", ::test::kOtherHarbourStory)};
  shards[0].commit();

  auto out = settle_clusters(shards, written, false, tmp.str("db"));
  REQUIRE(out.ok());
  CHECK(out->stories == 1);
  CHECK(out->joined == 1);      // the copy joined the original's story
  CHECK(out->relabelled == 2);  // both got the label
  shards[0].commit();
  {
    Xapian::Database db(tmp.str("db"));
    CHECK_FALSE(label_of(db, "wire/harbour.txt").empty());
    CHECK(label_of(db, "paper/harbour.txt") == label_of(db, "wire/harbour.txt"));
    CHECK(label_of(db, "wire/other.txt").empty());
  }

  // Settling a settled archive again changes nothing.
  auto again = settle_clusters(shards, {}, true, tmp.str("db"));
  REQUIRE(again.ok());
  CHECK(again->relabelled == 0);
  CHECK(again->stories == 1);

  // The copy deleted: its original is alone again, and loses the label.
  shards[0].delete_document(schema::id_term("paper/harbour.txt"));
  shards[0].commit();
  auto split = settle_clusters(shards, {}, false, tmp.str("db"));
  REQUIRE(split.ok());
  CHECK(split->relabelled == 1);
  CHECK(split->stories == 0);
  shards[0].commit();
  Xapian::Database db(tmp.str("db"));
  CHECK(label_of(db, "wire/harbour.txt").empty());
}

TEST_CASE("cluster step: copies in two partitions are found and labelled in their own partition", "[cluster_step]") {
  TempDir tmp;
  std::vector<Xapian::WritableDatabase> shards{Xapian::WritableDatabase(tmp.str("2021"), Xapian::DB_CREATE),
                                               Xapian::WritableDatabase(tmp.str("2022"), Xapian::DB_CREATE)};
  add_article(shards[0], "wire/other.txt", ::test::kOtherHarbourStory);
  add_article(shards[0], "wire/harbour.txt", ::test::kHarbourStory);
  const std::string copy =
      add_article(shards[1], "paper/harbour.txt", ::test::syndicated_copy(::test::kHarbourStory, 0.8));
  for (auto& s : shards) s.commit();

  auto out = settle_clusters(shards, {copy}, false, "archive");
  REQUIRE(out.ok());
  CHECK(out->joined == 1);
  CHECK(out->stories == 1);
  for (auto& s : shards) s.commit();
  Xapian::Database first(tmp.str("2021")), second(tmp.str("2022"));
  CHECK_FALSE(label_of(first, "wire/harbour.txt").empty());
  CHECK(label_of(second, "paper/harbour.txt") == label_of(first, "wire/harbour.txt"));
  CHECK(label_of(first, "wire/other.txt").empty());
}

TEST_CASE("cluster step: an archive of no databases settles nothing", "[cluster_step]") {
  std::vector<Xapian::WritableDatabase> none;
  auto out = settle_clusters(none, {"Qx"}, true, "archive");
  REQUIRE(out.ok());
  CHECK(out->stories == 0);
  CHECK(out->relabelled == 0);
}
