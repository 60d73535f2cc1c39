// CLI tests for saved web pages: the real binaries index a folder of HTML pages the test writes
// (news text of ours wrapped in navigation, a cookie banner, related links and JSON-LD), and
// only the article is searchable.
#include <catch2/catch.hpp>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

#include "json_lines.hpp"
#include "test_util.hpp"
#include "unit/html_test_pages.hpp"

using namespace newsidx::test;

namespace {

const std::string kIndex = NEWSIDX_INDEX_BIN;
const std::string kQuery = NEWSIDX_QUERY_BIN;

std::string french_page() {
  return "<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Grève au port du nord</title></head><body>"
         "<article><h1>Grève au port du nord</h1><p>Les dockers du port du nord ont cessé le travail mardi, "
         "laissant les grues immobiles et plus de quarante navires au mouillage, selon les syndicats. "
         "La grève, la première depuis onze ans, fait suite à des mois de négociations sur les équipes "
         "de nuit.</p><p>Marta Quillfeather, directrice des opérations du port, a déclaré que la porte "
         "restait ouverte et que les marchandises périssables partiraient en premier.</p></article>"
         "</body></html>";
}

std::string index_page() {
  std::string page = "<html><head><title>The Example Gazette: front page</title></head><body><ul>";
  for (int i = 0; i < 30; ++i) page += "<li><a href=\"/s" + std::to_string(i) + "\">Headline " + std::to_string(i) + "</a></li>";
  return page + "</ul></body></html>";
}

void web_archive(const TempDir& dir) {
  write_file(dir.path() / "archive/2024/03/05/cranes.html", news_page());
  write_file(dir.path() / "archive/fr/greve.htm", french_page());
  write_file(dir.path() / "archive/index.html", index_page());
}

std::string query(const TempDir& dir, const std::string& args) {
  return kQuery + " --db " + sh_quote(dir.str("db")) + " " + args;
}


}  // namespace

TEST_CASE("cli html: saved pages are indexed, only the article is searchable", "[cli][html]") {
  TempDir dir;
  web_archive(dir);
  auto r = run_command(kIndex + " --db " + sh_quote(dir.str("db")) + " " + sh_quote(dir.str("archive")), true);
  // An index page is "not an article": counted apart, and it does not make the run exit 1.
  CHECK(r.status == 0);
  CHECK(r.out.find("2 added") != std::string::npos);
  CHECK(r.out.find("skipped, 1 not article,") != std::string::npos);
  CHECK(r.out.find("index.html: not an article") != std::string::npos);

  // The title, the date (the day as the page states it, not UTC's) and a body word find the story.
  CHECK(run_command(query(dir, "'title:cranes'")).status == 0);
  auto dated = run_command(query(dir, "--format ids --since 2024-03-05 --until 2024-03-05 strike"));
  CHECK(dated.status == 0);
  CHECK(dated.out == "https://news.example.org/2024/03/05/harbour-cranes\n");
  CHECK(run_command(query(dir, "perishable")).status == 0);
  // Navigation, cookie banner, related links, comments and footer were not indexed.
  for (const char* furniture : {"zebracorner", "biscuitware", "lighthouse", "grumblewick", "lanternfish"})
    CHECK(run_command(query(dir, furniture)).status == 1);
  // The language is a filter term.
  CHECK(run_command(query(dir, "--format ids 'grues lang:fr'")).out ==
        (std::filesystem::canonical(dir.path() / "archive") / "fr/greve.htm").string() + "\n");
  CHECK(run_command(query(dir, "'grues lang:en'")).status == 1);
}

TEST_CASE("cli html: --extract-only shows the page's metadata and, with --text, the body read", "[cli][html]") {
  TempDir dir;
  web_archive(dir);
  auto r = run_command(kIndex + " -q --extract-only --text " + sh_quote(dir.str("archive")));
  CHECK(r.status == 0);
  const auto lines = json_lines(r.out);
  REQUIRE(lines.size() == 2);
  const auto& en = lines[0]["lang"] == "en" ? lines[0] : lines[1];
  const auto& fr = lines[0]["lang"] == "en" ? lines[1] : lines[0];
  CHECK(en["url"] == "https://news.example.org/2024/03/05/harbour-cranes");
  CHECK(en["author"] == "Ines Barrowclough");
  CHECK(en["source"] == "The Example Gazette");
  CHECK(en["date"] == "2024-03-05");
  const std::string body = en["body"];
  CHECK(body.starts_with(kHarbourParagraphs[0]));
  CHECK(body.find("Zebracorner") == std::string::npos);
  // Offsets index the body: each mention's bytes are its text.
  REQUIRE_FALSE(en["mentions"].empty());
  for (const auto& m : en["mentions"])
    CHECK(body.substr(m["start"].get<std::size_t>(), m["end"].get<std::size_t>() - m["start"].get<std::size_t>()) == m["text"]);
  CHECK(en["facets"]["person"].dump().find("Marta Quillfeather") != std::string::npos);
  // Entity extraction is English-only: the French page is text alone.
  CHECK(fr["mentions"].empty());
  CHECK(fr["facets"]["person"].empty());
  CHECK(fr["id"] == "fr/greve.htm");

  // --no-entities stops after the readers; without --text there is no body.
  auto bare = run_command(kIndex + " -q --extract-only --no-entities " + sh_quote(dir.str("archive/2024")));
  const auto only = json_lines(bare.out);
  REQUIRE(only.size() == 1);
  CHECK(only[0]["mentions"].empty());
  CHECK_FALSE(only[0].contains("body"));
  CHECK(only[0]["title"] == "Harbour cranes idle as dock workers strike over night shifts");
}
