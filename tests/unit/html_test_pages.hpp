// A news page written for the tests (the text is ours): an article wrapped in what real pages
// carry around it — navigation, a cookie banner, a share bar, a byline, an image credit, related
// links, a newsletter box, comments and a footer — so tests can check what is and is not read.
#pragma once

#include <string>

namespace newsidx::test {

struct NewsPageParts {
  std::string lang = "en";
  std::string charset_meta = "<meta charset=\"utf-8\">";
  std::string canonical = "https://news.example.org/2024/03/05/harbour-cranes";
  std::string json_ld_headline = "Harbour cranes idle as dock workers strike over night shifts";
  std::string date_published = "2024-03-05T23:30:00-08:00";
};

/// The article's paragraphs as the page shows them.
inline const char* kHarbourParagraphs[] = {
    "Dock workers at the northern harbour walked off the job on Tuesday, leaving the container "
    "cranes idle and more than forty ships waiting at anchor, union officials said.",
    "The strike, the first at the port in eleven years, follows months of talks over night shifts "
    "that the operator wants to extend from eight to ten hours without extra pay.",
    "“We have offered a fair settlement and the door remains open,” said Marta Quillfeather, the "
    "port authority’s director of operations, adding that perishable cargo would be moved first.",
    "Shipping agents warned that fruit importers and a nearby car plant could run short of parts "
    "within days if the cranes stay still through the weekend.",
};

inline std::string news_page(const NewsPageParts& p = {}) {
  std::string html = "<!DOCTYPE html>\n<html lang=\"" + p.lang + "\">\n<head>\n" + p.charset_meta +
                     "\n<title>Harbour cranes idle as dock workers strike over night shifts | The Example "
                     "Gazette</title>\n<link rel=\"canonical\" href=\"" + p.canonical + "\">\n"
                     "<meta property=\"og:site_name\" content=\"The Example Gazette\">\n"
                     "<meta property=\"og:title\" content=\"Dock strike idles harbour cranes\">\n"
                     "<meta property=\"article:section\" content=\"Business\">\n"
                     "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
                     "\"@type\":\"NewsArticle\",\"headline\":\"" + p.json_ld_headline + "\","
                     "\"datePublished\":\"" + p.date_published + "\",\"author\":[{\"@type\":\"Person\","
                     "\"name\":\"Ines Barrowclough\"}],\"articleSection\":\"Business\"}</script>\n"
                     "<style>.cookie-banner{position:fixed}</style>\n</head>\n<body>\n"
                     "<div id=\"cookie-consent\" class=\"cookie-banner\"><p>We use biscuitware cookies to "
                     "improve your experience. Accept all?</p><button>Accept</button></div>\n"
                     "<header class=\"site-header\"><nav><ul><li><a href=\"/\">Home</a></li>"
                     "<li><a href=\"/world\">World</a></li><li><a href=\"/business\">Business</a></li>"
                     "<li><a href=\"/zebracorner\">Zebracorner</a></li></ul></nav></header>\n"
                     "<main>\n<article class=\"story\">\n"
                     "<h1>Harbour cranes idle as dock workers strike over night shifts</h1>\n"
                     "<div class=\"byline\">By Ines Barrowclough</div>\n"
                     "<time datetime=\"2024-03-06T07:30:00Z\">6 March 2024</time>\n"
                     "<div class=\"share-bar\"><a href=\"#\">Share on Flitter</a> <a href=\"#\">Email</a></div>\n"
                     "<figure><img src=\"cranes.jpg\" alt=\"\"><figcaption>Idle cranes at dawn. Photo: "
                     "Quentin Lensgrove/Example Pictures</figcaption></figure>\n<div class=\"article-body\">\n";
  html += "<p>" + std::string(kHarbourParagraphs[0]) + "</p>\n<p>" + kHarbourParagraphs[1] + "</p>\n";
  html += "<h2>Talks stalled</h2>\n<p>" + std::string(kHarbourParagraphs[2]) + "</p>\n";
  html += "<ul><li>Forty ships wait at anchor.</li><li>Perishable cargo goes first.</li></ul>\n";
  html += "<p>" + std::string(kHarbourParagraphs[3]) + "</p>\n";
  html += "<div class=\"newsletter-signup\"><p>Get the Morning Tideletter in your inbox.</p>"
          "<form><input type=\"email\"><button>Subscribe</button></form></div>\n"
          "</div>\n</article>\n"
          "<section class=\"related-stories\"><h2>Related</h2><ul>"
          "<li><a href=\"/a\">Ferry fares rise again</a></li><li><a href=\"/b\">Lighthouse sold "
          "to quarrymen</a></li><li><a href=\"/c\">Canal barges return</a></li></ul></section>\n"
          "<section id=\"comments\"><h2>Comments</h2><p>Grumblewick wrote: this strike is a "
          "disgrace and someone should say so loudly, in my humble opinion, today.</p></section>\n"
          "</main>\n<footer><p>© The Example Gazette. All rights reserved. Lanternfish Media "
          "Group.</p></footer>\n</body>\n</html>\n";
  return html;
}

}  // namespace newsidx::test
