// CLI tests for newsidx-query --show (an article read back as indexed) and for the metadata
// facets and filters (source, section, author, lang), on a small archive the test writes: saved
// web pages with og:site_name, lang, author and section, a feed, a WARC crawl and a text file.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <filesystem>
#include <sstream>
#include <vector>

#include "json_lines.hpp"
#include "test_util.hpp"
#include "unit/html_test_pages.hpp"
#include "unit/wire_test_util.hpp"

using namespace newsidx::test;

namespace {

const std::string kIndex = NEWSIDX_INDEX_BIN;
const std::string kQuery = NEWSIDX_QUERY_BIN;

// A page of ours (over the 50-word bar) with the metadata a facet is made of.
std::string page(const std::string& lang, const std::string& site, const std::string& author, const std::string& section,
                 const std::string& url, const std::string& title, const std::string& text) {
  std::string body;
  for (int i = 0; i < 3; ++i) body += "<p>" + text + " Paragraph " + std::to_string(i + 1) + " of the report.</p>";
  return "<html lang=\"" + lang + "\"><head><meta charset=\"utf-8\"><title>" + title + "</title>" +
         "<link rel=\"canonical\" href=\"" + url + "\"><meta property=\"og:site_name\" content=\"" + site + "\">" +
         "<meta name=\"author\" content=\"" + author + "\"><meta property=\"article:section\" content=\"" + section +
         "\"><meta property=\"article:published_time\" content=\"2024-03-07T10:00:00Z\"></head><body><article><h1>" +
         title + "</h1>" + body + "</article></body></html>";
}

const std::string kGlacier =
    "Glaciologists measured the retreat of the Alpine glacier again this summer and found the ice thinner than "
    "in any year since records began, with meltwater lakes forming at the snout and guides moving the trails.";
const std::string kVineyard =
    "Les vignerons de la vallee ont commence les vendanges avec deux semaines d'avance cette annee, la chaleur "
    "ayant muri le raisin plus vite que prevu selon la cooperative et les oenologues de la region.";

void archive(const TempDir& dir) {
  write_file(dir.path() / "archive/web/cranes.html", news_page());
  write_file(dir.path() / "archive/web/glacier.html",
             page("en-GB", "BBC News", "Ana Lima and Bo Chen", "Science", "https://bbc.example/glacier",
                  "Glacier retreat measured", kGlacier));
  write_file(dir.path() / "archive/web/vendanges.html",
             page("fr-FR", "Le  Journal", "Claire Dumont", "Régions", "https://journal.example/vendanges",
                  "Vendanges precoces", kVineyard));
  write_file(dir.path() / "archive/feed.rss", R"(<?xml version="1.0"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>BBC NEWS</title>
<item><title>Ferry timetable changes</title><guid>feed-ferry-1</guid><dc:creator>Ana Lima</dc:creator>
<pubDate>Thu, 07 Mar 2024 09:30:00 +0000</pubDate><category>Transport</category>
<description>Ferries to the islands will sail every two hours from Monday, the operator said.</description></item>
</channel></rss>)");
  std::string story;
  for (int i = 0; i < 12; ++i) story += "Lighthouse keepers repainted the tower before the winter storms. ";
  const std::string html = "<html><head><title>Lighthouse repainted</title></head><body><p>" + story + "</p><p>" +
                           "The keepers said the red stripe would last ten years.</p></body></html>";
  const std::string info = warc_record("warcinfo", "", "application/warc-fields", "software: test\r\n");
  write_file(dir.path() / "archive/crawl.warc",
             info + warc_record("response", "https://coast.example/lighthouse", "application/http; msgtype=response",
                                http_html(html)));
  write_file(dir.path() / "archive/2024/03/04/note.txt",
             "Harbour note \x1b[31mred\x1b[0m\n\nThe harbour master retired after forty years.\nHe will keep a "
             "boat.\n\nA party is planned \x1b]0;pwned\x07 for Friday.\n");
}

CommandResult query(const TempDir& dir, const std::string& args, bool merge = false, const std::string& db = "db") {
  return run_command("COLUMNS=60 " + kQuery + " --db " + sh_quote(dir.str(db)) + " " + args, merge);
}


// The ids of the article hits of a JSON query.
std::vector<std::string> json_ids(const TempDir& dir, const std::string& args) {
  std::vector<std::string> ids;
  for (const auto& j : json_lines(query(dir, "--json " + args).out))
    if (j["type"] == "article") ids.push_back(j["id"]);
  return ids;
}

struct Indexed {
  TempDir dir;
  Indexed() {
    archive(dir);
    const auto r = run_command(kIndex + " --jobs 1 --db " + sh_quote(dir.str("db")) + " " + sh_quote(dir.str("archive")), true);
    INFO(r.out);
    REQUIRE(r.status == 0);
    REQUIRE(r.out.find("6 added") != std::string::npos);
  }
};

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("cli show: --show prints a web page as indexed, metadata, paragraphs and facets", "[cli][show]") {
  Indexed a;
  const std::string id = "https://news.example.org/2024/03/05/harbour-cranes";
  const auto r = query(a.dir, "--show " + sh_quote(id), true);
  INFO(r.out);
  CHECK(r.status == 0);
  CHECK(r.out.rfind("Harbour cranes idle as dock workers strike over night shifts\ndate:", 0) == 0);
  for (const char* line : {"\ndate:     2024-03-05\n", "\nauthor:   Ines Barrowclough\n", "\nsource:   The Example Gazette\n",
                           "\nsection:  Business\n", "\nlang:     en\n",
                           "\nurl:      https://news.example.org/2024/03/05/harbour-cranes\n"})
    CHECK(has(r.out, line));
  // The body by paragraphs (a blank line between them), wrapped at the width; no furniture.
  CHECK(has(r.out, "\n\nDock workers at the northern harbour walked off the job on\nTuesday,"));
  CHECK(has(r.out, "union officials said.\n\nThe strike, the first at the port"));
  CHECK_FALSE(has(r.out, "biscuitware"));
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) CHECK(line.size() <= 60);
  CHECK(has(r.out, "\nperson:   "));
  CHECK(has(r.out, "Marta Quillfeather"));
}

TEST_CASE("cli show: --show --json is one article object with the body and every facet", "[cli][show]") {
  Indexed a;
  const auto r = query(a.dir, "--json --show feed-ferry-1");
  CHECK(r.status == 0);
  const auto lines = json_lines(r.out);
  REQUIRE(lines.size() == 1);
  const auto& j = lines[0];
  CHECK(j["type"] == "article");
  CHECK(j["id"] == "feed-ferry-1");
  CHECK(j["title"] == "Ferry timetable changes");
  CHECK(j["date"] == "2024-03-07");
  CHECK(j["author"] == "Ana Lima");
  CHECK(j["source"] == "BBC NEWS");  // as the feed writes it
  CHECK(j["section"] == "");
  CHECK(j["body"] == "Ferries to the islands will sail every two hours from Monday, the operator said.");
  CHECK(j["facets"]["tags"] == nlohmann::json::array({"Transport"}));
  for (const char* key : {"person", "org", "place", "country", "speaker"}) CHECK(j["facets"][key].is_array());
  for (const char* key : {"url", "lang", "path"}) CHECK(j[key].is_string());

  const auto page = json_lines(query(a.dir, "--json --show https://bbc.example/glacier").out);
  REQUIRE(page.size() == 1);
  CHECK(page[0]["lang"] == "en-gb");  // as the HTML reader gives it
  CHECK(page[0]["author"] == "Ana Lima and Bo Chen");
  CHECK(page[0]["body"].get<std::string>().find("report.\n\nGlaciologists") != std::string::npos);
}

TEST_CASE("cli show: an unknown id, or a quotation's, is one sentence and exit 1", "[cli][show]") {
  Indexed a;
  auto r = query(a.dir, "--show no-such-article", true);
  CHECK(r.status == 1);
  CHECK(has(r.out, "newsidx-query: no article has the id 'no-such-article' in "));
  CHECK(r.out.find('\n') == r.out.find("\nhint: "));  // one sentence, then the hint
  r = query(a.dir, "--json --show no-such-article");  // stdout stays empty for scripts
  CHECK(r.status == 1);
  CHECK(r.out.empty());
  r = query(a.dir, "--show " + sh_quote("https://news.example.org/2024/03/05/harbour-cranes#q1"), true);
  CHECK(r.status == 1);
  r = query(a.dir, "--show feed-ferry-1 ferries", true);
  CHECK(r.status == 2);
  CHECK(has(r.out, "--show takes an article id, not a query"));
}

TEST_CASE("cli show: the ids a result list shows are what --show takes: a WARC record, a feed item, a file",
          "[cli][show]") {
  Indexed a;
  for (const char* words : {"lighthouse", "ferries", "harbour master"}) {
    INFO(words);
    const auto ids = json_ids(a.dir, sh_quote(words));
    REQUIRE(ids.size() == 1);
    // The text list shows the same id on its own line, and --format ids prints it.
    CHECK(has(query(a.dir, sh_quote(words)).out, "\n   " + ids[0] + "\n"));
    CHECK(query(a.dir, "--format ids " + sh_quote(words)).out == ids[0] + "\n");
    const auto shown = query(a.dir, "--show " + sh_quote(ids[0]));
    CHECK(shown.status == 0);
    CHECK(has(shown.out, "\nid:       " + ids[0] + "\n"));
  }
  const auto warc = query(a.dir, "--show https://coast.example/lighthouse");
  // Where it was read from: the crawl and the record's offset (the line may wrap at 60 columns).
  CHECK(has(warc.out, "/archive/crawl.warc"));
  CHECK(has(warc.out, "(record at"));
  const auto warc_json = json_lines(query(a.dir, "--json --show https://coast.example/lighthouse").out);
  REQUIRE(warc_json.size() == 1);
  CHECK(warc_json[0]["offset"].get<int>() > 0);
  CHECK(warc_json[0]["path"].get<std::string>().ends_with("/archive/crawl.warc"));
  CHECK(has(warc.out, "before the winter storms.\n\nThe keepers said the red stripe would last ten years.\n"));
  // A text file's hard-wrapped lines are one paragraph; control characters are shown escaped.
  const auto note = query(a.dir, "--show " + sh_quote((std::filesystem::canonical(a.dir.path() / "archive") / "2024/03/04/note.txt").string()));
  CHECK(has(note.out, "Harbour note \\x1b[31mred\\x1b[0m\n"));
  CHECK(has(note.out, "\n\nThe harbour master retired after forty years. He will keep a\nboat.\n\n"));
  CHECK(has(note.out, "\\x1b]0;pwned\\x07"));
  CHECK(note.out.find('\x1b') == std::string::npos);
}

TEST_CASE("cli show: --show reads an article of a partitioned archive", "[cli][show]") {
  TempDir dir;
  archive(dir);
  const auto r = run_command(kIndex + " --jobs 1 --partition year --db " + sh_quote(dir.str("parts")) + " " +
                                 sh_quote(dir.str("archive")),
                             true);
  INFO(r.out);
  REQUIRE(r.status == 0);
  const auto shown = query(dir, "--show https://coast.example/lighthouse", false, "parts");
  CHECK(shown.status == 0);
  CHECK(shown.out.rfind("Lighthouse repainted\n", 0) == 0);
  const auto dated = json_lines(query(dir, "--json --show feed-ferry-1", false, "parts").out);
  REQUIRE(dated.size() == 1);
  CHECK(dated[0]["title"] == "Ferry timetable changes");
  CHECK(query(dir, "--show nothing-here", false, "parts").status == 1);
}

TEST_CASE("cli metadata facets: source, section, author and lang are counted as written, sites by host", "[cli][show]") {
  Indexed a;
  const auto lines = json_lines(query(a.dir, "--json --limit 0 --facets source,lang,author,section,site").out);
  REQUIRE(lines.size() == 1);
  const auto& f = lines[0]["facets"];
  INFO(f.dump());
  auto count = [&](const char* facet, const std::string& value) {
    for (const auto& v : f[facet]["values"])
      if (v["value"] == value) return v["count"].get<int>();
    return 0;
  };
  // A page's og:site_name and a feed's channel title ("BBC NEWS"): one row, as the page writes it.
  CHECK(count("source", "BBC News") == 2);
  CHECK(count("source", "BBC NEWS") == 0);
  CHECK(count("source", "The Example Gazette") == 1);
  CHECK(count("source", "Le Journal") == 1);  // white space normalised
  CHECK(count("lang", "en") == 2);            // "en" and "en-GB": the language, not the region
  CHECK(count("lang", "fr") == 1);
  CHECK(count("author", "Ana Lima") == 2);     // each name of a byline
  CHECK(count("author", "Bo Chen") == 1);
  CHECK(count("section", "Science") == 1);
  CHECK(count("section", "Régions") == 1);
  CHECK(f["lang"]["with_value"] == 3);
  // The host of each article's URL (the WARC record's target too); the feed item has none.
  CHECK(count("site", "news.example.org") == 1);
  CHECK(count("site", "bbc.example") == 1);
  CHECK(count("site", "journal.example") == 1);
  CHECK(count("site", "coast.example") == 1);
  CHECK(f["site"]["with_value"] == 4);
  // The text table shows them too.
  const auto table = query(a.dir, "--facets-only --facets source,author");
  CHECK(has(table.out, "2  BBC News"));
  CHECK(has(table.out, "2  Ana Lima"));
}

TEST_CASE("cli metadata facets: --source, --section, --author and --lang filter, however typed", "[cli][show]") {
  Indexed a;
  using V = std::vector<std::string>;
  const V bbc{"feed-ferry-1", "https://bbc.example/glacier"};  // sorted
  auto sorted = [](V v) {
    std::sort(v.begin(), v.end());
    return v;
  };
  CHECK(sorted(json_ids(a.dir, "--source 'BBC News'")) == bbc);
  CHECK(sorted(json_ids(a.dir, "--source bbc")) == bbc);  // a part of the name, with a note
  CHECK(sorted(json_ids(a.dir, "--source 'bbc   NEWS'")) == bbc);
  CHECK(sorted(json_ids(a.dir, "'source:\"bbc news\"'")) == bbc);
  CHECK(json_ids(a.dir, "--source 'le journal'") == V{"https://journal.example/vendanges"});
  CHECK(json_ids(a.dir, "--lang fr") == V{"https://journal.example/vendanges"});
  CHECK(json_ids(a.dir, "--lang FR-be") == V{"https://journal.example/vendanges"});
  CHECK(json_ids(a.dir, "lang:FR") == V{"https://journal.example/vendanges"});
  CHECK(json_ids(a.dir, "--lang en --sort oldest").size() == 2);
  CHECK(sorted(json_ids(a.dir, "--author 'ana lima'")) == bbc);
  CHECK(sorted(json_ids(a.dir, "--author lima")) == bbc);  // a surname finds the full name
  CHECK(json_ids(a.dir, "--author 'Bo Chen'") == V{"https://bbc.example/glacier"});
  CHECK(json_ids(a.dir, "author:dumont") == V{"https://journal.example/vendanges"});
  CHECK(json_ids(a.dir, "--section science") == V{"https://bbc.example/glacier"});
  CHECK(json_ids(a.dir, "--section regions") == V{"https://journal.example/vendanges"});
  CHECK(json_ids(a.dir, "--source 'bbc news' --author 'bo chen'") == V{"https://bbc.example/glacier"});
  // A value no article has matches nothing, and a note names it.
  const auto none = query(a.dir, "--author 'nobody here'", true);
  CHECK(none.status == 1);
  CHECK(has(none.out, "--author nobody here: no author of that name in the archive"));
}

TEST_CASE("cli site filter: --site and site: find the articles whose URL is on that site or below it", "[cli][show]") {
  Indexed a;
  using V = std::vector<std::string>;
  CHECK(json_ids(a.dir, "--site bbc.example") == V{"https://bbc.example/glacier"});
  CHECK(json_ids(a.dir, "--site https://WWW.BBC.example/news/") == V{"https://bbc.example/glacier"});
  CHECK(json_ids(a.dir, "site:journal.example") == V{"https://journal.example/vendanges"});
  CHECK(json_ids(a.dir, "glacier site:bbc.example") == V{"https://bbc.example/glacier"});
  CHECK(json_ids(a.dir, "glacier site:journal.example").empty());
  // A WARC record's target URI is its URL; repeated sites are OR-ed like other filters.
  CHECK(json_ids(a.dir, "--site coast.example").size() == 1);
  CHECK(json_ids(a.dir, "--site coast.example --site bbc.example").size() == 2);
  // A site no article is on matches nothing, with a note.
  const auto none = query(a.dir, "--site nowhere.example", true);
  CHECK(none.status == 1);
  CHECK(has(none.out, "--site nowhere.example: no site of that name in the archive"));
  CHECK(has(query(a.dir, "--site example", true).out, "--site example: not a site; a site is a host, e.g. bbc.co.uk"));
}

TEST_CASE("cli show: the man page's examples, --show and --lang among them, each fit one line", "[cli][show]") {
  // help2man builds the page from --help beside the binaries' folders (cmake/Install.cmake).
  const auto page = std::filesystem::path(kQuery).parent_path().parent_path() / "man/newsidx-query.1";
  if (!std::filesystem::exists(page) || run_command("command -v man >/dev/null").status != 0) {
    WARN("SKIPPED: no man page built (help2man) or no man to render it");
    return;
  }
  const std::string text =
      run_command("MANWIDTH=80 MAN_KEEP_FORMATTING=0 man -l " + sh_quote(page.string()) + " 2>/dev/null | col -bx").out;
  const auto at = text.find("\nEXAMPLES\n");
  REQUIRE(at != std::string::npos);
  std::istringstream lines(text.substr(at + 10, text.find("\n\n", at + 11) - at - 10));
  int examples = 0;
  for (std::string line; std::getline(lines, line);) {
    if (line.empty()) continue;
    INFO(line);
    CHECK(line.size() < 80);
    CHECK(line.find("$ newsidx-query --db news.db ") != std::string::npos);  // never a wrapped tail
    ++examples;
  }
  CHECK(examples >= 7);
  CHECK(has(text, "$ newsidx-query --db news.db --show /news/2022/01/19/blinken-kyiv.txt\n"));
}

TEST_CASE("cli show: a JSON hit carries the page's author and lang as read", "[cli][show]") {
  Indexed a;
  auto articles = [&](const std::string& args) {
    std::vector<nlohmann::json> out;
    for (auto& j : json_lines(query(a.dir, "--json " + args).out))
      if (j["type"] == "article") out.push_back(j);
    return out;
  };
  const auto hits = articles("--author 'bo chen'");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0]["author"] == "Ana Lima and Bo Chen");
  CHECK(hits[0]["lang"] == "en-gb");
  const auto french = articles("--lang fr");
  REQUIRE(french.size() == 1);
  CHECK(french[0]["author"] == "Claire Dumont");
  CHECK(french[0]["lang"] == "fr-fr");
}
