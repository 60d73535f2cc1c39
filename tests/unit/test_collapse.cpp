// Unit tests for query/collapse: story counts in the match, copies of the hits shown, one
// document per key (over an in-memory database: no files).
#include <catch2/catch.hpp>

#include <xapian.h>

#include "common/schema.hpp"
#include "query/collapse.hpp"

using namespace newsidx;

namespace {

// Articles "a".."f": a, b and c are one story (label "a"), d and e another ("d"), f is alone.
Xapian::WritableDatabase archive() {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const Xapian::valueno slot = query::collapse_slot(false);
  for (const auto& [id, label] : std::vector<std::pair<std::string, std::string>>{
           {"a", "a"}, {"b", "a"}, {"c", "a"}, {"d", "d"}, {"e", "d"}, {"f", ""}}) {
    Xapian::Document doc;
    doc.add_boolean_term("word");
    doc.add_boolean_term(schema::id_term(id));
    if (!label.empty()) doc.add_value(slot, label);
    db.add_document(doc);
  }
  return db;
}

}  // namespace

TEST_CASE("collapse: the story count of a match counts each story once and each article alone", "[collapse]") {
  auto db = archive();
  const Xapian::valueno slot = query::collapse_slot(false);
  query::StoryCountSpy spy(slot);
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query("word"));
  enquire.set_collapse_key(slot);
  enquire.add_matchspy(&spy);
  const Xapian::MSet m = enquire.get_mset(0, 1, 100);
  CHECK(m.size() == 1);
  CHECK(spy.seen() == 6);
  CHECK(spy.stories() == 3);
}

TEST_CASE("collapse: the copies beside each hit are the other articles of its story", "[collapse]") {
  auto db = archive();
  const auto copies = query::other_copies(db, query::collapse_slot(false), {"a", "d", "", "zz"});
  CHECK(copies.at("a") == 2);
  CHECK(copies.at("d") == 1);
  CHECK(copies.at("zz") == 0);
  CHECK(copies.count("") == 0);
  CHECK(query::one_per_key(db, query::collapse_slot(false), {1, 2, 3, 4, 5, 6}) ==
        std::vector<Xapian::docid>{1, 4, 6});
}
