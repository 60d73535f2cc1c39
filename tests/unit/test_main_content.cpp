// Unit tests for main-content extraction: what an article keeps and what is page furniture.
#include <catch2/catch.hpp>

#include <string>

#include "indexer/readers/html_dom.hpp"
#include "indexer/readers/main_content.hpp"
#include "unit/html_test_pages.hpp"

using namespace newsidx::readers::html;
using newsidx::test::kHarbourParagraphs;

namespace {

MainContent extract(const std::string& page, const ContentHints& hints = {}) {
  const Tree tree(page);
  return extract_main_content(tree.body(), hints);
}

std::string paragraph(int n) {
  return "Paragraph " + std::to_string(n) + " tells, at some length and with commas, what the "
         "council decided about the bridge, the tolls, the ferries and the quay repairs this year.";
}

}  // namespace

TEST_CASE("main_content: the article's paragraphs, subheading and list, a blank line between blocks", "[main_content]") {
  const auto c = extract(newsidx::test::news_page(), {"Harbour cranes idle as dock workers strike over night shifts",
                                                      "Ines Barrowclough"});
  const std::string expected = std::string(kHarbourParagraphs[0]) + "\n\n" + kHarbourParagraphs[1] +
                               "\n\nTalks stalled\n\n" + kHarbourParagraphs[2] +
                               "\n\nForty ships wait at anchor.\n\nPerishable cargo goes first.\n\n" +
                               kHarbourParagraphs[3];
  CHECK(c.text == expected);
  CHECK(c.paragraphs == 6);
}

TEST_CASE("main_content: navigation, cookie banner, share bar, byline, caption, related, newsletter, comments and footer are left out", "[main_content]") {
  const auto c = extract(newsidx::test::news_page(), {"", "Ines Barrowclough"});
  for (const char* furniture : {"Zebracorner", "biscuitware", "Flitter", "By Ines", "Lensgrove", "Ferry fares",
                                "Tideletter", "Grumblewick", "Lanternfish"})
    CHECK(c.text.find(furniture) == std::string::npos);
}

TEST_CASE("main_content: a layout wrapper named like a sidebar still holds the article", "[main_content]") {
  std::string page = "<body><div class=\"panel-two-col-sidebar-right\"><div class=\"content-column\">";
  for (int i = 1; i <= 10; ++i) page += "<p>" + paragraph(i) + "</p>";
  page += "</div></div><div class=\"share-tools\"><p>Share this story with friends</p></div></body>";
  const auto c = extract(page);
  CHECK(c.text.find("Paragraph 1 ") != std::string::npos);
  CHECK(c.text.find("Paragraph 10 ") != std::string::npos);
  CHECK(c.text.find("Share this story") == std::string::npos);
}

TEST_CASE("main_content: the best-scoring container wins over link lists and teasers", "[main_content]") {
  std::string page = "<body><div id=\"teasers\">";
  for (int i = 0; i < 8; ++i) page += "<p><a href=\"/t\">Teaser headline number " + std::to_string(i) + " about something else</a></p>";
  page += "</div><div id=\"story\">";
  for (int i = 1; i <= 5; ++i) page += "<p>" + paragraph(i) + "</p>";
  page += "</div></body>";
  const auto c = extract(page);
  CHECK(c.text.starts_with("Paragraph 1 "));
  CHECK(c.text.find("Teaser") == std::string::npos);
  CHECK(c.words > 100);
}

TEST_CASE("main_content: the headline and a heading with nothing under it are not body text", "[main_content]") {
  std::string page = "<body><div class=\"post\"><h1>Bridge tolls rise</h1>";
  for (int i = 1; i <= 3; ++i) page += "<p>" + paragraph(i) + "</p>";
  page += "<h3>More from the council</h3></div></body>";
  const auto c = extract(page, {"Bridge tolls rise", ""});
  CHECK(c.text.starts_with("Paragraph 1 "));
  CHECK(c.text.find("More from the council") == std::string::npos);
}

TEST_CASE("main_content: hidden elements and scripts are not read", "[main_content]") {
  std::string page = "<body><div>";
  for (int i = 1; i <= 3; ++i) page += "<p>" + paragraph(i) + "</p>";
  page += "<p hidden>Secret one</p><p style=\"display: none\">Secret two</p><div aria-hidden=\"true\">Secret three</div>"
          "<script>document.write('Secret four')</script></div></body>";
  const auto c = extract(page);
  CHECK(c.text.find("Secret") == std::string::npos);
  CHECK(c.text.find("Paragraph 3") != std::string::npos);
}

TEST_CASE("main_content: a page with no text gives nothing", "[main_content]") {
  CHECK(extract("<body><div><img src=\"a.jpg\"></div></body>").text.empty());
  CHECK(extract_main_content(nullptr, {}).text.empty());
}

TEST_CASE("main_content: words count Chinese and Japanese characters one by one", "[main_content]") {
  CHECK(count_words("three plain words") == 3);
  CHECK(count_words("人工智能 AI") == 5);
  CHECK(count_words("") == 0);
}

TEST_CASE("main_content: an article cut into sections is read whole, not its best section alone", "[main_content]") {
  std::string page = "<body><div class=\"nav-links\"><a href=\"/\">Home</a></div><article>";
  for (int s = 0; s < 5; ++s) {
    page += "<span><div class=\"mod step\"><h2>Step " + std::to_string(s) + "</h2><div class=\"content\">";
    page += "<p>" + paragraph(10 * s + 1) + "</p>";
    if (s == 0) page += "<p>" + paragraph(2) + "</p><p>" + paragraph(3) + "</p>";
    page += "</div></div></span>";
  }
  page += "</article></body>";
  const auto c = extract(page);
  for (int s = 0; s < 5; ++s) CHECK(c.text.find("Paragraph " + std::to_string(10 * s + 1) + " ") != std::string::npos);
  CHECK(c.text.find("Step 4") != std::string::npos);
}
