// Unit tests for the fields of JSON Lines records as news exports name and shape them
// (indexer/readers/jsonl_fields.hpp), and for the reader taking records of those exports.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "indexer/readers/jsonl_fields.hpp"
#include "indexer/readers/reader.hpp"

namespace fields = newsidx::readers::jsonl_fields;
using nlohmann::json;

TEST_CASE("jsonl fields: a value's text from a string, an object's name, or a list", "[readers][jsonl_fields]") {
  CHECK(fields::text_of(json("BBC News"), ", ") == "BBC News");
  CHECK(fields::text_of(json::parse(R"({"id": null, "name": "BBC News"})"), ", ") == "BBC News");
  CHECK(fields::text_of(json::parse(R"({"main": "Fed holds rates", "kicker": "x"})"), ", ") == "Fed holds rates");
  CHECK(fields::text_of(json::parse(R"({"original": "By Jane Doe"})"), ", ") == "By Jane Doe");
  CHECK(fields::text_of(json::parse(R"({"$oid": "61e7"})"), ", ") == "61e7");
  CHECK(fields::text_of(json::parse(R"([{"text": "One."}, {"text": "Two."}])"), "\n\n") == "One.\n\nTwo.");
  CHECK(fields::text_of(json::parse(R"(["One.", " ", "Two.", 3, ["x"]])"), "\n\n") == "One.\n\nTwo.");
  CHECK(fields::text_of(json::parse(R"([{"@type": "Person", "name": "Sam Lee"}, {"name": "Ana Ruiz"}])"), ", ") ==
        "Sam Lee, Ana Ruiz");
  CHECK(fields::text_of(json(42), ", ").empty());
  CHECK(fields::text_of(json::parse(R"({"id": 7})"), ", ").empty());
}

TEST_CASE("jsonl fields: the first key with text, a blank value giving way to the next", "[readers][jsonl_fields]") {
  const json r = json::parse(R"({"body": "  ", "text": ["Para one.", "Para two."], "content": "later"})");
  CHECK(fields::first_text(r, fields::kBody, "\n\n") == "Para one.\n\nPara two.");
  CHECK_FALSE(fields::first_text(r, fields::kTitle).has_value());
  CHECK(fields::first_text(json::parse(R"({"maintext": "M."})"), fields::kBody) == "M.");
  CHECK(fields::first_text(json::parse(R"({"articleBody": "A."})"), fields::kBody) == "A.");
}

TEST_CASE("jsonl fields: tags from a list, one string, or comma-separated keywords", "[readers][jsonl_fields]") {
  CHECK(fields::tags_of(json::parse(R"({"tags": ["ports", "", "labour"]})")) ==
        std::vector<std::string>{"ports", "labour"});
  CHECK(fields::tags_of(json::parse(R"({"tags": "ports, labour"})")) == std::vector<std::string>{"ports, labour"});
  CHECK(fields::tags_of(json::parse(R"({"keywords": "weather, storms ,uk,"})")) ==
        std::vector<std::string>{"weather", "storms", "uk"});
  CHECK(fields::tags_of(json::parse(R"({"keywords": [{"name": "subject", "value": "Rates"}]})")) ==
        std::vector<std::string>{"Rates"});
  CHECK(fields::tags_of(json::parse(R"({"tags": null, "keywords": "a,b"})")) == std::vector<std::string>{"a", "b"});
  CHECK(fields::tags_of(json::parse(R"({"categories": ["Economy"]})")) == std::vector<std::string>{"Economy"});
  CHECK(fields::tags_of(json::parse(R"({"title": "x"})")).empty());
}

TEST_CASE("jsonl fields: an export's cut note and a byline's By are not the text", "[readers][jsonl_fields]") {
  CHECK(fields::without_cut_note("Rates rose on Thursday. [+2345 chars]") == "Rates rose on Thursday.");
  CHECK(fields::without_cut_note("Rates rose [+ chars]") == "Rates rose [+ chars]");
  CHECK(fields::without_cut_note("A list [+2] of chars]") == "A list [+2] of chars]");
  CHECK(fields::without_cut_note("[+12 chars]") == "[+12 chars]");
  CHECK(fields::language_tag(" EN ") == "en");
  CHECK(fields::language_tag("English") == "en");
  CHECK(fields::language_tag("eng") == "en");
  CHECK(fields::language_tag("en-GB") == "en-gb");
  CHECK(fields::language_tag("german") == "german");
  CHECK(fields::without_by("By Jeanna Smialek") == "Jeanna Smialek");
  CHECK(fields::without_by("BY JANE DOE") == "JANE DOE");
  CHECK(fields::without_by("Byron Lee") == "Byron Lee");
  CHECK(fields::body_keys_named() ==
        "body, text, content, maintext, articleBody, article_body, full_text, lead_paragraph, description, summary or "
        "abstract");
}

TEST_CASE("jsonl fields: records of NewsAPI, news-please, schema.org and the NYT are read", "[readers][jsonl]") {
  const std::string file =
      R"({"source": {"id": null, "name": "BBC News"}, "author": "Jane Doe", "title": "Rates rise", )"
      R"("description": "Short.", "url": "https://www.bbc.co.uk/news/x", "publishedAt": "2022-01-19T10:00:00Z", )"
      R"("content": "The bank raised rates on Thursday. [+2345 chars]"})"
      "\n"
      R"({"_id": {"$oid": "61e7"}, "headline": {"main": "Fed holds rates"}, "abstract": "The Fed held.", )"
      R"("lead_paragraph": "The Federal Reserve held rates on Wednesday.", "pub_date": "2022-01-26T19:00:00+0000", )"
      R"("byline": {"original": "By Jeanna Smialek"}, "section_name": "Business", "web_url": "https://nyt.test/a", )"
      R"("keywords": [{"name": "subject", "value": "Interest Rates"}]})"
      "\n"
      R"({"maintext": "Police said on Monday they arrested three people.", "title": "Arrests", )"
      R"("date_publish": "2022-01-17 08:00:00", "authors": ["Marie Dupont"], "source_domain": "example.fr", )"
      R"("language": "EN"})"
      "\n"
      R"({"headline": "Storm hits coast", "articleBody": ["A storm hit the coast.", "Roads closed."], )"
      R"("datePublished": "2022-02-18", "author": [{"@type": "Person", "name": "Sam Lee"}], "keywords": "weather, uk"})"
      "\n"
      R"({"id": "e1", "title": "Only a summary", "body": "  ", "summary": "A summary of the story."})"
      "\n"
      R"({"id": "cut", "title": "Cut to nothing", "content": " [+120 chars]"})"
      "\n";
  const auto r = newsidx::readers::read_file("feed.jsonl", "feed.jsonl", file);
  REQUIRE(r.articles.size() == 5);
  const auto& api = r.articles[0];
  CHECK(api.source == "BBC News");
  CHECK(api.date == "2022-01-19");
  CHECK(api.body_text() == "The bank raised rates on Thursday.");
  const auto& nyt = r.articles[1];
  CHECK(nyt.id == "61e7");
  CHECK(nyt.title == "Fed holds rates");
  CHECK(nyt.date == "2022-01-26");
  CHECK(nyt.author == "Jeanna Smialek");
  CHECK(nyt.section == "Business");
  CHECK(nyt.url == "https://nyt.test/a");
  CHECK(nyt.tags == std::vector<std::string>{"Interest Rates"});
  CHECK(nyt.body_text() == "The Federal Reserve held rates on Wednesday.");
  const auto& please = r.articles[2];
  CHECK(please.date == "2022-01-17");
  CHECK(please.author == "Marie Dupont");
  CHECK(please.source == "example.fr");
  CHECK(please.lang == "en");
  const auto& ld = r.articles[3];
  CHECK(ld.title == "Storm hits coast");
  CHECK(ld.body_text() == "A storm hit the coast.\n\nRoads closed.");
  CHECK(ld.author == "Sam Lee");
  CHECK(ld.tags == std::vector<std::string>{"weather", "uk"});
  CHECK(r.articles[4].body_text() == "A summary of the story.");
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].line == 6);
  CHECK_THAT(r.warnings[0].reason, Catch::Contains("no body (body, text, content"));
}
