// CLI tests for scripts/make-warc.py, the WARC benchmark's input: the WARC it writes from pages
// the test writes is read by the real newsidx-index with no warning, and its repeats are
// distinct articles.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "test_util.hpp"
#include "unit/html_test_pages.hpp"

using namespace newsidx::test;

namespace {

const std::string kIndex = NEWSIDX_INDEX_BIN;
const std::string kMakeWarc = std::string(NEWSIDX_SOURCE_DIR) + "/scripts/make-warc.py";

std::string second_page() {
  std::string page = "<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Night shifts at the port</title></head>"
                     "<body><article><h1>Night shifts at the port</h1>";
  for (const char* p : kHarbourParagraphs) page += std::string("<p>") + p + "</p>";
  return page + "</article></body></html>";
}

// The records newsidx-index --extract-only reads from `warc`, and its standard error.
std::pair<std::vector<nlohmann::json>, std::string> extract(const TempDir& dir, const std::string& warc) {
  const auto r = run_command(kIndex + " --config /dev/null --extract-only --no-entities " + sh_quote(dir.str(warc)) +
                             " 2>" + sh_quote(dir.str("err.txt")));
  REQUIRE(r.status == 0);
  std::vector<nlohmann::json> records;
  std::istringstream in(r.out);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) records.push_back(nlohmann::json::parse(line));
  return {records, read_file(dir.path() / "err.txt")};
}

}  // namespace

TEST_CASE("cli make-warc: the record-gzipped WARC it writes is read whole, without a warning", "[cli][warc]") {
  if (run_command("python3 --version").status != 0) {
    WARN("python3 is absent: scripts/make-warc.py not tested");
    return;
  }
  TempDir dir;
  write_file(dir.path() / "pages/cranes.html", news_page());
  write_file(dir.path() / "pages/shifts.html", second_page());
  const auto made = run_command("python3 " + sh_quote(kMakeWarc) + " " + sh_quote(dir.str("pages")) + " " +
                                    sh_quote(dir.str("pages.warc.gz")),
                                true);
  REQUIRE(made.status == 0);
  CHECK(made.out.find("5 records") != std::string::npos);  // warcinfo, then request and response per page
  const auto [records, err] = extract(dir, "pages.warc.gz");
  CHECK(err.find("warning") == std::string::npos);
  REQUIRE(records.size() == 2);
  // The canonical URL where the page has one, else the record's target URI.
  std::set<std::string> ids{records[0]["id"].get<std::string>(), records[1]["id"].get<std::string>()};
  CHECK(ids == std::set<std::string>{"https://news.example.org/2024/03/05/harbour-cranes",
                                     "https://pages.example.org/shifts.html"});
}

TEST_CASE("cli make-warc: --size repeats the pages under distinct addresses, each copy its own article", "[cli][warc]") {
  if (run_command("python3 --version").status != 0) {
    WARN("python3 is absent: scripts/make-warc.py not tested");
    return;
  }
  TempDir dir;
  write_file(dir.path() / "pages/cranes.html", news_page());
  write_file(dir.path() / "pages/shifts.html", second_page());
  const auto made = run_command("python3 " + sh_quote(kMakeWarc) + " " + sh_quote(dir.str("pages")) + " " +
                                    sh_quote(dir.str("big.warc")) + " --size 40000",
                                true);
  REQUIRE(made.status == 0);
  const auto [records, err] = extract(dir, "big.warc");
  CHECK(err.find("warning") == std::string::npos);
  REQUIRE(records.size() > 2);
  std::set<std::string> ids;
  for (const auto& r : records) ids.insert(r["id"].get<std::string>());
  CHECK(ids.size() == records.size());
  CHECK(ids.count("https://pages.example.org/r1/cranes.html") == 1);
  CHECK(std::filesystem::file_size(dir.path() / "big.warc") >= 40000);
}
