// Unit tests for the HTML page reader: the article a page gives, its id, pages that are no
// article, and hostile input (each named and skipped or "not an article", never a crash).
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdint>
#include <string>

#include "indexer/readers/encoding.hpp"
#include "indexer/readers/html_reader.hpp"
#include "indexer/readers/reader.hpp"
#include "unit/html_test_pages.hpp"

using namespace newsidx::readers;
using newsidx::test::kHarbourParagraphs;
using newsidx::test::news_page;
using newsidx::test::NewsPageParts;

namespace {

PageSource saved(std::string rel = "2024/03/05/cranes.html") {
  PageSource s;
  s.path = "archive/" + rel;
  s.rel_path = std::move(rel);
  return s;
}

PageResult read(const std::string& bytes, const PageSource& source = saved()) {
  return read_html_page(bytes, source, ReaderOptions{});
}

// A page is refused as bad input: no article, one skipped warning naming the file and `reason`.
void check_skipped(const PageResult& r, const std::string& reason) {
  CHECK_FALSE(r.article);
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].skipped);
  CHECK(r.warnings[0].path == "archive/2024/03/05/cranes.html");
  CHECK(r.warnings[0].reason.find(reason) != std::string::npos);
}

}  // namespace

TEST_CASE("html_reader: a saved news page gives one article with its metadata", "[html_reader]") {
  const auto r = read(news_page());
  REQUIRE(r.article);
  CHECK(r.warnings.empty());
  CHECK(r.not_article.empty());
  const auto& a = *r.article;
  CHECK(a.id == "https://news.example.org/2024/03/05/harbour-cranes");
  CHECK(a.url == a.id);
  CHECK(a.path == "archive/2024/03/05/cranes.html");
  CHECK(a.title == "Harbour cranes idle as dock workers strike over night shifts");
  CHECK(a.date == "2024-03-05");
  CHECK(a.author == "Ines Barrowclough");
  CHECK(a.section == "Business");
  CHECK(a.source == "The Example Gazette");
  CHECK(a.lang == "en");
  CHECK(a.text.starts_with(kHarbourParagraphs[0]));
  CHECK(a.text.find("\n\nTalks stalled\n\n") != std::string::npos);
  CHECK(a.body_text() == a.text);
}

TEST_CASE("html_reader: the id is the canonical URL, else the page's URL, else its path", "[html_reader]") {
  NewsPageParts no_canonical;
  no_canonical.canonical = "";
  const std::string page = news_page(no_canonical);
  PageSource crawled = saved();
  crawled.url = "https://news.example.org/cranes?utm=x";
  REQUIRE(read(page, crawled).article);
  CHECK(read(page, crawled).article->id == "https://news.example.org/cranes?utm=x");
  REQUIRE(read(page).article);
  CHECK(read(page).article->id == "2024/03/05/cranes.html");
  // The same story saved twice is one article.
  CHECK(read(news_page(), saved("copy/cranes.html")).article->id == read(news_page()).article->id);
}

TEST_CASE("html_reader: a page in another language keeps its lang and is not analysed for entities", "[html_reader]") {
  NewsPageParts fr;
  fr.lang = "fr-FR";
  const auto r = read(news_page(fr));
  REQUIRE(r.article);
  CHECK(r.article->lang == "fr-fr");
  CHECK_FALSE(newsidx::analysed_for_entities(*r.article));
  CHECK(newsidx::analysed_for_entities(*read(news_page()).article));
}

TEST_CASE("html_reader: an index page of links is not an article", "[html_reader]") {
  std::string page = "<html><head><title>Front page</title></head><body><nav><a href=/>Home</a></nav><ul>";
  for (int i = 0; i < 40; ++i) page += "<li><a href=\"/s" + std::to_string(i) + "\">Story headline " + std::to_string(i) + "</a></li>";
  page += "</ul></body></html>";
  const auto r = read(page);
  CHECK_FALSE(r.article);
  CHECK(r.warnings.empty());
  CHECK(r.not_article.find("article text") != std::string::npos);
}

TEST_CASE("html_reader: hostile input: a page with no <body>", "[html_reader][hostile]") {
  const auto r = read("<html><head><title>Only a head</title><meta charset=utf-8></head></html>");
  CHECK_FALSE(r.article);
  CHECK(r.not_article == "no article text found");
}

TEST_CASE("html_reader: hostile input: 10 MB of nested <div> is named and skipped, quickly", "[html_reader][hostile]") {
  std::string page = "<html><body>";
  page.reserve(10u << 20);
  while (page.size() < (10u << 20)) page += "<div>";
  const auto t0 = std::chrono::steady_clock::now();
  const auto r = read(page);
  CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(5));
  check_skipped(r, "nested");
}

TEST_CASE("html_reader: hostile input: a truncated file gives what it holds", "[html_reader][hostile]") {
  const std::string page = news_page();
  const std::string cut = page.substr(0, page.find(kHarbourParagraphs[3]) + 40);
  const auto r = read(cut);
  REQUIRE(r.article);
  CHECK(r.article->text.find(kHarbourParagraphs[1]) != std::string::npos);
  // Cut inside a tag and inside the <head>: no crash, no article.
  const auto head_only = read(page.substr(0, page.find("<script") + 10));
  CHECK_FALSE(head_only.article);
  CHECK_FALSE(head_only.not_article.empty());
}

TEST_CASE("html_reader: hostile input: binary bytes are named and skipped", "[html_reader][hostile]") {
  std::string bytes = "\x89PNG\r\n\x1A\n";
  for (int i = 0; i < 4096; ++i) bytes.push_back(static_cast<char>(i * 7 % 256));
  check_skipped(read(bytes), "binary");
}

TEST_CASE("html_reader: hostile input: an undecodable declared charset", "[html_reader][hostile]") {
  // A label nobody knows: named, then the page is read in the next charset of the order.
  NewsPageParts klingon;
  klingon.charset_meta = "<meta charset=\"x-klingon\">";
  const auto r = read(news_page(klingon));
  REQUIRE(r.article);
  REQUIRE(r.warnings.size() == 1);
  CHECK_FALSE(r.warnings[0].skipped);
  CHECK(r.warnings[0].reason.find("x-klingon") != std::string::npos);
  // Bytes that are not the charset the transport declares: named and skipped, not read as mojibake.
  std::string junk = "<html><body><p>";
  for (int i = 0; i < 2000; ++i) junk += "\x80\xFF";
  junk += "</p></body></html>";
  PageSource s = saved();
  s.content_type = "text/html; charset=euc-jp";
  check_skipped(read(junk, s), "not valid euc-jp");
}

TEST_CASE("html_reader: hostile input: a page with no text, and an empty file", "[html_reader][hostile]") {
  const auto r = read("<html><body><div><img src=a.jpg><img src=b.jpg></div></body></html>");
  CHECK_FALSE(r.article);
  CHECK(r.not_article == "no article text found");
  check_skipped(read("  \n "), "empty");
}

TEST_CASE("html_reader: an article over the size limit is skipped with a warning", "[html_reader]") {
  ReaderOptions small;
  small.max_article_bytes = 100;
  const auto r = read_html_page(news_page(), saved(), small);
  CHECK_FALSE(r.article);
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].reason.find("exceeds the limit") != std::string::npos);
}

TEST_CASE("html_reader: saved pages are in the table of formats, no article is counted apart", "[html_reader][readers]") {
  CHECK(format_for("a/b.html") == Format::kHtml);
  CHECK(format_for("b.htm") == Format::kHtml);
  CHECK(format_for("b.xhtml") == Format::kHtml);
  CHECK(format_for("B.HTML") == Format::kHtml);
  const auto ok = read_file("2024/03/05/cranes.html", "archive/cranes.html", news_page());
  REQUIRE(ok.articles.size() == 1);
  CHECK(ok.articles[0].path == "archive/cranes.html");
  const auto none = read_file("gallery.html", "archive/gallery.html", "<body><img src=a.jpg></body>");
  CHECK(none.articles.empty());
  REQUIRE(none.warnings.size() == 1);
  CHECK(none.warnings[0].not_article);
  CHECK_FALSE(none.warnings[0].skipped);
  CHECK(none.warnings[0].path == "archive/gallery.html");
}

TEST_CASE("html_reader: a page whose JSON-LD calls it a collection is an index page, teasers or not", "[html_reader]") {
  std::string page = "<html><head><script type=\"application/ld+json\">{\"@type\":\"CollectionPage\",\"name\":\"World news\"}"
                     "</script></head><body>";
  for (const char* p : kHarbourParagraphs) page += std::string("<div class=\"teaser\"><p>") + p + "</p></div>";
  page += "</body></html>";
  const auto r = read(page);
  CHECK_FALSE(r.article);
  CHECK(r.not_article.find("collectionpage") != std::string::npos);
  // An article page that also lists related items in its JSON-LD is still an article.
  std::string with_list = news_page();
  with_list.insert(with_list.find("</head>"),
                   "<script type=\"application/ld+json\">{\"@type\":\"ItemList\",\"itemListElement\":[]}</script>");
  CHECK(read(with_list).article);
}

TEST_CASE("html_reader: a page that says og:type website at a home or section address is a front page", "[html_reader]") {
  // A saved front page with one story open in an overlay: its text reads like an article.
  const auto front_page = [](const std::string& canonical) {
    std::string page = "<html><head><title>Example News - Latest headlines</title><meta property=\"og:type\" "
                       "content=\"website\"><link rel=\"canonical\" href=\"" + canonical + "\"></head><body>"
                       "<div class=\"overlay\">";
    for (const char* p : kHarbourParagraphs) page += std::string("<p>") + p + "</p>";
    return page + "</div></body></html>";
  };
  const auto r = read(front_page("//us.example.com/news/"));
  CHECK_FALSE(r.article);
  CHECK(r.not_article == "a front page (og:type website at //us.example.com/news/)");
  // The same page at a story's address is an article, og:type website or not.
  CHECK(read(front_page("https://example.com/news/2024/03/05/harbour-cranes")).article);
  // Without a declared address, the address it was crawled from decides.
  std::string no_canonical = front_page("");
  no_canonical.erase(no_canonical.find("<link"), no_canonical.find("</head>") - no_canonical.find("<link"));
  PageSource crawled = saved();
  crawled.url = "https://example.com/";
  CHECK_FALSE(read(no_canonical, crawled).article);
  crawled.url = "https://example.com/2024/03/05/harbour-cranes.html";
  CHECK(read(no_canonical, crawled).article);
}

TEST_CASE("html_reader: a page built by scripts is read from its JSON-LD articleBody", "[html_reader]") {
  std::string body;
  for (const char* p : kHarbourParagraphs) body += std::string(p) + "\\n";
  const std::string page =
      "<html><head><title>Harbour cranes idle</title><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
      "\"headline\":\"Harbour cranes idle\",\"articleBody\":\"" + body + "\"}</script></head>"
      "<body><div id=\"app\"><p>Loading the story, please wait while the page starts.</p></div></body></html>";
  const auto r = read(page);
  REQUIRE(r.article);
  CHECK(r.article->text == std::string(kHarbourParagraphs[0]) + "\n\n" + kHarbourParagraphs[1] + "\n\n" +
                               kHarbourParagraphs[2] + "\n\n" + kHarbourParagraphs[3]);
}

TEST_CASE("html_reader: mutated pages never crash: each gives an article, a reason or a warning", "[html_reader][hostile]") {
  const std::string page = news_page();
  std::uint32_t seed = 12345;
  const auto next = [&seed] { return seed = seed * 1664525u + 1013904223u; };
  for (int i = 0; i < 400; ++i) {
    std::string m = page;
    const int edits = 1 + static_cast<int>(next() % 40);
    for (int e = 0; e < edits; ++e) {
      const std::size_t at = next() % m.size();
      switch (next() % 4) {
        case 0: m[at] = static_cast<char>(next() & 0xFF); break;          // flip a byte
        case 1: m.erase(at, next() % 64); break;                          // cut a run
        case 2: m.insert(at, m.substr(next() % m.size(), next() % 128)); break;  // repeat a run
        default: m.insert(at, next() % 2 ? "<div><table><b>" : "</p></article>-->"); break;
      }
      if (m.empty()) m = "<";
    }
    const auto r = read(m);
    CHECK((r.article.has_value() || !r.not_article.empty() || !r.warnings.empty()));
    if (r.article) CHECK(newsidx::readers::is_valid_utf8(r.article->text));
  }
}

TEST_CASE("html_reader: an item's own short body (a feed item's content) is the story, not a page",
          "[html_reader]") {
  const std::string body = "<p>Harbour cranes stood idle on Tuesday.</p><p>Talks resume <b>Friday</b>.</p>";
  PageSource source = saved();
  CHECK(read(body, source).not_article.size() > 0);  // as a whole page: too little text
  source.fragment = true;
  const PageResult r = read(body, source);
  REQUIRE(r.article);
  CHECK(r.article->body_text().find("Harbour cranes stood idle on Tuesday.") != std::string::npos);
  CHECK(r.article->body_text().find("Talks resume Friday.") != std::string::npos);
  source.fragment = true;
  CHECK_FALSE(read("<p> </p>", source).article);  // an empty body is still no story
}
