// Integration: index a small corpus written to a temp folder, then query it through the
// Searcher (phrases, booleans, stemming, ranking, re-indexing, bad input).
#include <catch2/catch.hpp>

#include <sstream>

#include <nlohmann/json.hpp>

#include "common/schema.hpp"
#include "common/xapian_db.hpp"
#include "indexer/run.hpp"
#include "query/searcher.hpp"
#include "test_util.hpp"

using namespace newsidx;
using newsidx::test::TempDir;
using newsidx::test::write_file;

namespace {

void write_corpus(const TempDir& dir) {
  write_file(dir.path() / "archive/politics/2021/03/04/budget.txt",
             "Chancellor unveils spring budget\n\nLONDON — The chancellor set out tax rises on "
             "Wednesday in a budget that opposition leaders called a gamble with the recovery.\n\n"
             "Economists said the elections next year would test the plan.\n");
  write_file(dir.path() / "archive/politics/2021/03/05/election.txt",
             "Opposition prepares for general election\n\nThe opposition party began its campaign "
             "for the election, promising to reverse the tax rises.\n");
  write_file(dir.path() / "archive/sport/2021-03-06-final.txt",
             "City win the cup final\n\nCity beat United two goals to one in the cup final at "
             "Wembley. The manager praised the tax-free bonus scheme as a joke.\n");
  write_file(dir.path() / "archive/feeds/wire.jsonl",
             R"({"id":"wire-1","title":"Harbour workers strike","date":"2021-03-07","body":"Dock workers at the harbour walked out over pay on Sunday.","source":"Wire"})"
             "\n"
             R"({"id":"wire-2","title":"Broken record" "body":)"
             "\n"
             R"({"id":"wire-3","headline":"Storm closes harbour","published":"Mon, 08 Mar 2021 09:00:00 +0000","text":"A winter storm closed the harbour to shipping.","source":"Wire"})"
             "\n");
  write_file(dir.path() / "archive/empty.txt", "");
  write_file(dir.path() / "archive/binary.txt", std::string("\x7f" "ELF\0\0\0\x01\x02\x03", 10));
}

indexer::IndexOptions options_for(const TempDir& dir) {
  indexer::IndexOptions o;
  o.db = dir.str("db");
  o.archives = {dir.str("archive")};
  o.jobs = 2;
  o.lock_timeout_s = 0;
  return o;
}

indexer::Summary index(const indexer::IndexOptions& o) {
  std::ostringstream out;
  auto s = indexer::run_index(o, out);
  REQUIRE(s.ok());
  return s.value();
}

// An id made from a path is the file's absolute path: shown from the archive folder on.
std::string rel_id(const std::string& id) {
  const auto at = id.find("/archive/");
  return at == std::string::npos ? id : id.substr(at + 9);
}

std::vector<std::string> ids(const query::SearchResult& r) {
  std::vector<std::string> out;
  for (const auto& h : r.hits) out.push_back(rel_id(h.record.value("id", std::string())));
  return out;
}

query::SearchResult search(const std::string& db, const std::string& text, bool any = false) {
  auto s = query::Searcher::open(db);
  REQUIRE(s.ok());
  query::SearchRequest req;
  req.text = text;
  req.any = any;
  auto r = (*s)->search(req);
  REQUIRE(r.ok());
  return r.value();
}

}  // namespace

TEST_CASE("index: a small archive is indexed and bad input is skipped and counted", "[integration]") {
  TempDir dir;
  write_corpus(dir);
  auto s = index(options_for(dir));
  CHECK(s.added == 5);            // three texts, two good JSON lines
  CHECK(s.skipped == 3);          // malformed JSON line, empty file, binary file
  CHECK(s.updated == 0);

  SECTION("phrase queries match only the exact sequence") {
    CHECK(ids(search(dir.str("db"), "\"cup final\"")) == std::vector<std::string>{"sport/2021-03-06-final.txt"});
    CHECK(search(dir.str("db"), "\"final cup\"").hits.empty());
  }
  SECTION("stemming: 'elections' finds 'election' and both budget and opposition articles") {
    auto r = search(dir.str("db"), "elections");
    CHECK(r.hits.size() == 2);
  }
  SECTION("the headline outranks the body") {
    auto r = search(dir.str("db"), "election");
    REQUIRE(r.hits.size() == 2);
    CHECK(rel_id(r.hits[0].record["id"].get<std::string>()) == "politics/2021/03/05/election.txt");
  }
  SECTION("boolean operators and field prefixes") {
    CHECK(ids(search(dir.str("db"), "tax NOT opposition")) == std::vector<std::string>{"sport/2021-03-06-final.txt"});
    CHECK(search(dir.str("db"), "harbour AND strike").hits.size() == 1);
    CHECK(search(dir.str("db"), "harbour OR wembley").hits.size() == 3);
    CHECK(ids(search(dir.str("db"), "title:storm")) == std::vector<std::string>{"wire-3"});
    CHECK(search(dir.str("db"), "section:politics").hits.size() == 2);
  }
  SECTION("dates come from paths and JSON fields") {
    auto r = search(dir.str("db"), "harbour");
    REQUIRE(r.hits.size() == 2);
    for (const auto& h : r.hits) {
      if (h.record["id"] == "wire-3") CHECK(h.record["date"] == "2021-03-08");
      else CHECK(h.record["date"] == "2021-03-07");
    }
    auto b = search(dir.str("db"), "budget");
    REQUIRE(b.hits.size() == 1);
    CHECK(b.hits[0].record["date"] == "2021-03-04");
    CHECK(b.hits[0].record["dateline"] == "LONDON");
  }
  SECTION("snippets highlight the matched words") {
    auto r = search(dir.str("db"), "workers");
    REQUIRE(r.hits.size() == 1);
    CHECK(r.hits[0].snippet.find(std::string(1, query::kHighlightStart) + "workers") != std::string::npos);
  }
}

TEST_CASE("index: re-indexing the same archive leaves the same documents", "[integration]") {
  TempDir dir;
  write_corpus(dir);
  auto o = options_for(dir);
  index(o);
  auto again = index(o);
  CHECK(again.added == 0);
  CHECK(again.updated == 0);
  CHECK(again.files_unchanged == again.files);
  auto db = xapian_db::open_read(o.db);
  REQUIRE(db.ok());
  CHECK(db->get_termfreq(schema::type_term(schema::kTypeArticle)) == 5);

  SECTION("a touched file with the same content is not re-indexed") {
    write_file(dir.path() / "archive/sport/2021-03-06-final.txt",
               test::read_file(dir.path() / "archive/sport/2021-03-06-final.txt"));
    auto s = index(o);
    CHECK(s.updated == 0);
    CHECK(s.added == 0);
  }
  SECTION("a changed file is re-indexed, a removed one pruned, a renamed one not duplicated") {
    write_file(dir.path() / "archive/sport/2021-03-06-final.txt",
               "City win the cup final\n\nA replay was ordered after floodlights failed.\n");
    std::filesystem::remove(dir.path() / "archive/politics/2021/03/04/budget.txt");
    std::filesystem::rename(dir.path() / "archive/politics/2021/03/05/election.txt",
                            dir.path() / "archive/politics/2021/03/05/election-campaign.txt");
    auto s = index(o);
    CHECK(s.updated == 1);
    CHECK(s.added == 1);      // the renamed file under its new id
    CHECK(s.removed == 2);    // the deleted file and the renamed file's old id
    CHECK(search(o.db, "floodlights").hits.size() == 1);
    CHECK(search(o.db, "wembley").hits.empty());
    CHECK(search(o.db, "election").hits.size() == 1);
  }
  SECTION("a JSON Lines record dropped from its file is removed, the others kept") {
    write_file(dir.path() / "archive/feeds/wire.jsonl",
               R"({"id":"wire-3","headline":"Storm closes harbour","date":"2021-03-08","text":"A winter storm closed the harbour to shipping."})"
               "\n");
    auto s = index(o);
    CHECK(s.removed == 1);
    CHECK(s.updated == 1);
    CHECK(ids(search(o.db, "harbour")) == std::vector<std::string>{"wire-3"});
  }
}

TEST_CASE("index: an oversized article is skipped with the rest indexed", "[integration]") {
  TempDir dir;
  write_file(dir.path() / "archive/big.txt", "Big\n\n" + std::string(5000, 'x') + "\n");
  write_file(dir.path() / "archive/small.txt", "Small\n\nA short story.\n");
  auto o = options_for(dir);
  o.max_article_bytes = 1000;
  auto s = index(o);
  CHECK(s.added == 1);
  CHECK(s.skipped == 1);
}

TEST_CASE("index: a database of another schema version is refused with a hint", "[integration]") {
  TempDir dir;
  {
    Xapian::WritableDatabase db(dir.str("db"), Xapian::DB_CREATE);
    db.set_metadata(std::string(schema::kSchemaKey), "999");
    db.add_document(Xapian::Document());
    db.commit();
  }
  auto r = xapian_db::open_read(dir.str("db"));
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == ErrorCode::kSchemaMismatch);
  CHECK(r.error().hint.find("--rebuild") != std::string::npos);
  auto w = xapian_db::open_write(dir.str("db"), 0);
  REQUIRE_FALSE(w.ok());
  CHECK(w.error().code == ErrorCode::kSchemaMismatch);
}

TEST_CASE("index: a database of schema version 1 (before web pages' lang) is refused with --rebuild", "[integration]") {
  TempDir dir;
  {
    Xapian::WritableDatabase db(dir.str("db"), Xapian::DB_CREATE);
    db.set_metadata(std::string(schema::kSchemaKey), "1");
    db.add_document(Xapian::Document());
    db.commit();
  }
  auto w = xapian_db::open_write(dir.str("db"), 0);
  REQUIRE_FALSE(w.ok());
  CHECK(w.error().code == ErrorCode::kSchemaMismatch);
  CHECK(w.error().message.find("schema version 1") != std::string::npos);
  CHECK(w.error().hint.find("--rebuild") != std::string::npos);
}

TEST_CASE("index: a web page's language is in its record and a lang term, pages with no article count apart", "[integration]") {
  TempDir dir;
  write_file(dir.path() / "archive/greve.html",
             "<html lang=\"fr-FR\"><head><title>Grève au port</title></head><body><article><p>Les dockers du port "
             "du nord ont cessé le travail mardi, laissant les grues immobiles et plus de quarante navires au "
             "mouillage, selon les syndicats du port et les agents maritimes de la ville.</p><p>La grève, la "
             "première depuis onze ans, fait suite à des mois de négociations sur les équipes de nuit que "
             "l'opérateur veut allonger sans payer davantage.</p></article></body></html>");
  write_file(dir.path() / "archive/gallery.html", "<html><body><img src=a.jpg><img src=b.jpg></body></html>");
  const auto s = index(options_for(dir));
  CHECK(s.added == 1);
  CHECK(s.not_articles == 1);
  CHECK(s.skipped == 0);
  CHECK(indexer::summary_exit_code(s) == 0);
  Xapian::Database db(dir.str("db"));
  Xapian::PostingIterator p = db.postlist_begin(schema::filter_term("lang", "fr"));
  REQUIRE(p != db.postlist_end(schema::filter_term("lang", "fr")));
  const auto record = nlohmann::json::parse(db.get_document(*p).get_data());
  CHECK(record["lang"] == "fr-fr");
  CHECK(rel_id(record["id"].get<std::string>()) == "greve.html");
}
