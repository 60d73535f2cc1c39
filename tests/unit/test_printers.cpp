// Unit tests for query/printers: what each output format shows of a result.
#include <catch2/catch.hpp>

#include <sstream>

#include "query/display.hpp"
#include "query/printers.hpp"

using namespace newsidx::query;

namespace {

Hit hit(std::size_t rank, nlohmann::json record, std::string snippet = "") {
  Hit h;
  h.rank = rank;
  h.record = std::move(record);
  h.snippet = std::move(snippet);
  return h;
}

SearchResult result(std::vector<Hit> hits, Xapian::doccount matches) {
  SearchResult r;
  r.hits = std::move(hits);
  r.matches_estimated = r.matches_lower = r.matches_upper = matches;
  return r;
}

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

const std::string kMark(1, kHighlightStart), kEnd(1, kHighlightEnd);

}  // namespace

TEST_CASE("printers: counts in the singular and plural, 'about' only when estimated", "[query][printers]") {
  auto one = result({hit(1, {{"id", "a"}})}, 1);
  CHECK(count_line(one, false) == "1 match; showing 1-1");
  CHECK(count_line(one, true) == "1 quotation; showing 1-1");
  auto many = result({hit(11, {{"id", "a"}}), hit(12, {{"id", "b"}})}, 40);
  CHECK(count_line(many, false) == "40 matches; showing 11-12");
  many.matches_upper = 45;
  CHECK(count_line(many, false) == "about 40 matches; showing 11-12");
}

TEST_CASE("printers: text hits wrap to the width and escape what they show", "[query][printers]") {
  nlohmann::json rec{{"id", "wire-\x1b[2J"}, {"date", "2022-01-19"}, {"title", "A headline \x1b]0;x\x07 long enough to wrap"},
                     {"dateline", "KYIV"},
                     {"facets", {{"person", {"Antony Blinken", "Sergey Lavrov", "Amy Klobuchar", "Kevin Cramer"}},
                                 {"country", {"US", "UA"}}}}};
  const std::string snippet = "Officials discussed " + kMark + "sanctions" + kEnd +
                              " and diplomacy while ministers waited outside the hall for hours.";
  std::ostringstream out;
  print_text(out, result({hit(1, rec, snippet)}, 1), PrintOptions{false, false, 40, false});
  const auto ls = lines_of(out.str());
  for (const auto& l : ls) {
    INFO(l);
    CHECK(display_width(l) <= 40);
  }
  CHECK(out.str().find('\x1b') == std::string::npos);
  CHECK(ls[0] == "1. 2022-01-19  A headline \\x1b]0;x\\x07");
  CHECK(ls[1] == "   long enough to wrap");
  CHECK(ls[2] == "   Officials discussed sanctions and");
  CHECK(out.str().find("   wire-\\x1b[2J [KYIV]\n") != std::string::npos);
  CHECK(out.str().find("   person: Antony Blinken, Sergey\n   Lavrov, Amy Klobuchar +1\n   country: US UA\n") !=
        std::string::npos);

  SECTION("in colour, the matched word is bold and nothing else escapes") {
    std::ostringstream c;
    print_text(c, result({hit(1, rec, snippet)}, 1), PrintOptions{true, false, 40, false});
    CHECK(c.str().find("\x1b[1msanctions\x1b[0m") != std::string::npos);
    CHECK(c.str().find("\x1b]") == std::string::npos);
  }
}

TEST_CASE("printers: facet tables and timelines stay within the width", "[query][printers]") {
  std::vector<FacetResult> facets;
  for (const char* name : {"person", "org", "place"})
    facets.push_back({name, {{"A very long name of somebody important indeed", 12}, {"Short", 3}}, 15});
  for (std::size_t width : {30, 64, 80, 120}) {
    std::ostringstream out;
    print_facets_text(out, facets, 20, PrintOptions{false, false, width, false});
    for (const auto& l : lines_of(out.str())) {
      INFO(width << ": " << l);
      CHECK(display_width(l) <= std::max<std::size_t>(width, 30));
    }
  }
  std::ostringstream narrow;
  print_facets_text(narrow, facets, 20, PrintOptions{false, false, 40, false});
  CHECK(lines_of(narrow.str())[0] == "person (15/20)");  // one column per row

  Timeline t;
  t.granularity = Granularity::kMonth;
  t.dated = 301;
  t.buckets = {{"2022-01", "2022-01-01", "2022-01-31", 300}, {"2022-02", "2022-02-01", "2022-02-28", 1}};
  std::ostringstream tl;
  print_timeline_text(tl, t, PrintOptions{false, false, 30, false});
  const auto rows = lines_of(tl.str());
  CHECK(rows[0] == "timeline by month (301 dated matches)");
  CHECK(display_width(rows[1]) <= 30);
  CHECK(rows[2] == "2022-02    1 #");
}

TEST_CASE("printers: paths once per file, quoted for the shell, or NUL-ended", "[query][printers]") {
  auto r = result({hit(1, {{"path", "/a/feed.jsonl"}}), hit(2, {{"path", "/a/two\nlines.txt"}}),
                   hit(3, {{"path", "/a/feed.jsonl"}}), hit(4, {{"path", "/a/caf\xEF\xBF\xBD.txt"}, {"path_hex", "2f612f636166e92e747874"}})},
                  4);
  std::ostringstream lines;
  print_paths(lines, r, PrintOptions{});
  CHECK(lines.str() == "/a/feed.jsonl\n$'/a/two\\nlines.txt'\n$'/a/caf\\xe9.txt'\n");
  std::ostringstream nul;
  print_paths(nul, r, PrintOptions{false, false, 80, true});
  CHECK(nul.str() == std::string("/a/feed.jsonl\0/a/two\nlines.txt\0/a/caf\xE9.txt\0", 43));
}

TEST_CASE("printers: CSV rows by RFC 4180, facets joined by semicolons", "[query][printers]") {
  nlohmann::json rec{{"id", "a,1"}, {"date", "2022-01-19"}, {"title", "Say \"no\"\nnow"}, {"url", ""}, {"source", "Wire"},
                     {"section", "world"}, {"facets", {{"person", {"Antony Blinken", "Sergey Lavrov"}}, {"country", {"US"}}}}};
  std::ostringstream out;
  print_csv(out, result({hit(1, rec)}, 1), PrintOptions{});
  CHECK(out.str() ==
        "id,date,title,url,source,section,person,org,place,country,speaker\r\n"
        "\"a,1\",2022-01-19,\"Say \"\"no\"\"\nnow\",,Wire,world,Antony Blinken; Sergey Lavrov,,,US,\r\n");
  std::ostringstream quotes;
  print_csv(quotes, result({hit(1, {{"article", "a1"}, {"date", ""}, {"title", "T"}, {"speaker", nullptr}, {"text", "We will."}})}, 1),
            PrintOptions{false, true, 80, false});
  CHECK(quotes.str() == "article,date,title,speaker,text\r\na1,,T,,We will.\r\n");
}

TEST_CASE("printers: JSON survives invalid UTF-8 and escapes control characters", "[query][printers]") {
  nlohmann::json rec{{"id", "a"}, {"title", "bad \xFF byte \x1b[31m"}, {"body", "x"}};
  auto r = result({hit(1, rec, "caf\xE9 " + kMark + "x" + kEnd)}, 1);
  r.notes.push_back("--person \xFF: no person of that name");
  std::ostringstream out;
  REQUIRE_NOTHROW(print_json(out, r, PrintOptions{}));
  const auto ls = lines_of(out.str());
  REQUIRE(ls.size() == 2);
  CHECK(ls[0].find('\x1b') == std::string::npos);
  auto j = nlohmann::json::parse(ls[0]);
  CHECK(j["title"] == "bad \xEF\xBF\xBD byte \x1b[31m");
  CHECK(j["highlights"] == nlohmann::json::parse("[[5,6]]"));
  CHECK(nlohmann::json::parse(ls[1])["notes"][0] == "--person \xEF\xBF\xBD: no person of that name");
}

TEST_CASE("printers: ids one per line, quoted when they hold control characters, or NUL-ended", "[query][printers]") {
  auto r = result({hit(1, {{"id", "wire-1"}}), hit(2, {{"id", "two\nlines.txt"}})}, 2);
  std::ostringstream out;
  print_ids(out, r, PrintOptions{});
  CHECK(out.str() == "wire-1\n$'two\\nlines.txt'\n");
  std::ostringstream nul;
  print_ids(nul, r, PrintOptions{false, false, 80, true});
  CHECK(nul.str() == std::string("wire-1\0two\nlines.txt\0", 21));
}

TEST_CASE("printers: --explain lines wrap under their label", "[query][printers]") {
  Explanation e{"Query((Zelect@1 AND Zcampaign@2) FILTER (XTYPEarticle AND (XPERSONtony blair OR XPERSONian blair)))",
                {"stem: elect", "stem: campaign"}, {"person: tony blair; ian blair"}, "relevance (BM25)"};
  std::ostringstream out;
  print_explanation_text(out, e, 40);
  const auto ls = lines_of(out.str());
  REQUIRE(ls.size() >= 6);
  CHECK(ls[0] == "query:   Query((Zelect@1 AND");
  CHECK(ls[1].rfind("         Zcampaign@2) FILTER", 0) == 0);
  for (const auto& l : ls) CHECK(display_width(l) <= 40);
  CHECK(out.str().find("terms:   stem: elect\n         stem: campaign\nfilters: person: tony blair; ian blair\n") !=
        std::string::npos);
}

TEST_CASE("printers: a quotation shows its speaker, else its described Source, else (unattributed)",
          "[query][printers]") {
  auto shown = [](nlohmann::json rec) {
    std::ostringstream out;
    print_text(out, result({hit(1, std::move(rec), "We will act.")}, 1), PrintOptions{false, true, 80, false});
    return out.str();
  };
  CHECK(shown({{"article", "a1"}, {"speaker", "Amy Klobuchar"}}).find("Amy Klobuchar: \u201CWe will act.") !=
        std::string::npos);
  CHECK(shown({{"article", "a1"}, {"speaker", nullptr}, {"speaker_description", "a senior official"}})
            .find("a senior official: \u201CWe will act.") != std::string::npos);
  CHECK(shown({{"article", "a1"}, {"speaker", nullptr}}).find("(unattributed): \u201CWe will act.") !=
        std::string::npos);
  std::ostringstream js;
  print_json(js, result({hit(1, {{"article", "a1"}, {"speaker", nullptr}, {"speaker_description", "the spokesman"}})}, 1),
             PrintOptions{false, true, 80, false});
  CHECK(js.str().find("\"speaker_description\":\"the spokesman\"") != std::string::npos);
}
