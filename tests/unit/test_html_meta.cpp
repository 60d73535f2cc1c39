// Unit tests for page metadata: headline, date, author, section, canonical URL, site, language.
#include <catch2/catch.hpp>

#include <string>

#include "indexer/readers/html_dom.hpp"
#include "indexer/readers/html_meta.hpp"
#include "unit/html_test_pages.hpp"

using namespace newsidx::readers::html;

namespace {

PageMeta meta_of(const std::string& page, std::string_view url = "") {
  const Tree tree(page);
  return read_page_meta(tree.root(), url);
}

}  // namespace

TEST_CASE("html_meta: a news page's metadata", "[html_meta]") {
  const auto m = meta_of(newsidx::test::news_page());
  CHECK(m.title == "Harbour cranes idle as dock workers strike over night shifts");
  CHECK(m.date == "2024-03-05");  // 23:30 at -08:00 is the 5th there, though the 6th in UTC
  CHECK(m.author == "Ines Barrowclough");
  CHECK(m.section == "Business");
  CHECK(m.site_name == "The Example Gazette");
  CHECK(m.canonical_url == "https://news.example.org/2024/03/05/harbour-cranes");
  CHECK(m.lang == "en");
  CHECK(m.type == "newsarticle");
}

TEST_CASE("html_meta: the <title> without its site-name suffix", "[html_meta]") {
  CHECK(choose_title({"", "", ""}, "Main heading of the page", "Gazette | Cranes idle at the harbour", "Gazette") ==
        "Cranes idle at the harbour");
  CHECK(choose_title({"Only og title here", ""}, "", "Gazette", "Gazette") == "Only og title here");
  CHECK(strip_site_name("Cranes idle at the harbour – Example News", "") == "Cranes idle at the harbour");
  CHECK(strip_site_name("Home – Example", "") == "Home – Example");
  CHECK(strip_site_name("No separator here", "x") == "No separator here");
  // Separators are not words: neither "Home | Dockside" nor "Dockside | Gazette" is a headline.
  CHECK(strip_site_name("Home | Dockside | Gazette", "") == "Home | Dockside | Gazette");
}

TEST_CASE("html_meta: without a known site name the <title> loses only its last part", "[html_meta]") {
  // A section part stays; the blog's name goes.
  CHECK(meta_of("<title>Cranes idle at the harbour | Business | Ines Barrowclough</title>"
                "<body><h1>Hi, I'm Ines.</h1><p>Text.</p>")
            .title == "Cranes idle at the harbour | Business");
  // The headline's own dash stays.
  CHECK(meta_of("<title>Friday notes #12 - cranes back at work | Dockside blog</title><p>Text.</p>").title ==
        "Friday notes #12 - cranes back at work");
  // A name put first goes when what follows reads as a headline.
  CHECK(meta_of("<title>Dockside | Cranes idle at the harbour</title><p>Text.</p>").title ==
        "Cranes idle at the harbour");
}

TEST_CASE("html_meta: the metadata headline comes first, JSON-LD before og:title before the <h1>", "[html_meta]") {
  // og:title against an <h1> that the <title> repeats: og:title, as the issue orders them.
  CHECK(meta_of("<title>How we built the crane scheduler - Gazette</title>"
                "<meta property=\"og:title\" content=\"How we built the harbour's crane scheduler\">"
                "<body><h1>How we built the crane scheduler</h1><p>Text.</p>")
            .title == "How we built the harbour's crane scheduler");
  // JSON-LD's headline against an og:title that the <title> repeats: JSON-LD.
  CHECK(meta_of("<title>Cranes idle at the harbour - Gazette</title>"
                "<meta property=\"og:title\" content=\"Cranes idle at the harbour\">"
                "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                "\"headline\":\"Harbour cranes idle as dock workers strike\"}</script><p>Text.</p>")
            .title == "Harbour cranes idle as dock workers strike");
  // An og:title that is only the site's name (a template's) is no headline.
  CHECK(meta_of("<title>Cranes idle at the harbour - The Gazette</title>"
                "<meta property=\"og:title\" content=\"The Gazette\">"
                "<meta property=\"og:site_name\" content=\"The Gazette\">"
                "<body><h1>Cranes idle at the harbour</h1><p>Text.</p>")
            .title == "Cranes idle at the harbour");
  // An <h1> that the <title> does not repeat is not the headline ("Hi, I'm Ines." above); one that
  // it repeats is, over the <title>'s other parts.
  CHECK(meta_of("<title>Cranes idle at the harbour _Business _Dockside</title>"
                "<body><h1>Cranes idle at the harbour</h1>")
            .title == "Cranes idle at the harbour");
}

TEST_CASE("html_meta: a title part names the site by its og:site_name, that name's domain or motto, or the host", "[html_meta]") {
  CHECK(names_site("Factorio", "Factorio.com"));
  CHECK(names_site("aktuálně.cz", "Aktuálně.cz - Víte, co se právě děje"));
  CHECK(names_site("Example.com", "Example"));
  CHECK(names_site("Gazette", "", "www.gazette.co"));
  CHECK_FALSE(names_site("Factory", "Factorio.com"));
  CHECK_FALSE(names_site("0.17 in sight", "Factorio.com", "www.factorio.com"));
  CHECK_FALSE(names_site("", "Factorio.com"));
  // The site's part goes, and only it: the headline keeps its own " - ".
  CHECK(strip_site_name("Friday Facts #282 - 0.17 in sight | Factorio", "Factorio.com") ==
        "Friday Facts #282 - 0.17 in sight");
  CHECK(strip_site_name("Cranes idle at the harbour - part two | News", "", "news.example.org") ==
        "Cranes idle at the harbour - part two");
  CHECK(strip_site_name("Aktuálně.cz - Cranes idle at the harbour", "Aktuálně.cz - Víte, co se právě děje") ==
        "Cranes idle at the harbour");
}

TEST_CASE("html_meta: a headline from the page's metadata is kept as the page states it", "[html_meta]") {
  const std::string headline = "Raspberry Pi 3 - The credit card sized PC that cost only $35 - Bestselling computer";
  CHECK(strip_named_site(headline, "SIMPLYFOUND.COM | BY: JOE WEE") == headline);
  CHECK(choose_title({"", headline, headline}, headline, headline + " - SimplyFound",
                     "SIMPLYFOUND.COM | BY: JOE WEE") == headline);
  // The site-name suffix is cut from the <title> only: an og:title that carries it keeps it.
  CHECK(choose_title({"", "Cranes idle at the harbour | Gazette", ""}, "", "Gazette", "The Gazette",
                     "gazette.example") == "Cranes idle at the harbour | Gazette");
  CHECK(choose_title({"", "", ""}, "", "Cranes idle at the harbour | Gazette", "The Gazette", "gazette.example") ==
        "Cranes idle at the harbour");
  CHECK(choose_title({"Cranes idle at the harbour - Ines Barrowclough - Medium"}, "", "", "Medium") ==
        "Cranes idle at the harbour - Ines Barrowclough - Medium");
}

TEST_CASE("html_meta: a home or section address is a section root, a story's is not", "[html_meta]") {
  for (const char* root : {"https://news.example.org/", "https://news.example.org", "//us.example.com/news/",
                           "https://www.example.com/es/", "/world-news/", "https://example.org/#top"})
    CHECK(is_section_root(root));
  for (const char* story : {"https://news.example.org/2024/03/05/harbour-cranes", "https://example.org/business/cranes",
                            "https://example.org/harbour-cranes-idle-as-strike-holds", "https://example.org/story.html",
                            "//example.org/news/12345", "https://example.org/a1b2c3", "https://blog.example.org/?p=123", ""})
    CHECK_FALSE(is_section_root(story));
  CHECK(meta_of("<link rel=\"canonical\" href=\"//us.example.com/news/\">").declared_url == "//us.example.com/news/");
  CHECK(meta_of("<link rel=\"canonical\" href=\"//us.example.com/news/\">").canonical_url.empty());
}

TEST_CASE("html_meta: dates come from meta names, <time>, then the URL, as stated in their own offset", "[html_meta]") {
  CHECK(meta_of("<meta property=\"article:published_time\" content=\"2019-01-03T07:00:02.000Z\">").date == "2019-01-03");
  CHECK(meta_of("<meta name=\"parsely-pub-date\" content=\"2015-07-24T05:36:09+01:00\">").date == "2015-07-24");
  CHECK(meta_of("<body><time datetime=\"2020-09-21T01:00:00+09:00\">x</time></body>").date == "2020-09-21");
  CHECK(meta_of("<p>x</p>", "https://example.com/news/2016/07/29/story.html?x=1").date == "2016-07-29");
  CHECK(meta_of("<p>x</p>", "https://example.com/about").date.empty());
}

TEST_CASE("html_meta: JSON-LD in CDATA, in @graph, or broken", "[html_meta]") {
  const auto m = meta_of(
      "<script type=\"application/ld+json\"><![CDATA[{\"@graph\":[{\"@type\":\"WebSite\",\"name\":\"Site\"},"
      "{\"@type\":\"BlogPosting\",\"headline\":\"Graph headline\",\"datePublished\":\"2024-06-25\","
      "\"author\":[\"Ann One\",{\"name\":\"Bo Two\"}],\"inLanguage\":\"en-US\"}]}]]></script>");
  CHECK(m.title == "Graph headline");
  CHECK(m.date == "2024-06-25");
  CHECK(m.author == "Ann One, Bo Two");
  CHECK(m.lang == "en-us");
  const auto broken = meta_of("<script type=\"application/ld+json\">{\"headline\": oops</script><h1>Heading wins here</h1>");
  CHECK(broken.title == "Heading wins here");
}

TEST_CASE("html_meta: canonical URL from <link>, else og:url, relative ones are ignored", "[html_meta]") {
  CHECK(meta_of("<link rel=\"canonical\" href=\"/relative\"><meta property=\"og:url\" content=\"https://x.org/a\">").canonical_url ==
        "https://x.org/a");
  CHECK(meta_of("<link rel=\"canonical\" href=\"/relative\">").canonical_url.empty());
}

TEST_CASE("html_meta: author from meta without a 'By', URLs are not names, else the byline", "[html_meta]") {
  CHECK(meta_of("<meta name=\"author\" content=\"By Kim Lee\">").author == "Kim Lee");
  CHECK(meta_of("<meta property=\"article:author\" content=\"https://facebook.com/kim\">").author.empty());
  CHECK(meta_of("<body><p>x <a rel=\"author\" href=\"/kim\">Kim Lee</a></p></body>").author == "Kim Lee");
  CHECK(meta_of("<body><div class=\"story-byline\">By <span>Ana Ruiz</span></div></body>").author == "Ana Ruiz");
}

TEST_CASE("html_meta: language from <html lang>, else Content-Language or og:locale", "[html_meta]") {
  CHECK(meta_of("<html lang=\"pt-BR\"><p>x</p></html>").lang == "pt-br");
  CHECK(meta_of("<meta property=\"og:locale\" content=\"fr_FR\">").lang == "fr-fr");
  CHECK(primary_language("en-GB") == "en");
  CHECK(primary_language("") == "");
}
