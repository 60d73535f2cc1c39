// --status: the skipped-file record and the text and JSON printed from an archive's status.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "indexer/status.hpp"

using namespace newsidx::indexer;

namespace {

ArchiveStatus sample() {
  ArchiveStatus s;
  s.db = "news.db";
  s.articles = 2225;
  s.quotations = 4120;
  s.files = 2226;
  s.last_run = RunRecord{"2026-12-06T02:30:00Z", "2026-12-06T02:30:07Z", "skipped-input",
                         "2226 files (2225 unchanged), 1 article read, 0 added, 0 updated, 0 removed, 1 skipped"};
  s.skipped = {SkippedFile{"feeds/wire.jsonl", "/srv/news/feeds/wire.jsonl", {"line 3: malformed JSON", "line 9: no body"}}};
  return s;
}

}  // namespace

TEST_CASE("status: a skipped file's record keeps its path and reasons", "[status]") {
  const SkippedFile f{"a/b.jsonl", "/srv/a/b.jsonl", {"line 1: malformed JSON", "cannot read: Permission denied"}};
  CHECK(encode_skipped(f) == "/srv/a/b.jsonl\nline 1: malformed JSON\ncannot read: Permission denied");
  CHECK(decode_skipped("a/b.jsonl", encode_skipped(f)) == f);
  CHECK_FALSE(decode_skipped("a/b.jsonl", "").has_value());
  // A newline inside a reason cannot start a false reason.
  const SkippedFile odd{"x.txt", "x.txt", {"cannot read: x\ny"}};
  CHECK(decode_skipped("x.txt", encode_skipped(odd))->reasons == std::vector<std::string>{"cannot read: x y"});
}

TEST_CASE("status: text names the counts, the last run and each skipped file's reasons", "[status]") {
  CHECK(status_text(sample()) ==
        "news.db: 2225 articles, 4120 quotations, 2226 files\n"
        "last run: started 2026-12-06T02:30:00Z, ended 2026-12-06T02:30:07Z, skipped-input\n"
        "  2226 files (2225 unchanged), 1 article read, 0 added, 0 updated, 0 removed, 1 skipped\n"
        "skipped files: 1 (retried when they change)\n"
        "  /srv/news/feeds/wire.jsonl\n"
        "    line 3: malformed JSON\n"
        "    line 9: no body\n");
  ArchiveStatus killed = sample();
  killed.partition = "year";
  killed.partitions = 3;
  killed.skipped.clear();
  killed.last_run = RunRecord{"2026-12-06T02:30:00Z", "", "running", ""};
  CHECK(status_text(killed) ==
        "news.db: 2225 articles, 4120 quotations, 2226 files (partitioned by year: 3 partitions)\n"
        "last run: started 2026-12-06T02:30:00Z, did not finish (killed, or the machine stopped)\n"
        "skipped files: none\n");
  killed.lock_holder = "pid 42 (newsidx-index)";
  CHECK_THAT(status_text(killed), Catch::Contains("running now (pid 42 (newsidx-index))"));
  killed.last_run.reset();
  CHECK_THAT(status_text(killed), Catch::Contains("last run: none recorded"));
}

TEST_CASE("status: the folders files come from, with their counts, a gone one said so", "[status]") {
  ArchiveStatus s = sample();
  s.skipped.clear();
  s.folders = {{"", 1, true}, {"/srv/bbc/sport", 511, true}, {"/srv/bbc/tech", 401, false}};
  CHECK(status_text(s) ==
        "news.db: 2225 articles, 4120 quotations, 2226 files\n"
        "folders: 3\n"
        "  (files named on the command line): 1 file\n"
        "  /srv/bbc/sport: 511 files\n"
        "  /srv/bbc/tech: 401 files (no longer exists)\n"
        "last run: started 2026-12-06T02:30:00Z, ended 2026-12-06T02:30:07Z, skipped-input\n"
        "  2226 files (2225 unchanged), 1 article read, 0 added, 0 updated, 0 removed, 1 skipped\n"
        "skipped files: none\n");
  auto j = nlohmann::json::parse(status_json(s));
  REQUIRE(j["folders"].size() == 3);
  CHECK(j["folders"][0]["folder"].is_null());
  CHECK(j["folders"][2]["folder"] == "/srv/bbc/tech");
  CHECK(j["folders"][2]["files"] == 401);
  CHECK(j["folders"][2]["exists"] == false);
  CHECK(nlohmann::json::parse(status_json(sample()))["folders"].empty());
}

TEST_CASE("status: JSON carries the same, an unfinished run as such", "[status]") {
  auto j = nlohmann::json::parse(status_json(sample()));
  CHECK(j["newsidx_status"] == 1);
  CHECK(j["articles"] == 2225);
  CHECK(j["quotations"] == 4120);
  CHECK(j["files"] == 2226);
  CHECK(j["partition"] == "none");
  CHECK(j["last_run"]["outcome"] == "skipped-input");
  CHECK(j["last_run"]["end"] == "2026-12-06T02:30:07Z");
  CHECK(j["skipped"][0]["file"] == "feeds/wire.jsonl");
  CHECK(j["skipped"][0]["reasons"].size() == 2);
  ArchiveStatus killed = sample();
  killed.last_run = RunRecord{"2026-12-06T02:30:00Z", "", "running", ""};
  auto k = nlohmann::json::parse(status_json(killed));
  CHECK(k["last_run"]["outcome"] == "unfinished");
  CHECK(k["last_run"]["end"].is_null());
}
