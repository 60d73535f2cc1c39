// Unit tests for indexer/link_step: linking the names of a small archive in a temp folder, and
// what the rewritten articles then carry (facet terms, value slots, the stored record).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "common/aliases.hpp"
#include "common/schema.hpp"
#include "indexer/entities/linking.hpp"
#include "indexer/link_step.hpp"
#include "test_util.hpp"

using namespace newsidx;
using namespace newsidx::indexer;
using newsidx::test::TempDir;

namespace {

// An article as the indexer stores it: its own person names, and stored values equal to them
// (what a run writes before linking).
void add_article(Xapian::WritableDatabase& db, const std::string& id, const std::vector<std::string>& person) {
  Xapian::Document doc;
  doc.add_boolean_term("Q" + id);
  for (const auto& p : person) doc.add_boolean_term(schema::value_term("person", p));
  doc.add_value(schema::slot(schema::Slot::kDate), "20050506");
  doc.add_value(schema::slot(schema::Slot::kOwnNames), entities::encode_own_names(person, {}, {}));
  doc.add_value(schema::slot(schema::Slot::kPerson), schema::encode_list(person));
  // As the indexer writes it since schema 8: the linked facets are not in the record.
  nlohmann::json rec{{"id", id}, {"facets", {{"country", nlohmann::json::array()}}}};
  doc.set_data(rec.dump());
  db.replace_document("Q" + id, doc);
}

Xapian::Document article(Xapian::Database& db, const std::string& id) {
  Xapian::PostingIterator p = db.postlist_begin("Q" + id);
  REQUIRE(p != db.postlist_end("Q" + id));
  return db.get_document(*p);
}

// One article naming "Tony Blair" and 600 naming only "Blair", committed.
std::vector<Xapian::WritableDatabase> full_name_and_600_surnames(TempDir& tmp) {
  std::vector<Xapian::WritableDatabase> shards{Xapian::WritableDatabase(tmp.str("db"), Xapian::DB_CREATE)};
  add_article(shards[0], "full", {"Tony Blair"});
  for (int i = 0; i < 600; ++i) add_article(shards[0], "short" + std::to_string(i), {"Blair"});
  shards[0].commit();
  return shards;
}

}  // namespace

TEST_CASE("link step: a surname becomes the archive's full name in terms and slot, the record untouched", "[link_step]") {
  TempDir tmp;
  std::vector<Xapian::WritableDatabase> shards{Xapian::WritableDatabase(tmp.str("db"), Xapian::DB_CREATE)};
  add_article(shards[0], "short", {"Blair"});
  add_article(shards[0], "full", {"Tony Blair", "Gordon Brown"});
  add_article(shards[0], "none", {});
  shards[0].commit();

  const aliases::Table no_aliases;
  auto out = link_archive(shards, no_aliases, tmp.str("db"));
  REQUIRE(out.ok());
  CHECK(out->articles == 3);
  CHECK(out->relinked == 1);  // only "short" changes
  shards[0].commit();

  Xapian::Database db(tmp.str("db"));
  Xapian::Document doc = article(db, "short");
  CHECK(schema::decode_list(doc.get_value(schema::slot(schema::Slot::kPerson))) ==
        std::vector<std::string>{"Tony Blair"});
  CHECK(db.get_termfreq(schema::value_term("person", "Tony Blair")) == 2);
  CHECK(db.get_termfreq(schema::value_term("person", "Blair")) == 0);
  // The record is left as it was written (rewriting it doubled the records' part of the file).
  auto rec = nlohmann::json::parse(doc.get_data());
  CHECK(rec == nlohmann::json{{"id", "short"}, {"facets", {{"country", nlohmann::json::array()}}}});
  // The article's own names stay as written: a later run links from them again.
  CHECK(entities::decode_own_names(doc.get_value(schema::slot(schema::Slot::kOwnNames))).person ==
        std::vector<std::string>{"Blair"});
}

TEST_CASE("link step: a new spelling of the same name changes the slot, keeps terms and positions", "[link_step]") {
  TempDir tmp;
  std::vector<Xapian::WritableDatabase> shards{Xapian::WritableDatabase(tmp.str("db"), Xapian::DB_CREATE)};
  add_article(shards[0], "caps", {"TONY BLAIR"});
  add_article(shards[0], "a", {"Tony Blair"});
  add_article(shards[0], "b", {"Tony Blair"});
  {
    // The caps article's text, with positions: the rewrite must not lose them.
    Xapian::Document doc = article(shards[0], "caps");
    doc.add_posting("prime", 1);
    doc.add_posting("minister", 2);
    shards[0].replace_document("Qcaps", doc);
  }
  shards[0].commit();
  const aliases::Table no_aliases;
  auto out = link_archive(shards, no_aliases, "db");
  REQUIRE(out.ok());
  CHECK(out->relinked == 1);  // the archive's spelling is the one most articles use
  shards[0].commit();

  Xapian::Database db(tmp.str("db"));
  Xapian::Document doc = article(db, "caps");
  CHECK(schema::decode_list(doc.get_value(schema::slot(schema::Slot::kPerson))) ==
        std::vector<std::string>{"Tony Blair"});
  CHECK(db.get_termfreq(schema::value_term("person", "Tony Blair")) == 3);
  std::vector<Xapian::termpos> positions;
  for (auto p = db.positionlist_begin(doc.get_docid(), "minister"); p != db.positionlist_end(doc.get_docid(), "minister"); ++p)
    positions.push_back(*p);
  CHECK(positions == std::vector<Xapian::termpos>{2});
  CHECK(db.get_termfreq("prime") == 1);
}

TEST_CASE("link step: linking a linked archive again changes nothing", "[link_step]") {
  TempDir tmp;
  std::vector<Xapian::WritableDatabase> shards{Xapian::WritableDatabase(tmp.str("db"), Xapian::DB_CREATE)};
  add_article(shards[0], "short", {"Blair"});
  add_article(shards[0], "full", {"Tony Blair"});
  shards[0].commit();
  const aliases::Table no_aliases;
  REQUIRE(link_archive(shards, no_aliases, "db").ok());
  shards[0].commit();
  auto again = link_archive(shards, no_aliases, "db");
  REQUIRE(again.ok());
  CHECK(again->articles == 2);
  CHECK(again->relinked == 0);
}

TEST_CASE("link step: the names of every partition link together", "[link_step]") {
  TempDir tmp;
  std::vector<Xapian::WritableDatabase> shards{Xapian::WritableDatabase(tmp.str("2005"), Xapian::DB_CREATE),
                                               Xapian::WritableDatabase(tmp.str("2006"), Xapian::DB_CREATE)};
  add_article(shards[0], "full", {"Tony Blair"});
  add_article(shards[1], "short", {"Blair"});
  for (auto& s : shards) s.commit();
  const aliases::Table no_aliases;
  auto out = link_archive(shards, no_aliases, "archive");
  REQUIRE(out.ok());
  CHECK(out->articles == 2);
  CHECK(out->relinked == 1);
  shards[1].commit();
  Xapian::Database second(tmp.str("2006"));
  CHECK(schema::decode_list(article(second, "short").get_value(schema::slot(schema::Slot::kPerson))) ==
        std::vector<std::string>{"Tony Blair"});
}

TEST_CASE("link step: many rewrites are committed as they go, in document order", "[link_step]") {
  // One commit for the whole step wrote every rewritten document's blocks twice over (the file
  // grew by the value streams' and term lists' size); the step has the writer commit every few
  // hundred (in a run, the writer's commit: its batches are transactions).
  TempDir tmp;
  auto shards = full_name_and_600_surnames(tmp);
  const aliases::Table no_aliases;
  std::size_t checkpoints = 0;
  auto out = link_archive(shards, no_aliases, tmp.str("db"), [&]() -> Status {
    ++checkpoints;
    shards[0].commit();
    return Ok{};
  });
  REQUIRE(out.ok());
  CHECK(out->relinked == 600);
  CHECK(checkpoints == 2);
  // Before the run's own commit, a reader already sees the rewrites of the committed slices.
  Xapian::Database seen(tmp.str("db"));
  const auto linked = seen.get_termfreq(schema::value_term("person", "Tony Blair"));
  CHECK(linked > 1);
  CHECK(linked < 601);
  shards[0].commit();
  Xapian::Database after(tmp.str("db"));
  CHECK(after.get_termfreq(schema::value_term("person", "Tony Blair")) == 601);
  CHECK(after.get_termfreq(schema::value_term("person", "Blair")) == 0);
}

TEST_CASE("link step: a commit that fails stops the step with its error", "[link_step]") {
  TempDir tmp;
  auto shards = full_name_and_600_surnames(tmp);
  const aliases::Table no_aliases;
  std::size_t checkpoints = 0;
  auto out = link_archive(shards, no_aliases, tmp.str("db"), [&]() -> Status {
    ++checkpoints;
    return Error{ErrorCode::kDatabase, "db: disk full", ""};
  });
  REQUIRE_FALSE(out.ok());
  CHECK(out.error().message == "db: disk full");
  CHECK(checkpoints == 1);
}
