// Integration tests for the id rule (issue 15 item 2): an id is the article's identity; where
// several places carry it the last in walk order is the article, a repeat is a warning, and the
// article goes only with its last holder. Long ids and paths stay distinct past Xapian's limit.
#include <catch2/catch.hpp>

#include <sstream>

#include <fmt/format.h>
#include <xapian.h>

#include "nightly_util.hpp"
#include "query/searcher.hpp"

using namespace newsidx;
using namespace newsidx::test;
namespace fs = std::filesystem;

namespace {

// The stored records of the articles whose id is `id` (0, 1 or more documents).
std::vector<std::string> records_of(const std::string& db_path, const std::string& id) {
  Xapian::Database db(db_path);
  std::vector<std::string> out;
  const std::string term = schema::id_term(id);
  for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) out.push_back(db.get_document(*p).get_data());
  return out;
}

std::size_t articles(const std::string& db_path) {
  return Xapian::Database(db_path).get_termfreq(schema::type_term(schema::kTypeArticle));
}

}  // namespace

TEST_CASE("ids: two long URLs that differ after 240 bytes are two articles, unchanged on the next run", "[integration][ids]") {
  TempDir dir;
  const std::string url = "https://news.example.test/" + std::string(300, 'x');
  const std::string dir_name(200, 'd');
  write_file(dir.path() / "archive/feed.jsonl",
             fmt::format("{{\"id\":\"{}/first\",\"body\":\"The first story.\"}}\n{{\"id\":\"{}/second\",\"body\":\"The second story.\"}}\n", url, url));
  // Two paths longer than a term, differing at their end: two files, two articles.
  write_file(dir.path() / ("archive/" + dir_name + "/" + std::string(60, 'p') + "-one.txt"), "One\n\nThe first file.\n");
  write_file(dir.path() / ("archive/" + dir_name + "/" + std::string(60, 'p') + "-two.txt"), "Two\n\nThe second file.\n");
  auto o = nightly_options(dir.str("db"), dir.str("archive"));
  auto s = run_ok(o);
  CHECK(s.added == 4);
  CHECK(s.updated == 0);
  CHECK(articles(o.db) == 4);
  CHECK(records_of(o.db, url + "/first").size() == 1);
  CHECK(records_of(o.db, url + "/second").size() == 1);
  auto again = run_ok(o);
  CHECK(again.files_unchanged == 3);  // file states of long paths are distinct too
  CHECK(again.articles_read == 0);
}

TEST_CASE("ids: the same id in two feeds is the later feed's article; deleting that feed brings back the first's", "[integration][ids]") {
  TempDir dir;
  write_file(dir.path() / "archive/a.jsonl", R"({"id":"story-1","title":"From feed A","body":"Harbour news as feed A tells it."})" "\n");
  write_file(dir.path() / "archive/b.jsonl", R"({"id":"story-1","title":"From feed B","body":"Harbour news as feed B tells it."})" "\n");
  auto o = nightly_options(dir.str("db"), dir.str("archive"));
  auto s = run_ok(o);
  CHECK(s.articles_read == 2);
  auto recs = records_of(o.db, "story-1");
  REQUIRE(recs.size() == 1);
  CHECK_THAT(recs[0], Catch::Contains("From feed B"));  // the last in walk order
  fs::remove(dir.path() / "archive/b.jsonl");
  auto after = run_ok(o);
  CHECK(after.removed == 0);
  recs = records_of(o.db, "story-1");
  REQUIRE(recs.size() == 1);  // feed A still holds it: not deleted
  CHECK_THAT(recs[0], Catch::Contains("From feed A"));  // and it comes back from feed A
  // Feed A's own changes now reach it; deleting A, the last holder, removes it.
  write_file(dir.path() / "archive/a.jsonl", R"({"id":"story-1","title":"From feed A, corrected","body":"Harbour news, corrected."})" "\n");
  run_ok(o);
  CHECK_THAT(records_of(o.db, "story-1").at(0), Catch::Contains("corrected"));
  fs::remove(dir.path() / "archive/a.jsonl");
  CHECK(run_ok(o).removed == 1);
  CHECK(records_of(o.db, "story-1").empty());
}

TEST_CASE("ids: an earlier feed changing does not displace a later feed's article", "[integration][ids]") {
  TempDir dir;
  write_file(dir.path() / "archive/a.jsonl", R"({"id":"story-1","title":"From feed A","body":"Feed A."})" "\n");
  write_file(dir.path() / "archive/b.jsonl", R"({"id":"story-1","title":"From feed B","body":"Feed B."})" "\n");
  auto o = nightly_options(dir.str("db"), dir.str("archive"));
  run_ok(o);
  write_file(dir.path() / "archive/a.jsonl", R"({"id":"story-1","title":"From feed A again","body":"Feed A, later."})" "\n");
  run_ok(o);
  CHECK_THAT(records_of(o.db, "story-1").at(0), Catch::Contains("From feed B"));
  CHECK(contents(o.db) == [&] {
    auto clean = nightly_options(dir.str("clean"), dir.str("archive"));
    run_ok(clean);
    return contents(clean.db);
  }());
}

TEST_CASE("ids: a feed with three records of one id stores the last, with a notice", "[integration][ids]") {
  TempDir dir;
  write_file(dir.path() / "archive/feed.jsonl",
             R"({"id":"t","title":"One","body":"The first version."})" "\n"
             R"({"id":"t","title":"Two","body":"The second version."})" "\n"
             R"({"id":"t","title":"Three","body":"The third version."})" "\n"
             R"({"id":"u","title":"Other","body":"Another story."})" "\n");
  auto o = nightly_options(dir.str("db"), dir.str("archive"));
  auto s = run_ok(o);
  CHECK(s.added == 2);
  CHECK(s.updated == 0);
  CHECK(s.skipped == 0);  // a notice, not a skip
  auto recs = records_of(o.db, "t");
  REQUIRE(recs.size() == 1);
  CHECK_THAT(recs[0], Catch::Contains("The third version"));
}

TEST_CASE("ids: an .sgm with two stories of one NEWID stores the later story", "[integration][ids]") {
  TempDir dir;
  const auto story = [](const std::string& title, const std::string& body) {
    return "<REUTERS TOPICS=\"NO\" NEWID=\"7\">\n<DATE> 2-MAR-1987 11:04:12.00</DATE>\n<TEXT>\n<TITLE>" + title +
           "</TITLE>\n<BODY>" + body + "\n Reuter\n</BODY></TEXT>\n</REUTERS>\n";
  };
  write_file(dir.path() / "archive/wire.sgm",
             "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n" + story("FIRST STORY", "Wheat exports rose.") +
                 story("SECOND STORY", "Wheat exports fell."));
  auto o = nightly_options(dir.str("db"), dir.str("archive"));
  auto s = run_ok(o);
  CHECK(s.added == 1);
  CHECK(s.updated == 0);  // one story read, not one added and then replaced
  auto recs = records_of(o.db, "wire.sgm#7");
  REQUIRE(recs.size() == 1);
  CHECK_THAT(recs[0], Catch::Contains("SECOND STORY"));
}
